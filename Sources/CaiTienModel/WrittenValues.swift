import Foundation

// Values in Vietnamese (SPEC §1): wherever a key takes one of a fixed set of values, the clerk
// may write the English code, one of the Vietnamese words below, or the label the pages show
// (the built-in theme's, in Vietnamese or English), matched after NFC without regard to case,
// surrounding spaces or a final period. Records are read into the codes.

/// How a written value is compared: NFC, trimmed, lower case, one space between words, no final period.
public func foldValue(_ text: String) -> String {
    var t = text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.precomposedStringWithCanonicalMapping
    t = t.lowercased()
    var words = t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    if words.hasSuffix(".") { words.removeLast() }
    return words.trimmingCharacters(in: .whitespaces)
}

/// `foldValue` without the marks of Vietnamese letters (`có hiệu lực` → `co hieu luc`, `đ` → `d`):
/// to find what a clerk meant, not to accept it.
public func foldMarks(_ text: String) -> String {
    foldValue(text).decomposedStringWithCanonicalMapping.unicodeScalars
        .filter { !(0x0300...0x036F).contains($0.value) }
        .map { $0 == "đ" ? "d" : String($0) }.joined()
}

/// The words accepted for the values of one key, and the first of them, shown in messages and
/// in the comments `caitien new` writes.
public struct WrittenValues<Value: Hashable & Sendable>: Sendable {
    /// Folded word → value.
    private let lookup: [String: Value]
    /// Each value with its Vietnamese words, the preferred first, in the order of the values.
    public let vietnamese: [(value: Value, words: [String])]

    /// - Parameters:
    ///   - codes: each value's code, accepted as written in the records.
    ///   - vietnamese: each value's Vietnamese words, the preferred first (SPEC §1's table).
    ///   - labels: the labels the pages show for each value.
    public init(codes: [(Value, String)], vietnamese: [(Value, [String])], labels: [(Value, String)] = []) {
        var lookup: [String: Value] = [:]
        for (value, code) in codes { lookup[foldValue(code)] = value }
        for (value, words) in vietnamese { for word in words { lookup[foldValue(word)] = value } }
        for (value, label) in labels {
            lookup[foldValue(label)] = value
            // "Họp xem xét của lãnh đạo (5.8.1)" is accepted without its clause too.
            if let open = label.range(of: " ("), label.hasSuffix(")") { lookup[foldValue(String(label[..<open.lowerBound]))] = value }
        }
        self.lookup = lookup
        self.vietnamese = vietnamese.map { (value: $0.0, words: $0.1) }
        // Vietnamese first: a clerk who writes Vietnamese is shown Vietnamese.
        spellings = vietnamese.flatMap { v in v.1.map { ($0, v.0) } } + codes.map { ($1, $0) } + labels.map { ($1, $0) }
    }

    /// Every accepted spelling as written in the table, Vietnamese words first.
    private let spellings: [(String, Value)]

    /// The accepted spelling nearest to `written`, compared without the marks of Vietnamese
    /// letters, when near enough to be a slip: "bạn muốn viết `có hiệu lực`?".
    public func nearest(_ written: String) -> String? {
        let target = Array(foldMarks(written))
        guard !target.isEmpty, target.count <= 64 else { return nil }
        var best: (spelling: String, distance: Int)?
        for (spelling, _) in spellings {
            let d = editDistance(target, Array(foldMarks(spelling)))
            if best == nil || d < best!.distance { best = (spelling, d) }
        }
        guard let best, best.distance <= max(2, target.count / 3) else { return nil }
        return best.spelling
    }

    public func value(_ written: String) -> Value? { lookup[foldValue(written)] }

    /// The preferred Vietnamese word of a value.
    public func word(_ value: Value) -> String? { vietnamese.first { $0.value == value }?.words.first }
}

/// Levenshtein distance.
public func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// A key's value from a fixed set, written as a code or in Vietnamese.
public protocol WrittenValue: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    static var written: WrittenValues<Self> { get }
}

extension WrittenValue {
    /// The value a clerk wrote: the code itself (the common case, checked first), a Vietnamese
    /// word, or a page label.
    public init?(written text: String) {
        if let value = Self(rawValue: text) { self = value } else if let value = Self.written.value(text) { self = value } else { return nil }
    }

    /// The preferred Vietnamese word, for messages and comments (the code when there is none).
    public var vietnamese: String { Self.written.word(self) ?? rawValue }

    static func table(_ vietnamese: [(Self, [String])], labels: [(Self, String)]) -> WrittenValues<Self> {
        WrittenValues(codes: allCases.map { ($0, $0.rawValue) }, vietnamese: vietnamese, labels: labels)
    }
}

/// Booleans (`action_needed`, `confidential`): `có`, `đúng` / `không`, `sai`, as well as
/// `true`, `yes` / `false`, `no` and the pages' `Có`/`Yes`, `Không`/`No`.
public let writtenBooleans = WrittenValues<Bool>(
    codes: [(true, "true"), (true, "yes"), (false, "false"), (false, "no")],
    vietnamese: [(true, ["có", "đúng"]), (false, ["không", "sai"])])

extension Kind: WrittenValue {
    public static let written = table([
        (.nonconformity, ["sự không phù hợp", "không phù hợp", "KPH"]),
        (.potential, ["KPH tiềm ẩn", "tiềm ẩn"]),
        (.improvement, ["cải tiến", "đề xuất cải tiến"]),
    ], labels: [(.nonconformity, "Nonconformity"), (.potential, "Potential nonconformity"), (.improvement, "Improvement")])
}

extension Severity: WrittenValue {
    public static let written = table([(.minor, ["nhẹ"]), (.major, ["nghiêm trọng"])],
                                      labels: [(.minor, "Minor"), (.major, "Major")])
}

extension Disposition: WrittenValue {
    public static let written = table([
        (.rework, ["làm lại"]), (.repair, ["sửa chữa", "khắc phục", "sửa chữa/khắc phục"]),
        (.accept, ["chấp nhận"]), (.reject, ["loại bỏ"]),
    ], labels: [(.rework, "Rework"), (.repair, "Repair/correct"), (.accept, "Accept"), (.reject, "Reject")])
}

extension VerificationResult: WrittenValue {
    public static let written = table([
        (.effective, ["có hiệu lực", "đạt"]),
        (.ineffective, ["không có hiệu lực", "không hiệu lực", "không đạt"]),
    ], labels: [(.effective, "Effective"), (.ineffective, "Ineffective")])
}

extension Source: WrittenValue {
    /// The sources have no words of their own in SPEC §1: their page labels, in both languages.
    public static let written = table([
        (.nonconformingActivity, ["hoạt động không phù hợp"]), (.feedback, ["phản hồi, khiếu nại"]),
        (.internalAudit, ["đánh giá nội bộ"]), (.previousAction, ["kết quả HĐKP trước đó"]),
        (.managementReview, ["xem xét của lãnh đạo"]), (.dataAnalysis, ["phân tích dữ liệu"]),
        (.processMonitoring, ["giám sát quá trình"]), (.processResults, ["kết quả quá trình"]),
        (.conformityCheck, ["kiểm tra sự phù hợp"]), (.qmsRecords, ["hồ sơ HTQLCL"]), (.riskAnalysis, ["phân tích rủi ro"]),
        (.stakeholder, ["các bên liên quan"]), (.lessonsLearned, ["bài học kinh nghiệm"]), (.other, ["khác"]),
    ], labels: [
        (.nonconformingActivity, "Nonconforming activity"), (.feedback, "Feedback, complaints"), (.internalAudit, "Internal audit"),
        (.previousAction, "Earlier corrective action"), (.managementReview, "Management review"), (.dataAnalysis, "Data analysis"),
        (.processMonitoring, "Process monitoring"), (.processResults, "Process results"), (.conformityCheck, "Conformity check"),
        (.qmsRecords, "QMS records"), (.riskAnalysis, "Risk analysis"), (.stakeholder, "Interested parties"),
        (.lessonsLearned, "Lessons learned"), (.other, "Other"),
    ])
}

extension Review.Format: WrittenValue {
    public static let written = table([(.meeting, ["họp", "cuộc họp"]), (.report, ["báo cáo"])], labels: [
        (.meeting, "Họp xem xét của lãnh đạo (5.8.1)"), (.report, "Báo cáo và thông báo kết quả (5.8.2)"),
        (.meeting, "Management review meeting (5.8.1)"), (.report, "Report and notice of results (5.8.2)"),
    ])
}

extension Review.Decision.DecisionType: WrittenValue {
    public static let written = table([
        (.improvement, ["cải tiến", "cơ hội cải tiến"]), (.qmsChange, ["thay đổi HTQLCL"]), (.resources, ["nguồn lực", "nhu cầu nguồn lực"]),
    ], labels: [(.improvement, "Improvement"), (.qmsChange, "QMS change"), (.resources, "Resources")])
}

extension ObjectivePlan.Direction: WrittenValue {
    public static let written = table([(.atLeast, ["tối thiểu", "ít nhất"]), (.atMost, ["tối đa", "không quá"])],
                                      labels: [(.atLeast, "at least"), (.atMost, "at most")])
}
