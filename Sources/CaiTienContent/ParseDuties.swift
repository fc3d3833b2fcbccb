import CaiTienModel
import FrontMatter

// Parsing the records of the ward's other duties (SPEC §5): `audits/`, `inspections/`,
// `legal/`, and the `qms:` facts and settings of site.yml. Same file rules as the requests.

/// A parsed internal audit, inspection or legal document.
public enum DutyRecord: Sendable {
    case audit(Audit)
    case inspection(Inspection)
    case legal(LegalDocument)
}

let dutySettingKeys = ["audit_interval_days", "legal_update_months", "inspection_report_months", "finding_request_days"]
let qmsKeys: KnownKeys = ["announced_on", "announcement_ref", "scope_changed_on", "effectiveness_confirmed_on"]

let auditFindingKeys: KnownKeys = ["unit", "clause", "type", "text", "ticket", "confidential"]
let inspectionFindingKeys: KnownKeys = ["text", "ticket", "confidential"]
let reportKeys: KnownKeys = ["date", "ref"]

/// `none` (or `không`) in `affects`: the document changes no procedure of the QMS.
let affectsNothing: Set<String> = ["none", "không", "không có"]

func parseDutySettings(_ s: inout Fields, into settings: inout Settings) {
    if let v = s.integer("audit_interval_days", minimum: 1) { settings.auditIntervalDays = v }
    // Months are bounded like days: 1,200 months are a hundred years.
    if let v = s.integer("legal_update_months", minimum: 0, maximum: 1200) { settings.legalUpdateMonths = v }
    if let v = s.integer("inspection_report_months", minimum: 0, maximum: 1200) { settings.inspectionReportMonths = v }
    if let v = s.integer("finding_request_days", minimum: 0) { settings.findingRequestDays = v }
}

func parseQMS(_ f: inout Fields, into site: inout SiteConfig) {
    guard let node = f.node("qms"), !node.isNull else { return }
    var q = f.nested(node, known: qmsKeys, what: .theQMS)
    site.qms.announcedOn = q.day("announced_on")
    site.qms.announcementRef = q.text("announcement_ref")
    site.qms.scopeChangedOn = q.day("scope_changed_on")
    site.qms.effectivenessConfirmedOn = q.day("effectiveness_confirmed_on")
    f.diagnostics += q.diagnostics
}

extension Fields {
    /// A list of text items, or one text written on its own (`scope: tthcc`).
    mutating func textItems(_ key: String) -> [String] {
        if let node = node(key), let one = node.scalar, !node.isNull {
            let trimmed = one.trimmingWhitespace
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return texts(key)
    }
}

// MARK: - Internal audits

func parseAudit(_ node: YAMLNode, body: SplitRecord, id: String, path: String, lineOffset: Int) -> (ParsedRecord, [Diagnostic]) {
    var f = Fields(node, path: path, lineOffset: lineOffset, type: .audit)
    let date = f.day("date", required: Hint.auditDate)
    let end = f.day("end")
    let lead = f.text("lead_auditor", required: Hint.leadAuditor)
    let auditors = f.textItems("auditors")
    let before = f.diagnostics.count
    let scope = f.textItems("scope")
    if scope.isEmpty && f.diagnostics.count == before { f.missing("scope", Hint.scope) }
    let approvedBy = f.text("approved_by"), approvedOn = f.day("approved_on")
    var findings: [Audit.Finding] = []
    for item in f.list("findings") {
        var g = f.nested(item, known: auditFindingKeys, what: .aFinding)
        let unit = g.text("unit", required: Hint.findingUnit)
        let clause = g.text("clause")
        let type = g.choice("type", FindingType.self, required: Hint.findingType)
        let text = g.text("text", required: Hint.findingText)
        let ticket = g.text("ticket")
        let confidential = g.bool("confidential")
        f.diagnostics += g.diagnostics
        // A finding that cannot be read still holds its place: the others keep their numbers.
        var finding = Audit.Finding(unit: unit ?? "", clause: clause, type: type ?? .observation, text: text ?? "",
                                    ticket: ticket, line: g.position.line)
        finding.confidential = confidential ?? false
        finding.positions = g.positions()
        findings.append(finding)
    }
    let safe = f.checkID(id, of: .audit)
    guard let date, let lead, safe else { return (.invalid, f.diagnostics) }
    var audit = Audit(id: id, path: path, date: date, leadAuditor: lead)
    audit.end = end
    audit.auditors = auditors
    audit.scope = scope
    audit.approvedBy = approvedBy; audit.approvedOn = approvedOn
    audit.findings = findings
    audit.bodyHTML = screenedBody(body, path: path, diagnostics: &f.diagnostics).map(\.html).joined()
    audit.extra = f.extra
    audit.positions = f.positions()
    return (.duty(.audit(audit)), f.diagnostics)
}

// MARK: - Inspections

func parseInspection(_ node: YAMLNode, body: SplitRecord, id: String, path: String, lineOffset: Int) -> (ParsedRecord, [Diagnostic]) {
    var f = Fields(node, path: path, lineOffset: lineOffset, type: .inspection)
    let date = f.day("date", required: Hint.inspectionDate)
    let by = f.text("by", required: Hint.inspectionBy)
    let mode = f.choice("mode", InspectionMode.self, required: Hint.inspectionMode)
    let reference = f.text("reference")
    var findings: [Inspection.Finding] = []
    for item in f.list("findings") {
        // A finding may be written as its text alone: `- Chưa cập nhật danh mục tài liệu`.
        if let text = item.scalar, !item.isNull {
            findings.append(Inspection.Finding(text: text.trimmingWhitespace, line: item.mark.line + lineOffset))
            continue
        }
        var g = f.nested(item, known: inspectionFindingKeys, what: .aFinding)
        let text = g.text("text", required: Hint.inspectionFindingText)
        let ticket = g.text("ticket")
        let confidential = g.bool("confidential")
        f.diagnostics += g.diagnostics
        var finding = Inspection.Finding(text: text ?? "", ticket: ticket, line: g.position.line)
        finding.confidential = confidential ?? false
        finding.positions = g.positions()
        findings.append(finding)
    }
    let reportedOn = f.day("reported_on"), reportRef = f.text("report_ref")
    var reports: [Inspection.Report] = []
    for item in f.list("reports") {
        var r = f.nested(item, known: reportKeys, what: .aReport)
        let day = r.day("date", required: Hint.reportDate)
        let ref = r.text("ref")
        f.diagnostics += r.diagnostics
        if let day { reports.append(Inspection.Report(date: day, ref: ref, line: r.position.line)) }
    }
    if f.has("reports") && (f.has("reported_on") || f.has("report_ref")) {
        f.report(.reportsTwice, at: f.has("reported_on") ? "reported_on" : "report_ref")
    } else if let reportedOn {
        reports = [Inspection.Report(date: reportedOn, ref: reportRef, line: f.position(of: "reported_on").line)]
    }
    let response = f.choice("response", InspectionResponse.self)
    let responseOn = f.day("response_on")
    let safe = f.checkID(id, of: .inspection)
    guard let date, let by, let mode, safe else { return (.invalid, f.diagnostics) }
    var inspection = Inspection(id: id, path: path, date: date, by: by, mode: mode)
    inspection.reference = reference
    inspection.findings = findings
    // Oldest first: the first report is the one the deadline measures.
    inspection.reports = reports.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    inspection.response = response
    inspection.responseOn = responseOn
    inspection.bodyHTML = screenedBody(body, path: path, diagnostics: &f.diagnostics).map(\.html).joined()
    inspection.extra = f.extra
    inspection.positions = f.positions()
    return (.duty(.inspection(inspection)), f.diagnostics)
}

// MARK: - Legal documents

func parseLegal(_ node: YAMLNode, body: SplitRecord, id: String, path: String, lineOffset: Int) -> (ParsedRecord, [Diagnostic]) {
    var f = Fields(node, path: path, lineOffset: lineOffset, type: .legal)
    let title = f.text("title", required: Hint.legalTitle)
    let issuedOn = f.day("issued_on")
    let effectiveOn = f.day("effective_on", required: Hint.effectiveOn)
    let before = f.diagnostics.count
    var affects = f.textItems("affects")
    if affects.isEmpty && f.diagnostics.count == before { f.missing("affects", Hint.affects) }
    if affects.count == 1, affectsNothing.contains(affects[0].lowercased()) { affects = [] }
    let units = f.textItems("units")
    let updatedOn = f.day("updated_on")
    let ticket = f.text("ticket")
    let safe = f.checkID(id, of: .legal)
    guard let title, let effectiveOn, safe else { return (.invalid, f.diagnostics) }
    var document = LegalDocument(id: id, path: path, title: title, effectiveOn: effectiveOn)
    document.issuedOn = issuedOn
    document.affects = affects
    document.units = units
    document.updatedOn = updatedOn
    document.ticket = ticket
    document.bodyHTML = screenedBody(body, path: path, diagnostics: &f.diagnostics).map(\.html).joined()
    document.extra = f.extra
    document.positions = f.positions()
    return (.duty(.legal(document)), f.diagnostics)
}
