import Foundation

/// Why a build (or a scaffold, or a theme, or a roll-up) could not be made: one message of
/// `CommandMessage.all`, printed in the language of the messages.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var message: Message
    public init(_ kind: CommandMessage, _ arguments: [String: Phrase] = [:]) { message = Message(kind, arguments) }
    public init(_ message: Message) { self.message = message }

    public func text(_ language: Language) -> String { message.text(language) }
    /// English, for logs and tests.
    public var description: String { message.description }
}

/// A value behind a lock. NSLock rather than `Synchronization.Mutex`: ThreadSanitizer on Linux
/// does not see Mutex and reported every guarded access as a race.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    public init(_ value: Value) { self.value = value }
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Escapes text for HTML and XML content and attribute values: the pages, the SVG charts and
/// the roll-up's page.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
