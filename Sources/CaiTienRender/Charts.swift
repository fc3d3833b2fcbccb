import CaiTienModel
import Foundation

/// Escapes text for HTML and XML content and attribute values.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

private func fmt(_ v: Double) -> String {
    v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
}

/// A "nice" axis maximum: 1, 2, 5 × 10ⁿ at or above `value`.
func niceMaximum(_ value: Double) -> Double {
    guard value > 0 else { return 1 }
    let magnitude = pow(10, floor(log10(value)))
    for step in [1.0, 2.0, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
    return 10 * magnitude
}

/// Vertical bars, one group per label and one bar per series; drawn at build time, no script.
/// The SVG scales to its container (`viewBox`) and carries a title for screen readers.
func groupedBarChart(title: String, id: String, groups: [(String, [Double])], series: [String]) -> String {
    let width = 640.0, height = 240.0, left = 36.0, bottom = 34.0, top = 12.0, right = 8.0
    let plotW = width - left - right, plotH = height - top - bottom
    let maxValue = niceMaximum(groups.flatMap(\.1).max() ?? 0)
    let groupW = plotW / Double(max(groups.count, 1))
    let barW = min(28, (groupW - 6) / Double(max(series.count, 1)))
    var s = "<svg class=\"chart\" viewBox=\"0 0 \(fmt(width)) \(fmt(height + (series.count > 1 ? 18 : 0)))\" role=\"img\" aria-labelledby=\"\(id)-title\" xmlns=\"http://www.w3.org/2000/svg\">"
    s += "<title id=\"\(id)-title\">\(escapeHTML(title))</title>"
    for i in 0...4 {
        let v = maxValue * Double(i) / 4
        let y = top + plotH - plotH * Double(i) / 4
        s += "<line class=\"grid\" x1=\"\(fmt(left))\" y1=\"\(fmt(y))\" x2=\"\(fmt(width - right))\" y2=\"\(fmt(y))\"/>"
        s += "<text class=\"axis\" x=\"\(fmt(left - 4))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(fmt(v))</text>"
    }
    for (g, (label, values)) in groups.enumerated() {
        let x0 = left + Double(g) * groupW + (groupW - barW * Double(values.count)) / 2
        for (k, value) in values.enumerated() {
            let h = plotH * value / maxValue
            let x = x0 + Double(k) * barW
            s += "<rect class=\"bar s\(k)\" x=\"\(fmt(x))\" y=\"\(fmt(top + plotH - h))\" width=\"\(fmt(barW - 2))\" height=\"\(fmt(h))\"><title>\(escapeHTML(label)): \(fmt(value))</title></rect>"
            if value > 0 && barW >= 12 {
                s += "<text class=\"value\" x=\"\(fmt(x + (barW - 2) / 2))\" y=\"\(fmt(top + plotH - h - 3))\" text-anchor=\"middle\">\(fmt(value))</text>"
            }
        }
        s += "<text class=\"axis\" x=\"\(fmt(left + Double(g) * groupW + groupW / 2))\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"middle\">\(escapeHTML(label))</text>"
    }
    if series.count > 1 {
        var x = left
        for (k, name) in series.enumerated() {
            s += "<rect class=\"bar s\(k)\" x=\"\(fmt(x))\" y=\"\(fmt(height - 4))\" width=\"12\" height=\"12\"/>"
            s += "<text class=\"legend\" x=\"\(fmt(x + 16))\" y=\"\(fmt(height + 6))\">\(escapeHTML(name))</text>"
            x += 24 + Double(name.count) * 8
        }
    }
    return s + "</svg>"
}

/// Horizontal bars with their labels and values, for categories with long names. A nil value
/// (nothing to measure) draws no bar and "—", never a bar of 0.
func horizontalBarChart(title: String, id: String, bars: [(String, Double?)], maximum: Double? = nil, suffix: String = "") -> String {
    let rowH = 26.0, labelW = 250.0, width = 640.0, valueW = 56.0
    let height = max(rowH, Double(bars.count) * rowH) + 8
    let maxValue = maximum ?? niceMaximum(bars.compactMap(\.1).max() ?? 0)
    let plotW = width - labelW - valueW
    var s = "<svg class=\"chart\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" aria-labelledby=\"\(id)-title\" xmlns=\"http://www.w3.org/2000/svg\">"
    s += "<title id=\"\(id)-title\">\(escapeHTML(title))</title>"
    for (i, (label, value)) in bars.enumerated() {
        let y = 4 + Double(i) * rowH
        let shown = label.count > 34 ? String(label.prefix(33)) + "…" : label
        let text = value.map { fmt($0) + suffix } ?? "—"
        s += "<text class=\"axis\" x=\"\(fmt(labelW - 8))\" y=\"\(fmt(y + 17))\" text-anchor=\"end\">\(escapeHTML(shown))</text>"
        s += "<rect class=\"track\" x=\"\(fmt(labelW))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(plotW))\" height=\"\(fmt(rowH - 10))\"><title>\(escapeHTML(label)): \(text)</title></rect>"
        if let value {
            let w = maxValue > 0 ? plotW * min(value, maxValue) / maxValue : 0
            s += "<rect class=\"bar s0\" x=\"\(fmt(labelW))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(w))\" height=\"\(fmt(rowH - 10))\"><title>\(escapeHTML(label)): \(text)</title></rect>"
        }
        s += "<text class=\"value\" x=\"\(fmt(labelW + plotW + 6))\" y=\"\(fmt(y + 17))\">\(text)</text>"
    }
    return s + "</svg>"
}
