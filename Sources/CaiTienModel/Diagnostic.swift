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

    /// `path:line:column: error: message [rule]`.
    public var text: String { "\(path):\(line):\(column): \(severity.rawValue): \(message) [\(rule)]" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.rule, a.message) < (b.path, b.line, b.column, b.rule, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
