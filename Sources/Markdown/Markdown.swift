import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A top-level block of a Markdown body rendered to HTML, with its line in the file.
public struct RenderedBlock: Sendable, Equatable {
    /// For a level-2 heading, its plain text; nil for other blocks.
    public var heading: String?
    public var html: String
    public var line: Int
}

/// Renders Markdown with cmark in safe mode: raw HTML is dropped, and a link or image whose URL
/// is not http, https, mailto or relative loses its URL (`javascript:`, `data:`, `file:`…).
///
/// - Parameter firstLine: the line of the file on which `text` starts, so that block lines are
///   lines of the file (front-matter counted).
public func renderMarkdownBlocks(_ text: String, firstLine: Int = 1) -> [RenderedBlock] {
    var copy = text
    return copy.withUTF8 { buffer -> [RenderedBlock] in
        guard let base = buffer.baseAddress else { return [] }
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            guard let root = cmark_parse_document(chars, buffer.count, options) else { return [] }
            defer { cmark_node_free(root) }
            sanitizeLinks(root)
            var blocks: [RenderedBlock] = []
            var node = cmark_node_first_child(root)
            while let current = node {
                var heading: String?
                if cmark_node_get_type(current) == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == 2 {
                    heading = plainText(current)
                }
                let html: String
                if let rendered = cmark_render_html(current, options) {
                    html = String(cString: rendered)
                    free(rendered)
                } else {
                    html = ""
                }
                let line = Int(cmark_node_get_start_line(current)) + firstLine - 1
                blocks.append(RenderedBlock(heading: heading, html: html, line: line))
                node = cmark_node_next(current)
            }
            return blocks
        }
    }
}

/// Renders a whole Markdown text to safe HTML.
public func renderMarkdown(_ text: String) -> String {
    renderMarkdownBlocks(text).map(\.html).joined()
}

/// True when a URL from content may appear in a page: http, https, mailto, or relative.
public func isAllowedURL(_ url: String) -> Bool {
    let trimmed = url.drop(while: { $0 == " " })
    guard let colon = trimmed.firstIndex(of: ":") else { return true }
    let scheme = trimmed[..<colon]
    // A colon after a slash, `?` or `#` belongs to a relative path, not a scheme.
    if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
    switch scheme.lowercased() {
    case "http", "https", "mailto": return true
    default: return false
    }
}

private func sanitizeLinks(_ root: OpaquePointer) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
            if let url = cmark_node_get_url(node), !isAllowedURL(String(cString: url)) {
                cmark_node_set_url(node, "")
            }
        }
    }
}

private func plainText(_ node: OpaquePointer) -> String {
    var text = ""
    guard let iterator = cmark_iter_new(node) else { return text }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(current) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text += " "
        default:
            break
        }
    }
    return text
}
