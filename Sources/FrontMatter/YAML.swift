import CaiTienModel
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

/// A mistake in the YAML text and where it is.
public struct YAMLError: Error, Sendable, Equatable {
    public var mistake: YAMLMistake
    public var mark: Mark
    public init(_ mistake: YAMLMistake, at mark: Mark) {
        self.mistake = mistake
        self.mark = mark
    }
}

/// A YAML document read, with the mistakes that did not stop the reading (a value cut by `#`).
public struct YAMLDocument: Sendable {
    public var root: YAMLNode
    public var problems: [YAMLError]
}

/// Parses one YAML document; see `readYAML`. Mistakes that do not stop the reading are dropped.
public func parseYAML(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 16) throws(YAMLError) -> YAMLNode {
    try readYAML(bytes, maxDepth: maxDepth).root
}

/// Reads one YAML document through libyaml's event API.
///
/// Anchors, aliases and tags are refused (front-matter never needs them; refusing anchors and
/// aliases closes the alias-bomb hole, and a tag would silently change the value: `!Quan
/// trọng` reads as `trọng`); nesting deeper than `maxDepth` is refused so a hostile file cannot
/// exhaust the stack. An empty document is an empty mapping. libyaml's errors become
/// `YAMLMistake`s (Mistakes.swift).
public func readYAML(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 16) throws(YAMLError) -> YAMLDocument {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
        throw YAMLError(.unreadable, at: Mark(line: 1, column: 1))
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
    var problems: [YAMLError] = []
    // Only text holding `#` can hide a value in a comment; the lines are found once, if needed.
    let hasComments = bytes.contains(UInt8(ascii: "#"))
    var starts: [Int]?

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

    /// The key whose value comes next, when the next node is a mapping's value.
    func pendingKey() -> String? {
        guard let top = stack.last, top.isMapping else { return nil }
        return top.pendingKey?.scalar
    }

    var event = yaml_event_t()
    while true {
        guard yaml_parser_parse(&parser, &event) == 1 else {
            let failure = LibYAMLFailure(
                problem: parser.problem.map { String(cString: $0) } ?? "",
                context: parser.context.map { String(cString: $0) } ?? "",
                problemMark: Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1),
                contextMark: Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1),
                readerOffset: parser.error == YAML_READER_ERROR ? parser.problem_offset : nil,
                readerValue: parser.problem_value)
            throw failure.mistake(in: bytes)
        }
        defer { yaml_event_delete(&event) }
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return YAMLDocument(root: result ?? YAMLNode(.mapping([]), at: Mark(line: 1, column: 1)), problems: problems)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLError(.multipleDocuments, at: mark)
            }
        case YAML_ALIAS_EVENT:
            throw specialFirstCharacter("*", key: pendingKey(), at: mark, in: bytes)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            if s.anchor != nil { throw specialFirstCharacter("&", key: pendingKey(), at: mark, in: bytes) }
            if s.tag != nil { throw specialFirstCharacter("!", key: pendingKey(), at: mark, in: bytes) }
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            let plain = s.style == YAML_PLAIN_SCALAR_STYLE
            if plain, hasComments, let key = pendingKey(),
               let comment = commentAfter(event.end_mark, in: bytes, lineStarts: starts ?? { starts = lineStarts(bytes); return starts! }()) {
                // `#` after a space starts a comment: a clerk's `#12` in a title is lost.
                let hashtag = comment.text.utf8.dropFirst().first.map { $0 != 0x20 && $0 != 0x09 } ?? false
                if text.isEmpty && hashtag {
                    problems.append(YAMLError(.valueIsComment(key: key, comment: comment.text), at: comment.mark))
                } else if !text.isEmpty && (hashtag || (text.contains(" ") && comment.gap == 1)) {
                    // Two spaces or more before `#` is a comment written on purpose (as `caitien new` writes them).
                    problems.append(YAMLError(.valueCutByComment(key: key, kept: text, comment: comment.text), at: comment.mark))
                }
            }
            add(YAMLNode(.scalar(text, plain: plain), at: mark))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let start = event.type == YAML_SEQUENCE_START_EVENT
            let anchor = start ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
            let tag = start ? event.data.sequence_start.tag : event.data.mapping_start.tag
            if anchor != nil { throw specialFirstCharacter("&", key: pendingKey(), at: mark, in: bytes) }
            if tag != nil { throw specialFirstCharacter("!", key: pendingKey(), at: mark, in: bytes) }
            if stack.count >= maxDepth {
                throw YAMLError(.tooDeep(limit: maxDepth), at: mark)
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

public func parseYAML(_ text: String, maxDepth: Int = 16) throws(YAMLError) -> YAMLNode {
    try readYAML(text, maxDepth: maxDepth).root
}

public func readYAML(_ text: String, maxDepth: Int = 16) throws(YAMLError) -> YAMLDocument {
    var copy = text
    let result: Result<YAMLDocument, YAMLError> = copy.withUTF8 { buffer in
        do throws(YAMLError) {
            return .success(try readYAML(buffer, maxDepth: maxDepth))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}
