import CaiTienModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why bytes are not the JSON expected: where (byte offset and line) and what.
public struct ScanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var message: Message
    /// What the roll-up says of the ward's file.
    public var problem: Message {
        CommandMessage.wardJSONDamaged(["line": .value(line), "offset": .value(offset), "problem": message.phrase])
    }
    public var description: String { problem.description }
}

/// A pull reader over JSON bytes that builds no tree: the caller asks for the values it needs
/// and skips the rest. A ward's data.json holds every record, and the roll-up needs only the
/// first few keys; skipping the records scans them for structure (brackets, strings) at memory
/// speed, so a truncated or damaged file is still refused.
struct JSONScanner: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Nesting this deep is not a data.json; refusing it keeps the skipper's stack small.
    static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A BOM is not JSON, but an editor may add one to a file copied by hand.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    func error(_ message: Message, at offset: Int? = nil) -> ScanError {
        let at = min(offset ?? index, bytes.count)
        var line = 1
        for i in 0..<at where bytes[i] == 0x0A { line += 1 }
        return ScanError(offset: at, line: line, message: message)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed; nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(ScanError) {
        guard peek() == byte else { throw error(index < bytes.count ? CommandMessage.jsonExpected(["what": .value(what)]) : CommandMessage.jsonEndsExpecting(["what": .value(what)])) }
        index += 1
    }

    /// After the whole document: only whitespace may follow.
    mutating func expectEnd() throws(ScanError) {
        if peek() != nil { throw error(CommandMessage.jsonTrailingText()) }
    }

    // MARK: Containers

    /// Calls `body` with each key of an object; `body` must read or skip the value.
    mutating func readObject(_ body: (inout JSONScanner, String) throws(ScanError) -> Void) throws(ScanError) {
        try expect(0x7B, "{")
        if peek() == 0x7D { index += 1; return }
        while true {
            guard peek() == 0x22 else { throw error(CommandMessage.jsonExpectedKey()) }
            let key = try readString()
            try expect(0x3A, ":")
            try body(&self, key)
            switch peek() {
            case 0x2C: index += 1
            case 0x7D: index += 1; return
            default: throw error(index < bytes.count ? CommandMessage.jsonExpected(["what": .value(", or }")]) : CommandMessage.jsonEndsInObject())
            }
        }
    }

    /// Calls `body` for each element of an array; `body` must read or skip it.
    mutating func readArray(_ body: (inout JSONScanner) throws(ScanError) -> Void) throws(ScanError) {
        try expect(0x5B, "[")
        if peek() == 0x5D { index += 1; return }
        while true {
            try body(&self)
            switch peek() {
            case 0x2C: index += 1
            case 0x5D: index += 1; return
            default: throw error(index < bytes.count ? CommandMessage.jsonExpected(["what": .value(", or ]")]) : CommandMessage.jsonEndsInList())
            }
        }
    }

    /// The number of elements of an array (a list of ids, where only its length matters).
    mutating func countArray() throws(ScanError) -> Int {
        var count = 0
        try readArray { (s: inout JSONScanner) throws(ScanError) in try s.skipValue(); count += 1 }
        return count
    }

    // MARK: Scalars

    /// True (and consumed) when the next value is `null`.
    mutating func readNull() throws(ScanError) -> Bool {
        guard peek() == 0x6E else { return false }
        try literal("null")
        return true
    }

    mutating func readBool() throws(ScanError) -> Bool {
        switch peek() {
        case 0x74: try literal("true"); return true
        case 0x66: try literal("false"); return false
        default: throw error(CommandMessage.jsonExpectedBool())
        }
    }

    mutating func readString() throws(ScanError) -> String {
        guard peek() == 0x22 else { throw error(CommandMessage.jsonExpectedText()) }
        let start = index + 1
        var i = start
        var plain = true
        while true {
            guard i < bytes.count else { throw error(CommandMessage.jsonEndsInText(), at: start - 1) }
            let b = bytes[i]
            if b == 0x22 { break }
            if b == 0x5C { plain = false; i += 2; continue }
            if b < 0x20 { throw error(CommandMessage.jsonControlCharacter(), at: i) }
            i += 1
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
        index = i + 1
        if plain {
            guard let text = String(validating: raw, as: UTF8.self) else { throw error(CommandMessage.jsonNotUTF8(), at: start) }
            return text
        }
        return try unescape(raw, at: start)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) throws(ScanError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for k in at..<(at + 4) {
                let c = raw[k]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }
        while i < raw.count {
            let b = raw[i]
            guard b == 0x5C else { out.append(b); i += 1; continue }
            guard i + 1 < raw.count else { throw error(CommandMessage.jsonLoneBackslash(), at: start + i) }
            let e = raw[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var scalar = hex4(i) else { throw error(CommandMessage.jsonBadUnicodeEscape(), at: start + i) }
                i += 4
                if (0xD800...0xDBFF).contains(scalar), i + 6 <= raw.count, raw[i] == 0x5C, raw[i + 1] == 0x75,
                   let low = hex4(i + 2), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let u = Unicode.Scalar(scalar) else { throw error(CommandMessage.jsonBadUnicodeEscape(), at: start + i) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw error(CommandMessage.jsonBadEscape(), at: start + i - 2)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw error(CommandMessage.jsonNotUTF8(), at: start) }
        return text
    }

    /// A number as a Double (integers too: the figures are small whole numbers or fractions).
    mutating func readNumber() throws(ScanError) -> Double {
        _ = peek()
        let start = index
        try skipNumber()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error(CommandMessage.jsonNumberOutOfRange(), at: start) }
        return value
    }

    /// A whole number from 0 up; anything else is an error naming what was expected.
    mutating func readCount() throws(ScanError) -> Int {
        let start = index
        let value = try readNumber()
        guard value >= 0, value == value.rounded(), value < 1e15 else { throw error(CommandMessage.jsonExpectedCount(), at: start) }
        return Int(value)
    }

    // MARK: Skipping

    /// Skips one value of any kind, checking its structure but building nothing.
    mutating func skipValue() throws(ScanError) {
        try skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) throws(ScanError) {
        guard let b = peek() else { throw error(CommandMessage.jsonEndsEarly()) }
        switch b {
        case 0x22: try skipString()
        case 0x7B:
            guard depth < JSONScanner.maximumDepth else { throw error(CommandMessage.jsonTooDeep()) }
            index += 1
            if peek() == 0x7D { index += 1; return }
            while true {
                guard peek() == 0x22 else { throw error(index < bytes.count ? CommandMessage.jsonExpectedKey() : CommandMessage.jsonEndsInObject()) }
                try skipString()
                try expect(0x3A, ":")
                try skipValue(depth: depth + 1)
                switch peek() {
                case 0x2C: index += 1
                case 0x7D: index += 1; return
                default: throw error(index < bytes.count ? CommandMessage.jsonExpected(["what": .value(", or }")]) : CommandMessage.jsonEndsInObject())
                }
            }
        case 0x5B:
            guard depth < JSONScanner.maximumDepth else { throw error(CommandMessage.jsonTooDeep()) }
            index += 1
            if peek() == 0x5D { index += 1; return }
            while true {
                try skipValue(depth: depth + 1)
                switch peek() {
                case 0x2C: index += 1
                case 0x5D: index += 1; return
                default: throw error(index < bytes.count ? CommandMessage.jsonExpected(["what": .value(", or ]")]) : CommandMessage.jsonEndsInList())
                }
            }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D, 0x30...0x39: try skipNumber()
        default: throw error(CommandMessage.jsonExpectedValue())
        }
    }

    /// Skips a string: `memchr` finds each quote, and a quote is the end unless an odd number of
    /// backslashes stands before it. Most of a data.json is text, so this is the hot loop.
    private mutating func skipString() throws(ScanError) {
        let open = index
        var from = index + 1
        guard let base = bytes.baseAddress else { throw error(CommandMessage.jsonEndsInText()) }
        while true {
            guard from < bytes.count, let found = memchr(base + from, 0x22, bytes.count - from) else {
                throw error(CommandMessage.jsonEndsInText(), at: open)
            }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            var k = quote - 1
            while k > open && bytes[k] == 0x5C { backslashes += 1; k -= 1 }
            if backslashes % 2 == 0 { index = quote + 1; return }
            from = quote + 1
        }
    }

    private mutating func skipNumber() throws(ScanError) {
        let start = index
        if index < bytes.count && bytes[index] == 0x2D { index += 1 }
        func digits(_ s: inout JSONScanner) -> Int {
            let from = s.index
            while s.index < s.bytes.count, (0x30...0x39).contains(s.bytes[s.index]) { s.index += 1 }
            return s.index - from
        }
        guard digits(&self) > 0 else { throw error(CommandMessage.jsonExpectedNumber(), at: start) }
        if index < bytes.count && bytes[index] == 0x2E {
            index += 1
            guard digits(&self) > 0 else { throw error(CommandMessage.jsonExpectedDecimals(), at: start) }
        }
        if index < bytes.count && (bytes[index] == 0x65 || bytes[index] == 0x45) {
            index += 1
            if index < bytes.count && (bytes[index] == 0x2B || bytes[index] == 0x2D) { index += 1 }
            guard digits(&self) > 0 else { throw error(CommandMessage.jsonExpectedExponent(), at: start) }
        }
    }

    private mutating func literal(_ word: StaticString) throws(ScanError) {
        let n = word.utf8CodeUnitCount
        guard index + n <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, n) == 0 else {
            throw error(CommandMessage.jsonExpectedValue())
        }
        index += n
    }
}
