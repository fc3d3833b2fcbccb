import CaiTienModel

/// Where a quality objective stands: its latest value (the year-end `actual`, else the latest
/// measurement) against its target, in the objective's direction.
public struct ObjectiveStanding: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// "đạt": the latest value meets the target.
        case met
        /// "chưa đạt": the target is missed and the year cannot mend it — the year-end result,
        /// a value past an `at_most` target (a count only grows), or the latest value of a year
        /// that is over.
        case notMet = "not_met"
        /// "có nguy cơ": an `at_least` target not reached yet, with time left in the year.
        case atRisk = "at_risk"
        /// No value yet.
        case unmeasured
    }

    public var status: Status
    /// The value compared, and the day it was measured (nil for the year-end `actual`).
    public var value: Double?
    public var measuredOn: Day?
    /// True when `value` is the year-end `actual`.
    public var final: Bool
}

public func standing(of o: ObjectivePlan.Objective, year: Int, today: Day) -> ObjectiveStanding {
    if let actual = o.actual {
        return ObjectiveStanding(status: o.met == true ? .met : .notMet, value: actual, measuredOn: nil, final: true)
    }
    guard let last = o.measurements.max(by: { $0.date < $1.date }) else {
        return ObjectiveStanding(status: .unmeasured, value: nil, measuredOn: nil, final: false)
    }
    let status: ObjectiveStanding.Status
    switch o.direction {
    case .atMost:
        status = last.value <= o.target ? .met : .notMet
    case .atLeast:
        if last.value >= o.target { status = .met }
        else { status = Day(year: year, month: 12, day: 31).map { today > $0 } ?? false ? .notMet : .atRisk }
    }
    return ObjectiveStanding(status: status, value: last.value, measuredOn: last.date, final: false)
}
