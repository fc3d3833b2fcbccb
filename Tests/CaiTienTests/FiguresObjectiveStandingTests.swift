import CaiTienAnalysis
import CaiTienModel
@testable import CaiTienRender
import Testing
import TestSupport

// Where each quality objective stands mid-year and after the year (SPEC §2 objectives; "đạt",
// "chưa đạt", "có nguy cơ"). Helpers are in FiguresTests.swift.

@Suite struct FiguresObjectiveStandingTests {
    /// tthcc 2025, measured on 30/06 (and 30/09 for MT2):
    /// - MT1 at_least 99, 99,2 on 30/06          → met
    /// - MT2 at_most 10 records, 8 then 13       → not met already (a count past an at_most target)
    /// - MT3 at_least 100, 97,5 on 30/06         → at risk while the year lasts, not met after 31/12
    /// - MT4 at_least 30, no measurement          → unmeasured
    /// - MT5 at_most 5, year-end actual 4         → met (the actual decides, not the measurements)
    /// van-phong 2025: MT1 at_least 95, nothing measured → the unit has nothing evaluated.
    static let plans = standardSite
        + figPlan("2025/tthcc", """
            year: 2025
            unit: tthcc
            approved_by: Võ Thị Kim Oanh
            approved_on: 2025-01-16
            objectives:
              - {code: MT1, text: Từ 99% hồ sơ đúng hạn, measure: "%", target: 99, measurements: [{date: 2025-06-30, value: "99,2"}]}
              - code: MT2
                text: Số hồ sơ trễ hạn không quá 10 hồ sơ/năm
                measure: hồ sơ
                target: 10
                direction: at_most
                measurements:
                  - {date: 2025-06-30, value: 8}
                  - {date: 2025-09-30, value: 13}
              - {code: MT3, text: 100% hồ sơ số hóa, measure: "%", target: 100, measurements: [{date: 2025-06-30, value: "97,5"}]}
              - {code: MT4, text: Từ 30% lượt đánh giá qua mã QR, measure: "%", target: 30}
              - code: MT5
                text: Không quá 5 phản ánh
                target: 5
                direction: at_most
                actual: 4
                measurements:
                  - {date: 2025-06-30, value: 6}
            """)
        + figPlan("2025/van-phong", """
            year: 2025
            unit: van-phong
            approved_by: Lê Minh Tuấn
            approved_on: 2025-01-20
            objectives:
              - {code: MT1, text: Từ 95% văn bản đúng hạn, measure: "%", target: 95}
            """)

    @Test func midYearStanding() throws {
        let f = figFigures(Self.plans, today: "2025-10-15")
        let year = try #require(f.objectives.first { $0.year == 2025 })
        #expect(year.atRisk == ["2025/tthcc#MT3"])
        #expect(year.notMet == ["2025/tthcc#MT2"])
        #expect(f.kpis["objectives"]?["2025"]?["standing"]?.serialized() == #"{"met":2,"not_met":1,"at_risk":1,"unmeasured":2}"#)
        // MT5's year-end actual is evaluated; nothing else is.
        #expect(year.total.evaluated == 1 && year.total.met == 1)
    }

    @Test func afterTheYearAnAtLeastShortfallIsNotMet() throws {
        let f = figFigures(Self.plans, today: "2026-01-05")
        let year = try #require(f.objectives.first { $0.year == 2025 })
        #expect(year.atRisk.isEmpty)
        #expect(year.notMet == ["2025/tthcc#MT2", "2025/tthcc#MT3"])
        #expect(f.kpis["objectives"]?["2025"]?["at_risk"] == .array([]))
    }

    @Test func standingUsesTheLatestMeasurementAndTheDirection() {
        var o = ObjectivePlan.Objective(code: "MT", text: "x", target: 10, direction: .atMost)
        o.measurements = [.init(date: Day(parsing: "2025-09-30")!, value: 11), .init(date: Day(parsing: "2025-06-30")!, value: 9)]
        let mid = standing(of: o, year: 2025, today: Day(parsing: "2025-10-01")!)
        #expect(mid.status == .notMet && mid.value == 11 && mid.measuredOn == Day(parsing: "2025-09-30"))
        o.direction = .atLeast
        #expect(standing(of: o, year: 2025, today: Day(parsing: "2025-10-01")!).status == .met)
        o.target = 12
        #expect(standing(of: o, year: 2025, today: Day(parsing: "2025-12-31")!).status == .atRisk)
        #expect(standing(of: o, year: 2025, today: Day(parsing: "2026-01-01")!).status == .notMet)
    }

    /// The objectives page lists what is at risk or not met, and the dashboard's tile counts them
    /// and links to that list; the attainment chart draws "—" for a unit with nothing evaluated.
    @Test func pagesShowStandingAndDashForNothingEvaluated() throws {
        let out = try renderFixture(Fixture(Self.plans), today: "2025-10-15")
        let page = try #require(out.text("objectives/2025/index.html"))
        let listed = items(section(page, id: "at-risk"))
        #expect(listed.count == 2)
        #expect(listed[0].contains("MT2") && listed[0].contains("tối đa 10 hồ sơ · kết quả gần nhất 13 hồ sơ (30/09/2025) Chưa đạt"), "\(listed)")
        #expect(listed[1].contains("MT3") && listed[1].contains("kết quả gần nhất 97,5% (30/06/2025) Có nguy cơ"), "\(listed)")
        let dashboard = try #require(out.text("index.html"))
        let tile = try #require(dashboard.components(separatedBy: "<a class=\"tile").first { $0.contains("tile_objectives_at_risk") })
        #expect(tile.contains("href=\"objectives/2025/index.html#at-risk\""))
        #expect(visibleText("<a" + tile).hasPrefix("2 Mục tiêu có nguy cơ hoặc chưa đạt"), "\(visibleText("<a" + tile))")
        let chart = try #require(dashboard.range(of: "id=\"attainment-title\""))
        let svg = String(dashboard[chart.lowerBound...].prefix(2000))
        #expect(svg.contains("<title>Văn phòng HĐND và UBND: —</title>"))
        #expect(svg.contains("<title>Trung tâm Phục vụ hành chính công: 100%</title>"))
        #expect(!svg.contains("Văn phòng HĐND và UBND: 0%"))
    }
}
