import CaiTienModel
/// A compiled Mustache template: the subset the theme uses (variables, `{{{raw}}}`, sections,
/// inverted sections, partials, comments, dotted names, standalone lines), rendered over views
/// with direct type checks. swift-mustache renders the same templates (a test compares the two on
/// every page) but spends ~0.4 ms a page in dynamic protocol casts; this renders in a few µs.
struct CompiledTemplate: Sendable {
    enum Node: Sendable {
        case text(String)
        case variable([String], escaped: Bool)
        case section([String], [Node], inverted: Bool)
        case partial(String)
    }

    let nodes: [Node]

    private init(nodes: [Node]) { self.nodes = nodes }

    /// The template with each `{{t.key}}` replaced by its text, escaped as the tag says: the
    /// strings are the same on every page of a build, and a third of the tags are such labels.
    /// Only the root view holds `t`, so no section can shadow it. Unknown keys are left to the
    /// renderer, which reports them.
    func folding(_ strings: StringTable) -> CompiledTemplate {
        func fold(_ nodes: [Node]) -> [Node] {
            var out: [Node] = []
            for node in nodes {
                switch node {
                case .variable(let path, let escaped) where path.count == 2 && path[0] == "t":
                    if let text = strings.table[path[1]] {
                        let folded = escaped ? escapeHTML(text) : text
                        if case .text(let before)? = out.last {
                            out[out.count - 1] = .text(before + folded)
                        } else {
                            out.append(.text(folded))
                        }
                    } else {
                        out.append(node)
                    }
                case .text(let text):
                    if case .text(let before)? = out.last { out[out.count - 1] = .text(before + text) } else { out.append(node) }
                case .section(let path, let children, let inverted):
                    out.append(.section(path, fold(children), inverted: inverted))
                case .variable, .partial:
                    out.append(node)
                }
            }
            return out
        }
        return CompiledTemplate(nodes: fold(nodes))
    }

    init(_ source: String, name: String) throws(BuildError) {
        let tokens = try tokenize(source, name: name)
        var index = 0
        nodes = try parseNodes(tokens, &index, closing: nil, name: name)
    }
}

extension Array where Element == CompiledTemplate.Node {
    /// Each use of `names`, in order, when every one is a plain tag (`{{name}}` or `{{{name}}}`)
    /// outside any section and no partial is included; nil otherwise.
    func plainUses(of names: Set<String>) -> [(name: String, escaped: Bool)]? {
        func mentions(_ nodes: [CompiledTemplate.Node]) -> Bool {
            nodes.contains { node in
                switch node {
                case .text: false
                case .variable(let path, _): names.contains(path[0])
                case .section(let path, let children, _): names.contains(path[0]) || mentions(children)
                case .partial: true
                }
            }
        }
        var uses: [(name: String, escaped: Bool)] = []
        for node in self {
            switch node {
            case .text: continue
            case .variable(let path, let escaped):
                guard names.contains(path[0]) else { continue }
                guard path.count == 1 else { return nil }
                uses.append((path[0], escaped))
            case .section(let path, let children, _):
                if names.contains(path[0]) || mentions(children) { return nil }
            case .partial:
                return nil
            }
        }
        return uses
    }
}

private enum Token {
    case text(String)
    case tag(kind: Character?, name: String, standalone: Bool)
}

/// Splits into text and tags, removing the lines of standalone tags (section, inverted, close,
/// comment, partial alone on a line) as the Mustache spec does.
private func tokenize(_ source: String, name: String) throws(BuildError) -> [Token] {
    var tokens: [Token] = []
    let chars = Array(source.unicodeScalars)
    var i = 0
    var text = String.UnicodeScalarView()
    var line = 1
    func flushText() {
        if !text.isEmpty { tokens.append(.text(String(text))); text = String.UnicodeScalarView() }
    }
    while i < chars.count {
        if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
            let triple = i + 2 < chars.count && chars[i + 2] == "{"
            let start = i + (triple ? 3 : 2)
            var j = start
            let close: [Unicode.Scalar] = triple ? ["}", "}", "}"] : ["}", "}"]
            while j + close.count <= chars.count && Array(chars[j..<(j + close.count)]) != close { j += 1 }
            guard j + close.count <= chars.count else {
                let tag = CommandMessage.templateTagNotClosed(["line": .value(line), "open": .value(triple ? "`{{{`" : "`{{`"),
                                                             "close": .value(triple ? "`}}}`" : "`}}`")])
                throw BuildError(.templateBroken, ["name": .value(name), "problem": tag.phrase])
            }
            var body = String(String.UnicodeScalarView(chars[start..<j]))
            var kind: Character? = triple ? "{" : nil
            if !triple, let first = body.first, "#^/>!&".contains(first) {
                kind = first
                body.removeFirst()
            }
            if kind == "&" { kind = "{" }
            let tagName = body.trimmingCharacters(in: " \t")
            var end = j + close.count
            // Standalone: only whitespace between the previous newline and the tag, and after it.
            var standalone = false
            if let k = kind, "#^/>!".contains(k) {
                var before = text.endIndex
                var onlySpace = true
                while before > text.startIndex {
                    let prev = text.index(before: before)
                    if text[prev] == "\n" { break }
                    if text[prev] != " " && text[prev] != "\t" { onlySpace = false; break }
                    before = prev
                }
                let lineStart = before == text.startIndex ? (tokens.isEmpty || tokensEndWithNewline(tokens)) : true
                var after = end
                while after < chars.count && (chars[after] == " " || chars[after] == "\t") { after += 1 }
                let lineEnds = after == chars.count || chars[after] == "\n" || (chars[after] == "\r" && after + 1 < chars.count && chars[after + 1] == "\n")
                if onlySpace && lineStart && lineEnds {
                    standalone = true
                    text.removeSubrange(before...)
                    end = after == chars.count ? after : (chars[after] == "\r" ? after + 2 : after + 1)
                }
            }
            flushText()
            if kind != "!" { tokens.append(.tag(kind: kind, name: tagName, standalone: standalone)) }
            for c in chars[i..<end] where c == "\n" { line += 1 }
            i = end
        } else {
            if chars[i] == "\n" { line += 1 }
            text.append(chars[i])
            i += 1
        }
    }
    flushText()
    return tokens
}

private func tokensEndWithNewline(_ tokens: [Token]) -> Bool {
    for token in tokens.reversed() {
        switch token {
        case .text(let t): return t.hasSuffix("\n")
        case .tag(_, _, let standalone): if !standalone { return false }
        }
    }
    return true
}

private func parseNodes(_ tokens: [Token], _ index: inout Int, closing: String?, name: String) throws(BuildError) -> [CompiledTemplate.Node] {
    var nodes: [CompiledTemplate.Node] = []
    while index < tokens.count {
        let token = tokens[index]
        index += 1
        switch token {
        case .text(let t):
            nodes.append(.text(t))
        case .tag(let kind, let tagName, _):
            let path = tagName == "." ? ["."] : tagName.split(separator: ".").map(String.init)
            switch kind {
            case "#", "^":
                let children = try parseNodes(tokens, &index, closing: tagName, name: name)
                nodes.append(.section(path, children, inverted: kind == "^"))
            case "/":
                guard tagName == closing else {
                    let opening = closing.map { Phrase.value("`{{#\($0)}}`") } ?? CommandMessage.templateNothingOpen().phrase
                    let wrong = CommandMessage.templateClosesWrong(["closing": .value("`{{/\(tagName)}}`"), "opening": opening])
                    throw BuildError(.templateBroken, ["name": .value(name), "problem": wrong.phrase])
                }
                return nodes
            case ">":
                nodes.append(.partial(tagName))
            case "{":
                nodes.append(.variable(path, escaped: false))
            default:
                nodes.append(.variable(path, escaped: true))
            }
        }
    }
    if let closing {
        let open = CommandMessage.templateSectionNotClosed(["opening": .value("`{{#\(closing)}}`"), "closing": .value("`{{/\(closing)}}`")])
        throw BuildError(.templateBroken, ["name": .value(name), "problem": open.phrase])
    }
    return nodes
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// Renders compiled templates; records names no view provides.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    var out = ""
    var missing = Set<String>()
    /// The context stack, typed once on push so lookups need no dynamic casts.
    private enum Context { case view(View), strings(StringTable), other(Any) }
    private var stack: [Context] = []
    private var depth = 0

    init(templates: [String: CompiledTemplate]) { self.templates = templates }

    mutating func render(_ template: CompiledTemplate, _ view: View) -> String {
        out = ""
        out.reserveCapacity(16_384)
        stack = [.view(view)]
        render(template.nodes)
        return out
    }

    private mutating func render(_ nodes: [CompiledTemplate.Node]) {
        for node in nodes {
            switch node {
            case .text(let t):
                out += t
            case .variable(let path, let escaped):
                guard let value = lookup(path) else { continue }
                let text: String
                switch value {
                case let s as String: text = s
                case let i as Int: text = String(i)
                case let b as Bool: text = String(b)
                case let d as Double: text = String(d)
                default: text = "\(value)"
                }
                if escaped { appendEscaped(text, to: &out) } else { out += text }
            case .section(let path, let children, let inverted):
                let value = lookup(path)
                if inverted {
                    if isFalsy(value) { render(children) }
                    continue
                }
                guard let value, !isFalsy(value) else { continue }
                if value is Bool {
                    render(children)
                } else if let list = value as? [View] {
                    for item in list { stack.append(.view(item)); render(children); stack.removeLast() }
                } else if let list = value as? [Any] {
                    for item in list { stack.append(context(item)); render(children); stack.removeLast() }
                } else {
                    stack.append(context(value)); render(children); stack.removeLast()
                }
            case .partial(let name):
                guard let partial = templates[name], depth < 16 else { missing.insert(">" + name); continue }
                depth += 1
                render(partial.nodes)
                depth -= 1
            }
        }
    }

    private func context(_ value: Any) -> Context {
        if let view = value as? View { return .view(view) }
        if let strings = value as? StringTable { return .strings(strings) }
        return .other(value)
    }

    private func isFalsy(_ value: Any?) -> Bool {
        guard let value else { return true }
        if let b = value as? Bool { return !b }
        if let list = value as? [View] { return list.isEmpty }
        if let list = value as? [Any] { return list.isEmpty }
        return false
    }

    /// Looks a dotted name up the context stack; nil optionals count as found but empty.
    private mutating func lookup(_ path: [String]) -> Any? {
        let first = path[0]
        if path.count == 1 && first == "." {
            switch stack.last {
            case .view(let v): return v
            case .strings(let s): return s
            case .other(let o): return unwrapOptional(o)
            case nil: return nil
            }
        }
        // Innermost context first, by index: iterating `reversed()` copied every context.
        var found: Any?? = nil
        var i = stack.count - 1
        while i >= 0 {
            switch stack[i] {
            case .view(let view): if let value = view[first] { found = .some(unwrapOptional(value)) }
            case .strings(let strings): if let value = strings.table[first] { found = .some(value) }
            case .other: break
            }
            if found != nil { break }
            i -= 1
        }
        guard var current = found else { missing.insert(path.joined(separator: ".")); return nil }
        var k = 1
        while k < path.count {
            guard let value = current else { return nil }
            let key = path[k]
            if let view = value as? View, let next = view[key] {
                current = unwrapOptional(next)
            } else if let strings = value as? StringTable, let next = strings.table[key] {
                current = next
            } else {
                missing.insert(path.joined(separator: "."))
                return nil
            }
            k += 1
        }
        return current
    }
}

private let plainTypes: Set<ObjectIdentifier> = [
    ObjectIdentifier(String.self), ObjectIdentifier(Int.self), ObjectIdentifier(Bool.self),
    ObjectIdentifier(View.self), ObjectIdentifier([View].self), ObjectIdentifier(StringTable.self),
]

func unwrapOptional(_ value: Any) -> Any? {
    // The usual values are not optionals: tell by their type, without a protocol cast.
    if plainTypes.contains(ObjectIdentifier(type(of: value))) { return value }
    if let optional = value as? OptionalValue { return optional.wrappedValue.flatMap(unwrapOptional) }
    return value
}

/// Appends `text` escaped for HTML; most text has nothing to escape and is copied whole.
@inline(__always)
func appendEscaped(_ text: String, to out: inout String) {
    if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
        out += text
        return
    }
    out += escapeHTML(text)
}
