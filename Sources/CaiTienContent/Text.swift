import Foundation

/// Why a file's bytes are not text.
public struct TextError: Error, Sendable, Equatable {
    public var offset: Int
    public var line: Int
    /// The byte that starts no UTF-8 character; nil for a NUL byte.
    public var invalidByte: UInt8?
}

/// Strict UTF-8 to a String: a BOM is dropped, CRLF becomes LF, and the text is normalised to NFC.
/// Invalid bytes and NUL are errors naming the byte offset — never silently replaced.
public func decodeText(_ bytes: [UInt8]) -> Result<String, TextError> {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    // Fast path, the usual file: valid UTF-8 (checked by the standard library), no NUL, no CR,
    // nothing that NFC would change.
    let fast: String? = bytes.withUnsafeBufferPointer { buffer in
        let body = UnsafeBufferPointer(rebasing: buffer[start...])
        guard !body.contains(where: { $0 == 0 || $0 == 0x0D }), quickNFCStable(body) else { return nil }
        return String(validating: body, as: UTF8.self)
    }
    if let fast { return .success(fast) }
    var out = [UInt8]()
    out.reserveCapacity(bytes.count - start)
    var needsNormalising = false
    var line = 1
    var i = start
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 {
            if b == 0 { return .failure(TextError(offset: i, line: line, invalidByte: nil)) }
            if b == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1; continue }
            if b == 0x0A { line += 1 }
            out.append(b)
            i += 1
            continue
        }
        let length: Int
        var scalar: UInt32
        switch b {
        case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07)
        default: return .failure(invalid(i, line, b))
        }
        guard i + length <= n else { return .failure(invalid(i, line, b)) }
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return .failure(invalid(i, line, b)) }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF.
        if (length == 3 && scalar < 0x800) || (length == 4 && (scalar < 0x10000 || scalar > 0x10FFFF)) || (0xD800...0xDFFF).contains(scalar) {
            return .failure(invalid(i, line, b))
        }
        if !needsNormalising && mayChangeUnderNFC(scalar) { needsNormalising = true }
        out.append(contentsOf: bytes[i..<(i + length)])
        i += length
    }
    let text = String(decoding: out, as: UTF8.self)
    return .success(needsNormalising ? text.precomposedStringWithCanonicalMapping : text)
}

private func invalid(_ offset: Int, _ line: Int, _ byte: UInt8) -> TextError {
    TextError(offset: offset, line: line, invalidByte: byte)
}

/// True when no byte sequence can start a character that NFC changes. Precomposed Vietnamese
/// (U+00C0–U+01B0, U+1EA0–U+1EF9) and common punctuation pass; anything doubtful says false.
private func quickNFCStable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0xCC { i += 1; continue }
        if b == 0xE1, i + 1 < n, bytes[i + 1] == 0xBA || bytes[i + 1] == 0xBB { i += 3; continue }
        if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x82 { i += 3; continue }
        if b >= 0x80 && b < 0xC0 { i += 1; continue } // continuation byte
        return false
    }
    return true
}

/// A cheap test that lets already-NFC text (precomposed Vietnamese) skip normalisation: only
/// combining marks, Hangul jamo and compatibility singletons can change under NFC.
@inline(__always)
private func mayChangeUnderNFC(_ scalar: UInt32) -> Bool {
    if scalar < 0x0300 { return false }
    if scalar <= 0x036F { return true }
    guard let s = Unicode.Scalar(scalar) else { return true }
    if s.properties.canonicalCombiningClass != .notReordered { return true }
    switch scalar {
    case 0x0340...0x0344, 0x0374, 0x037E, 0x0387, 0x1100...0x11FF, 0x1F71...0x1FFD, 0x2000...0x2001,
         0x2126, 0x212A...0x212B, 0x2329...0x232A, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
        return true
    default:
        return false
    }
}

/// A record split into its front-matter and body.
public struct SplitRecord: Sendable {
    /// The YAML between the `---` lines.
    public var frontMatter: String
    /// File line of the first front-matter line.
    public var frontMatterLine: Int
    public var body: String
    /// File line of the first body line.
    public var bodyLine: Int
}

public enum SplitError: Error, Sendable, Equatable {
    case missingOpening
    case missingClosing
}

/// Splits at a first line `---` and the next line `---`.
public func splitFrontMatter(_ text: String) -> Result<SplitRecord, SplitError> {
    var utf8 = text.utf8[...]
    func takeLine() -> Substring.UTF8View? {
        guard !utf8.isEmpty else { return nil }
        if let newline = utf8.firstIndex(of: 0x0A) {
            let line = utf8[..<newline]
            utf8 = utf8[utf8.index(after: newline)...]
            return line
        }
        let line = utf8
        utf8 = utf8[utf8.endIndex...]
        return line
    }
    func isFence(_ line: Substring.UTF8View) -> Bool {
        var l = line
        while let last = l.last, last == 0x20 || last == 0x09 { l = l.dropLast() }
        return l.elementsEqual("---".utf8)
    }
    guard let first = takeLine(), isFence(first) else { return .failure(.missingOpening) }
    let yamlStart = utf8.startIndex
    var line = 2
    while let current = takeLine() {
        if isFence(current) {
            let yaml = String(text[yamlStart..<current.startIndex])
            let body = String(text[utf8.startIndex...])
            return .success(SplitRecord(frontMatter: yaml, frontMatterLine: 2, body: body, bodyLine: line + 1))
        }
        line += 1
    }
    return .failure(.missingClosing)
}

/// Text for grouping: NFC (already, from loading), trimmed, lower-cased.
public func normaliseCategory(_ text: String) -> String {
    text.trimmingWhitespace.lowercased()
}

/// Heading text for matching box titles: lower-cased, without diacritics or a leading number.
public func foldHeading(_ text: String) -> String {
    var folded = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if scalar.value < 0x80 {
            folded.append(Unicode.Scalar(Swift.UInt8(truncatingIfNeeded: scalar.value) | (scalar.value >= 0x41 && scalar.value <= 0x5A ? 0x20 : 0)))
        } else if let base = latinBase[scalar] {
            folded.append(contentsOf: base.unicodeScalars)
        } else if scalar.properties.canonicalCombiningClass != .notReordered {
            continue // a combining mark of NFD input
        } else {
            folded.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
    }
    // A leading number or Roman numeral with its punctuation: "1.", "2)", "III -".
    let scalars = Array(folded)
    var i = 0
    while i < scalars.count, scalars[i] == " " { i += 1 }
    var j = i
    while j < scalars.count, ("0"..."9").contains(scalars[j]) || "ivx".unicodeScalars.contains(scalars[j]) { j += 1 }
    var rest = scalars[...]
    if j > i, j < scalars.count, ".):- ".unicodeScalars.contains(scalars[j]) {
        while j < scalars.count, ".):- ".unicodeScalars.contains(scalars[j]) { j += 1 }
        rest = scalars[j...]
    }
    let words = String(String.UnicodeScalarView(rest)).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" || $0 == "." })
    return words.joined(separator: " ")
}

/// Latin letters with diacritics (Vietnamese among them) → their lower-case base letter, built
/// once with Foundation's folding so headings fold without it.
private let latinBase: [Unicode.Scalar: String] = {
    var table: [Unicode.Scalar: String] = [:]
    for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
        for value in range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = String(scalar).lowercased().replacingOccurrences(of: "đ", with: "d")
                .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            table[scalar] = folded
        }
    }
    return table
}()
