@testable import CaiTienRender
import Testing

// Chart numbers in the site's locale, axes of whole counts, a drawing for phones.

@Suite struct ChartsTests {
    @Test func numbersInVietnamese() {
        #expect(chartNumber(2.5, locale: "vi") == "2,5")
        #expect(chartNumber(66.666, locale: "vi") == "66,7")
        #expect(chartNumber(4215, locale: "vi") == "4.215")
        #expect(chartNumber(1_250_000, locale: "vi") == "1.250.000")
        #expect(chartNumber(12, locale: "vi") == "12")
        #expect(chartNumber(2.5, locale: "en") == "2.5")
        #expect(chartNumber(4215, locale: "en") == "4,215")
    }

    /// Four steps of a whole size: a maximum of 5 gives 0, 2, 4, 6, 8 — never 1,25 or 2,5.
    @Test func countAxesHaveWholeSteps() {
        #expect(countAxis(5) == (8, 2))
        #expect(countAxis(1) == (4, 1))
        #expect(countAxis(13) == (20, 5))
        #expect(countAxis(0) == (4, 1))
        #expect(countAxis(120) == (200, 50))
    }

    @Test func everyChartHasAWideAndANarrowDrawing() {
        let svg = groupedBarChart(title: "Phiếu theo tháng", id: "m", groups: [("01/26", [2, 3]), ("02/26", [2.5, 0])],
                                  series: ["Mở", "Đóng"], locale: "vi")
        #expect(svg.hasPrefix("<div class=\"chart-wide\"><svg class=\"chart\" viewBox=\"0 0 640 "))
        #expect(svg.contains("<div class=\"chart-narrow\"><svg class=\"chart\" viewBox=\"0 0 360 "))
        #expect(svg.contains("id=\"m-title\"") && svg.contains("id=\"m-n-title\""))
        #expect(svg.contains(">2,5</text>") && !svg.contains(">2.5<"))
        let bars = horizontalBarChart(title: "Tỷ lệ đạt", id: "a", bars: [("Văn phòng", nil), ("Công an", 66.7)], maximum: 100,
                                      suffix: "%", locale: "vi")
        #expect(bars.contains("<title>Văn phòng: —</title>") && bars.contains(">66,7%</text>"))
    }
}
