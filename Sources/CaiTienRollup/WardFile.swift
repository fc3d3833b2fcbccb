import CaiTienModel

/// The versions of a ward's data.json this roll-up reads (README, "data.json schema").
public let readableSchemas: ClosedRange<Int> = 1...1

/// A year's quality objectives of the whole ward, as its data.json counts them.
public struct ObjectiveCounts: Sendable, Equatable {
    public var objectives = 0
    public var evaluated = 0
    public var met = 0
    /// met / evaluated, as the ward rounded it; nil when none is evaluated.
    public var attainment: Double?
}

/// What the roll-up takes from one ward's data.json: its identity and figures, never a record's
/// text (so nothing a ward withholds, or publishes, about a request reaches the province page).
/// Every figure is as of the ward's own `today`. A figure the ward's version of caitien does not
/// write is nil, and the page shows "—".
public struct WardFigures: Sendable, Equatable {
    public var schema: Int
    public var organisation: String?
    public var baseURL: String?
    public var commit: String?
    /// The day the ward's figures are computed for.
    public var today: Day
    public var total: Int?
    public var open: Int
    public var overdue: Int
    public var dueSoon: Int?
    /// Requests waiting for the leader: the decision of 5.2.2 or the verification of 5.6.
    public var awaitingLeader: Int?
    /// Recurring nonconformities, and those with no open corrective action (covered_by null).
    public var recurring = 0
    public var recurringUncovered = 0
    /// Year → the ward's objectives of that year.
    public var objectives: [Int: ObjectiveCounts] = [:]
    public var lastReview: Day?
    public var reviewDue: Bool?
    public var auditDue: Bool?
    public var inspectionReportsOverdue: Int?
    public var legalOverdue: Int?

    public init(schema: Int, today: Day, open: Int, overdue: Int) {
        self.schema = schema; self.today = today; self.open = open; self.overdue = overdue
    }
}

/// Why a ward's file gave no figures.
public enum WardProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cannot be read or fetched, or is not a ward's data.json: the row is unreachable.
    case unreachable(Message)
    /// A schema number this caitien does not know.
    case unknownSchema(Int)

    /// The reason, in the language of the page or the messages.
    public func text(_ language: Language) -> String { message.text(language) }

    /// English: the province's data.json carries it for programs.
    public var description: String { message.description }

    var message: Message {
        switch self {
        case .unreachable(let reason): return reason
        case .unknownSchema(let n):
            if n > readableSchemas.upperBound {
                return CommandMessage.wardSchemaNewer(["schema": .value(n), "readable": .value(readableSchemas.upperBound)])
            }
            return CommandMessage.wardSchemaUnknown(["schema": .value(n), "first": .value(readableSchemas.lowerBound),
                                                     "last": .value(readableSchemas.upperBound)])
        }
    }
}

/// Reads the figures of a ward's data.json, skipping its records without building them.
public func readWardFigures(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<WardFigures, WardProblem> {
    var scanner = JSONScanner(bytes)
    var schema: Int?
    var organisation: String?, baseURL: String?, commit: String?
    var today: Day?
    var kpis: Kpis?
    do throws(ScanError) {
        guard scanner.peek() == 0x7B else {
            return .failure(.unreachable(bytes.isEmpty ? CommandMessage.wardEmpty() : CommandMessage.wardNotObject(["brace": .value("{")])))
        }
        var unknown: Int?
        var isRollup = false
        try scanner.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
            // Once the schema is known to be unreadable, what follows may mean anything: skip it.
            if unknown != nil || isRollup { try s.skipValue(); return }
            switch key {
            case "schema":
                let start = s.index
                let n = try s.readNumber()
                guard n == n.rounded(), abs(n) < 1e9 else { throw s.error(CommandMessage.jsonSchemaNotWhole(), at: start) }
                schema = Int(n)
                if !readableSchemas.contains(Int(n)) { unknown = Int(n) }
            case "document":
                // The province's own file: a roll-up is not read as a ward.
                if try s.readString() == RollupDocument.name { isRollup = true }
            case "organisation": organisation = try s.readNull() ? nil : try s.readString()
            case "base_url": baseURL = try s.readNull() ? nil : try s.readString()
            case "commit": commit = try s.readNull() ? nil : try s.readString()
            case "today":
                let start = s.index
                let text = try s.readString()
                guard let day = Day(parsing: text), day.iso == text else { throw s.error(CommandMessage.jsonTodayNotDate(), at: start) }
                today = day
            case "kpis": kpis = try Kpis.read(&s)
            default: try s.skipValue()
            }
        }
        if isRollup { return .failure(.unreachable(CommandMessage.wardIsRollup())) }
        if let unknown { return .failure(.unknownSchema(unknown)) }
        try scanner.expectEnd()
    } catch {
        return .failure(.unreachable(error.problem))
    }
    guard let schema else { return .failure(.unreachable(CommandMessage.wardNoSchema())) }
    guard let today else { return .failure(.unreachable(CommandMessage.wardNoToday())) }
    guard let kpis, let open = kpis.open, let overdue = kpis.overdue else {
        return .failure(.unreachable(CommandMessage.wardNoKpis()))
    }
    var figures = WardFigures(schema: schema, today: today, open: open, overdue: overdue)
    figures.organisation = organisation
    figures.baseURL = baseURL
    figures.commit = commit
    figures.total = kpis.total
    figures.dueSoon = kpis.dueSoon
    figures.awaitingLeader = kpis.leaderQueue
    figures.recurring = kpis.recurring
    figures.recurringUncovered = kpis.recurringUncovered
    figures.objectives = kpis.objectives
    figures.lastReview = kpis.lastReview
    figures.reviewDue = kpis.reviewDue
    figures.auditDue = kpis.auditDue
    figures.inspectionReportsOverdue = kpis.inspectionReportsOverdue
    figures.legalOverdue = kpis.legalOverdue
    return .success(figures)
}

public func readWardFigures(_ bytes: [UInt8]) -> Result<WardFigures, WardProblem> {
    bytes.withUnsafeBufferPointer { readWardFigures($0) }
}

/// The parts of `kpis` (SPEC §3 and §5) the roll-up shows. Keys it does not know are skipped.
struct Kpis {
    var total: Int?, open: Int?, overdue: Int?, dueSoon: Int?, leaderQueue: Int?
    var recurring = 0, recurringUncovered = 0
    var objectives: [Int: ObjectiveCounts] = [:]
    var lastReview: Day?, reviewDue: Bool?
    var auditDue: Bool?, inspectionReportsOverdue: Int?, legalOverdue: Int?

    static func read(_ s: inout JSONScanner) throws(ScanError) -> Kpis {
        var k = Kpis()
        try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
            switch key {
            case "tickets":
                try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                    switch key {
                    case "total": k.total = try s.readCount()
                    case "open": k.open = try s.readCount()
                    case "overdue": k.overdue = try s.countArray()
                    case "due_soon": k.dueSoon = try s.countArray()
                    case "leader_queue":
                        try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                            if key == "ids" { k.leaderQueue = try s.countArray() } else { try s.skipValue() }
                        }
                    default: try s.skipValue()
                    }
                }
            case "recurring":
                try s.readArray { (s: inout JSONScanner) throws(ScanError) in
                    var covered = false
                    try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                        if key == "covered_by" { covered = !(try s.readNull()); if covered { try s.skipValue() } } else { try s.skipValue() }
                    }
                    k.recurring += 1
                    if !covered { k.recurringUncovered += 1 }
                }
            case "objectives":
                try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                    guard let year = Int(key) else { try s.skipValue(); return }
                    var counts = ObjectiveCounts()
                    try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                        switch key {
                        case "objectives": counts.objectives = try s.readCount()
                        case "evaluated": counts.evaluated = try s.readCount()
                        case "met": counts.met = try s.readCount()
                        case "attainment": counts.attainment = try s.readNull() ? nil : try s.readNumber()
                        default: try s.skipValue()
                        }
                    }
                    k.objectives[year] = counts
                }
            case "reviews":
                try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                    switch key {
                    case "last": k.lastReview = try readDay(&s)
                    case "due": k.reviewDue = try s.readBool()
                    default: try s.skipValue()
                    }
                }
            case "audits":
                try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                    if key == "due" { k.auditDue = try s.readBool() } else { try s.skipValue() }
                }
            case "inspections":
                try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                    if key == "reports_overdue" { k.inspectionReportsOverdue = try s.countArray() } else { try s.skipValue() }
                }
            case "legal":
                try s.readObject { (s: inout JSONScanner, key: String) throws(ScanError) in
                    if key == "overdue" { k.legalOverdue = try s.countArray() } else { try s.skipValue() }
                }
            default: try s.skipValue()
            }
        }
        return k
    }
}

/// A `YYYY-MM-DD` string or null.
func readDay(_ s: inout JSONScanner) throws(ScanError) -> Day? {
    if try s.readNull() { return nil }
    let start = s.index
    let text = try s.readString()
    guard let day = Day(parsing: text), day.iso == text else { throw s.error(CommandMessage.jsonExpectedDate(), at: start) }
    return day
}
