/// One problem found in the content, at a place in a file: the rule it breaks and the values
/// its message names. The message is written in a language only when printed.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var rule: Rule
    /// Path relative to the working folder.
    public var path: String
    public var line: Int
    public var column: Int
    /// A value for each placeholder of the rule's message.
    public var arguments: [String: Phrase]

    public init(_ rule: Rule, _ path: String, line: Int, column: Int = 1, _ arguments: [String: Phrase] = [:]) {
        assert(rule.message.placeholders(.vi).union(rule.message.placeholders(.en)).isSubset(of: arguments.keys),
               "\(rule.id): missing \(rule.message.placeholders(.en).subtracting(arguments.keys))")
        self.rule = rule; self.path = path; self.line = line; self.column = column; self.arguments = arguments
    }

    public init(_ rule: Rule, _ path: String, _ position: Position, _ arguments: [String: Phrase] = [:]) {
        self.init(rule, path, line: position.line, column: position.column, arguments)
    }

    public var severity: Severity { rule.severity }

    public func message(_ language: Language) -> String { rule.message.filled(arguments, language) }

    /// `path:line:column: error: message [rule]`, always one line: a line break or another
    /// control character in the path or the message (a value quoted from a record) is written
    /// escaped, so that a value can never print a line of its own choosing. `error:`,
    /// `warning:` and the rule id stay English, for editors and CI systems.
    public func text(_ language: Language) -> String {
        "\(oneLine(path)):\(line):\(column): \(severity.rawValue): \(oneLine(message(language))) [\(rule.id)]"
    }

    /// By file and place; the English message breaks ties, so the order is the same in every language.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if (a.path, a.line, a.column, a.rule.id) != (b.path, b.line, b.column, b.rule.id) {
            return (a.path, a.line, a.column, a.rule.id) < (b.path, b.line, b.column, b.rule.id)
        }
        return a.message(.en) < b.message(.en)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// `text` with line breaks and other control characters escaped (`\n`, `\r`, `\t`, `\u{1B}`):
/// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
public func oneLine(_ text: String) -> String {
    func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 }
    guard text.unicodeScalars.contains(where: { isControl($0.value) }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if isControl(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}
