import CaiTienModel
import Testing

/// Calendar months (SPEC §5): the deadlines of QĐ 19 Điều 4.4a (three months after a legal
/// document takes effect) and TT 26 Điều 37.2c (two months after the inspection record).
@Suite struct CalendarMonthTests {
    func day(_ text: String) -> Day { Day(parsing: text)! }

    @Test func sameDayOfTheMonthWhenItExists() {
        // SPEC's own example: 01/07/2025 + 3 months is 01/10/2025.
        #expect(day("2025-07-01").adding(months: 3) == day("2025-10-01"))
        // 12/03/2026 + 2 months: 12/05/2026 (the sample inspection).
        #expect(day("12/03/2026").adding(months: 2) == day("12/05/2026"))
        // Across the year's end: 15/11/2025 + 3 → 15/02/2026.
        #expect(day("2025-11-15").adding(months: 3) == day("2026-02-15"))
        // Zero months is the day itself.
        #expect(day("2025-08-31").adding(months: 0) == day("2025-08-31"))
    }

    @Test func aDayTheMonthLacksBecomesItsLastDay() {
        // SPEC: 31/08/2025 + 3 → 30/11/2025 (November has 30 days).
        #expect(day("2025-08-31").adding(months: 3) == day("2025-11-30"))
        // 31/12/2025 + 2 → 28/02/2026 (2026 is not a leap year).
        #expect(day("2025-12-31").adding(months: 2) == day("2026-02-28"))
        // 30/11/2027 + 3 → 29/02/2028 (2028 is a leap year: divisible by 4, not by 100).
        #expect(day("2027-11-30").adding(months: 3) == day("2028-02-29"))
        // 31/12/2099 + 2 → 28/02/2100 (2100 is divisible by 100, not by 400: no 29 February).
        #expect(day("2099-12-31").adding(months: 2) == day("2100-02-28"))
        // 31/12/1999 + 2 → 29/02/2000 (divisible by 400: a leap year).
        #expect(day("1999-12-31").adding(months: 2) == day("2000-02-29"))
        // 29/02/2024 + 12 → 28/02/2025, + 48 → 29/02/2028.
        #expect(day("2024-02-29").adding(months: 12) == day("2025-02-28"))
        #expect(day("2024-02-29").adding(months: 48) == day("2028-02-29"))
        // Each deadline is counted from the first day, not month by month:
        // 31/01/2026 + 1 → 28/02/2026, but 31/01/2026 + 2 → 31/03/2026 (not 28/03).
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2026-01-31").adding(months: 2) == day("2026-03-31"))
    }

    @Test func backwardsAndAtTheCalendarsEnds() {
        // 31/03/2026 − 1 → 28/02/2026; 15/01/2026 − 1 → 15/12/2025.
        #expect(day("2026-03-31").adding(months: -1) == day("2026-02-28"))
        #expect(day("2026-01-15").adding(months: -1) == day("2025-12-15"))
        // Past 31/12/9999 there is no day: nil, never a trap.
        #expect(day("9999-11-30").adding(months: 2) == nil)
        #expect(day("9999-10-31").adding(months: 2) == day("9999-12-31"))
        #expect(day("1900-01-01").adding(months: Int(Int32.max)) == nil)
    }

    @Test func deadlinesOfTheRecords() {
        let inspection = Inspection(id: "2026-03-12", date: day("2026-03-12"), by: "Sở Khoa học và Công nghệ", mode: .onSite)
        #expect(inspection.reportDue(months: 2) == day("2026-05-12"))
        let legal = LegalDocument(id: "QD-12-2026", title: "Quyết định 12/2026/QĐ-UBND", effectiveOn: day("2026-08-31"))
        // 31/08/2026 + 3 months: 30/11/2026.
        #expect(legal.updateDue(months: 3) == day("2026-11-30"))
        var audit = Audit(id: "2026-06-22", date: day("2026-06-22"), leadAuditor: "Ngô Thanh Hùng")
        #expect(audit.lastDay == day("2026-06-22"))
        audit.end = day("2026-06-24")
        #expect(audit.lastDay == day("2026-06-24"))
        #expect(audit.findingID(0) == "2026-06-22#1")
    }
}
