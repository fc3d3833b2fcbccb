import CaiTienAnalysis
import CaiTienModel
@testable import CaiTienRender
import Testing
import TestSupport

// The charts leaders ask for: a Pareto of nonconformity categories over the last 12 months, the
// days from opening to each step, open requests by unit and age (hand-checked, two days).

@Suite struct FiguresTrendsTests {
    /// Today 15/06/2025 → the window starts 01/07/2024.
    /// - T-01 NC "trả kết quả trễ hạn" opened 30/06/2024: before the window.
    /// - T-02, T-03 NC "trả kết quả trễ hạn" opened 01/07/2024 and 10/01/2025; T-04 NC "sai sót hộ tịch" 01/02/2025.
    /// - T-05 NC "lộ thông tin công dân Nguyễn Văn A", confidential: a category only it has → withheld.
    /// - T-06 NC "sai sót hộ tịch" confidential: the category is shown (T-04 has it too).
    /// - T-07 improvement: no category.
    /// Milestones in the window: T-02 decided after 2 days, approved after 10, completed after 40,
    /// verified after 50; T-03 decided after 4; T-04 decided after 1 → decided median 2 (1, 2, 4),
    /// approved 10, completed 40, verified 50. T-01's decision (opened 30/06/2024, decided 30/06) is
    /// before the window.
    static let site = standardSite
        + figTicket("T-01", kind: "nonconformity", category: "trả kết quả trễ hạn", opened: "2024-06-30", """
            action_needed: false
            decided_on: 2024-06-30
            disposition: repair
            closed: 2024-07-01
            """)
        + figTicket("T-02", kind: "nonconformity", category: "Trả kết quả trễ hạn", opened: "2024-07-01", """
            action_needed: true
            decided_on: 2024-07-03
            assigned_to: Lê Hoài Nam
            assigned_on: 2024-07-05
            approved_on: 2024-07-11
            due: 2024-09-30
            completed_on: 2024-08-10
            verified_on: 2024-08-20
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2024-08-21
            """)
        + figTicket("T-03", kind: "nonconformity", category: "trả kết quả trễ hạn", opened: "2025-01-10", """
            action_needed: true
            decided_on: 2025-01-14
            """)
        + figTicket("T-04", kind: "nonconformity", unit: "van-phong", category: "sai sót hộ tịch", opened: "2025-02-01", """
            action_needed: true
            decided_on: 2025-02-02
            """)
        + figTicket("T-05", kind: "nonconformity", unit: "van-phong", category: "lộ thông tin công dân Nguyễn Văn A", opened: "2025-03-01", """
            confidential: true
            """)
        + figTicket("T-06", kind: "nonconformity", unit: "van-phong", category: "sai sót hộ tịch", opened: "2025-06-01", """
            confidential: true
            """)
        + figTicket("T-07", unit: "van-phong", opened: "2025-05-20")

    @Test func paretoOfTheLastTwelveMonths() {
        let f = figFigures(Self.site, today: "2025-06-15")
        #expect(f.trends.since == Day(parsing: "2024-07-01"))
        #expect(f.trends.categories.map { "\($0.category ?? "-") \($0.count)" } == ["sai sót hộ tịch 2", "trả kết quả trễ hạn 2", "- 1"])
        // A month later the window starts 01/08/2024: T-02 leaves it.
        let later = figFigures(Self.site, today: "2025-07-15")
        #expect(later.trends.categories.map { "\($0.category ?? "-") \($0.count)" } == ["sai sót hộ tịch 2", "trả kết quả trễ hạn 1", "- 1"])
    }

    @Test func daysFromOpeningToEachStep() {
        let f = figFigures(Self.site, today: "2025-06-15")
        #expect(f.trends.stageTimes.map { "\($0.milestone) \($0.median.map { String($0) } ?? "-") \($0.count)" } == [
            "decided 2.0 3", "approved 10.0 1", "completed 40.0 1", "verified 50.0 1",
        ])
        // From 15/08/2025 only T-03's and T-04's decisions are in the window: median (4 + 1) / 2.
        let later = figFigures(Self.site, today: "2025-08-15")
        #expect(later.trends.stageTimes.map { $0.median } == [2.5, nil, nil, nil])
    }

    /// Open at 15/06/2025: T-03 (156 days, 91–180) of tthcc; T-04 (134, 91–180), T-05 (106), T-06 (14, 0–30),
    /// T-07 (26, 0–30) of van-phong.
    @Test func openByUnitAndAge() {
        let f = figFigures(Self.site, today: "2025-06-15")
        #expect(f.trends.openByUnitAge.map { "\($0.unit) \($0.buckets)" } == ["tthcc [0, 0, 1, 0]", "van-phong [2, 0, 2, 0]"])
        #expect(f.kpis["trends"]?["open_by_unit_age"]?.serialized()
                == #"{"tthcc":{"0-30":0,"31-90":0,"91-180":1,"181+":0},"van-phong":{"0-30":2,"31-90":0,"91-180":2,"181+":0}}"#)
        #expect(f.kpis["trends"]?["nc_pareto"]?.serialized()
                == #"[{"category":"sai sót hộ tịch","count":2,"cumulative":0.4},{"category":"trả kết quả trễ hạn","count":2,"cumulative":0.8},{"category":null,"count":1,"cumulative":1}]"#)
    }

    /// The dashboard draws the three charts with their data tables; the confidential-only
    /// category is nowhere in the output.
    @Test func chartsAndTablesOnTheDashboard() throws {
        let out = try renderFixture(Fixture(Self.site), today: "2025-06-15")
        let page = try #require(out.text("index.html"))
        for id in ["chart-pareto", "chart-stage-time", "chart-unit-age"] {
            let chart = try #require(section(page.replacingOccurrences(of: "</figure>", with: "</section>"), id: id))
            #expect(chart.contains("<svg class=\"chart\"") && chart.contains("<table"), "\(id)")
        }
        let pareto = visibleText(try #require(section(page.replacingOccurrences(of: "</figure>", with: "</section>"), id: "chart-pareto")))
        #expect(pareto.contains("sai sót hộ tịch 2 40%") && pareto.contains("trả kết quả trễ hạn 2 80%") && pareto.contains("Nội dung được bảo mật 1 100%"), "\(pareto)")
        for (path, bytes) in out.files {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("Nguyễn Văn A"), "\(path)")
        }
        let stage = visibleText(try #require(section(page.replacingOccurrences(of: "</figure>", with: "</section>"), id: "chart-stage-time")))
        #expect(stage.contains("Quyết định nhu cầu HĐKP (5.2.2) 2 3"), "\(stage)")
    }
}
