import CaiTienModel
import Markdown

// The Markdown of a record goes through `MarkdownScreen` before cmark: a text it refuses is an
// error at its line (rule `markdown-refused`) and renders as nothing; the record is still read.

/// The blocks of a record's body, screened with `screen` (shared by the record's other texts).
func screenedBody(_ body: SplitRecord, path: String, screen: inout MarkdownScreen,
                  diagnostics: inout [Diagnostic]) -> [RenderedBlock] {
    if let problem = screen.check(body.body, firstLine: body.bodyLine) {
        diagnostics.append(Diagnostic(.error, path, line: problem.line, column: 1, rule: "markdown-refused", problem.message))
        return []
    }
    return renderMarkdownBlocks(body.body, firstLine: body.bodyLine)
}

/// The blocks of a record's body, the record's only Markdown.
func screenedBody(_ body: SplitRecord, path: String, diagnostics: inout [Diagnostic]) -> [RenderedBlock] {
    var screen = MarkdownScreen()
    return screenedBody(body, path: path, screen: &screen, diagnostics: &diagnostics)
}

/// A review's inputs as HTML, screened in the order of `Review.inputKeys`. `lines` holds the file
/// line of each value; a line inside a multi-line value is counted from there.
func screenedInputs(_ inputs: [String: String], lines: [String: Int], path: String, screen: inout MarkdownScreen,
                    diagnostics: inout [Diagnostic]) -> [String: String] {
    var html: [String: String] = [:]
    for key in Review.inputKeys {
        guard let text = inputs[key] else { continue }
        let line = lines[key] ?? 1
        if let problem = screen.check(text, firstLine: line) {
            diagnostics.append(Diagnostic(.error, path, line: problem.line, column: 1, rule: "markdown-refused",
                                          "`inputs.\(key)`: \(problem.message)"))
            html[key] = ""
        } else {
            html[key] = renderMarkdown(text)
        }
    }
    return html
}
