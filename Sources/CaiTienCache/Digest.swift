import CXXHash

/// A 128-bit XXH3 digest: the identity of an input (a file's bytes) or of everything a page or
/// a parsed record was made from. Equal digests are taken as equal inputs.
public struct Digest: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) { self.high = high; self.low = low }

    public init(_ bytes: UnsafeRawBufferPointer) {
        let h = caitien_xxh3_128(bytes.baseAddress, bytes.count)
        high = h.high64
        low = h.low64
    }

    public init(_ bytes: [UInt8]) { self = bytes.withUnsafeBytes { Digest($0) } }

    public static func < (a: Digest, b: Digest) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// 32 lowercase hex digits.
    public var description: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(high) + hex(low)
    }

    /// Parses `description`'s form; nil for anything else.
    public init?(hex text: Substring) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16),
              let low = UInt64(text.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }
}

/// Builds a digest from a sequence of parts. Each part is framed by a tag and its length, so
/// two different sequences of parts never give the same bytes (`"ab","c"` ≠ `"a","bc"`).
public struct DigestBuilder: Sendable {
    private var bytes: [UInt8] = []

    public init(_ purpose: String) { add(purpose) }

    public mutating func add(_ part: UnsafeRawBufferPointer) {
        frame(tag: 1, count: part.count)
        bytes.append(contentsOf: part)
    }
    public mutating func add(_ part: [UInt8]) { part.withUnsafeBytes { add($0) } }
    public mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }
    public mutating func add(_ text: String?) {
        if let text { add(text) } else { frame(tag: 0, count: 0) }
    }
    public mutating func add(_ digest: Digest) {
        frame(tag: 2, count: 16)
        append(digest.high); append(digest.low)
    }
    public mutating func add(_ number: UInt64) {
        frame(tag: 3, count: 8)
        append(number)
    }

    public var digest: Digest { Digest(bytes) }

    private mutating func frame(tag: UInt8, count: Int) {
        bytes.append(tag)
        append(UInt64(count))
    }
    private mutating func append(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
