import CaiTienAnalysis
import CaiTienModel

// The records of the ward's other duties in data.json (SPEC §3, §5): each record with its id and
// its front-matter fields under their own names, dates as YYYY-MM-DD. A finding that names a
// citizen — marked `confidential`, or whose request is confidential — keeps its unit, type and
// request but not its text.

/// The ids of the confidential requests: a finding naming one is withheld as they are.
func confidentialRequestIDs(_ content: Content) -> Set<String> {
    Set(content.requests.lazy.filter(\.confidential).map(\.id))
}

extension Audit.Finding {
    /// Its text may not be shown: it is marked confidential, or its request is.
    func isWithheld(_ confidentialRequests: Set<String>) -> Bool {
        confidential || ticket.map(confidentialRequests.contains) == true
    }
}

extension Inspection.Finding {
    func isWithheld(_ confidentialRequests: Set<String>) -> Bool {
        confidential || ticket.map(confidentialRequests.contains) == true
    }
}

private func object(_ pairs: [(String, JSON)]) -> JSON { .object(pairs.filter { $0.1 != .null }) }

func auditJSON(_ a: Audit, confidential: Set<String>) -> JSON {
    var pairs: [(String, JSON)] = [
        ("id", .string(a.id)), ("date", .day(a.date)), ("end", .day(a.end)), ("lead_auditor", .string(a.leadAuditor)),
    ]
    if !a.auditors.isEmpty { pairs.append(("auditors", .strings(a.auditors))) }
    pairs += [("scope", .strings(a.scope)), ("approved_by", .text(a.approvedBy)), ("approved_on", .day(a.approvedOn))]
    pairs.append(("findings", .array(a.findings.enumerated().map { i, f in
        let withheld = f.isWithheld(confidential)
        return object([
            ("id", .string(a.findingID(i))), ("unit", .string(f.unit)), ("clause", .text(f.clause)), ("type", .string(f.type.rawValue)),
            ("text", withheld ? .null : .string(f.text)), ("ticket", .text(f.ticket)), ("confidential", withheld ? .bool(true) : .null),
        ])
    })))
    for (key, value) in a.extra { pairs.append((key, .string(value))) }
    return object(pairs)
}

func inspectionJSON(_ i: Inspection, confidential: Set<String>) -> JSON {
    var pairs: [(String, JSON)] = [
        ("id", .string(i.id)), ("date", .day(i.date)), ("by", .string(i.by)), ("mode", .string(i.mode.rawValue)),
        ("reference", .text(i.reference)),
    ]
    pairs.append(("findings", .array(i.findings.map { f in
        let withheld = f.isWithheld(confidential)
        return object([("text", withheld ? .null : .string(f.text)), ("ticket", .text(f.ticket)),
                       ("confidential", withheld ? .bool(true) : .null)])
    })))
    pairs.append(("reports", .array(i.reports.map { object([("date", .day($0.date)), ("ref", .text($0.ref))]) })))
    pairs += [("response", .text(i.response?.rawValue)), ("response_on", .day(i.responseOn))]
    for (key, value) in i.extra { pairs.append((key, .string(value))) }
    return object(pairs)
}

func legalJSON(_ d: LegalDocument) -> JSON {
    var pairs: [(String, JSON)] = [
        ("id", .string(d.id)), ("title", .string(d.title)), ("issued_on", .day(d.issuedOn)), ("effective_on", .day(d.effectiveOn)),
        ("affects", d.affects.isEmpty ? .strings(["none"]) : .strings(d.affects)),
    ]
    if !d.units.isEmpty { pairs.append(("units", .strings(d.units))) }
    pairs += [("updated_on", .day(d.updatedOn)), ("ticket", .text(d.ticket))]
    for (key, value) in d.extra { pairs.append((key, .string(value))) }
    return object(pairs)
}

/// `,"audits":[…],"inspections":[…],"legal":[…]`, each sorted by id.
func dutiesJSON(_ content: Content) -> String {
    let confidential = confidentialRequestIDs(content)
    return ",\"audits\":" + JSON.array(content.audits.sorted { $0.id < $1.id }.map { auditJSON($0, confidential: confidential) }).serialized()
        + ",\"inspections\":" + JSON.array(content.inspections.sorted { $0.id < $1.id }.map { inspectionJSON($0, confidential: confidential) }).serialized()
        + ",\"legal\":" + JSON.array(content.legal.sorted { $0.id < $1.id }.map(legalJSON)).serialized()
}

/// The lines `caitien stats` prints for the figures of SPEC §5.
func dutyStatsLines(_ f: Figures, _ words: StatsWords) -> [String] {
    let a = f.audits, i = f.inspections, g = f.legal
    return [
        "",
        words.say(.statsAudit, ["last": words.day(a.last), "ago": words.ago(a.daysSinceLast), "due": words.due(a.due, next: a.nextDue)]),
        words.say(.statsFindings, ["list": words.counts(a.findings) { words.label?.t("finding_" + $0.rawValue) ?? $0.rawValue }]),
        words.say(.statsUnanswered, ["ids": words.ids(a.unansweredFindings)]),
        words.say(.statsInspections, ["last": words.day(i.last), "overdue": words.ids(i.reportsOverdue), "late": words.ids(i.reportsLate),
                                      "rejected": words.ids(i.rejectedOpen)]),
        words.say(.statsLegal, ["pending": words.ids(g.pending), "overdue": words.ids(g.overdue), "late": words.ids(g.late),
                                "onTime": words.percent(g.onTimeRate)]),
    ]
}
