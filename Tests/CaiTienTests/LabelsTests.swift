import CaiTienModel
@testable import CaiTienRender
import Testing
import TestSupport

// Labels: one name for the dashboard, no capital in the middle of a sentence, review ids shown as
// dates, and the reviews list's badges count what their column says.

@Suite struct LabelsTests {
    static let fixture = Fixture(FiguresWhoMustActTests.requests
        + figTicket("W-13", source: "management_review", opened: "2025-09-16", "review: 2025-09-15")
        + figPlan("2025/tthcc", """
            year: 2025
            unit: tthcc
            approved_by: Võ Thị Kim Oanh
            approved_on: 2025-01-16
            objectives:
              - code: MT1
                text: Từ 99% hồ sơ đúng hạn
                target: 99
                plan:
                  - {what: Nhắc hồ sơ sắp đến hạn, owner: Lê Hoài Nam, due: 2025-03-31, done: 2025-03-20}
                  - {what: Sửa quy chế phối hợp, owner: Lê Hoài Nam, due: 2025-12-31}
            """))

    @Test func oneNameForTheDashboard() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-01")
        let page = try #require(out.text("index.html"))
        #expect(page.contains("<title>Tổng quan — UBND phường Ninh Hòa</title>") && page.contains("<h1>Tổng quan</h1>"))
        #expect(page.contains(">Tổng quan</a>"))
        for (path, bytes) in out.files where path.hasSuffix(".html") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("Bảng điều khiển"), "\(path)")
        }
    }

    @Test func noCapitalInTheMiddleOfASentence() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-01")
        let plan = visibleText(try #require(out.text("objectives/2025/index.html")))
        #expect(plan.contains("1/2 biện pháp hoàn thành") && !plan.contains("0 Trễ hạn") && !plan.contains("0 trễ hạn"), "\(plan)")
        #expect(plan.contains("Nhắc hồ sơ sắp đến hạn — Lê Hoài Nam, hạn 31/03/2025, hoàn thành 20/03/2025"), "\(plan)")
        let unit = visibleText(try #require(out.text("units/tthcc/index.html")))
        #expect(unit.contains("Mục tiêu chất lượng năm 2025: 1 mục tiêu, tỷ lệ đạt —"), "\(unit)")
    }

    @Test func reviewIdsAreShownAsDates() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-01")
        let page = visibleText(try #require(out.text("tickets/W-13/index.html")))
        #expect(page.contains("Theo quyết định XXLĐ: 15/09/2025") && !page.contains("2025-09-15"), "\(page)")
    }

    /// The review of 15/09/2025 has its eleven inputs and three decisions, two without a request.
    @Test func reviewsListBadgesCountTheirColumn() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-01")
        let page = try #require(out.text("reviews/index.html"))
        let row = try #require(page.components(separatedBy: "<tr>").last)
        #expect(row.contains("<td data-label=\"Đầu vào có nội dung (5.8.1.1)\">11/11</td>"), "\(row)")
        #expect(row.contains("<td data-label=\"Quyết định (5.8.1.2)\">3 <span class=\"badge warn\">2 chưa mở phiếu</span></td>"), "\(row)")
    }
}
