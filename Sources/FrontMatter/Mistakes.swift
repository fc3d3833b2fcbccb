import CaiTienModel
import CYAML

// libyaml's errors read back into the mistake a person made. libyaml names what its scanner
// expected ("could not find expected ':'"), often on the line after the mistake; the text
// itself says what was written, so each error is matched with the line it comes from.

/// What libyaml reported when it stopped.
struct LibYAMLFailure {
    var problem: String
    var context: String
    var problemMark: Mark
    var contextMark: Mark
    /// For an error of libyaml's reader (a control character): the byte offset.
    var readerOffset: Int?
    var readerValue: Int32

    func mistake(in bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
        if let offset = readerOffset {
            return YAMLError(.controlCharacter(UInt32(max(0, readerValue))), at: mark(ofByte: offset, in: bytes))
        }
        let source = SourceLines(bytes)
        let p = problemMark, c = contextMark
        // A tab in the indentation: libyaml says so in several ways, or not at all.
        if problem.contains("tab") || source.indentTab(p.line) != nil || source[p] == "\t" {
            return YAMLError(.tabIndent, at: Mark(line: p.line, column: source.indentTab(p.line) ?? p.column))
        }
        switch problem {
        case "could not find expected ':'":
            // Reported where the scanner gave up: the next line. The mistake is on the key's line.
            return source.lineWithoutColon(context.contains("simple key") ? c.line : p.line)
        case "mapping values are not allowed in this context":
            return source.colonInValue(at: p)
        case "found unexpected end of stream" where context.contains("quoted scalar"):
            return YAMLError(.unclosedQuote(quote: source[c].map(String.init) ?? "\""), at: c)
        case "did not find expected key":
            return source.misplaced(at: p)
        case "did not find expected '-' indicator":
            return source.misplacedInList(at: p, list: c)
        case "block sequence entries are not allowed in this context":
            return source.specialFirstCharacter("-", at: p)
        case "found character that cannot start any token":
            if let ch = source[p], "@`%".unicodeScalars.contains(ch) { return source.specialFirstCharacter(String(ch), at: p) }
            return YAMLError(source[p].map { .unexpectedCharacter(String($0)) } ?? .unreadable, at: p)
        case "did not find expected alphabetic or numeric character" where context.contains("alias") || context.contains("anchor"):
            return source.specialFirstCharacter(context.contains("alias") ? "*" : "&", at: c)
        case "did not find expected comment or line break" where context.contains("block scalar"):
            return source.specialFirstCharacter(source[c].map(String.init) ?? "|", at: c)
        case "did not find expected ',' or '}'", "did not find expected ',' or ']'":
            return source.unclosedBracket(at: p, opened: c)
        case "found unknown escape character":
            return YAMLError(.badEscape, at: p)
        default:
            if context.contains("tag") { return source.specialFirstCharacter("!", at: c) }
            if let ch = source[p], ch != " " { return YAMLError(.unexpectedCharacter(String(ch)), at: p) }
            return YAMLError(.unreadable, at: p)
        }
    }
}

/// A value starting with `*`, `&` or `!`, found as an event: the value and its key from the line.
func specialFirstCharacter(_ character: String, key: String?, at mark: Mark, in bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
    let source = SourceLines(bytes)
    return YAMLError(.specialFirstCharacter(character: character, key: key, value: source.rest(of: mark)), at: mark)
}

/// A comment after a scalar that ends at `end`, on the same line: its text (from `#`) and mark.
/// libyaml counts marks in characters: `lineStarts` (the byte offset of each line) finds the byte.
func commentAfter(_ end: yaml_mark_t, in bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int]) -> (text: String, mark: Mark, gap: Int)? {
    guard Int(end.line) < lineStarts.count else { return nil }
    var i = lineStarts[Int(end.line)]
    for _ in 0..<Int(end.column) where i < bytes.count {
        i += 1
        while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
    }
    let after = i
    var column = Int(end.column) + 1
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1; column += 1 }
    // A comment needs a space before `#`.
    guard i < bytes.count, bytes[i] == UInt8(ascii: "#"), i > after else { return nil }
    var j = i
    while j < bytes.count, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
    return (String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self), Mark(line: Int(end.line) + 1, column: column), i - after)
}

/// The byte offset where each line starts.
func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    return starts
}

/// The line and column (in characters) of a byte offset.
private func mark(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
    var line = 1, column = 1
    for i in 0..<min(offset, bytes.count) {
        if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
    }
    return Mark(line: line, column: column)
}

/// The YAML text as lines of Unicode scalars: libyaml counts columns in characters.
struct SourceLines {
    let lines: [[Unicode.Scalar]]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        lines = String(decoding: bytes, as: UTF8.self).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            var line = Array($0)
            if line.last == "\r" { line.removeLast() }
            return line
        }
    }

    subscript(line: Int) -> [Unicode.Scalar] { line >= 1 && line <= lines.count ? lines[line - 1] : [] }

    /// The character at a mark, nil past the end of its line.
    subscript(mark: Mark) -> Unicode.Scalar? {
        let l = self[mark.line]
        return mark.column >= 1 && mark.column <= l.count ? l[mark.column - 1] : nil
    }

    func text(_ line: Int) -> String { String(String.UnicodeScalarView(self[line])) }

    /// The line without its indentation and trailing spaces.
    func trimmed(_ line: Int) -> String { text(line).trimmingSpaces }

    /// Spaces before the first character.
    func indent(_ line: Int) -> Int { self[line].prefix { $0 == " " }.count }

    /// The column of the first tab in the line's indentation.
    func indentTab(_ line: Int) -> Int? {
        for (i, ch) in self[line].enumerated() {
            if ch == "\t" { return i + 1 }
            if ch != " " { return nil }
        }
        return nil
    }

    /// The line's text from a column on, trimmed.
    func rest(of mark: Mark) -> String {
        let l = self[mark.line]
        guard mark.column >= 1, mark.column <= l.count else { return "" }
        return String(String.UnicodeScalarView(l[(mark.column - 1)...])).trimmingSpaces
    }

    /// Blank or comment-only.
    func isBlank(_ line: Int) -> Bool {
        let t = trimmed(line)
        return t.isEmpty || t.hasPrefix("#")
    }

    /// `key: value` on a line, after its indentation and a list item's `- `.
    func keyLine(_ line: Int) -> (key: String, keyColumn: Int, colonColumn: Int, value: String)? {
        let l = self[line]
        var i = indent(line)
        if i < l.count, l[i] == "-", i + 1 == l.count || l[i + 1] == " " {
            i += 1
            while i < l.count, l[i] == " " { i += 1 }
        }
        guard i < l.count, !"\"'[{#-".unicodeScalars.contains(l[i]) else { return nil }
        var j = i
        while j < l.count {
            if l[j] == ":" && (j + 1 == l.count || l[j + 1] == " " || l[j + 1] == "\t") { break }
            if l[j] == "#" && j > i && l[j - 1] == " " { return nil }
            j += 1
        }
        guard j < l.count else { return nil }
        let key = String(String.UnicodeScalarView(l[i..<j])).trimmingSpaces
        guard !key.isEmpty else { return nil }
        let value = j + 1 < l.count ? String(String.UnicodeScalarView(l[(j + 1)...])).trimmingSpaces : ""
        return (key, i + 1, j + 1, value)
    }

    /// The nearest line above `line` that is not blank or a comment.
    func previousLine(before line: Int) -> Int? {
        var k = line - 1
        while k >= 1, isBlank(k) { k -= 1 }
        return k >= 1 ? k : nil
    }

    /// The nearest line above `line` that starts a list item (`- `), with its `-` column.
    func previousItem(before line: Int) -> (line: Int, dashColumn: Int)? {
        var k = line - 1
        while k >= 1 {
            let l = self[k], i = indent(k)
            if i < l.count, l[i] == "-", i + 1 == l.count || l[i + 1] == " " { return (k, i + 1) }
            k -= 1
        }
        return nil
    }

    // MARK: Reading each error back

    /// A line with no `: ` where a key was expected.
    func lineWithoutColon(_ line: Int) -> YAMLError {
        let l = self[line]
        let written = trimmed(line)
        if let i = l.firstIndex(of: "\u{FF1A}") {
            return YAMLError(.fullWidthColon(written: written, fixed: fixColon(written, "\u{FF1A}")), at: Mark(line: line, column: i + 1))
        }
        let start = indent(line)
        if start < l.count, l[start] == "-", start + 1 < l.count, l[start + 1] != " " {
            var fixed = written
            fixed.insert(" ", at: fixed.index(after: fixed.startIndex))
            return YAMLError(.noSpaceAfterDash(written: written, fixed: fixed), at: Mark(line: line, column: start + 2))
        }
        if let i = l[start...].firstIndex(where: { $0 == ":" }), i + 1 < l.count, l[i + 1] != " " {
            return YAMLError(.noSpaceAfterColon(written: written, fixed: fixColon(written, ":")), at: Mark(line: line, column: i + 2))
        }
        // `unit tthcc`: a key (a-z, 0-9, _) and a value with the colon left out.
        var fixed: String?
        let words = written.split(separator: " ", maxSplits: 1)
        if words.count == 2, let first = words.first, first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) {
            fixed = "\(first): \(words[1].trimmingSpaces)"
        }
        return YAMLError(.noColon(written: written, fixed: fixed), at: Mark(line: line, column: start + 1))
    }

    /// `: ` where YAML does not take a new key: inside a value, or on a line read as the rest
    /// of the value above.
    func colonInValue(at p: Mark) -> YAMLError {
        if let k = keyLine(p.line), k.colonColumn < p.column {
            return YAMLError(.colonInValue(key: k.key, value: k.value), at: p)
        }
        // The line continues a value begun above: the nearest line indented less owns it.
        let own = indent(p.line)
        var k = p.line - 1
        while k >= 1, isBlank(k) || indent(k) >= own {
            if !isBlank(k), self[k].contains("\u{FF1A}") { return lineWithoutColon(k) }
            if !isBlank(k), indent(k) == own, keyLine(k) == nil { return lineWithoutColon(k) }
            k -= 1
        }
        if k >= 1, self[k].contains("\u{FF1A}") { return lineWithoutColon(k) }
        if k >= 1, let owner = keyLine(k) {
            return YAMLError(.continuedValue(key: owner.key, line: k, column: owner.keyColumn), at: Mark(line: p.line, column: own + 1))
        }
        if let previous = previousLine(before: p.line), keyLine(previous) == nil { return lineWithoutColon(previous) }
        return YAMLError(.unreadable, at: p)
    }

    /// Something where a key was expected.
    func misplaced(at p: Mark) -> YAMLError {
        let l = self[p.line], own = indent(p.line)
        if p.column > own + 1 {
            // Mid-line: after a closing quote or bracket.
            var i = min(p.column - 2, l.count - 1)
            while i >= 0, l[i] == " " { i -= 1 }
            let before = i >= 0 ? l[i] : " "
            let key = keyLine(p.line)
            if before == "\"" || before == "'" {
                return YAMLError(.textAfterQuote(key: key?.key, value: key?.value ?? rest(of: Mark(line: p.line, column: own + 1))), at: p)
            }
            if before == "]" || before == "}", let key {
                let start = Mark(line: p.line, column: key.colonColumn + 1 + (self[p.line].dropFirst(key.colonColumn).prefix { $0 == " " }.count))
                return YAMLError(.specialFirstCharacter(character: before == "]" ? "[" : "{", key: key.key, value: key.value), at: start)
            }
            return YAMLError(self[p].map { .unexpectedCharacter(String($0)) } ?? .unreadable, at: p)
        }
        if own < l.count, l[own] == "-" {
            if let item = previousItem(before: p.line), item.dashColumn != own + 1 {
                return YAMLError(.listItemsNotAligned(column: item.dashColumn), at: p)
            }
            return YAMLError(.listWithoutKey, at: p)
        }
        var k = p.line - 1
        while k >= 1, isBlank(k) || keyLine(k) == nil { k -= 1 }
        if k >= 1, let key = keyLine(k) { return YAMLError(.keyIndent(line: k, column: key.keyColumn), at: p) }
        return YAMLError(.unreadable, at: p)
    }

    /// A line inside a list, neither a new item nor lined up with the item's keys.
    func misplacedInList(at p: Mark, list: Mark) -> YAMLError {
        let own = indent(p.line)
        if p.column > own + 1 {
            return YAMLError(self[p].map { .unexpectedCharacter(String($0)) } ?? .unreadable, at: p)
        }
        let l = self[p.line]
        if own < l.count, l[own] == "-", own + 1 < l.count, l[own + 1] != " " { return lineWithoutColon(p.line) }
        let itemLine = self[list.line]
        var content = list.column
        while content < itemLine.count, itemLine[content] == " " { content += 1 }
        return YAMLError(.listItemKeyIndent(column: content + 1, dashColumn: list.column), at: p)
    }

    /// A value starting with a character YAML reads as syntax, at `p`.
    func specialFirstCharacter(_ character: String, at p: Mark) -> YAMLError {
        let key = keyLine(p.line).flatMap { $0.colonColumn < p.column ? $0.key : nil }
        return YAMLError(.specialFirstCharacter(character: character, key: key, value: rest(of: p)), at: p)
    }

    /// `{` or `[` not closed where libyaml expected `,` or the closing bracket.
    func unclosedBracket(at p: Mark, opened c: Mark) -> YAMLError {
        let open = self[c].map(String.init) ?? "{"
        let close = open == "[" ? "]" : "}"
        if p.line > c.line {
            // Point at the end of the line that opened it: the bracket goes there.
            return YAMLError(.unclosedBracket(open: open, close: close), at: Mark(line: c.line, column: self[c.line].count + 1))
        }
        if self[p] == ":" {
            // The value around the colon: from after the key's `: ` to the next `,` or bracket.
            let l = self[p.line]
            var start = p.column - 2
            while start >= 0, l[start] != ",", l[start] != "{", !(l[start] == ":" && start + 1 < l.count && l[start + 1] == " ") { start -= 1 }
            var end = p.column
            while end < l.count, l[end] != ",", l[end] != "}" { end += 1 }
            let value = String(String.UnicodeScalarView(l[(start + 1)..<end])).trimmingSpaces
            return YAMLError(.colonInBracket(value: value), at: p)
        }
        return YAMLError(self[p].map { .unexpectedCharacter(String($0)) } ?? .unclosedBracket(open: open, close: close), at: p)
    }

    /// `written` with its first `colon` made `: `.
    private func fixColon(_ written: String, _ colon: Character) -> String {
        guard let i = written.firstIndex(of: colon) else { return written }
        let key = written[..<i].trimmingSpaces
        let value = written[written.index(after: i)...].trimmingSpaces
        return value.isEmpty ? "\(key):" : "\(key): \(value)"
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
