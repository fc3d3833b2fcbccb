import CaiTienModel

extension Figures {
    /// What leaders ask of the last 12 months (the months of `per_month`), and the open requests
    /// by unit and age.
    public struct Trends: Sendable {
        public struct Category: Sendable, Equatable {
            /// Normalised as `category` is; nil when every request of it is confidential (SPEC §3).
            public var category: String?
            public var count: Int
            /// The share of all the window's categorised nonconformities counted by this category
            /// and the ones before it (a fraction, rounded to 4 places).
            public var cumulative: Double
        }

        public struct StageTime: Sendable, Equatable {
            /// `decided`, `approved`, `completed`, `verified`.
            public var milestone: String
            /// Median days from `opened` to the milestone; nil when no request reached it.
            public var median: Double?
            public var count: Int
        }

        /// The first day of the window: the 1st of the month eleven months before today's.
        public var since: Day
        /// Nonconformities opened in the window by category, most first (a Pareto chart).
        public var categories: [Category] = []
        /// Days from opening to each milestone, for the milestones reached in the window.
        public var stageTimes: [StageTime] = []
        /// Open requests by unit (the order of `by_unit`) and by the age buckets of `age_buckets`.
        public var openByUnitAge: [(unit: String, buckets: [Int])] = []
    }
}

func median(_ values: [Int]) -> Double? {
    guard !values.isEmpty else { return nil }
    let v = values.sorted(), n = v.count
    return n % 2 == 1 ? Double(v[n / 2]) : Double(v[n / 2 - 1] + v[n / 2]) / 2
}

/// The age bucket of an open request: 0–30, 31–90, 91–180, 181+ days.
func ageBucket(_ age: Int) -> Int { age <= 30 ? 0 : age <= 90 ? 1 : age <= 180 ? 2 : 3 }

func trendFigures(_ requests: [Request], site: SiteConfig, today: Day) -> Figures.Trends {
    let (ty, tm, _) = today.components
    let back = ty * 12 + (tm - 1) - 11
    let since = Day(year: back / 12, month: back % 12 + 1, day: 1) ?? today
    var t = Figures.Trends(since: since)
    func inWindow(_ day: Day?) -> Bool { day.map { $0 >= since && $0 <= today } ?? false }

    var counts: [String: (count: Int, shown: Bool)] = [:]
    var days: [String: [Int]] = [:]
    let milestones = ["decided", "approved", "completed", "verified"]
    var openByUnit: [String: [Int]] = [:]
    for r in requests {
        if r.kind == .nonconformity, inWindow(r.opened), let category = r.category, !category.isEmpty {
            let c = counts[category] ?? (0, false)
            counts[category] = (c.count + 1, c.shown || !r.confidential)
        }
        if r.stage != .cancelled {
            for (name, day) in zip(milestones, [r.decidedOn, r.approvedOn, r.completedOn, r.verifiedOn]) where inWindow(day) {
                days[name, default: []].append(day!.days(since: r.opened))
            }
        }
        if r.isOpen {
            openByUnit[r.unit, default: [0, 0, 0, 0]][ageBucket(today.days(since: r.opened))] += 1
        }
    }
    t.categories = counts.map { Figures.Trends.Category(category: $0.value.shown ? $0.key : nil, count: $0.value.count, cumulative: 0) }
        .sorted { ($1.count, $0.category ?? "\u{10FFFF}") < ($0.count, $1.category ?? "\u{10FFFF}") }
    let total = t.categories.reduce(0) { $0 + $1.count }
    var running = 0
    for i in t.categories.indices {
        running += t.categories[i].count
        t.categories[i].cumulative = rate(running, total) ?? 0
    }
    t.stageTimes = milestones.map { Figures.Trends.StageTime(milestone: $0, median: median(days[$0] ?? []), count: days[$0]?.count ?? 0) }
    let siteUnits = site.units.map(\.code)
    let others = openByUnit.keys.filter { !siteUnits.contains($0) }.sorted()
    t.openByUnitAge = (siteUnits + others).map { ($0, openByUnit[$0] ?? [0, 0, 0, 0]) }
    return t
}
