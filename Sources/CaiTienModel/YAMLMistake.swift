/// A mistake in a front-matter's YAML, named by what the person wrote wrong rather than by
/// what the YAML parser stumbled on (FrontMatter reads libyaml's errors into these; libyaml's
/// own words never reach a person). Lines and columns are 1-based and count from the first
/// line of the YAML text; `problem(lineOffset:)` adds the front-matter's offset in the file.
public enum YAMLMistake: Sendable, Hashable {
    /// The indentation of the line holds a tab.
    case tabIndent
    /// `unit:tthcc`.
    case noSpaceAfterColon(written: String, fixed: String)
    /// `title：…` with the full-width colon of some input methods.
    case fullWidthColon(written: String, fixed: String)
    /// A line that is not `key: value`; `fixed` when it reads as `key value`.
    case noColon(written: String, fixed: String?)
    /// `title: Lỗi: trả hồ sơ trễ hạn`.
    case colonInValue(key: String, value: String)
    /// A line indented under the key `key` (written at `line`, `column`), so read as the rest
    /// of its value, that holds a `key: value` of its own.
    case continuedValue(key: String, line: Int, column: Int)
    /// A quote (`"` or `'`) opened and never closed.
    case unclosedQuote(quote: String)
    /// `title: "Trả kết quả" trễ hạn`: text after the closing quote.
    case textAfterQuote(key: String?, value: String)
    /// A value starting with a character YAML reads as syntax: `- [ { * & ! | > @ \` %`.
    case specialFirstCharacter(character: String, key: String?, value: String)
    /// A line inside a list that is neither a key of an item, lined up with the item's first
    /// key at `column`, nor a new item, whose `-` lines up at `dashColumn`.
    case listItemKeyIndent(column: Int, dashColumn: Int)
    /// `-what: Rà soát`: a list item without the space after `-`.
    case noSpaceAfterDash(written: String, fixed: String)
    /// A list item whose `-` is not lined up with the list's first `-`, at `column`.
    case listItemsNotAligned(column: Int)
    /// A key not lined up with the keys around it; the key before it starts at `line`, `column`.
    case keyIndent(line: Int, column: Int)
    /// A list item (`- …`) where a key is expected.
    case listWithoutKey
    /// `{` or `[` whose closing bracket is missing on the line it opened.
    case unclosedBracket(open: String, close: String)
    /// A value inside `{…}` holding a colon.
    case colonInBracket(value: String)
    /// A backslash inside double quotes that starts no known escape.
    case badEscape
    /// A control character (often pasted from a word processor), by code point.
    case controlCharacter(UInt32)
    /// A character where none was expected.
    case unexpectedCharacter(String)
    /// Anything else YAML refused.
    case unreadable
    /// Mappings and lists nested deeper than the limit.
    case tooDeep(limit: Int)
    /// More than one YAML document.
    case multipleDocuments

    // Not fatal: the YAML is read, the mistake reported beside it.

    /// `title: #12 trả trễ`: the whole value read as a comment, so empty.
    case valueIsComment(key: String, comment: String)
    /// `title: Hồ sơ #12 trễ hạn`: the end of the value read as a comment.
    case valueCutByComment(key: String, kept: String, comment: String)
}
