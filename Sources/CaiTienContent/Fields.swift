import CaiTienModel
import Foundation
import FrontMatter

/// A few keys and their values in insertion order. Front-matter mappings hold at most a few
/// dozen short keys: comparing them in a row is cheaper than hashing each one.
/// Past 32 keys (hostile front-matter: thousands of `x_` keys) an index takes over, so that
/// reading a mapping stays linear (found by scripts/fuzz: 48 000 keys took 4 s).
struct SmallMap<Value> {
    private var entries: [(key: String, value: Value)] = []
    private var index: [String: Int]?

    private func find(_ key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    private mutating func reindex() {
        index = entries.count > 32 ? Dictionary(uniqueKeysWithValues: entries.indices.map { (entries[$0].key, $0) }) : nil
    }

    subscript(key: String) -> Value? {
        get {
            find(key).map { entries[$0].value }
        }
        set {
            if let i = find(key) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i); reindex() }
            } else if let newValue {
                entries.append((key, newValue))
                if index != nil { index![key] = entries.count - 1 } else if entries.count > 32 { reindex() }
            }
        }
    }

    var keys: [String] { entries.map(\.key) }
    var all: [(key: String, value: Value)] { entries }
}

/// The keys a kind of mapping may hold, each with a slot number: a record's values are kept
/// by slot, so reading 30 keys costs 30 hash lookups rather than comparing every key with every
/// known one (those string comparisons were the largest cost of typing a record).
struct KnownKeys: ExpressibleByArrayLiteral, Sendable {
    let names: [String]
    let slots: [String: Int]

    init(_ names: [String]) {
        self.names = names
        slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
    }

    init(arrayLiteral names: String...) { self.init(names) }

    var count: Int { names.count }

    /// The top-level keys of a record type, as its table lists them.
    static func of(_ type: RecordType) -> KnownKeys { recordKeys[type.kind]! }
}

/// Each record type's keys, made into lookups once.
private let recordKeys = Dictionary(uniqueKeysWithValues: RecordType.all.map { ($0.kind, KnownKeys($0.keys.map(\.name))) })

/// Reads the keys of one YAML mapping into typed values, collecting a diagnostic for each
/// problem (never stopping at the first) with its position in the file.
struct Fields {
    let path: String
    /// Added to a YAML line to get the file line.
    let lineOffset: Int
    let known: KnownKeys
    /// Values of the known keys, by slot.
    private var values: [YAMLNode?]
    /// Where each known key was written, by slot.
    private var knownKeyPositions: [Position?]
    /// Where other keys (`x_`, unknown, refused) were written, to find duplicates.
    private var otherKeyPositions = SmallMap<Position>()
    private(set) var extra: [(key: String, value: String)] = []
    var diagnostics: [Diagnostic] = []
    /// The whole mapping's position, for "missing key" errors.
    let position: Position
    /// False when the node is not a mapping: that one error is enough, its keys are not "missing".
    private(set) var isMapping = true

    /// - Parameters:
    ///   - known: keys this mapping may hold; `x_` keys are always allowed.
    ///   - what: what the mapping is, for the messages ("a request").
    ///   - refused: keys that are not allowed and have a rule of their own (`status`), with the
    ///     arguments of its message from the value written.
    init(_ node: YAMLNode, path: String, lineOffset: Int, known: KnownKeys, what: Phrase,
         refused: [String: (rule: Rule, arguments: @Sendable (YAMLNode) -> [String: Phrase])] = [:]) {
        self.path = path
        self.lineOffset = lineOffset
        self.known = known
        values = [YAMLNode?](repeating: nil, count: known.count)
        knownKeyPositions = [Position?](repeating: nil, count: known.count)
        self.position = Position(line: node.mark.line + lineOffset, column: node.mark.column)
        guard case .mapping(let pairs) = node.value else {
            diagnostics.append(Diagnostic(.notAMapping, path, position, ["what": what]))
            isMapping = false
            return
        }
        // "Did you mean" for the first few unknown keys only: a hostile file of thousands costs
        // an edit distance against every known key for each.
        var suggestions = 20
        for pair in pairs {
            let keyPosition = Position(line: pair.key.mark.line + lineOffset, column: pair.key.mark.column)
            guard let key = pair.key.scalar else {
                diagnostics.append(Diagnostic(.badKey, path, keyPosition))
                continue
            }
            let slot = known.slots[key]
            if let first = slot.flatMap({ knownKeyPositions[$0] }) ?? (slot == nil ? otherKeyPositions[key] : nil) {
                diagnostics.append(Diagnostic(.duplicateKey, path, keyPosition, ["field": .key(key), "line": .value(first.line)]))
                continue
            }
            guard let slot else {
                otherKeyPositions[key] = keyPosition
                if key.hasPrefix("x_") {
                    extra.append((key, pair.value.scalar ?? ""))
                    continue
                }
                if let (rule, arguments) = refused[key] {
                    diagnostics.append(Diagnostic(rule, path, keyPosition, arguments(pair.value)))
                    continue
                }
                suggestions -= 1
                let near = suggestions >= 0 ? closest(key, in: known.names) : nil
                diagnostics.append(Diagnostic(.unknownKey, path, keyPosition, ["key": .value(key), "what": what, "suggestion": .didYouMean(near)]))
                continue
            }
            knownKeyPositions[slot] = keyPosition
            values[slot] = pair.value
        }
    }

    /// A record's front-matter, with the keys and the name its type has in the table.
    init(_ node: YAMLNode, path: String, lineOffset: Int, type: RecordType,
         refused: [String: (rule: Rule, arguments: @Sendable (YAMLNode) -> [String: Phrase])] = [:]) {
        self.init(node, path: path, lineOffset: lineOffset, known: .of(type), what: type.mapping, refused: refused)
    }

    /// The value of a known key, as written (nil when absent).
    func node(_ key: String) -> YAMLNode? {
        guard let slot = known.slots[key] else {
            // A key read here but missing from the known keys (a record type's table) would be
            // refused in every file as unknown, and never read.
            assertionFailure("`\(key)` is read but not among the known keys \(known.names)")
            return nil
        }
        return values[slot]
    }

    func has(_ key: String) -> Bool { node(key).map { !$0.isNull } ?? false }

    func position(of key: String) -> Position {
        guard let slot = known.slots[key] else { return otherKeyPositions[key] ?? position }
        if let node = values[slot] { return Position(line: node.mark.line + lineOffset, column: node.mark.column) }
        return knownKeyPositions[slot] ?? position
    }

    /// Position of every known key's value, packed, for later rules.
    func positions() -> Positions {
        Positions(keys: known.names, packed: values.map { node in
            node.map { Positions.pack(Position(line: $0.mark.line + lineOffset, column: $0.mark.column)) } ?? 0
        })
    }

    /// A diagnostic at `key`'s value (at the mapping when nil).
    mutating func report(_ rule: Rule, at key: String?, _ arguments: [String: Phrase] = [:]) {
        diagnostics.append(Diagnostic(rule, path, key.map { position(of: $0) } ?? position, arguments))
    }

    mutating func missing(_ key: String, _ hint: Phrase) {
        guard isMapping else { return }
        diagnostics.append(Diagnostic(.missingKey, path, position, ["key": .value(key), "field": .key(key), "hint": hint]))
    }

    /// A scalar as text (trimmed); nil when absent or null.
    mutating func text(_ key: String, required hint: Phrase? = nil) -> String? {
        guard let node = node(key), !node.isNull else {
            if let hint { missing(key, hint) }
            return nil
        }
        guard let text = node.scalar else {
            report(.notText, at: key, ["field": .key(key)])
            return nil
        }
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty, let hint {
            missing(key, hint)
            return nil
        }
        return trimmed
    }

    mutating func day(_ key: String, required hint: Phrase? = nil) -> Day? {
        guard let text = text(key, required: hint) else { return nil }
        if let day = Day(parsing: text) {
            if Day.recordRange.contains(day) { return day }
            report(.dateOutOfRange, at: key, ["field": .key(key), "value": .value(text)])
            return nil
        }
        // A day written in another layout (`2025/12/01`) is shown as it should be written.
        let example = dayInAnotherLayout(text) ?? Day(year: 2025, month: 3, day: 4)!
        report(.badDate, at: key, ["field": .key(key), "value": .value(text), "iso": .value(example.iso), "dmy": .value(example.vietnamese)])
        return nil
    }

    /// One of a fixed set of values: its code, a Vietnamese word or a page label (SPEC §1).
    mutating func choice<E: WrittenValue>(_ key: String, _ type: E.Type, required hint: Phrase? = nil) -> E? {
        guard let text = text(key, required: hint) else { return nil }
        if let value = E(written: text) { return value }
        report(.badValue, at: key, ["field": .key(key), "value": .value(text), "allowed": .allowed(E.self),
                                    "suggestion": .didYouMean(E.written.nearest(text))])
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let text = text(key) else { return nil }
        // The codes as written, before the slower folding of the other spellings.
        if text == "true" { return true }
        if text == "false" { return false }
        if let value = writtenBooleans.value(text) { return value }
        report(.badBool, at: key, ["field": .key(key), "value": .value(text), "suggestion": .didYouMean(writtenBooleans.nearest(text))])
        return nil
    }

    mutating func number(_ key: String, required hint: Phrase? = nil) -> Double? {
        guard let text = text(key, required: hint) else { return nil }
        if let whole = ambiguousThousands(text) {
            report(.ambiguousNumber, at: key, ["field": .key(key), "value": .value(text), "whole": .value(whole)])
            return nil
        }
        if let value = parseNumber(text) { return value }
        report(.badNumber, at: key, ["field": .key(key), "value": .value(text)])
        return nil
    }

    /// A whole number in `minimum...maximum`; the bound keeps day arithmetic from overflowing.
    mutating func integer(_ key: String, minimum: Int, maximum: Int = 36_500) -> Int? {
        guard let text = text(key) else { return nil }
        if let value = Int(text), value >= minimum, value <= maximum { return value }
        report(.badInteger, at: key, ["field": .key(key), "value": .value(text), "min": .value(minimum), "max": .value(maximum)])
        return nil
    }

    /// Items of a sequence; an error when the value is not a list.
    mutating func list(_ key: String) -> [YAMLNode] {
        guard let node = node(key), !node.isNull else { return [] }
        guard case .sequence(let items) = node.value else {
            report(.notAList, at: key, ["field": .key(key)])
            return []
        }
        return items
    }

    /// A list of plain text items.
    mutating func texts(_ key: String) -> [String] {
        var result: [String] = []
        for item in list(key) {
            if let text = item.scalar { result.append(text.trimmingWhitespace) }
            else { diagnostics.append(Diagnostic(.notTextItem, path, Position(line: item.mark.line + lineOffset, column: item.mark.column), ["field": .key(key)])) }
        }
        return result
    }

    /// The id a file name gives, or a `bad-id` error with a good name of the record's type.
    mutating func checkID(_ id: String, of type: RecordType) -> Bool {
        if isSafeID(id) { return true }
        diagnostics.append(Diagnostic(.badID, path, line: 1, ["name": .value(id + ".md"), "example": .value(type.exampleFile)]))
        return false
    }

    /// Reads a nested mapping with the same rules.
    func nested(_ node: YAMLNode, known: KnownKeys, what: Phrase) -> Fields {
        Fields(node, path: path, lineOffset: lineOffset, known: known, what: what)
    }
}

/// `1.000` and `1,000` read as one thousand in Vietnamese and as one elsewhere (SPEC §1): a
/// number whose only separator is followed by exactly three digits. Returns the digits without
/// the separator (`1000`) for the message; nil when the number is not ambiguous. `0.125` is not:
/// no thousand is written with a leading zero.
func ambiguousThousands(_ text: String) -> String? {
    var digits = Substring(text)
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    let separators = digits.indices.filter { digits[$0] == "." || digits[$0] == "," }
    guard separators.count == 1, let at = separators.first else { return nil }
    let whole = digits[..<at], fraction = digits[digits.index(after: at)...]
    guard fraction.count == 3, !whole.isEmpty, whole != "0",
          (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return String(text.dropLast(4) + fraction)
}

/// The day a text names when written in a layout caitien does not read — `2025/12/01`,
/// `04.03.2025`, `4-3-2025` — so the message can show it as it should be written.
func dayInAnotherLayout(_ text: String) -> Day? {
    let groups = text.split { !$0.isASCII || !$0.isNumber }.map(String.init)
    guard groups.count == 3, let a = Int(groups[0]), let b = Int(groups[1]), let c = Int(groups[2]) else { return nil }
    let day = groups[0].count == 4 ? Day(year: a, month: b, day: c) : groups[2].count == 4 ? Day(year: c, month: b, day: a) : nil
    return day.flatMap { Day.recordRange.contains($0) ? $0 : nil }
}

func parseNumber(_ text: String) -> Double? {
    let t = text.replacingOccurrences(of: ",", with: ".")
    guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else { return nil }
    return Double(t)
}

extension String {
    var trimmingWhitespace: String {
        // Most values have no space at either end.
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// The known word nearest to `word` by edit distance, if near enough to be a likely typo.
func closest(_ word: String, in candidates: [String]) -> String? {
    // A word far longer than every candidate is no typo of one (and would cost an edit
    // distance proportional to its length against each).
    guard word.utf8.count <= 2 * (candidates.lazy.map(\.utf8.count).max() ?? 0) + 8 else { return nil }
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
        let d = editDistance(w, Array(candidate.lowercased()))
        if best == nil || d < best!.1 { best = (candidate, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(2, candidate.count / 3)
    if distance <= limit { return candidate }
    // A key written in another style: `assignedTo`, `assigned-to`.
    let squashed = word.lowercased().filter { $0.isLetter }
    // Ids without letters (dates: `2025-11-24`) would all match one another.
    guard !squashed.isEmpty else { return nil }
    return candidates.first { $0.filter(\.isLetter) == squashed }
}

