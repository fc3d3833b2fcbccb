import CaiTienAnalysis
import CaiTienModel

/// Indices of the requests in id order: sorting indices copies no records.
func byID(_ requests: [Request]) -> [Int] {
    requests.indices.sorted { requests[$0].id < requests[$1].id }
}

// MARK: - data.json

/// A request's front-matter fields under their own names, plus its `stage`. A confidential
/// request keeps only what is not personal: no title, names, category, notes or body.
func requestJSON(_ r: Request) -> JSON {
    let c = r.confidential
    var pairs: [(String, JSON)] = [("id", .string(r.id)), ("stage", .string(r.stage.rawValue))]
    func add(_ key: String, _ value: JSON, personal: Bool = false) {
        if value == .null || (personal && c) { return }
        pairs.append((key, value))
    }
    add("title", .string(r.title), personal: true)
    add("kind", .string(r.kind.rawValue))
    add("source", .string(r.source.rawValue))
    add("unit", .string(r.unit))
    add("category", .text(r.category), personal: true)
    add("severity", .string(r.severity.rawValue))
    add("opened", .day(r.opened))
    add("reported_by", .string(r.reportedBy), personal: true)
    add("disposition", .text(r.disposition?.rawValue))
    add("action_needed", r.actionNeeded.map(JSON.bool) ?? .null)
    add("decided_by", .text(r.decidedBy), personal: true)
    add("decided_on", .day(r.decidedOn))
    add("assigned_to", .text(r.assignedTo), personal: true)
    add("assigned_on", .day(r.assignedOn))
    add("approved_by", .text(r.approvedBy), personal: true)
    add("approved_on", .day(r.approvedOn))
    add("due", .day(r.due))
    if !r.actions.isEmpty {
        add("actions", .array(r.actions.map { a in
            var item: [(String, JSON)] = c ? [] : [("what", .string(a.what))]
            if !c, let owner = a.owner { item.append(("owner", .string(owner))) }
            item.append(("due", .day(a.due)))
            item.append(("done", .day(a.done)))
            return .object(item)
        }))
    }
    for (key, notes) in [("progress", r.progress), ("changes", r.changes)] where !notes.isEmpty {
        add(key, .array(notes.map { n in .object(c ? [("date", .day(n.date))] : [("date", .day(n.date)), ("note", .string(n.note))]) }))
    }
    add("completed_on", .day(r.completedOn))
    add("verified_on", .day(r.verifiedOn))
    add("verified_by", .text(r.verifiedBy), personal: true)
    add("result", .text(r.result?.rawValue))
    add("closed", .day(r.closed))
    add("follow_up", .text(r.followUp))
    add("review", .text(r.review))
    add("audit", .text(r.audit))
    add("inspection", .text(r.inspection))
    add("cancelled", .day(r.cancelled))
    add("cancel_reason", .text(r.cancelReason), personal: true)
    if c { pairs.append(("confidential", .bool(true))) }
    for (key, value) in r.extra where !c { pairs.append((key, .string(value))) }
    return .object(pairs)
}

func reviewJSON(_ r: Review) -> JSON {
    var pairs: [(String, JSON)] = [("id", .string(r.id)), ("date", .day(r.date)), ("format", .string(r.format.rawValue))]
    if let v = r.chair { pairs.append(("chair", .string(v))) }
    if let v = r.secretary { pairs.append(("secretary", .string(v))) }
    if !r.attendees.isEmpty { pairs.append(("attendees", .strings(r.attendees))) }
    if let v = r.reportApprovedBy { pairs.append(("report_approved_by", .string(v))) }
    if let v = r.reportApprovedOn { pairs.append(("report_approved_on", .day(v))) }
    if let v = r.approvedBy { pairs.append(("approved_by", .string(v))) }
    if let v = r.approvedOn { pairs.append(("approved_on", .day(v))) }
    pairs.append(("inputs", .object(Review.inputKeys.compactMap { k in r.inputs[k].map { (k, .string($0)) } })))
    pairs.append(("decisions", .array(r.decisions.map { d in
        .object([("type", .string(d.type.rawValue)), ("text", .string(d.text)), ("owner", .text(d.owner)),
                 ("due", .day(d.due)), ("ticket", .text(d.ticket))])
    })))
    pairs.append(("missing_inputs", .strings(r.missingInputs)))
    return .object(pairs)
}

func planJSON(_ p: ObjectivePlan) -> JSON {
    var pairs: [(String, JSON)] = [("id", .string(p.id)), ("year", .int(p.year))]
    if let v = p.unit { pairs.append(("unit", .string(v))) }
    if let v = p.approvedBy { pairs.append(("approved_by", .string(v))) }
    if let v = p.approvedOn { pairs.append(("approved_on", .day(v))) }
    if let v = p.evaluatedOn { pairs.append(("evaluated_on", .day(v))) }
    pairs.append(("objectives", .array(p.objectives.map { o in
        var item: [(String, JSON)] = [("code", .string(o.code)), ("text", .string(o.text))]
        if let m = o.measure { item.append(("measure", .string(m))) }
        item.append(("target", .double(o.target)))
        item.append(("direction", .string(o.direction.rawValue)))
        if let a = o.actual { item.append(("actual", .double(a))) }
        item.append(("met", o.met.map(JSON.bool) ?? .null))
        if !o.measurements.isEmpty {
            item.append(("measurements", .array(o.measurements.map { .object([("date", .day($0.date)), ("value", .double($0.value))]) })))
        }
        if !o.plan.isEmpty {
            item.append(("plan", .array(o.plan.map { a in
                .object([("what", .string(a.what)), ("owner", .text(a.owner)), ("due", .day(a.due)), ("done", .day(a.done))])
            })))
        }
        return .object(item)
    })))
    return .object(pairs)
}

/// The version of data.json's layout. It grows by one only when a key changes meaning or
/// disappears (adding keys does not); the README's "data.json schema" lists each version, and
/// `caitien rollup` refuses a number it does not know.
public let dataJSONSchema = 1

/// data.json: every record with its derived stage and every figure (SPEC §3). The keys a
/// province roll-up reads — `schema`, `organisation`, `base_url`, `commit`, `today`, `kpis` —
/// come first, so a reader can take them and skip the records.
/// Streamed record by record: at 100,000 requests the whole JSON tree would cost ~300 MB.
public func dataJSON(_ content: Content, figures: Figures, commit: String?, emit: (String) throws(BuildError) -> Void) throws(BuildError) {
    var buffer = ""
    func append(_ text: String) throws(BuildError) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { try emit(buffer); buffer = "" }
    }
    let head: JSON = .object([
        ("schema", .int(dataJSONSchema)),
        ("organisation", .string(content.site.organisation)),
        ("base_url", .string(content.site.baseURL)),
        ("commit", .text(commit)),
        ("today", .day(figures.today)),
    ])
    try append(String(head.serialized().dropLast()) + ",\"kpis\":" + figures.kpis.serialized())
    for (key, items) in [
        ("tickets", byID(content.requests).lazy.map { requestJSON(content.requests[$0]) }),
    ] as [(String, LazyMapSequence<[Int], JSON>)] {
        try append(",\"\(key)\":[")
        for (i, item) in items.enumerated() { try append((i == 0 ? "" : ",") + item.serialized()) }
        try append("]")
    }
    try append(",\"reviews\":" + JSON.array(content.reviews.sorted { $0.id < $1.id }.map(reviewJSON)).serialized())
    try append(",\"objectives\":" + JSON.array(content.plans.sorted { $0.id < $1.id }.map(planJSON)).serialized())
    try append(dutiesJSON(content))
    try append("}\n")
    try emit(buffer)
}

public func dataJSON(_ content: Content, figures: Figures, commit: String? = nil) -> String {
    var out = ""
    try? dataJSON(content, figures: figures, commit: commit) { (chunk: String) throws(BuildError) in out += chunk }
    return out
}

// MARK: - tickets.csv

/// A CSV cell: quoted, and a leading `= + - @` (or tab, CR) neutralised with `'` so a
/// spreadsheet never runs it as a formula.
func csvCell(_ text: String) -> String {
    var t = text
    if let first = t.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D {
        t = "'" + t
    }
    if t.utf8.contains(0x22) { t = t.replacingOccurrences(of: "\"", with: "\"\"") }
    return "\"" + t + "\""
}

/// tickets.csv: UTF-8 with a BOM so spreadsheet programs read Vietnamese; CRLF rows (RFC 4180).
/// Headers and values are in the site's language (unit names, the labels of kind, source,
/// severity, stage and result, as the pages show them); the last six columns repeat those
/// values as codes (`kind`, `source`, `unit`, `severity`, `stage`, `result`), for programs.
/// Dates are `yyyy-mm-dd`, which every spreadsheet reads as a date and sorts.
/// Streamed in pieces of 64 KB: at 100,000 requests the whole file is 28 MB.
public func ticketsCSV(_ content: Content, l: Localizer, emit: (String) throws(BuildError) -> Void) throws(BuildError) {
    let columns = ["id", "title", "kind", "source", "unit", "category", "severity", "stage", "opened", "due",
                   "assigned_to", "completed_on", "verified_on", "result", "closed", "follow_up", "review", "audit", "inspection"]
    let codes = ["kind", "source", "unit", "severity", "stage", "result"]
    let unitNames = Dictionary(content.site.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    var out = "\u{FEFF}" + (columns.map { l.t("csv_" + $0) } + codes).map(csvCell).joined(separator: ",") + "\r\n"
    for i in byID(content.requests) {
        let r = content.requests[i]
        let c = r.confidential
        let row = [
            r.id, c ? l.t("confidential_notice") : r.title, l.kind(r.kind), l.source(r.source), unitNames[r.unit] ?? r.unit,
            c ? "" : (r.category ?? ""), l.t("severity_" + r.severity.rawValue), l.stage(r.stage), r.opened.iso, r.due?.iso ?? "",
            c ? "" : (r.assignedTo ?? ""), r.completedOn?.iso ?? "", r.verifiedOn?.iso ?? "",
            r.result.map { l.t("result_" + $0.rawValue) } ?? "",
            r.closed?.iso ?? "", r.followUp ?? "", r.review ?? "", r.audit ?? "", r.inspection ?? "",
            r.kind.rawValue, r.source.rawValue, r.unit, r.severity.rawValue, r.stage.rawValue, r.result?.rawValue ?? "",
        ]
        out += row.map(csvCell).joined(separator: ",") + "\r\n"
        if out.utf8.count >= 1 << 16 { try emit(out); out = "" }
    }
    try emit(out)
}

public func ticketsCSV(_ content: Content, l: Localizer) -> String {
    var out = ""
    try? ticketsCSV(content, l: l) { (chunk: String) throws(BuildError) in out += chunk }
    return out
}

// MARK: - deadlines.ics

/// Escapes a TEXT value (RFC 5545 §3.3.11).
func icsText(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
        switch c {
        case "\\": out += "\\\\"
        case ";": out += "\\;"
        case ",": out += "\\,"
        case "\n": out += "\\n"
        case "\r": break
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1).
func foldICSLine(_ line: String) -> String {
    var out = ""
    var count = 0
    for scalar in line.unicodeScalars {
        let size = String(scalar).utf8.count
        if count + size > 75 {
            out += "\r\n "
            count = 1
        }
        out.unicodeScalars.append(scalar)
        count += size
    }
    return out + "\r\n"
}

/// One event of a deadlines calendar.
struct DeadlineEvent {
    var uid: String
    var day: Day
    var summary: String
    var description: String
    /// The page the event is about, relative to the site's root.
    var page: String
}

/// The deadlines of open requests and their actions (of one unit, or all), the 30/01 and 31/12
/// deadlines of the objectives, and — for the whole site — the next management review. Each
/// says whose step it is; a confidential request gives no title and no names.
func deadlineEvents(_ m: SiteModel, unit: String?, order: [Int]? = nil) -> [DeadlineEvent] {
    let l = m.l, content = m.content, today = m.today
    var events: [DeadlineEvent] = []
    for i in order ?? byID(content.requests) where content.requests[i].isOpen && (unit == nil || content.requests[i].unit == unit) {
        let r = content.requests[i]
        let title = r.confidential ? "" : " — " + r.title
        let page = OutputLayout.request(r.id)
        let unitLine = "\(l.t("unit")): \(m.unitName(r.unit))"
        if let due = r.due {
            var lines = ["\(l.t("stage")): \(l.stage(r.stage))", unitLine]
            if let step = m.figures.requests.nextSteps[r.id] {
                lines.append("\(l.t("next_step")): \(l.t("step_" + step.step.rawValue)) — \(m.ownerText(step))")
            }
            events.append(DeadlineEvent(uid: "request-\(r.id)-due", day: due, summary: "\(l.t("deadline_request")) \(r.id)\(title)",
                                        description: lines.joined(separator: "\n"), page: page))
        }
        for (i, a) in r.actions.enumerated() where a.done == nil {
            guard let due = a.due else { continue }
            let owner = m.personText(a.owner, role: .actionOwner, confidential: r.confidential)
            events.append(DeadlineEvent(uid: "request-\(r.id)-action-\(i + 1)", day: due,
                                        summary: "\(r.id): \(r.confidential ? "\(l.t("action_what")) \(i + 1)" : a.what) — \(owner)",
                                        description: ["\(l.t("step_implement")) — \(owner)", unitLine].joined(separator: "\n"), page: page))
        }
    }
    for year in [today.year, today.year + 1] {
        guard let plan = Day(year: year, month: 1, day: 30), let evaluation = Day(year: year, month: 12, day: 31) else { continue }
        let who = unit.map { "\(l.t("role_unit_head")) \(m.unitName($0))" } ?? l.t("role_iso_committee")
        events.append(DeadlineEvent(uid: "objectives-\(year)-plan\(unit.map { "-" + $0 } ?? "")", day: plan,
                                    summary: "\(l.t("deadline_plan")) \(year)", description: "QT.CTCL 5.9 — \(who)",
                                    page: OutputLayout.objectivesIndex))
        events.append(DeadlineEvent(uid: "objectives-\(year)-evaluation\(unit.map { "-" + $0 } ?? "")", day: evaluation,
                                    summary: "\(l.t("deadline_evaluation")) \(year)", description: "QT.CTCL 5.9 — \(who)",
                                    page: OutputLayout.objectivesIndex))
    }
    if unit == nil, let due = m.figures.reviews.nextDue {
        events.append(DeadlineEvent(uid: "management-review-due", day: due, summary: l.t("deadline_review"),
                                    description: "QT.CTCL 5.8 — \(l.t("role_agency_head"))", page: OutputLayout.nextReview))
    }
    if unit == nil {
        for d in m.figures.dutyDeadlines(content, l: l) {
            events.append(DeadlineEvent(uid: d.uid, day: d.day, summary: d.label, description: d.detail, page: d.path))
        }
    }
    return events
}

/// `base_url` and a path of the site: the address a calendar links an event to.
func siteURL(_ baseURL: String, _ path: String) -> String {
    baseURL.hasSuffix("/") ? baseURL + path : baseURL + "/" + path
}

/// A deadlines calendar (RFC 5545): all-day events, each with the page it is about (`URL`) and an
/// alarm at 09:00 the day before. UIDs are stable across builds so calendars update events in place.
func deadlinesCalendar(_ m: SiteModel, name: String, events: [DeadlineEvent], host: String = "caitien") -> String {
    let l = m.l
    let stamp = m.today.iso.replacingOccurrences(of: "-", with: "") + "T000000Z"
    var out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cai tien//QT.CTCL deadlines//VI\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
    out += foldICSLine("X-WR-CALNAME:" + icsText(name))
    for e in events {
        let start = e.day.iso.replacingOccurrences(of: "-", with: "")
        let end = e.day.adding(days: 1).iso.replacingOccurrences(of: "-", with: "")
        out += "BEGIN:VEVENT\r\n"
        out += foldICSLine("UID:\(e.uid)@\(host)")
        out += "DTSTAMP:\(stamp)\r\nDTSTART;VALUE=DATE:\(start)\r\nDTEND;VALUE=DATE:\(end)\r\n"
        out += foldICSLine("SUMMARY:" + icsText(e.summary))
        if !e.description.isEmpty { out += foldICSLine("DESCRIPTION:" + icsText(e.description)) }
        out += foldICSLine("URL:" + siteURL(m.content.site.baseURL, e.page))
        out += "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15H\r\n"
        out += foldICSLine("DESCRIPTION:" + icsText("\(l.t("alarm_tomorrow")): \(e.summary)"))
        out += "END:VALARM\r\nEND:VEVENT\r\n"
    }
    return out + "END:VCALENDAR\r\n"
}

/// deadlines.ics: every open request's and action's due date, the objectives' deadlines and the
/// next management review.
public func deadlinesICS(_ m: SiteModel) -> String {
    deadlinesCalendar(m, name: m.content.site.organisation + " — " + m.l.t("next_deadlines"), events: deadlineEvents(m, unit: nil))
}

/// units/CODE/deadlines.ics: what a unit head subscribes to — the unit's own deadlines.
public func unitDeadlinesICS(_ m: SiteModel, unit: Unit, requests: [Int]) -> String {
    deadlinesCalendar(m, name: "\(unit.name) — \(m.l.t("next_deadlines"))", events: deadlineEvents(m, unit: unit.code, order: requests))
}
