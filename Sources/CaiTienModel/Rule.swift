/// The language of the messages (SPEC §4): the site's `locale`, or `--lang`.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// The language of a site's `locale`; Vietnamese unless it says `en`.
    public init(locale: String) { self = locale == "en" ? .en : .vi }
}

/// A text in both languages of the messages.
public struct Phrase: Sendable, Hashable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) { self.vi = vi; self.en = en }

    /// A value written the same in both languages: a code, an id, a date, a value quoted
    /// from a record.
    public static func value(_ text: String) -> Phrase { Phrase(vi: text, en: text) }
    public static func value(_ number: Int) -> Phrase { .value(String(number)) }
    public static let empty = Phrase.value("")

    public func text(_ language: Language) -> String { language == .vi ? vi : en }

    /// `{name}` placeholders replaced by `arguments` in `language`, in one pass: a value that
    /// holds braces is never read as a placeholder.
    func filled(_ arguments: [String: Phrase], _ language: Language) -> String {
        let template = text(language)
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] { out += value.text(language) } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The names of the `{name}` placeholders of the text in `language`.
    public func placeholders(_ language: Language) -> Set<String> {
        var names = Set<String>()
        var rest = text(language)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A rule the content must follow (SPEC §1): its stable id (English, shown in brackets), its
/// severity, its message in both languages with `{name}` placeholders, and a longer explanation
/// with an example of the fix, which `caitien explain ID` prints. Every diagnostic names one
/// rule of `Rule.all`.
public struct Rule: Sendable, Hashable, Identifiable, CustomStringConvertible {
    public let id: String
    public let severity: Diagnostic.Severity
    public let message: Phrase
    public let explanation: Phrase
    /// Lines that break the rule, then the same lines mended (YAML, a file name, a command).
    public let wrong: String
    public let right: String

    init(_ id: String, _ severity: Diagnostic.Severity, vi: String, en: String,
         explain: Phrase, wrong: String, right: String) {
        self.id = id; self.severity = severity; message = Phrase(vi: vi, en: en)
        explanation = explain; self.wrong = wrong; self.right = right
    }

    public var description: String { id }

    public static func == (a: Rule, b: Rule) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The rule with this id.
    public static func named(_ id: String) -> Rule? { byID[id] }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// What `caitien explain` prints: id and severity, the message, the explanation, the example.
    public func explained(_ language: Language) -> String {
        let (kind, wrongLabel, rightLabel, example) = language == .vi
            ? (severity == .error ? "lỗi" : "cảnh báo", "Sai:", "Đúng:", "Ví dụ")
            : (severity == .error ? "error" : "warning", "Wrong:", "Right:", "Example")
        func indented(_ text: String) -> String { text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") }
        var message = ""
        var rest = self.message.text(language)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            message += rest[..<open] + "…"
            rest = rest[rest.index(after: close)...]
        }
        message += rest
        return """
        [\(id)] \(kind)
        \(message)

        \(explanation.text(language))

        \(example):
          \(wrongLabel)
        \(indented(wrong))
          \(rightLabel)
        \(indented(right))

        """
    }
}
