import CaiTienAnalysis
import CaiTienModel
@testable import CaiTienRender
import Foundation
import Testing
import TestSupport

// The pages that say who must act and how late: the dashboard's lists of work, the leader's
// queue, a request's page, a unit's page (SPEC §2 "Who must act").

/// Builds the fixture in memory at `today` (no errors allowed).
func renderFixture(_ fixture: Fixture, today: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> MemoryOutput {
    let site = fixture.check(today: today)
    #expect(!site.diagnostics.hasErrors, "\(site.diagnostics.map(\.text))", sourceLocation: sourceLocation)
    let figures = computeFigures(site.content, today: site.today)
    let theme = Theme.builtIn
    let model = SiteModel(content: site.content, figures: figures,
                          localizer: try Localizer(theme: theme, locale: site.content.site.locale), commit: "abc123")
    let output = MemoryOutput()
    try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: output, threads: 1)
    return output
}

/// A page's text without tags, entities decoded, spaces collapsed: what a reader sees.
func visibleText(_ html: String) -> String {
    // Inline elements join the text around them; every other tag separates it.
    var text = html.replacingOccurrences(of: "</?(a|span|strong|em|b|i|code|time|abbr)( [^>]*)?>", with: "", options: .regularExpression)
    text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    for (entity, char) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
        text = text.replacingOccurrences(of: entity, with: char)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The HTML of the element with `id` up to its closing `</section>`.
func section(_ html: String, id: String) -> String? {
    guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
    let rest = html[start.lowerBound...]
    guard let end = rest.range(of: "</section>") else { return nil }
    return String(rest[..<end.upperBound])
}

/// The list items of a section, as visible text.
func items(_ html: String?) -> [String] {
    guard let html else { return [] }
    return html.components(separatedBy: "<li").dropFirst().map { visibleText("<li" + ($0.components(separatedBy: "</li>").first ?? "")) }
}

@Suite struct WorkPagesTests {
    static let fixture = Fixture(FiguresWhoMustActTests.requests)

    /// At 20/10/2025 (see FiguresWhoMustActTests): overdue W-09 (due 30/09: 20 days, verifier
    /// waiting 30), W-10 (due 15/09: 35 days). Each shows its step, owner and days late.
    @Test func overdueListShowsStepOwnerAndDaysLate() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-20")
        let page = try #require(out.text("index.html"))
        let overdue = items(section(page, id: "overdue"))
        #expect(overdue.count == 2)
        #expect(overdue.first?.hasPrefix("W-09") == true)
        #expect(overdue.first?.contains("Kiểm tra xác nhận (5.6) · Lãnh đạo cơ quan · quá hạn 20 ngày · chờ 30 ngày") == true, "\(overdue)")
        #expect(overdue.last?.contains("Lãnh đạo cơ quan · quá hạn 35 ngày") == true, "\(overdue)")
    }

    /// Late actions are listed one by one with their own owner and due, not the request's (30/11).
    /// W-08 is confidential: its action and its owner are not shown.
    @Test func lateActionsShowTheirOwnOwnerAndDue() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-20")
        let page = try #require(out.text("index.html"))
        let actions = items(section(page, id: "actions-late"))
        #expect(actions.count == 3, "\(actions)")
        #expect(actions[0].contains("Tập huấn công chức"))
        #expect(actions[0].contains("Phan Văn Đức · quá hạn 5 ngày"), "\(actions[0])")
        #expect(actions[0].contains("15/10/2025") && !actions[0].contains("30/11/2025"))
        #expect(actions[2].hasPrefix("W-08 Nội dung được bảo mật"))
        #expect(actions[2].contains("Người thực hiện · quá hạn 15 ngày"), "\(actions[2])")
        for (path, bytes) in out.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Niêm phong hồ sơ"), "confidential action in \(path)")
            #expect(!text.contains("Lê Thị Hoa") || !path.contains("W-08"), "confidential owner in \(path)")
        }
        #expect(!(out.text("data.json") ?? "").contains("Lê Thị Hoa\",\"due\":\"2025-10-05"))
    }

    /// The leader's queue: a tile with its count, red once a wait passes due_soon_days, and a list.
    @Test func leaderQueueTileAndList() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-01")
        let page = try #require(out.text("index.html"))
        let tile = try #require(page.components(separatedBy: "<a class=\"tile").first { $0.contains("data-key=\"tile_leader_queue\"") })
        #expect(tile.hasPrefix(" alert\""))
        #expect(visibleText("<a" + tile).contains("4 Chờ lãnh đạo quyết định, kiểm tra xác nhận chờ 30 ngày"))
        let queue = items(section(page, id: "leader-queue"))
        #expect(queue.map { String($0.prefix(4)) } == ["W-01", "W-02", "W-09", "W-10"])
        #expect(queue[0].contains("Quyết định nhu cầu HĐKP (5.2.2) · Võ Thị Kim Oanh (trưởng đơn vị) · chờ 30 ngày"), "\(queue[0])")
        #expect(queue[1].contains("Trưởng đơn vị Văn phòng HĐND và UBND · chờ 21 ngày"), "\(queue[1])")
    }

    @Test func decisionsWithoutRequestShowOwnerAndDays() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-20")
        let page = try #require(out.text("index.html"))
        let decisions = items(section(page, id: "decisions-waiting"))
        #expect(decisions.count == 2)
        #expect(decisions[0].contains("Mua máy quét") && decisions[0].contains("Ngô Thanh Hùng · quá hạn 10 ngày"), "\(decisions)")
        #expect(decisions[1].contains("Ban ISO · chờ 35 ngày"), "\(decisions)")
    }

    /// A request page opens with what is late, by how much, and who acts next — before the form.
    /// W-07 at 20/10: due 30/11 (41 days left), but A3 (10/10, 10 days late, no owner → the
    /// assignee) and A2 (15/10, Phan Văn Đức, 5 days late) are late, and its monthly report is 14 days late.
    @Test func requestPageSaysWhatIsLateAndWhoActs() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-20")
        let page = try #require(out.text("tickets/W-07/index.html"))
        let standing = try #require(page.range(of: "<section class=\"standing standing-late no-print\""))
        let form = try #require(page.range(of: "<article class=\"form\""))
        #expect(standing.lowerBound < form.lowerBound)
        let text = visibleText(String(page[standing.lowerBound...].prefix(3000)))
        #expect(text.contains("Còn 41 ngày · hạn 30/11/2025"), "\(text)")
        #expect(text.contains("Bước tiếp theo: Thực hiện biện pháp (5.5) — Trần Văn Bình (người được phân công) · quá hạn 10 ngày"), "\(text)")
        #expect(text.contains("Biện pháp 2: Tập huấn công chức — Phan Văn Đức · hạn 15/10/2025 · quá hạn 5 ngày"), "\(text)")
        #expect(text.contains("Thiếu báo cáo tiến độ hằng tháng (5.5) — Trần Văn Bình · quá hạn 14 ngày (báo cáo gần nhất 05/09/2025)"), "\(text)")
        // An overdue request waiting for verification: the head of the agency, late since the due day.
        let w09 = visibleText(try #require(out.text("tickets/W-09/index.html")))
        #expect(w09.contains("Quá hạn 20 ngày · hạn 30/09/2025 Bước tiếp theo: Kiểm tra xác nhận (5.6) — Lãnh đạo cơ quan · quá hạn 20 ngày (chờ 30 ngày)"), "\(w09)")
        // Closed: when, and whether on time.
        let w12 = visibleText(try #require(out.text("tickets/W-12/index.html")))
        #expect(w12.contains("Đã đóng 13/09/2025"))
    }

    /// A confidential request's page names the step and the role, never the person its record names.
    @Test func confidentialRequestPageNamesRolesOnly() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-20")
        let page = visibleText(try #require(out.text("tickets/W-08/index.html")))
        #expect(page.contains("Bước tiếp theo: Thực hiện biện pháp (5.5) — Người thực hiện · quá hạn 15 ngày"), "\(page)")
        #expect(page.contains("Biện pháp 1 — Người thực hiện · hạn 05/10/2025 · quá hạn 15 ngày"), "\(page)")
        #expect(!page.contains("Lê Thị Hoa") && !page.contains("Phan Văn Đức") && !page.contains("Niêm phong"))
    }

    /// A unit's page leads with its late work: tthcc at 20/10 has W-09 and W-10 overdue and
    /// W-07's two late actions; van-phong has W-08's late action and W-02 undecided.
    @Test func unitPageLeadsWithItsLateWork() throws {
        let out = try renderFixture(Self.fixture, today: "2025-10-20")
        let page = try #require(out.text("units/tthcc/index.html"))
        let late = try #require(page.range(of: "Việc trễ hạn và việc đang chờ của đơn vị"))
        let rates = try #require(page.range(of: "class=\"rates\""))
        #expect(late.lowerBound < rates.lowerBound)
        #expect(items(section(page, id: "overdue")).map { String($0.prefix(4)) } == ["W-09", "W-10"])
        #expect(items(section(page, id: "actions-late")).map { String($0.prefix(4)) } == ["W-07", "W-07"])
        #expect(items(section(page, id: "undecided")).map { String($0.prefix(4)) } == ["W-01"])
        let office = try #require(out.text("units/van-phong/index.html"))
        #expect(items(section(office, id: "actions-late")).map { String($0.prefix(4)) } == ["W-08"])
        #expect(items(section(office, id: "undecided")).map { String($0.prefix(4)) } == ["W-02"])
        #expect(section(office, id: "overdue") == nil)
    }
}
