import CaiTienModel
import Foundation

// SVG charts drawn at build time (readable without JavaScript). Each chart is drawn twice: a wide
// one for desktops and a narrow one, 360 units wide, for phones, where a 640-unit drawing would
// shrink its text below 7 px; CSS shows one of them. Numbers are written in the site's locale.


/// A coordinate in the SVG: at most one decimal, always with a point.
private func fmt(_ v: Double) -> String {
    v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
}

/// A number as the chart writes it for people: `2,5` and `1.250` in Vietnamese, `2.5` and
/// `1,250` in English.
func chartNumber(_ value: Double, locale: String) -> String {
    let rounded = (value * 10).rounded() / 10
    let (thousands, decimal) = locale == "vi" ? (".", ",") : (",", ".")
    let whole = Int(rounded.magnitude)
    var digits = String(whole)
    var grouped = ""
    while digits.count > 3 {
        grouped = thousands + digits.suffix(3) + grouped
        digits = String(digits.dropLast(3))
    }
    grouped = digits + grouped
    let fraction = Int(((rounded.magnitude - Double(whole)) * 10).rounded())
    return (rounded < 0 ? "-" : "") + grouped + (fraction > 0 ? decimal + String(fraction) : "")
}

/// An axis for counts: four steps of a whole "nice" size (1, 2, 5 × 10ⁿ), so no tick reads 2,5.
func countAxis(_ value: Double) -> (maximum: Double, step: Double) {
    guard value > 0 else { return (4, 1) }
    let raw = (value / 4).rounded(.up)
    let magnitude = pow(10, floor(log10(raw)))
    for m in [1.0, 2.0, 5.0, 10.0] where m * magnitude >= raw { return (4 * m * magnitude, m * magnitude) }
    return (40 * magnitude, 10 * magnitude)
}

/// The two drawings of a chart; the page shows the one that fits.
private func both(_ wide: String, _ narrow: String) -> String {
    "<div class=\"chart-wide\">\(wide)</div><div class=\"chart-narrow\">\(narrow)</div>"
}

private func svgOpen(id: String, width: Double, height: Double, title: String) -> String {
    "<svg class=\"chart\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" aria-labelledby=\"\(id)-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        + "<title id=\"\(id)-title\">\(escapeHTML(title))</title>"
}

/// A label cut to `limit` characters with an ellipsis (the full text is in the bar's title).
private func cut(_ label: String, _ limit: Int) -> String {
    label.count > limit ? String(label.prefix(limit - 1)) + "…" : label
}

/// Vertical bars, one group per label and one bar per series (wide); on a phone, one row per
/// group with a thin bar per series.
func groupedBarChart(title: String, id: String, groups: [(String, [Double])], series: [String], locale: String) -> String {
    let axis = countAxis(groups.flatMap(\.1).max() ?? 0)
    // Wide.
    let width = 640.0, height = 240.0, left = 40.0, bottom = 34.0, top = 14.0, right = 8.0
    let plotW = width - left - right, plotH = height - top - bottom
    let groupW = plotW / Double(max(groups.count, 1))
    let barW = min(28, (groupW - 6) / Double(max(series.count, 1)))
    var s = svgOpen(id: id, width: width, height: height + (series.count > 1 ? 18 : 0), title: title)
    for i in 0...4 {
        let y = top + plotH - plotH * Double(i) / 4
        s += "<line class=\"grid\" x1=\"\(fmt(left))\" y1=\"\(fmt(y))\" x2=\"\(fmt(width - right))\" y2=\"\(fmt(y))\"/>"
        s += "<text class=\"axis\" x=\"\(fmt(left - 4))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(chartNumber(axis.step * Double(i), locale: locale))</text>"
    }
    for (g, (label, values)) in groups.enumerated() {
        let x0 = left + Double(g) * groupW + (groupW - barW * Double(values.count)) / 2
        for (k, value) in values.enumerated() {
            let h = plotH * value / axis.maximum
            let x = x0 + Double(k) * barW
            s += "<rect class=\"bar s\(k)\" x=\"\(fmt(x))\" y=\"\(fmt(top + plotH - h))\" width=\"\(fmt(barW - 2))\" height=\"\(fmt(h))\"><title>\(escapeHTML(label)): \(chartNumber(value, locale: locale))</title></rect>"
            if value > 0 && barW >= 12 {
                s += "<text class=\"value\" x=\"\(fmt(x + (barW - 2) / 2))\" y=\"\(fmt(top + plotH - h - 3))\" text-anchor=\"middle\">\(chartNumber(value, locale: locale))</text>"
            }
        }
        s += "<text class=\"axis\" x=\"\(fmt(left + Double(g) * groupW + groupW / 2))\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"middle\">\(escapeHTML(label))</text>"
    }
    s += legend(series, x: left, y: height - 4)
    s += "</svg>"

    // Narrow: a row per group.
    let nW = 360.0, labelW = 96.0, valueW = 40.0, rowH = 10.0 + 12.0 * Double(max(series.count, 1))
    let nPlot = nW - labelW - valueW
    let nH = Double(groups.count) * rowH + 10 + legendHeight(series, x: 8, width: nW)
    var n = svgOpen(id: id + "-n", width: nW, height: nH, title: title)
    for (g, (label, values)) in groups.enumerated() {
        let y = 4 + Double(g) * rowH
        n += "<text class=\"axis\" x=\"\(fmt(labelW - 6))\" y=\"\(fmt(y + rowH / 2 + 3))\" text-anchor=\"end\">\(escapeHTML(cut(label, 12)))</text>"
        for (k, value) in values.enumerated() {
            let by = y + 4 + Double(k) * 12
            let w = nPlot * value / axis.maximum
            n += "<rect class=\"bar s\(k)\" x=\"\(fmt(labelW))\" y=\"\(fmt(by))\" width=\"\(fmt(w))\" height=\"10\"><title>\(escapeHTML(label)) — \(escapeHTML(series.indices.contains(k) ? series[k] : "")): \(chartNumber(value, locale: locale))</title></rect>"
            n += "<text class=\"value\" x=\"\(fmt(labelW + w + 4))\" y=\"\(fmt(by + 9))\">\(chartNumber(value, locale: locale))</text>"
        }
    }
    n += legend(series, x: 8, y: Double(groups.count) * rowH + 8, width: nW)
    n += "</svg>"
    return both(s, n)
}

/// The legend of a chart with several series, from (`x`, `y`), wrapped to the next line before
/// `width`. `legendHeight` says how tall it will be.
private func legend(_ series: [String], x start: Double, y: Double, width: Double = 640) -> String {
    guard series.count > 1 else { return "" }
    var s = "", x = start, y = y
    for (k, name) in series.enumerated() {
        let w = legendWidth(name)
        if x > start && x + w > width { x = start; y += 18 }
        s += "<rect class=\"bar s\(k)\" x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"12\" height=\"12\"/>"
        s += "<text class=\"legend\" x=\"\(fmt(x + 16))\" y=\"\(fmt(y + 10))\">\(escapeHTML(name))</text>"
        x += w
    }
    return s
}

/// Room for one legend entry: the swatch and about 8 units a character at the chart's text size.
private func legendWidth(_ name: String) -> Double { 30 + Double(name.count) * 8 }

private func legendHeight(_ series: [String], x start: Double, width: Double) -> Double {
    guard series.count > 1 else { return 0 }
    var lines = 1.0, x = start
    for name in series {
        let w = legendWidth(name)
        if x > start && x + w > width { lines += 1; x = start }
        x += w
    }
    return lines * 18
}

/// Horizontal bars with their labels and values, for categories with long names. A nil value
/// (nothing to measure) draws no bar and "—", never a bar of 0. On a phone the label stands
/// above its bar.
func horizontalBarChart(title: String, id: String, bars: [(String, Double?)], maximum: Double? = nil, suffix: String = "",
                        locale: String) -> String {
    let maxValue = maximum ?? countAxis(bars.compactMap(\.1).max() ?? 0).maximum
    func text(_ value: Double?) -> String { value.map { chartNumber($0, locale: locale) + suffix } ?? "—" }
    // Wide: label, bar, value on one row.
    let rowH = 26.0, labelW = 250.0, width = 640.0, valueW = 60.0
    let height = max(rowH, Double(bars.count) * rowH) + 8
    let plotW = width - labelW - valueW
    var s = svgOpen(id: id, width: width, height: height, title: title)
    for (i, (label, value)) in bars.enumerated() {
        let y = 4 + Double(i) * rowH
        s += "<text class=\"axis\" x=\"\(fmt(labelW - 8))\" y=\"\(fmt(y + 17))\" text-anchor=\"end\">\(escapeHTML(cut(label, 34)))</text>"
        s += "<rect class=\"track\" x=\"\(fmt(labelW))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(plotW))\" height=\"\(fmt(rowH - 10))\"><title>\(escapeHTML(label)): \(text(value))</title></rect>"
        if let value {
            let w = maxValue > 0 ? plotW * min(value, maxValue) / maxValue : 0
            s += "<rect class=\"bar s0\" x=\"\(fmt(labelW))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(w))\" height=\"\(fmt(rowH - 10))\"><title>\(escapeHTML(label)): \(text(value))</title></rect>"
        }
        s += "<text class=\"value\" x=\"\(fmt(labelW + plotW + 6))\" y=\"\(fmt(y + 17))\">\(text(value))</text>"
    }
    s += "</svg>"
    // Narrow: the label on its own line, the bar and value under it.
    let nW = 360.0, nRow = 38.0, nValueW = 52.0
    let nPlot = nW - nValueW - 4
    var n = svgOpen(id: id + "-n", width: nW, height: Double(max(bars.count, 1)) * nRow + 4, title: title)
    for (i, (label, value)) in bars.enumerated() {
        let y = 2 + Double(i) * nRow
        n += "<text class=\"axis\" x=\"2\" y=\"\(fmt(y + 13))\">\(escapeHTML(cut(label, 40)))</text>"
        n += "<rect class=\"track\" x=\"2\" y=\"\(fmt(y + 19))\" width=\"\(fmt(nPlot))\" height=\"12\"><title>\(escapeHTML(label)): \(text(value))</title></rect>"
        if let value {
            let w = maxValue > 0 ? nPlot * min(value, maxValue) / maxValue : 0
            n += "<rect class=\"bar s0\" x=\"2\" y=\"\(fmt(y + 19))\" width=\"\(fmt(w))\" height=\"12\"><title>\(escapeHTML(label)): \(text(value))</title></rect>"
        }
        n += "<text class=\"value\" x=\"\(fmt(nPlot + 8))\" y=\"\(fmt(y + 30))\">\(text(value))</text>"
    }
    n += "</svg>"
    return both(s, n)
}

/// A Pareto chart: categories most frequent first as horizontal bars, and the cumulative share
/// of all occurrences as a line with its percentage at each row.
func paretoChart(title: String, id: String, bars: [(String, Double, Double)], locale: String) -> String {
    let axis = countAxis(bars.map(\.1).max() ?? 0)
    let cumulative = bars.map { $0.2 * 100 }
    func draw(width: Double, labelW: Double, rowH: Double, labelAbove: Bool, id: String, limit: Int) -> String {
        let valueW = 88.0
        let plotX = labelAbove ? 2 : labelW, plotW = width - plotX - valueW
        let barTop = labelAbove ? 19.0 : 5.0, barH = labelAbove ? 12.0 : rowH - 10
        var s = svgOpen(id: id, width: width, height: Double(max(bars.count, 1)) * rowH + 22, title: title)
        var points: [String] = []
        for (i, (label, value, _)) in bars.enumerated() {
            let y = 4 + Double(i) * rowH
            let w = plotW * value / axis.maximum
            let share = "\(chartNumber(value, locale: locale)) · \(chartNumber(cumulative[i], locale: locale))%"
            if labelAbove {
                s += "<text class=\"axis\" x=\"2\" y=\"\(fmt(y + 13))\">\(escapeHTML(cut(label, limit)))</text>"
            } else {
                s += "<text class=\"axis\" x=\"\(fmt(labelW - 8))\" y=\"\(fmt(y + rowH / 2 + 5))\" text-anchor=\"end\">\(escapeHTML(cut(label, limit)))</text>"
            }
            s += "<rect class=\"bar s0\" x=\"\(fmt(plotX))\" y=\"\(fmt(y + barTop))\" width=\"\(fmt(w))\" height=\"\(fmt(barH))\"><title>\(escapeHTML(label)): \(share)</title></rect>"
            s += "<text class=\"value\" x=\"\(fmt(plotX + plotW + 6))\" y=\"\(fmt(y + barTop + barH - 1))\">\(share)</text>"
            points.append("\(fmt(plotX + plotW * cumulative[i] / 100)),\(fmt(y + barTop + barH / 2))")
        }
        // On a phone the line would cross the labels above the bars: the percentages say it.
        if points.count > 1 && !labelAbove { s += "<polyline class=\"cumulative\" points=\"\(points.joined(separator: " "))\"/>" }
        for p in points where !labelAbove {
            let xy = p.split(separator: ",")
            s += "<circle class=\"cumulative\" cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\"/>"
        }
        let legendY = Double(max(bars.count, 1)) * rowH + 16
        s += "<text class=\"legend\" x=\"\(fmt(plotX))\" y=\"\(fmt(legendY))\">0</text>"
        s += "<text class=\"legend\" x=\"\(fmt(plotX + plotW))\" y=\"\(fmt(legendY))\" text-anchor=\"end\">100%</text>"
        return s + "</svg>"
    }
    return both(draw(width: 640, labelW: 250, rowH: 26, labelAbove: false, id: id, limit: 34),
                draw(width: 360, labelW: 0, rowH: 38, labelAbove: true, id: id + "-n", limit: 40))
}

/// Horizontal bars cut into segments, one per series (a legend names them), with the row's total.
func stackedBarChart(title: String, id: String, rows: [(String, [Double])], series: [String], locale: String) -> String {
    let maxTotal = countAxis(rows.map { $0.1.reduce(0, +) }.max() ?? 0).maximum
    func draw(width: Double, labelW: Double, rowH: Double, labelAbove: Bool, id: String, limit: Int) -> String {
        let valueW = 40.0
        let plotX = labelAbove ? 2 : labelW, plotW = width - plotX - valueW
        let barTop = labelAbove ? 19.0 : 5.0, barH = labelAbove ? 12.0 : rowH - 10
        let height = Double(max(rows.count, 1)) * rowH + 10 + legendHeight(series, x: 8, width: width)
        var s = svgOpen(id: id, width: width, height: height, title: title)
        for (i, (label, values)) in rows.enumerated() {
            let y = 4 + Double(i) * rowH
            if labelAbove {
                s += "<text class=\"axis\" x=\"2\" y=\"\(fmt(y + 13))\">\(escapeHTML(cut(label, limit)))</text>"
            } else {
                s += "<text class=\"axis\" x=\"\(fmt(labelW - 8))\" y=\"\(fmt(y + rowH / 2 + 5))\" text-anchor=\"end\">\(escapeHTML(cut(label, limit)))</text>"
            }
            var x = plotX
            for (k, value) in values.enumerated() where value > 0 {
                let w = plotW * value / maxTotal
                s += "<rect class=\"bar s\(k)\" x=\"\(fmt(x))\" y=\"\(fmt(y + barTop))\" width=\"\(fmt(w))\" height=\"\(fmt(barH))\"><title>\(escapeHTML(label)) — \(escapeHTML(series.indices.contains(k) ? series[k] : "")): \(chartNumber(value, locale: locale))</title></rect>"
                x += w
            }
            s += "<text class=\"value\" x=\"\(fmt(x + 6))\" y=\"\(fmt(y + barTop + barH - 1))\">\(chartNumber(values.reduce(0, +), locale: locale))</text>"
        }
        s += legend(series, x: 8, y: Double(max(rows.count, 1)) * rowH + 8, width: width)
        return s + "</svg>"
    }
    return both(draw(width: 640, labelW: 250, rowH: 26, labelAbove: false, id: id, limit: 34),
                draw(width: 360, labelW: 0, rowH: 38, labelAbove: true, id: id + "-n", limit: 40))
}
