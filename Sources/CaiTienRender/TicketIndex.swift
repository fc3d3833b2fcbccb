import CaiTienAnalysis
import CaiTienModel

/// What the request list's filters match, per request: a bit each.
enum ListFlag: Int, CaseIterable {
    case open = 1, overdue = 2, dueSoon = 4, leader = 8, undecided = 16, missingProgress = 32, actionsLate = 64

    /// The value of `status=` in the list's URL.
    var key: String {
        switch self {
        case .open: "open"
        case .overdue: "overdue"
        case .dueSoon: "due_soon"
        case .leader: "leader"
        case .undecided: "undecided"
        case .missingProgress: "missing_progress"
        case .actionsLate: "actions_late"
        }
    }
}

extension SiteModel {
    /// The flags of every request named by the figures' lists, by id.
    func listFlags() -> [String: Int] {
        let r = figures.requests
        var flags: [String: Int] = [:]
        func mark<S: Sequence<String>>(_ ids: S, _ flag: ListFlag) { for id in ids { flags[id, default: 0] |= flag.rawValue } }
        mark(r.nextSteps.keys, .open)
        mark(r.overdue, .overdue)
        mark(r.dueSoon, .dueSoon)
        mark(r.leaderQueue, .leader)
        mark(r.undecided, .undecided)
        mark(r.missingProgress, .missingProgress)
        mark(r.actionsOverdue, .actionsLate)
        return flags
    }

    /// The owner of a request's next step as the list shows it, and how that step stands.
    func ownerCell(_ id: String) -> (owner: String, timing: String, late: Bool) {
        guard let step = figures.requests.nextSteps[id] else { return ("", "", false) }
        let timing = step.wait.timing(today)
        if case .late = timing { return (ownerText(step), l.timing(timing), true) }
        return (ownerText(step), l.timing(timing), false)
    }
}

/// `tickets/index.js`: every request in a compact form for the request list's search and
/// filters, loaded as a script (it works from file:// and under the pages' CSP, which a fetch
/// would not). A confidential request gives only its id, unit, kind, source, stage and dates.
///
/// `window.caitienTickets = {locale, units: [[code, name]], stages, kinds, sources: [[code, label]],
/// rows: [[id, title, unit, stage, kind, source, opened, due, owner, timing, flags, words]]}` —
/// indices into the code lists, dates as YYYY-MM-DD ("" when none), `flags` the `ListFlag` bits
/// (the late bit of `timing` is 128), `words` the people and category it is also found by.
public func ticketIndexJS(_ m: SiteModel, emit: (String) throws(BuildError) -> Void) throws(BuildError) {
    let l = m.l
    func s(_ text: String) -> String { JSON.string(text).serialized() }
    var unitIndex: [String: Int] = [:]
    var units: [(String, String)] = m.content.site.units.map { ($0.code, $0.name) }
    for (i, u) in units.enumerated() { unitIndex[u.0] = i }
    for r in m.content.requests where unitIndex[r.unit] == nil {
        unitIndex[r.unit] = units.count
        units.append((r.unit, r.unit))
    }
    let stages = Stage.allCases, kinds = Kind.allCases, sources = Source.allCases
    var head = "window.caitienTickets={\"locale\":\(s(l.locale)),\"units\":["
    head += units.map { "[\(s($0.0)),\(s($0.1))]" }.joined(separator: ",")
    head += "],\"stages\":[" + stages.map { "[\(s($0.rawValue)),\(s(l.stage($0)))]" }.joined(separator: ",")
    head += "],\"kinds\":[" + kinds.map { "[\(s($0.rawValue)),\(s(l.kind($0)))]" }.joined(separator: ",")
    head += "],\"sources\":[" + sources.map { "[\(s($0.rawValue)),\(s(l.source($0)))]" }.joined(separator: ",")
    head += "],\"rows\":[\n"
    try emit(head)
    let flags = m.listFlags()
    let stageIndex = Dictionary(uniqueKeysWithValues: stages.enumerated().map { ($1, $0) })
    let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
    let sourceIndex = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($1, $0) })
    // Newest first, as the plain table.
    let all = m.content.requests
    let order = all.indices.sorted { (all[$0].opened, all[$0].id) > (all[$1].opened, all[$1].id) }
    var chunk = ""
    for (n, i) in order.enumerated() {
        let r = all[i]
        let c = r.confidential
        let cell = m.ownerCell(r.id)
        var words: [String] = []
        if !c {
            var seen = Set<String>()
            for name in [r.reportedBy, r.decidedBy, r.assignedTo, r.approvedBy, r.verifiedBy].compactMap({ $0 }) + r.actions.compactMap(\.owner)
            where !name.isEmpty && seen.insert(name).inserted { words.append(name) }
            if let category = r.category { words.append(category) }
        }
        let bits = (flags[r.id] ?? 0) | (cell.late ? 128 : 0)
        chunk += "[\(s(r.id)),\(s(c ? l.t("confidential_notice") : r.title)),\(unitIndex[r.unit] ?? 0),\(stageIndex[r.stage] ?? 0),"
        chunk += "\(kindIndex[r.kind] ?? 0),\(sourceIndex[r.source] ?? 0),\(s(r.opened.iso)),\(s(r.due?.iso ?? "")),"
        chunk += "\(s(cell.owner)),\(s(cell.timing)),\(bits),\(s(words.joined(separator: " ")))]"
        chunk += n == order.count - 1 ? "\n" : ",\n"
        if chunk.utf8.count > 1 << 16 {
            try emit(chunk)
            chunk = ""
        }
    }
    try emit(chunk + "]};\n")
}
