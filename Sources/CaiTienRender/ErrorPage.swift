import Foundation
import CaiTienModel

/// The page `caitien serve` shows in place of every page while the content has errors: in the
/// site's language and style, every problem with its file, line and column. It links to nothing:
/// the theme's stylesheet is put inside the page, so it also works before a first good build.
public func contentErrorsPage(_ diagnostics: [Diagnostic], theme: Theme, language: Language) -> String {
    let locale = theme.strings[language.rawValue] == nil ? "vi" : language.rawValue
    let strings = theme.strings[locale] ?? [:]
    func t(_ key: String) -> String { escapeHTML(strings[key] ?? key) }
    let style = theme.assets["style.css"].map { String(decoding: $0, as: UTF8.self) } ?? ""
    func items(_ severity: Diagnostic.Severity) -> [String] {
        diagnostics.filter { $0.severity == severity }.map {
            "<li><code>\(escapeHTML($0.path)):\($0.line):\($0.column)</code> \(escapeHTML($0.message(language))) <small>[\(escapeHTML($0.rule.id))]</small></li>"
        }
    }
    let errors = items(.error)
    let warnings = items(.warning)
    let warningList = warnings.isEmpty ? "" : "\n<h2>\(t("preview_warnings"))</h2>\n<ol>\n\(warnings.joined(separator: "\n"))\n</ol>"
    return """
    <!DOCTYPE html>
    <html lang="\(escapeHTML(locale))"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'self'">
    <title>\(t("preview_errors_title"))</title>
    <style>\(style.replacingOccurrences(of: "</", with: "<\\/"))</style></head>
    <body>
    <main id="main" class="wrap">
    <h1>\(t("preview_errors_title"))</h1>
    <p>\(t("preview_errors_lead"))</p>
    <h2>\(errors.count) \(t("preview_errors_count"))</h2>
    <ol>
    \(errors.joined(separator: "\n"))
    </ol>\(warningList)
    </main>
    </body></html>
    """
}
