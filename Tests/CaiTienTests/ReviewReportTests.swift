import CaiTienModel
import Testing
import TestSupport

// The two approvals of a review held as a report (5.8.2): the ISO committee's leader approves
// the report (`report_approved_by/on`), the head of the agency the notice (`approved_by/on`).

@Suite struct ReviewReportTests {
    static func report(reportApproved: String, approved: String = "15/07/2026") -> Fixture {
        ward("""
        -- reviews/2026-07-15.md --
        ---
        date: 2026-07-15
        format: report
        report_approved_by: Trần Quốc Bảo
        report_approved_on: \(reportApproved)
        approved_by: Nguyễn Thị Hồng Hải
        approved_on: \(approved)
        inputs:
        \(allInputs)
        ---
        Thông báo kết quả xem xét của lãnh đạo 6 tháng đầu năm 2026.
        """)
    }

    @Test func bothApprovalsAreRead() throws {
        let site = Self.report(reportApproved: "03/07/2026").check(today: "2026-11-25")
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics.map(\.text))")
        let review = try #require(site.content.reviews.first)
        #expect(review.reportApprovedBy == "Trần Quốc Bảo" && review.reportApprovedOn == Day(parsing: "2026-07-03"))
        #expect(review.approvedBy == "Nguyễn Thị Hồng Hải" && review.approvedOn == Day(parsing: "2026-07-15"))
    }

    @Test func reportApprovedInTheFutureOrAfterTheNoticeIsAnError() {
        #expect(Self.report(reportApproved: "20/07/2026").diagnostics(today: "2026-11-25") == [
            "reviews/2026-07-15.md:5:21: error: `report_approved_on` 20/07/2026 is after `approved_on` 15/07/2026: the report is approved before the notice of results (5.8.2) [report-after-notice]",
        ])
        #expect(Self.report(reportApproved: "20/07/2026").diagnostics(today: "2026-07-16").contains {
            $0.contains("`report_approved_on` 20/07/2026 is after today (16/07/2026)") && $0.hasSuffix("[future-date]")
        })
    }
}
