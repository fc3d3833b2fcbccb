import Foundation

/// A message of the command line that is not about a record (those are `Rule`s): an output
/// folder refused, a theme that cannot be read, a usage error, a ward the roll-up could not
/// read, what a command did. Its stable id, its text in both languages with `{name}`
/// placeholders (no other braces: a template's `{{…}}` is always a value), and for the messages
/// that stop a command, an explanation `caitien explain ID` prints. Every such message is
/// written once, in `CommandMessages.swift`.
public struct CommandMessage: Sendable, Hashable, Identifiable, CustomStringConvertible {
    public let id: String
    public let text: Phrase
    /// What happened and what to do, for `caitien explain ID`; nil for the pieces of other
    /// messages and for what a command reports having done.
    public let explanation: Phrase?

    init(_ id: String, vi: String, en: String, explain: Phrase? = nil) {
        self.id = id; text = Phrase(vi: vi, en: en); explanation = explain
    }

    public var description: String { id }

    public static func == (a: CommandMessage, b: CommandMessage) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The message with this id.
    public static func named(_ id: String) -> CommandMessage? { byID[id] }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The message with its values.
    public func callAsFunction(_ arguments: [String: Phrase] = [:]) -> Message { Message(self, arguments) }

    /// What `caitien explain ID` prints for a message of the command line: its id, its text with
    /// `…` for the values, and the explanation.
    public func explained(_ language: Language) -> String {
        var shown = ""
        var rest = text.text(language)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            shown += rest[..<open] + "…"
            rest = rest[rest.index(after: close)...]
        }
        shown += rest
        return """
        [\(id)] \(language == .vi ? "thông báo của lệnh" : "message of the command")
        \(shown)

        \(explanation?.text(language) ?? "")

        """
    }
}

/// A command message with its values: what is printed, in either language.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let kind: CommandMessage
    public let arguments: [String: Phrase]

    public init(_ kind: CommandMessage, _ arguments: [String: Phrase] = [:]) {
        self.kind = kind; self.arguments = arguments
    }

    public func text(_ language: Language) -> String { kind.text.filled(arguments, language) }

    /// Both languages, to put inside another message or a diagnostic.
    public var phrase: Phrase { Phrase(vi: text(.vi), en: text(.en)) }

    /// English, for logs and tests; the commands print `text(language)`.
    public var description: String { text(.en) }
}

extension Phrase {
    /// A day as each language writes it in messages: 31/12/2025, 2025-12-31.
    public static func day(_ day: Day) -> Phrase { Phrase(vi: day.vietnamese, en: day.iso) }

    /// Items of a list, separated by commas, each in both languages.
    public static func list(_ items: [String]) -> Phrase { .value(items.joined(separator: ", ")) }

    /// The system's reason for a failed call (`errno`), in words a clerk reads: the common
    /// reasons in Vietnamese with the system's own words after them, which a technician can
    /// look up; any other reason in the system's words.
    public static func system(_ code: Int32) -> Phrase {
        let own = String(cString: strerror(code))
        guard let vi = systemReasons[code] else { return .value(own) }
        return Phrase(vi: "\(vi) (\(own))", en: own)
    }

    /// The reason of an error from Foundation or the system: its POSIX code when it has one.
    public static func problem(of error: any Error) -> Phrase {
        if let message = (error as? BuildError)?.message { return message.phrase }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return .system(Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return .system(Int32(underlying.code))
        }
        // Foundation's file errors name the POSIX reason only through their own codes.
        switch (ns.domain, ns.code) {
        case (NSCocoaErrorDomain, NSFileWriteOutOfSpaceError): return .system(ENOSPC)
        case (NSCocoaErrorDomain, NSFileWriteNoPermissionError), (NSCocoaErrorDomain, NSFileReadNoPermissionError): return .system(EACCES)
        case (NSCocoaErrorDomain, NSFileWriteVolumeReadOnlyError): return .system(EROFS)
        case (NSCocoaErrorDomain, NSFileNoSuchFileError), (NSCocoaErrorDomain, NSFileReadNoSuchFileError): return .system(ENOENT)
        case (NSCocoaErrorDomain, NSFileWriteFileExistsError): return .system(EEXIST)
        default: return .value(ns.localizedDescription)
        }
    }
}

/// The system's reasons a clerk may meet, in Vietnamese (the rest keep the system's words).
private let systemReasons: [Int32: String] = [
    ENOSPC: "ổ đĩa đã đầy — giải phóng bớt dung lượng",
    EDQUOT: "đã dùng hết hạn mức dung lượng của tài khoản",
    EACCES: "không có quyền truy cập",
    EPERM: "hệ điều hành không cho phép thao tác này",
    EROFS: "ổ đĩa chỉ cho phép đọc, không ghi được",
    ENOENT: "không có tệp hoặc thư mục này",
    ENOTDIR: "một phần của đường dẫn không phải thư mục",
    EISDIR: "đây là thư mục, không phải tệp",
    EEXIST: "đã có tệp hoặc thư mục cùng tên",
    ENOTEMPTY: "thư mục không trống",
    ELOOP: "đường dẫn là liên kết tượng trưng (symbolic link)",
    ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    EIO: "lỗi đọc/ghi của ổ đĩa — kiểm tra ổ đĩa",
    EMFILE: "đang mở quá nhiều tệp cùng lúc",
    ENFILE: "hệ thống đang mở quá nhiều tệp",
    EBUSY: "tệp hoặc thư mục đang bị chương trình khác dùng",
    EXDEV: "không chuyển được giữa hai ổ đĩa khác nhau",
    EADDRINUSE: "cổng này đang được một chương trình khác dùng",
    EADDRNOTAVAIL: "không dùng được địa chỉ này trên máy",
    ENOMEM: "máy không đủ bộ nhớ",
]
