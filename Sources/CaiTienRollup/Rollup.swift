import CaiTienModel

/// One ward: where it was read from and what was found.
public struct WardRow: Sendable {
    public var source: RollupSource
    public var result: Result<WardFigures, WardProblem>

    public init(source: RollupSource, result: Result<WardFigures, WardProblem>) {
        self.source = source
        self.result = result
    }

    public var figures: WardFigures? { if case .success(let f) = result { return f } else { return nil } }

    /// The ward's name: its data.json's organisation, else the name in the list, else the source.
    public var name: String { figures?.organisation ?? source.name ?? source.text }
}

/// How a ward's row stands.
public enum WardStatus: String, Sendable {
    /// Figures from the last `staleAfterDays` days.
    case current
    /// Figures older than that: the ward has not published for a while.
    case stale
    /// No figures: the source could not be read, fetched or parsed.
    case unreachable
    /// A data.json of a schema this caitien does not read.
    case unknownSchema = "unknown_schema"
}

/// The province's figures over its wards: pure, from the rows and the day.
public struct Rollup: Sendable {
    public var today: Day
    /// Objectives are those of this year (the year of `today`).
    public var year: Int { today.year }
    public var staleAfterDays: Int
    /// Sorted by name without tones (as a reader looks a ward up), then by source.
    public var rows: [WardRow]
    public var totals: Totals

    public struct Totals: Sendable, Equatable {
        public var wards = 0, current = 0, stale = 0, unreachable = 0, unknownSchema = 0
        public var open = 0, overdue = 0
        /// Summed over the wards whose data.json carries the figure; nil when none does.
        public var awaitingLeader: Int?
        public var recurringUncovered = 0
        public var objectivesEvaluated = 0, objectivesMet = 0
        /// Σ met / Σ evaluated over the wards' objectives of the year; nil when none is evaluated.
        public var attainment: Double?
        /// Wards whose management review is due.
        public var reviewDue = 0
        /// Wards whose internal audit is due; nil when no ward's data.json carries it.
        public var auditDue: Int?
        public var inspectionReportsOverdue: Int?
        public var legalOverdue: Int?
    }

    public func status(_ row: WardRow) -> WardStatus {
        switch row.result {
        case .failure(.unknownSchema): return .unknownSchema
        case .failure(.unreachable): return .unreachable
        case .success(let f): return isStale(f) ? .stale : .current
        }
    }

    /// Older than `staleAfterDays` before today.
    public func isStale(_ f: WardFigures) -> Bool { today.days(since: f.today) > staleAfterDays }

    /// Days between the ward's figures and today.
    public func age(_ f: WardFigures) -> Int { today.days(since: f.today) }
}

/// Folds Vietnamese for search and sorting: lower case, no tones or marks, đ → d ("Hòa" and
/// "hoa" are the same word to a reader typing without tones).
public func foldVietnamese(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
        if (0x300...0x36F).contains(scalar.value) { continue }
        out.append(toneless[scalar] ?? scalar)
    }
    return String(out)
}

private let toneless: [Unicode.Scalar: Unicode.Scalar] = {
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (base, letters) in [("a", "àáảãạăằắẳẵặâầấẩẫậ"), ("e", "èéẻẽẹêềếểễệ"), ("i", "ìíỉĩị"), ("o", "òóỏõọôồốổỗộơờớởỡợ"),
                            ("u", "ùúủũụưừứửữự"), ("y", "ỳýỷỹỵ"), ("d", "đ")] as [(Unicode.Scalar, String)] {
        for letter in letters.unicodeScalars { table[letter] = base }
    }
    return table
}()

/// The roll-up of `rows` for `today`: rows in reading order and the totals.
public func summarise(_ rows: [WardRow], today: Day, staleAfterDays: Int = 7) -> Rollup {
    let keyed = rows.map { (key: foldVietnamese($0.name), row: $0) }
    let sorted = keyed.sorted { ($0.key, $0.row.source.text) < ($1.key, $1.row.source.text) }.map(\.row)
    var rollup = Rollup(today: today, staleAfterDays: staleAfterDays, rows: sorted, totals: .init())
    var t = Rollup.Totals()
    for row in sorted {
        t.wards += 1
        switch rollup.status(row) {
        case .current: t.current += 1
        case .stale: t.stale += 1
        case .unreachable: t.unreachable += 1
        case .unknownSchema: t.unknownSchema += 1
        }
        guard let f = row.figures else { continue }
        t.open += f.open
        t.overdue += f.overdue
        if let n = f.awaitingLeader { t.awaitingLeader = (t.awaitingLeader ?? 0) + n }
        t.recurringUncovered += f.recurringUncovered
        if let year = f.objectives[rollup.year] {
            t.objectivesEvaluated += year.evaluated
            t.objectivesMet += year.met
        }
        if f.reviewDue == true { t.reviewDue += 1 }
        if let due = f.auditDue { t.auditDue = (t.auditDue ?? 0) + (due ? 1 : 0) }
        if let n = f.inspectionReportsOverdue { t.inspectionReportsOverdue = (t.inspectionReportsOverdue ?? 0) + n }
        if let n = f.legalOverdue { t.legalOverdue = (t.legalOverdue ?? 0) + n }
    }
    t.attainment = rate(t.objectivesMet, t.objectivesEvaluated)
    rollup.totals = t
    return rollup
}
