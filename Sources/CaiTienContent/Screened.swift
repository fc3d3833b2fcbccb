import CaiTienModel
import Markdown

// The Markdown of a record goes through `MarkdownScreen` before cmark: a text it refuses is an
// error at its line (rules `markdown-…`) and renders as nothing; the record is still read.

/// The diagnostic of a refused Markdown text; `where` names the text when it is not the body.
func refused(_ problem: MarkdownProblem, path: String, where place: Phrase = .empty) -> Diagnostic {
    var arguments: [String: Phrase] = ["where": place]
    let rule: Rule
    switch problem.kind {
    case .imageOpeners(let openers, let closers):
        rule = .markdownImages
        arguments["openers"] = .value(openers); arguments["closers"] = .value(closers)
    case .nesting(let depth, let limit):
        rule = .markdownNesting
        arguments["depth"] = .value(depth); arguments["limit"] = .value(limit)
    case .dense(let limit):
        rule = .markdownDense
        arguments["limit"] = .value(limit)
    case .longNesting(let depth):
        rule = .markdownLongNesting
        arguments["depth"] = .value(depth)
    }
    return Diagnostic(rule, path, line: problem.line, arguments)
}

/// The blocks of a record's body, screened with `screen` (shared by the record's other texts).
func screenedBody(_ body: SplitRecord, path: String, screen: inout MarkdownScreen,
                  diagnostics: inout [Diagnostic]) -> [RenderedBlock] {
    if let problem = screen.check(body.body, firstLine: body.bodyLine) {
        diagnostics.append(refused(problem, path: path))
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
            diagnostics.append(refused(problem, path: path, where: .value("`inputs.\(key)`: ")))
            html[key] = ""
        } else {
            html[key] = renderMarkdown(text)
        }
    }
    return html
}
