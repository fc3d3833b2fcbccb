import CaiTienModel
import Foundation
import FrontMatter
import Markdown

/// One parsed file.
public enum ParsedRecord: Sendable {
    case site(SiteConfig)
    case request(Request)
    case review(Review)
    case plan(ObjectivePlan)
    /// An internal audit, an inspection or a legal document (SPEC §5).
    case duty(DutyRecord)
    /// The file could not be read as a record; its diagnostics say why.
    case invalid
    /// A record with errors in some of its keys: kept for the rules over the keys that could be
    /// read, so that every error of a file is reported at once, but never shown or counted.
    /// `unknown` names the keys whose value is missing or could not be read.
    indirect case incomplete(ParsedRecord, unknown: Set<String>)
}

/// The keys of `required` whose value is nil.
private func unknownKeys(_ required: [(String, Any?)]) -> Set<String> {
    Set(required.filter { $0.1 == nil }.map(\.0))
}

/// The id of a record, by its type's rule (`RecordType.IDRule`). In NFC, as all text is:
/// editors and file systems on macOS write file names in NFD.
func recordID(_ relativePath: String, type: RecordType) -> String {
    let id = type.id(of: relativePath)
    return id.utf8.allSatisfy { $0 < 0x80 } ? String(id) : String(id).precomposedStringWithCanonicalMapping
}

/// A record type's parse function: its front-matter (with the line it starts after) and body
/// into a record, with the diagnostics of its keys.
typealias RecordParser = (_ node: YAMLNode, _ body: SplitRecord, _ id: String, _ path: String, _ lineOffset: Int) -> (ParsedRecord, [Diagnostic])

extension RecordType {
    /// The function that reads this type's keys: the one part of a record type that the
    /// model's table cannot name, as it works on this stage's types.
    var parse: RecordParser {
        switch kind {
        case .request: parseRequest
        case .review: parseReview
        case .objectives: parsePlan
        case .audit: parseAudit
        case .inspection: parseInspection
        case .legal: parseLegal
        case .site: { _, _, _, _, _ in (.invalid, []) }
        }
    }
}

/// Parses one file: text → front-matter YAML → typed record, body → boxes of safe HTML.
/// A pure function of the file, so files parse in parallel.
public func parseRecord(_ file: SourceFile) -> (record: ParsedRecord, diagnostics: [Diagnostic]) {
    let text: String
    switch decodeText(file.bytes) {
    case .success(let t): text = t
    case .failure(let e):
        guard let byte = e.invalidByte else { return (.invalid, [Diagnostic(.nulByte, file.path, line: e.line, ["offset": .value(e.offset)])]) }
        let hex = String(byte, radix: 16, uppercase: true)
        return (.invalid, [Diagnostic(.encoding, file.path, line: e.line, ["byte": .value(hex.count == 1 ? "0" + hex : hex), "offset": .value(e.offset)])])
    }

    guard let type = file.kind.recordType else {
        return parseSite(text, path: file.path)
    }

    let split: SplitRecord
    switch splitFrontMatter(text) {
    case .success(let s): split = s
    case .failure(.missingOpening):
        return (.invalid, [Diagnostic(text.isEmpty ? .emptyFile : .noFrontMatter, file.path, line: 1)])
    case .failure(.missingClosing):
        return (.invalid, [missingClosingLine(text, path: file.path)])
    }

    let offset = split.frontMatterLine - 1
    let document: YAMLDocument
    do {
        document = try readYAML(split.frontMatter)
    } catch {
        return (.invalid, [yamlDiagnostic(error, path: file.path, lineOffset: offset)])
    }
    let id = recordID(file.relativePath, type: type)
    var (record, diagnostics) = type.parse(document.root, split, id, file.path, offset)
    diagnostics += document.problems.map { yamlDiagnostic($0, path: file.path, lineOffset: offset) }
    return (record, diagnostics)
}

// MARK: - Mistakes in the front-matter

/// A mistake in a front-matter's YAML as a diagnostic, at its place in the file.
func yamlDiagnostic(_ error: YAMLError, path: String, lineOffset: Int) -> Diagnostic {
    Diagnostic(error.mistake.rule, path, line: error.mark.line + lineOffset, column: error.mark.column,
               ["problem": error.mistake.problem(lineOffset: lineOffset)])
}

/// A record opened with `---` and never closed: the line meant as the closing one but mistyped
/// (`--`, `----`, `—` from an editor's typographic dashes), or the line to add it after.
func missingClosingLine(_ text: String, path: String) -> Diagnostic {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    for (i, line) in lines.enumerated().dropFirst() {
        let t = String(line).trimmingWhitespace
        if t.count <= 6, t.count >= 2 || t == "—" || t == "–", t.allSatisfy({ "-—–_".contains($0) }) {
            return Diagnostic(.frontMatterDash, path, line: i + 1, ["written": .value(t)])
        }
    }
    // The front-matter ends before the first line that cannot belong to it: a Markdown heading
    // (`## …`), or text that is neither `key: value`, a list item, an indented line nor a comment.
    var last = 1
    for (i, line) in lines.enumerated().dropFirst() {
        let t = String(line).trimmingWhitespace
        if t.isEmpty { continue }
        let indented = line.first == " " || line.first == "\t"
        let yamlLike = indented || t.hasPrefix("- ") || t.hasPrefix("#") || t.contains(":")
        if t.hasPrefix("##") || !yamlLike { break }
        last = i + 1
    }
    return Diagnostic(.frontMatterNotClosed, path, line: last, ["line": .value(last)])
}

// MARK: - site.yml

let siteKeys: KnownKeys = ["organisation", "locale", "timezone", "base_url", "units", "qms", "settings"]
let unitKeys: KnownKeys = ["code", "name", "head"]
let settingKeys = KnownKeys(["recurrence_threshold", "due_soon_days", "long_action_days", "progress_interval_days",
                   "review_interval_days", "retention_years"] + dutySettingKeys)

func parseSite(_ text: String, path: String) -> (ParsedRecord, [Diagnostic]) {
    let document: YAMLDocument
    do { document = try readYAML(text) } catch {
        return (.invalid, [yamlDiagnostic(error, path: path, lineOffset: 0)])
    }
    var f = Fields(document.root, path: path, lineOffset: 0, known: siteKeys, what: .theSite)
    f.diagnostics += document.problems.map { yamlDiagnostic($0, path: path, lineOffset: 0) }
    let organisation = f.text("organisation", required: Hint.organisation)
    var site = SiteConfig(organisation: organisation ?? "")
    if let locale = f.text("locale") {
        if ["vi", "en"].contains(locale) { site.locale = locale }
        else { f.report(.badValue, at: "locale", ["field": .key("locale"), "value": .value(locale), "allowed": .codes(["vi", "en"]), "suggestion": .empty]) }
    }
    if let zone = f.text("timezone") {
        if isKnownTimeZone(zone) { site.timezone = zone }
        else { f.report(.badTimezone, at: "timezone", ["value": .value(zone)]) }
    }
    if let base = f.text("base_url") { site.baseURL = base.hasSuffix("/") ? base : base + "/" }
    var seen: [String: Int] = [:]
    for item in f.list("units") {
        var u = f.nested(item, known: unitKeys, what: .aUnit)
        let code = u.text("code", required: Hint.unitCode)
        let name = u.text("name", required: Hint.unitName)
        let head = u.text("head")
        if let code {
            if !isSafeSlug(code) {
                u.report(.badCode, at: "code", ["code": .value(code)])
            } else if OutputLayout.isReserved(code) {
                u.report(.reservedCode, at: "code", ["code": .value(code)])
            } else if let line = seen[code] {
                u.report(.duplicateUnit, at: "code", ["code": .value(code), "line": .value(line)])
            } else {
                seen[code] = u.position(of: "code").line
                site.units.append(Unit(code: code, name: name ?? code, head: head))
            }
        }
        f.diagnostics += u.diagnostics
    }
    if site.units.isEmpty && f.diagnostics.isEmpty {
        f.missing("units", Hint.units)
    }
    if let settingsNode = f.node("settings"), !settingsNode.isNull {
        var s = f.nested(settingsNode, known: settingKeys, what: .theSettings)
        if let v = s.integer("recurrence_threshold", minimum: 1) { site.settings.recurrenceThreshold = v }
        if let v = s.integer("due_soon_days", minimum: 0) { site.settings.dueSoonDays = v }
        if let v = s.integer("long_action_days", minimum: 1) { site.settings.longActionDays = v }
        if let v = s.integer("progress_interval_days", minimum: 1) { site.settings.progressIntervalDays = v }
        if let v = s.integer("review_interval_days", minimum: 1) { site.settings.reviewIntervalDays = v }
        if let v = s.integer("retention_years", minimum: 0) { site.settings.retentionYears = v }
        parseDutySettings(&s, into: &site.settings)
        f.diagnostics += s.diagnostics
    }
    parseQMS(&f, into: &site)
    return (f.diagnostics.hasErrors ? .invalid : .site(site), f.diagnostics)
}

/// Codes and ids become folder names: keep them to a safe alphabet.
public func isSafeSlug(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= 100 && text.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
    } && text.first != "-"
}

/// Record ids may also use upper case (`PYC-2025-001`) and dots inside.
public func isSafeID(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= 100 && text.first != "." && text.first != "-" && text.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
    }
}

func isKnownTimeZone(_ name: String) -> Bool {
    TimeZone(identifier: name) != nil
}

// MARK: - Requests

let actionKeys: KnownKeys = ["what", "owner", "due", "done"]
let noteKeys: KnownKeys = ["date", "note"]

/// `status:` is the most common mistake: the message says which milestone to fill in instead.
let refusedRequestKeys: [String: (rule: Rule, arguments: @Sendable (YAMLNode) -> [String: Phrase])] = [
    "status": (.noStatus, { ["hint": Hint.status($0.scalar ?? "")] }),
]

func parseBoxes(_ blocks: [RenderedBlock]) -> Boxes {
    var boxes = Boxes()
    var current = 0
    for block in blocks {
        if let heading = block.heading, let box = boxNumber(heading) {
            current = box
            continue
        }
        switch current {
        case 0, 1: boxes.request += block.html
        case 2: boxes.causeAndActions += block.html
        default: boxes.verification += block.html
        }
    }
    return boxes
}

/// Which box of BM.CTCL.01 a level-2 heading opens, if any.
public func boxNumber(_ heading: String) -> Int? {
    // The headings as the form writes them, before the general (slower) folding.
    switch heading {
    case "Nội dung yêu cầu": return 1
    case "Nguyên nhân và biện pháp": return 2
    case "Kết quả kiểm tra xác nhận": return 3
    default: break
    }
    switch foldHeading(heading) {
    case "noi dung yeu cau", "request": return 1
    case "nguyen nhan va bien phap", "cause and actions", "nguyen nhan", "bien phap", "thay doi": return 2
    case "ket qua kiem tra xac nhan", "verification": return 3
    default: return nil
    }
}

func parseActions(_ f: inout Fields, _ key: String) -> [Action] {
    var result: [Action] = []
    for item in f.list(key) {
        var a = f.nested(item, known: actionKeys, what: .anAction)
        let what = a.text("what", required: Hint.actionWhat)
        let owner = a.text("owner")
        let due = a.day("due")
        let done = a.day("done")
        f.diagnostics += a.diagnostics
        if let what { result.append(Action(what: what, owner: owner, due: due, done: done, line: a.position.line)) }
    }
    return result
}

func parseNotes(_ f: inout Fields, _ key: String) -> [Note] {
    var result: [Note] = []
    for item in f.list(key) {
        var n = f.nested(item, known: noteKeys, what: .anEntry(key))
        let date = n.day("date", required: Hint.noteDate)
        let note = n.text("note", required: Hint.noteText)
        f.diagnostics += n.diagnostics
        if let date { result.append(Note(date: date, note: note ?? "", line: n.position.line)) }
    }
    return result
}

func parseRequest(_ node: YAMLNode, body: SplitRecord, id: String, path: String, lineOffset: Int) -> (ParsedRecord, [Diagnostic]) {
    var f = Fields(node, path: path, lineOffset: lineOffset, type: .request, refused: refusedRequestKeys)
    let title = f.text("title", required: Hint.title)
    let kind = f.choice("kind", Kind.self, required: Hint.kind)
    let source = f.choice("source", Source.self, required: Hint.source)
    let unit = f.text("unit", required: Hint.unit)
    let category = f.text("category", required: kind == .nonconformity ? Hint.category : nil)
    let severity = f.choice("severity", Severity.self)
    let opened = f.day("opened", required: Hint.opened)
    let reportedBy = f.text("reported_by", required: Hint.reportedBy)
    let disposition = f.choice("disposition", Disposition.self)
    let actionNeeded = f.bool("action_needed")
    let decidedBy = f.text("decided_by"), decidedOn = f.day("decided_on")
    let assignedTo = f.text("assigned_to"), assignedOn = f.day("assigned_on")
    let approvedBy = f.text("approved_by"), approvedOn = f.day("approved_on")
    let due = f.day("due")
    let actions = parseActions(&f, "actions")
    let progress = parseNotes(&f, "progress")
    let changes = parseNotes(&f, "changes")
    let completedOn = f.day("completed_on")
    let verifiedOn = f.day("verified_on"), verifiedBy = f.text("verified_by")
    let result = f.choice("result", VerificationResult.self)
    let closed = f.day("closed")
    let followUp = f.text("follow_up"), review = f.text("review")
    let cancelled = f.day("cancelled"), cancelReason = f.text("cancel_reason")
    let confidential = f.bool("confidential")
    let audit = f.text("audit"), inspection = f.text("inspection")

    let safe = f.checkID(id, of: .request)
    guard safe, f.isMapping else { return (.invalid, f.diagnostics) }
    let unknown = unknownKeys([("title", title), ("kind", kind), ("source", source), ("unit", unit), ("opened", opened), ("reported_by", reportedBy)])
    // Stand-ins for what could not be read: the rules skip the keys in `unknown`.
    var r = Request(id: id, path: path, title: title ?? "", kind: kind ?? .improvement, source: source ?? .other, unit: unit ?? "",
                    opened: opened ?? Day.recordRange.lowerBound, reportedBy: reportedBy ?? "")
    r.category = category.map(normaliseCategory)
    r.severity = severity ?? .minor
    r.disposition = disposition
    r.actionNeeded = actionNeeded
    r.decidedBy = decidedBy; r.decidedOn = decidedOn
    r.assignedTo = assignedTo; r.assignedOn = assignedOn
    r.approvedBy = approvedBy; r.approvedOn = approvedOn
    r.due = due
    r.actions = actions; r.progress = progress; r.changes = changes
    r.completedOn = completedOn
    r.verifiedOn = verifiedOn; r.verifiedBy = verifiedBy; r.result = result
    r.closed = closed
    r.followUp = followUp; r.review = review
    r.audit = audit; r.inspection = inspection
    r.cancelled = cancelled; r.cancelReason = cancelReason
    r.confidential = confidential ?? false
    r.extra = f.extra
    r.positions = f.positions()
    r.boxes = parseBoxes(screenedBody(body, path: path, diagnostics: &f.diagnostics))
    return (unknown.isEmpty ? .request(r) : .incomplete(.request(r), unknown: unknown), f.diagnostics)
}

// MARK: - Reviews

let inputKeys = KnownKeys(Review.inputKeys)
let decisionKeys: KnownKeys = ["type", "text", "owner", "due", "ticket"]

func parseReview(_ node: YAMLNode, body: SplitRecord, id: String, path: String, lineOffset: Int) -> (ParsedRecord, [Diagnostic]) {
    var f = Fields(node, path: path, lineOffset: lineOffset, type: .review)
    let date = f.day("date", required: Hint.reviewDate)
    let format = f.choice("format", Review.Format.self, required: Hint.reviewFormat)
    let chair = f.text("chair"), secretary = f.text("secretary")
    let before = f.diagnostics.count
    let attendees = f.texts("attendees")
    let attendeesMalformed = f.diagnostics.count > before
    let approvedBy = f.text("approved_by"), approvedOn = f.day("approved_on")
    let reportApprovedBy = f.text("report_approved_by"), reportApprovedOn = f.day("report_approved_on")
    if format == .meeting {
        if chair == nil { f.missing("chair", Hint.chair) }
        if secretary == nil { f.missing("secretary", Hint.secretary) }
        if attendees.isEmpty && !attendeesMalformed { f.missing("attendees", Hint.attendees) }
    } else if format == .report {
        if approvedBy == nil { f.missing("approved_by", Hint.noticeApprovedBy) }
        if approvedOn == nil { f.missing("approved_on", Hint.noticeApprovedOn) }
    }
    var inputs: [String: String] = [:], inputLines: [String: Int] = [:]
    if let inputsNode = f.node("inputs"), !inputsNode.isNull {
        var i = f.nested(inputsNode, known: inputKeys, what: .theInputs)
        for key in Review.inputKeys { if let text = i.text(key) { inputs[key] = text; inputLines[key] = i.position(of: key).line } }
        f.diagnostics += i.diagnostics
    } else {
        f.missing("inputs", Hint.inputs(Review.inputKeys))
    }
    var decisions: [Review.Decision] = []
    for item in f.list("decisions") {
        var d = f.nested(item, known: decisionKeys, what: .aDecision)
        let type = d.choice("type", Review.Decision.DecisionType.self, required: Hint.decisionType)
        let text = d.text("text", required: Hint.decisionText)
        let owner = d.text("owner"), due = d.day("due"), ticket = d.text("ticket")
        f.diagnostics += d.diagnostics
        if let type, let text {
            decisions.append(Review.Decision(type: type, text: text, owner: owner, due: due, ticket: ticket, line: d.position.line))
        }
    }
    let safe = f.checkID(id, of: .review)
    guard safe, f.isMapping else { return (.invalid, f.diagnostics) }
    let unknown = unknownKeys([("date", date), ("format", format)])
    var review = Review(id: id, path: path, date: date ?? Day.recordRange.lowerBound, format: format ?? .meeting)
    review.chair = chair; review.secretary = secretary; review.attendees = attendees
    review.approvedBy = approvedBy; review.approvedOn = approvedOn
    review.reportApprovedBy = reportApprovedBy; review.reportApprovedOn = reportApprovedOn
    review.inputs = inputs
    var markdown = MarkdownScreen()
    review.inputsHTML = screenedInputs(inputs, lines: inputLines, path: path, screen: &markdown, diagnostics: &f.diagnostics)
    review.decisions = decisions
    review.bodyHTML = screenedBody(body, path: path, screen: &markdown, diagnostics: &f.diagnostics).map(\.html).joined()
    review.extra = f.extra
    review.positions = f.positions()
    return (unknown.isEmpty ? .review(review) : .incomplete(.review(review), unknown: unknown), f.diagnostics)
}

// MARK: - Objectives

let objectiveKeys: KnownKeys = ["code", "text", "measure", "target", "direction", "actual", "measurements", "plan"]
let measurementKeys: KnownKeys = ["date", "value"]

func parsePlan(_ node: YAMLNode, body: SplitRecord, id: String, path: String, lineOffset: Int) -> (ParsedRecord, [Diagnostic]) {
    var f = Fields(node, path: path, lineOffset: lineOffset, type: .objectives)
    let year = f.integer("year", minimum: 1900, maximum: 9999)
    if year == nil && !f.has("year") { f.missing("year", Hint.year) }
    let unit = f.text("unit")
    let approvedBy = f.text("approved_by"), approvedOn = f.day("approved_on"), evaluatedOn = f.day("evaluated_on")
    var objectives: [ObjectivePlan.Objective] = []
    var codes: [String: Int] = [:]
    let items = f.list("objectives")
    if items.isEmpty && !f.diagnostics.contains(where: { $0.rule == .notAList }) {
        f.missing("objectives", Hint.objectives)
    }
    for item in items {
        var o = f.nested(item, known: objectiveKeys, what: .anObjective)
        let code = o.text("code", required: Hint.objectiveCode)
        let text = o.text("text", required: Hint.objectiveText)
        let measure = o.text("measure")
        let target = o.number("target", required: Hint.target)
        let direction = o.choice("direction", ObjectivePlan.Direction.self)
        let actual = o.number("actual")
        var measurements: [ObjectivePlan.Measurement] = []
        for m in o.list("measurements") {
            var mf = o.nested(m, known: measurementKeys, what: .aMeasurement)
            let date = mf.day("date", required: Hint.measurementDate)
            let value = mf.number("value", required: Hint.measurementValue)
            o.diagnostics += mf.diagnostics
            if let date, let value { measurements.append(.init(date: date, value: value)) }
        }
        let plan = parseActions(&o, "plan")
        if let code {
            if let line = codes[code] { o.report(.duplicateObjective, at: "code", ["code": .value(code), "line": .value(line)]) }
            codes[code] = o.position(of: "code").line
        }
        f.diagnostics += o.diagnostics
        if let code, let text, let target {
            var objective = ObjectivePlan.Objective(code: code, text: text, measure: measure, target: target,
                                                    direction: direction ?? .atLeast, actual: actual, line: o.position.line)
            objective.measurements = measurements
            objective.plan = plan
            objectives.append(objective)
        }
    }
    guard f.isMapping else { return (.invalid, f.diagnostics) }
    var plan = ObjectivePlan(id: id, path: path, year: year ?? Day.recordRange.lowerBound.year, unit: unit)
    plan.approvedBy = approvedBy; plan.approvedOn = approvedOn; plan.evaluatedOn = evaluatedOn
    plan.objectives = objectives
    plan.bodyHTML = screenedBody(body, path: path, diagnostics: &f.diagnostics).map(\.html).joined()
    plan.extra = f.extra
    plan.positions = f.positions()
    return (year != nil ? .plan(plan) : .incomplete(.plan(plan), unknown: ["year"]), f.diagnostics)
}

/// The front-matter keys of a request, in the order `Request.positions` holds them (for the
/// parse cache, which stores positions without their names).
public var requestKeyNames: [String] { KnownKeys.of(.request).names }
