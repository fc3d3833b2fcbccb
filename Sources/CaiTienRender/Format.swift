import CaiTienModel
import Foundation
/// Numbers as pages write them: Vietnamese `95,6%`, English `95.6%`.
public func formatNumber(_ value: Double, locale: String, places: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text: String
    if rounded == rounded.rounded() {
        text = String(Int(rounded))
    } else {
        text = String(rounded)
    }
    if locale == "vi" { text = text.replacingOccurrences(of: ".", with: ",") }
    return text
}

/// A fraction (0.956) as a percentage (`95,6%`).
public func formatPercent(_ fraction: Double, locale: String) -> String {
    formatNumber(fraction * 100, locale: locale) + "%"
}
