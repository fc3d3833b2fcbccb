/// One problem found in the content, at a place in a file.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// Path relative to the working folder.
    public var path: String
    public var line: Int
    public var column: Int
    /// A stable rule id, e.g. `unknown-key`.
    public var rule: String
    public var message: String

    public init(_ severity: Severity, _ path: String, line: Int, column: Int = 1, rule: String, _ message: String) {
        self.severity = severity; self.path = path; self.line = line; self.column = column
        self.rule = rule; self.message = message
    }

    public static func error(_ path: String, _ position: Position, _ rule: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, path, line: position.line, column: position.column, rule: rule, message)
    }

    public static func warning(_ path: String, _ position: Position, _ rule: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path, line: position.line, column: position.column, rule: rule, message)
    }

    /// `path:line:column: error: message [rule]`, always one line: a line break or another
    /// control character in the path or the message (a value quoted from a record) is written
    /// escaped, so that a value can never print a line of its own choosing.
    public var text: String {
        "\(oneLine(path)):\(line):\(column): \(severity.rawValue): \(oneLine(message)) [\(rule)]"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.rule, a.message) < (b.path, b.line, b.column, b.rule, b.message)
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
