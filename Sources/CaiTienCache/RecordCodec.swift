import CaiTienContent
import CaiTienModel

/// A compact binary form of a parsed request, for the parse cache (ParseCache.swift).
/// Every stored property of `Request` is written; a test round-trips the sample content and
/// compares the full dump, so a new field that is not encoded fails it.
enum RequestCodec {
    static func encode(_ r: Request, into w: inout ByteWriter) {
        w.string(r.id); w.string(r.path); w.string(r.title)
        w.string(r.kind.rawValue); w.string(r.source.rawValue); w.string(r.unit)
        w.optionalString(r.category)
        w.string(r.severity.rawValue)
        w.day(r.opened)
        w.string(r.reportedBy)
        w.optionalString(r.disposition?.rawValue)
        w.optionalBool(r.actionNeeded)
        w.optionalString(r.decidedBy); w.optionalDay(r.decidedOn)
        w.optionalString(r.assignedTo); w.optionalDay(r.assignedOn)
        w.optionalString(r.approvedBy); w.optionalDay(r.approvedOn)
        w.optionalDay(r.due)
        w.count(r.actions.count)
        for a in r.actions {
            w.string(a.what); w.optionalString(a.owner); w.optionalDay(a.due); w.optionalDay(a.done); w.int(a.line)
        }
        for notes in [r.progress, r.changes] {
            w.count(notes.count)
            for n in notes { w.day(n.date); w.string(n.note); w.int(n.line) }
        }
        w.optionalDay(r.completedOn)
        w.optionalDay(r.verifiedOn); w.optionalString(r.verifiedBy)
        w.optionalString(r.result?.rawValue)
        w.optionalDay(r.closed)
        w.optionalString(r.followUp); w.optionalString(r.review)
        w.optionalString(r.audit); w.optionalString(r.inspection)
        w.optionalDay(r.cancelled); w.optionalString(r.cancelReason)
        w.bool(r.confidential)
        w.count(r.extra.count)
        for (key, value) in r.extra { w.string(key); w.string(value) }
        w.string(r.boxes.request); w.string(r.boxes.causeAndActions); w.string(r.boxes.verification)
        let packed = r.positions.packedValues
        w.count(packed.count)
        for p in packed { w.u64(p) }
    }

    /// Nil when the bytes are not a request this version wrote (the caller parses the file).
    static func decode(_ r: inout ByteReader) -> Request? {
        guard let id = r.string(), let path = r.string(), let title = r.string(),
              let kind = r.string().flatMap(Kind.init(rawValue:)), let source = r.string().flatMap(Source.init(rawValue:)),
              let unit = r.string(), let category = r.optionalString(),
              let severity = r.string().flatMap(Severity.init(rawValue:)),
              let opened = r.day(), let reportedBy = r.string()
        else { return nil }
        var q = Request(id: id, path: path, title: title, kind: kind, source: source, unit: unit, opened: opened, reportedBy: reportedBy)
        q.category = category
        q.severity = severity
        guard let disposition = r.optionalString(), let actionNeeded = r.optionalBool(),
              let decidedBy = r.optionalString(), let decidedOn = r.optionalDay(),
              let assignedTo = r.optionalString(), let assignedOn = r.optionalDay(),
              let approvedBy = r.optionalString(), let approvedOn = r.optionalDay(),
              let due = r.optionalDay(), let actionCount = r.count()
        else { return nil }
        if let disposition { guard let d = Disposition(rawValue: disposition) else { return nil }; q.disposition = d }
        q.actionNeeded = actionNeeded
        q.decidedBy = decidedBy; q.decidedOn = decidedOn
        q.assignedTo = assignedTo; q.assignedOn = assignedOn
        q.approvedBy = approvedBy; q.approvedOn = approvedOn
        q.due = due
        q.actions.reserveCapacity(actionCount)
        for _ in 0..<actionCount {
            guard let what = r.string(), let owner = r.optionalString(), let due = r.optionalDay(),
                  let done = r.optionalDay(), let line = r.int() else { return nil }
            q.actions.append(Action(what: what, owner: owner, due: due, done: done, line: line))
        }
        var lists: [[Note]] = []
        for _ in 0..<2 {
            guard let count = r.count() else { return nil }
            var notes: [Note] = []
            notes.reserveCapacity(count)
            for _ in 0..<count {
                guard let date = r.day(), let note = r.string(), let line = r.int() else { return nil }
                notes.append(Note(date: date, note: note, line: line))
            }
            lists.append(notes)
        }
        q.progress = lists[0]; q.changes = lists[1]
        guard let completedOn = r.optionalDay(), let verifiedOn = r.optionalDay(), let verifiedBy = r.optionalString(),
              let result = r.optionalString(), let closed = r.optionalDay(),
              let followUp = r.optionalString(), let review = r.optionalString(),
              let audit = r.optionalString(), let inspection = r.optionalString(),
              let cancelled = r.optionalDay(), let cancelReason = r.optionalString(),
              let confidential = r.bool(), let extraCount = r.count()
        else { return nil }
        if let result { guard let v = VerificationResult(rawValue: result) else { return nil }; q.result = v }
        q.completedOn = completedOn; q.verifiedOn = verifiedOn; q.verifiedBy = verifiedBy
        q.closed = closed; q.followUp = followUp; q.review = review
        q.audit = audit; q.inspection = inspection
        q.cancelled = cancelled; q.cancelReason = cancelReason; q.confidential = confidential
        for _ in 0..<extraCount {
            guard let key = r.string(), let value = r.string() else { return nil }
            q.extra.append((key, value))
        }
        guard let box1 = r.string(), let box2 = r.string(), let box3 = r.string(), let positionCount = r.count(),
              positionCount == requestKeyNames.count else { return nil }
        q.boxes = Boxes(request: box1, causeAndActions: box2, verification: box3)
        var packed: [UInt64] = []
        packed.reserveCapacity(positionCount)
        for _ in 0..<positionCount {
            guard let p = r.u64() else { return nil }
            packed.append(p)
        }
        q.positions = Positions(keys: requestKeyNames, packed: packed)
        return q
    }
}

/// Appends little-endian integers, LEB128 lengths and UTF-8 strings.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    mutating func count(_ n: Int) { varint(UInt64(n)) }

    /// Zig-zag, so small negative numbers stay small.
    mutating func int(_ v: Int) { varint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func day(_ d: Day) { int(d.ordinal) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) { bytes.append(value == nil ? 0 : 1); if let value { string(value) } }
    mutating func optionalDay(_ value: Day?) { bytes.append(value == nil ? 0 : 1); if let value { day(value) } }
    mutating func optionalBool(_ value: Bool?) { bytes.append(value == nil ? 0 : 1); if let value { bool(value) } }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and gives nil past the end or
/// on a malformed value, so a damaged cache is parsed again, never trusted.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var isAtEnd: Bool { offset == base.count }

    mutating func u64() -> UInt64? {
        guard base.count - offset >= 8 else { return nil }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: v)
    }

    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < base.count && shift < 64 {
            let byte = base[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    mutating func int() -> Int? {
        guard let z = varint() else { return nil }
        return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }

    /// A count of items that follow, each at least a byte: larger than what is left is damage.
    mutating func count() -> Int? {
        guard let n = varint(), n <= UInt64(base.count - offset) else { return nil }
        return Int(n)
    }

    mutating func bool() -> Bool? {
        guard offset < base.count, base[offset] <= 1 else { return nil }
        defer { offset += 1 }
        return base[offset] == 1
    }

    mutating func day() -> Day? {
        guard let n = int(), (-719_162...2_932_896).contains(n) else { return nil }
        return Day(ordinal: n)
    }

    mutating func string() -> String? {
        guard let n = count() else { return nil }
        let slice = UnsafeRawBufferPointer(rebasing: base[offset..<offset + n])
        offset += n
        return String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// Whether an optional value follows; nil for damage.
    private mutating func present() -> Bool? {
        guard offset < base.count, base[offset] <= 1 else { return nil }
        offset += 1
        return base[offset - 1] == 1
    }

    // `.some(nil)` for an absent value, nil for damage.
    mutating func optionalString() -> String?? {
        guard let present = present() else { return nil }
        return present ? string().map { .some($0) } : .some(nil)
    }
    mutating func optionalDay() -> Day?? {
        guard let present = present() else { return nil }
        return present ? day().map { .some($0) } : .some(nil)
    }
    mutating func optionalBool() -> Bool?? {
        guard let present = present() else { return nil }
        return present ? bool().map { .some($0) } : .some(nil)
    }
}
