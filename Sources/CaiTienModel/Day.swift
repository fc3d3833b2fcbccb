/// A calendar day with no time and no time zone: the records' dates and the build's "today".
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The days a record may hold: the years 1900 to 9999 (a date outside is a typo, and the
    /// figures count back and ahead of it).
    public static let recordRange = Day(year: 1900, month: 1, day: 1)!...Day(year: 9999, month: 12, day: 31)!

    /// The days a build may take as today: the figures look ahead up to 100 years (the largest
    /// setting, 36,500 days), and the days end with 9999.
    public static let todayRange = Day(year: 1900, month: 1, day: 1)!...Day(year: 9899, month: 12, day: 31)!

    /// Nil when the date does not exist (31/02, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Parses `2025-03-04` (ISO) or `04/03/2025` (Vietnamese dd/mm/yyyy; one-digit day and month allowed).
    public init?(parsing text: Substring) {
        var fields: [Int] = []
        fields.reserveCapacity(3)
        var widths: [Int] = []
        var value = 0, width = 0
        var separator: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                value = value * 10 + Int(byte - 0x30)
                width += 1
                if width > 4 { return nil }
            case 0x2D, 0x2F: // - or /
                if separator == 0 { separator = byte } else if separator != byte { return nil }
                guard width > 0, fields.count < 2 else { return nil }
                fields.append(value); widths.append(width)
                value = 0; width = 0
            default:
                return nil
            }
        }
        guard width > 0, fields.count == 2 else { return nil }
        fields.append(value); widths.append(width)
        if separator == 0x2D {
            guard widths == [4, 2, 2] else { return nil }
            self.init(year: fields[0], month: fields[1], day: fields[2])
        } else {
            guard widths[0] <= 2, widths[1] <= 2, widths[2] == 4 else { return nil }
            self.init(year: fields[2], month: fields[1], day: fields[0])
        }
    }

    public init?(parsing text: String) { self.init(parsing: text[...]) }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// `dd/mm/yyyy`, as Vietnamese pages write dates.
    public var vietnamese: String {
        let (y, m, d) = components
        return "\(pad(d, 2))/\(pad(m, 2))/\(pad(y, 4))"
    }

    /// `YYYY-MM`.
    public var monthKey: String {
        let (y, m, _) = components
        return Day.monthKey(year: y, month: m)
    }

    /// `YYYY-MM` of any month, without making a day of it (the month may lie outside the days).
    public static func monthKey(year: Int, month: Int) -> String { "\(pad(year, 4))-\(pad(month, 2))" }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// The day a record's retention ends: `closed` plus `years` (29/02 becomes 28/02); nil past
/// year 9999.
public func retentionEnd(_ closed: Day, years: Int) -> Day? {
    let (y, m, d) = closed.components
    return Day(year: y + years, month: m, day: min(d, Day.daysIn(month: m, year: y + years)))
}
