import CaiTienModel

// Assembling and validating the records of the ward's other duties (SPEC §5).

/// The audits, inspections and legal documents of a content folder while it is assembled.
struct DutyRecords {
    var audits: [Audit] = []
    var inspections: [Inspection] = []
    var legal: [LegalDocument] = []

    mutating func add(_ record: DutyRecord) {
        switch record {
        case .audit(let a): audits.append(a)
        case .inspection(let i): inspections.append(i)
        case .legal(let l): legal.append(l)
        }
    }

    /// Puts the records into `content`, with units named by their name read into their code
    /// (SPEC §1: `unit:` accepts a unit's name as well as its code).
    func put(into content: inout Content) {
        let codes = Set(content.site.units.map(\.code))
        var byName: [String: String] = [:]
        for unit in content.site.units {
            byName[foldValue(unit.name)] = unit.code
            byName[foldValue(unit.code)] = unit.code
        }
        func code(_ written: String) -> String { codes.contains(written) ? written : byName[foldValue(written)] ?? written }
        content.audits = audits.map { audit in
            var a = audit
            a.scope = a.scope.map(code)
            for i in a.findings.indices { a.findings[i].unit = code(a.findings[i].unit) }
            return a
        }
        content.inspections = inspections
        content.legal = legal.map { document in
            var d = document
            d.units = d.units.map(code)
            return d
        }
    }
}

/// The rules of SPEC §5 that relate these records to each other, to the requests and to today.
func validateDuties(_ parsed: ParsedContent, today: Day) -> [Diagnostic] {
    let content = parsed.content
    var out: [Diagnostic] = []
    let top = Position(line: 1, column: 1)
    let todayText = Phrase.value(today.vietnamese)
    let units = Set(content.site.units.map(\.code))
    let unitList: Phrase = units.isEmpty ? .noUnits : .codes(content.site.units.map(\.code))
    let requestIDs = parsed.requestIDs.sorted()
    var requestsByID: [String: Request] = [:]
    let named = Set(content.audits.flatMap { $0.findings.compactMap(\.ticket) } + content.inspections.flatMap { $0.findings.compactMap(\.ticket) })
    for r in content.requests where named.contains(r.id) { requestsByID[r.id] = r }

    func unknownUnit(_ code: String) -> [String: Phrase] {
        ["code": .value(code), "units": unitList, "suggestion": .didYouMean(closest(code, in: content.site.units.map(\.code)))]
    }
    func future(_ path: String, _ position: Position, _ what: Phrase, _ day: Day) {
        if day > today { out.append(Diagnostic(.futureDate, path, position, ["what": what, "date": .value(day.vietnamese), "today": todayText])) }
    }
    func before(_ path: String, _ position: Position, _ what: Phrase, _ day: Day, start: String, _ startDay: Day) {
        if day < startDay {
            out.append(Diagnostic(.beforeStart, path, position, ["what": what, "date": .value(day.vietnamese),
                                                                 "start": .key(start), "startDate": .value(startDay.vietnamese)]))
        }
    }
    /// A finding's request: it exists, and does not name another audit or inspection.
    func ticket(_ id: String, path: String, at position: Position, number: Int, key: String, own: String) {
        guard parsed.requestIDs.contains(id) else {
            out.append(Diagnostic(.unknownRequest, path, position,
                                  ["where": .finding(number), "id": .value(id), "suggestion": .didYouMean(closest(id, in: requestIDs))]))
            return
        }
        guard let r = requestsByID[id], let other = key == "audit" ? r.audit : r.inspection, other != own else { return }
        out.append(Diagnostic(.findingTicketElsewhere, path, position,
                              ["number": .value(number), "ticket": .value(id), "key": .key(key), "other": .value(other)]))
    }

    for audit in content.audits {
        let path = audit.path
        func at(_ key: String) -> Position { audit.positions[key] ?? top }
        future(path, at("date"), .key("date"), audit.date)
        if let end = audit.end {
            if end < audit.date {
                out.append(Diagnostic(.endBeforeDate, path, at("end"), ["end": .value(end.vietnamese), "date": .value(audit.date.vietnamese)]))
            }
            future(path, at("end"), .key("end"), end)
        }
        if let approved = audit.approvedOn {
            before(path, at("approved_on"), .key("approved_on"), approved, start: audit.end == nil ? "date" : "end", audit.lastDay)
            future(path, at("approved_on"), .key("approved_on"), approved)
        }
        if !units.isEmpty {
            for code in audit.scope where !units.contains(code) { out.append(Diagnostic(.unknownUnit, path, at("scope"), unknownUnit(code))) }
        }
        for (i, finding) in audit.findings.enumerated() {
            let unitAt = finding.positions["unit"] ?? Position(line: finding.line, column: 1)
            if !finding.unit.isEmpty {
                if !units.isEmpty && !units.contains(finding.unit) {
                    out.append(Diagnostic(.unknownUnit, path, unitAt, unknownUnit(finding.unit)))
                } else if !audit.scope.contains(finding.unit) {
                    out.append(Diagnostic(.findingOutsideScope, path, unitAt,
                                          ["number": .value(i + 1), "unit": .value(finding.unit), "scope": .codes(audit.scope)]))
                }
            }
            if let id = finding.ticket {
                ticket(id, path: path, at: finding.positions["ticket"] ?? unitAt, number: i + 1, key: "audit", own: audit.id)
            }
        }
    }

    for inspection in content.inspections {
        let path = inspection.path
        func at(_ key: String) -> Position { inspection.positions[key] ?? top }
        future(path, at("date"), .key("date"), inspection.date)
        let listed = inspection.positions["reports"] != nil
        for (n, report) in inspection.reports.enumerated() {
            let (position, what): (Position, Phrase) = listed ? (Position(line: report.line, column: 1), .reportDated(n + 1))
                : (at("reported_on"), .key("reported_on"))
            before(path, position, what, report.date, start: "date", inspection.date)
            future(path, position, what, report.date)
        }
        if inspection.response != nil && inspection.responseOn == nil { out.append(Diagnostic(.responseWithoutDate, path, at("response"))) }
        if let answered = inspection.responseOn {
            before(path, at("response_on"), .key("response_on"), answered, start: "date", inspection.date)
            future(path, at("response_on"), .key("response_on"), answered)
        }
        for (i, finding) in inspection.findings.enumerated() {
            if let id = finding.ticket {
                ticket(id, path: path, at: finding.positions["ticket"] ?? Position(line: finding.line, column: 1),
                       number: i + 1, key: "inspection", own: inspection.id)
            }
        }
    }

    for document in content.legal {
        let path = document.path
        func at(_ key: String) -> Position { document.positions[key] ?? top }
        if let updated = document.updatedOn {
            if updated < document.effectiveOn {
                out.append(Diagnostic(.updatedBeforeEffective, path, at("updated_on"),
                                      ["updated": .value(updated.vietnamese), "effective": .value(document.effectiveOn.vietnamese)]))
            }
            future(path, at("updated_on"), .key("updated_on"), updated)
        }
        if !units.isEmpty {
            for code in document.units where !units.contains(code) { out.append(Diagnostic(.unknownUnit, path, at("units"), unknownUnit(code))) }
        }
        if let id = document.ticket, !parsed.requestIDs.contains(id) {
            out.append(Diagnostic(.unknownRequest, path, at("ticket"),
                                  ["where": .key("ticket"), "id": .value(id), "suggestion": .didYouMean(closest(id, in: requestIDs))]))
        }
    }

    // A request's `audit:` and `inspection:` name records that exist.
    let auditIDs = parsed.auditIDs.sorted(), inspectionIDs = parsed.inspectionIDs.sorted()
    for r in content.requests {
        if let audit = r.audit, !parsed.auditIDs.contains(audit) {
            out.append(Diagnostic(.unknownAudit, r.path, r.position(of: "audit"),
                                  ["id": .value(audit), "suggestion": .didYouMean(closest(audit, in: auditIDs))]))
        }
        if let inspection = r.inspection, !parsed.inspectionIDs.contains(inspection) {
            out.append(Diagnostic(.unknownInspection, r.path, r.position(of: "inspection"),
                                  ["id": .value(inspection), "suggestion": .didYouMean(closest(inspection, in: inspectionIDs))]))
        }
    }
    return out
}
