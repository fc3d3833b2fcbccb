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

/// data.json: every record with its derived stage and every figure (SPEC §3).
/// Streamed record by record: at 100,000 requests the whole JSON tree would cost ~300 MB.
public func dataJSON(_ content: Content, figures: Figures, emit: (String) throws(BuildError) -> Void) throws(BuildError) {
    var buffer = ""
    func append(_ text: String) throws(BuildError) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { try emit(buffer); buffer = "" }
    }
    try append("{\"schema\":1,\"today\":" + JSON.day(figures.today).serialized() + ",\"kpis\":" + figures.kpis.serialized())
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

public func dataJSON(_ content: Content, figures: Figures) -> String {
    var out = ""
    try? dataJSON(content, figures: figures) { (chunk: String) throws(BuildError) in out += chunk }
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

/// deadlines.ics: open requests' and actions' due dates, the 30/01 and 31/12 deadlines, and the
/// next management review. UIDs are stable across builds so calendars update events in place.
public func deadlinesICS(_ content: Content, figures: Figures, l: Localizer, host: String = "caitien") -> String {
    let today = figures.today
    var events: [(uid: String, day: Day, summary: String, description: String)] = []
    for i in byID(content.requests) where content.requests[i].isOpen {
        let r = content.requests[i]
        let title = r.confidential ? "" : " — " + r.title
        if let due = r.due {
            events.append(("request-\(r.id)-due", due, "\(l.t("deadline_request")) \(r.id)\(title)", l.stage(r.stage)))
        }
        for (i, a) in r.actions.enumerated() where a.done == nil {
            guard let due = a.due else { continue }
            events.append(("request-\(r.id)-action-\(i + 1)", due, "\(r.id): \(r.confidential ? l.t("actions") : a.what)",
                           r.confidential ? "" : (a.owner ?? "")))
        }
    }
    for year in [today.year, today.year + 1] {
        guard let plan = Day(year: year, month: 1, day: 30), let evaluation = Day(year: year, month: 12, day: 31) else { continue }
        events.append(("objectives-\(year)-plan", plan, "\(l.t("deadline_plan")) \(year)", "QT.CTCL 5.9"))
        events.append(("objectives-\(year)-evaluation", evaluation, "\(l.t("deadline_evaluation")) \(year)", "QT.CTCL 5.9"))
    }
    if let due = figures.reviews.nextDue {
        events.append(("management-review-due", due, l.t("deadline_review"), "QT.CTCL 5.8"))
    }
    for d in figures.dutyDeadlines(content, l: l) { events.append((d.uid, d.day, d.label, d.detail)) }
    let stamp = today.iso.replacingOccurrences(of: "-", with: "") + "T000000Z"
    var out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cai tien//QT.CTCL deadlines//VI\r\nCALSCALE:GREGORIAN\r\n"
    out += foldICSLine("X-WR-CALNAME:" + icsText(content.site.organisation + " — " + l.t("next_deadlines")))
    for e in events {
        let start = e.day.iso.replacingOccurrences(of: "-", with: "")
        let end = e.day.adding(days: 1).iso.replacingOccurrences(of: "-", with: "")
        out += "BEGIN:VEVENT\r\n"
        out += foldICSLine("UID:\(e.uid)@\(host)")
        out += "DTSTAMP:\(stamp)\r\nDTSTART;VALUE=DATE:\(start)\r\nDTEND;VALUE=DATE:\(end)\r\n"
        out += foldICSLine("SUMMARY:" + icsText(e.summary))
        if !e.description.isEmpty { out += foldICSLine("DESCRIPTION:" + icsText(e.description)) }
        out += "END:VEVENT\r\n"
    }
    return out + "END:VCALENDAR\r\n"
}
