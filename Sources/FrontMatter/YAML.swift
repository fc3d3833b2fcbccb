import CYAML

/// A position in the YAML text: 1-based line and column.
public struct Mark: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One YAML node with the position of its first character. Front-matter never needs tags,
/// anchors or aliases, so the tree is plain: scalars, mappings (in source order) and sequences.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        /// `plain` is false for quoted and block scalars: `"true"` is text, `true` is a bool.
        case scalar(String, plain: Bool)
        case mapping([Pair])
        case sequence([YAMLNode])
    }
    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
    }
    public var value: Value
    public var mark: Mark

    public init(_ value: Value, at mark: Mark) {
        self.value = value
        self.mark = mark
    }

    /// The text of a scalar, nil for a mapping or sequence.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// A plain scalar that YAML 1.1 reads as null: empty, `~`, `null`.
    public var isNull: Bool {
        if case .scalar(let text, let plain) = value, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }
}

public struct YAMLError: Error, Sendable, Equatable {
    public var message: String
    public var mark: Mark
    public init(_ message: String, at mark: Mark) {
        self.message = message
        self.mark = mark
    }
}

/// Parses one YAML document through libyaml's event API.
///
/// Anchors and aliases are refused (front-matter never needs them, and refusing them closes the
/// alias-bomb hole); nesting deeper than `maxDepth` is refused so a hostile file cannot exhaust
/// the stack. An empty document is an empty mapping.
public func parseYAML(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 16) throws(YAMLError) -> YAMLNode {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
        throw YAMLError("could not initialise the YAML parser", at: Mark(line: 1, column: 1))
    }
    defer { yaml_parser_delete(&parser) }
    let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
    yaml_parser_set_input_string(&parser, base, bytes.count)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

    // Containers under construction; the root is collected in `result`. A struct changed in
    // place through `stack[top]`: taking a container's array out of an enum to append to it
    // copied the array each time, quadratic in the number of keys.
    struct Frame {
        var isMapping: Bool
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        var items: [YAMLNode] = []
        var mark: Mark
    }
    var stack: [Frame] = []
    var result: YAMLNode?
    var documents = 0

    func add(_ node: YAMLNode) {
        let top = stack.count - 1
        guard top >= 0 else {
            result = node
            return
        }
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLNode.Pair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }

    var event = yaml_event_t()
    while true {
        guard yaml_parser_parse(&parser, &event) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            var mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            var message = problem
            if let context = parser.context {
                message = "\(problem) \(String(cString: context))"
                // An unclosed quote runs to the end of the text: point at where it was opened.
                if problem.contains("end of stream") {
                    mark = Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
                    message += " (opened here and never closed)"
                }
            }
            if problem.contains("tab") || indentHasTab(bytes, line: Int(parser.problem_mark.line)) {
                message += " (indent with spaces, not tabs)"
            }
            throw YAMLError("invalid YAML: \(message)", at: mark)
        }
        defer { yaml_event_delete(&event) }
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return result ?? YAMLNode(.mapping([]), at: Mark(line: 1, column: 1))
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLError("more than one YAML document; front-matter is a single mapping", at: mark)
            }
        case YAML_ALIAS_EVENT:
            throw YAMLError("YAML aliases (*name) are not allowed in front-matter; write the value out", at: mark)
        case YAML_SCALAR_EVENT:
            if event.data.scalar.anchor != nil {
                throw YAMLError("YAML anchors (&name) are not allowed in front-matter; write the value out", at: mark)
            }
            let s = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            add(YAMLNode(.scalar(text, plain: s.style == YAML_PLAIN_SCALAR_STYLE), at: mark))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
            if anchor != nil {
                throw YAMLError("YAML anchors (&name) are not allowed in front-matter; write the value out", at: mark)
            }
            if stack.count >= maxDepth {
                throw YAMLError("YAML nested deeper than \(maxDepth) levels", at: mark)
            }
            stack.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT, mark: mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let top = stack.popLast() else { break }
            add(YAMLNode(top.isMapping ? .mapping(top.pairs) : .sequence(top.items), at: top.mark))
        default:
            break
        }
    }
}

/// True when the indentation of line `index` (0-based) holds a tab: libyaml then often reports
/// only "found character that cannot start any token".
private func indentHasTab(_ bytes: UnsafeBufferPointer<UInt8>, line index: Int) -> Bool {
    var line = 0, i = 0
    while i < bytes.count, line < index {
        if bytes[i] == 0x0A { line += 1 }
        i += 1
    }
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
        if bytes[i] == 0x09 { return true }
        i += 1
    }
    return false
}

public func parseYAML(_ text: String, maxDepth: Int = 16) throws(YAMLError) -> YAMLNode {
    var copy = text
    let result: Result<YAMLNode, YAMLError> = copy.withUTF8 { buffer in
        do throws(YAMLError) {
            return .success(try parseYAML(buffer, maxDepth: maxDepth))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}
