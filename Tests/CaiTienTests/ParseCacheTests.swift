@testable import CaiTienContent
import CaiTienModel
@testable import CaiTienSite
import Foundation
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

/// The parse cache: a request read back from it is the request parsed from its file, field for
/// field; anything unexpected in the cache file is a miss, never a wrong record.
@Suite struct ParseCacheTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Every stored property, recursively: a field the codec forgets shows up as a difference.
    func dumped(_ r: Request) -> String {
        var text = ""
        dump(r, to: &text)
        return text
    }

    /// Every key a request can have, CRLF and NFD text included.
    static let fullRequest = standardSite + """

    -- tickets/2025/PYC-2025-090.md --
    ---
    title: "Ho\u{0302}\u{0300} so\u{031b}\u{0309} đa\u{0306}ng ky\u{0301} ke\u{0302}\u{0301}t ho\u{0302}n tra\u{0309} tre\u{0303} ha\u{0323}n"
    kind: nonconformity
    source: feedback
    unit: tthcc
    category: "  Trả kết quả TRỄ hạn "
    severity: major
    opened: 03/02/2025
    reported_by: Lê Văn C
    disposition: rework
    action_needed: true
    decided_by: Trần Văn Bình
    decided_on: 04/02/2025
    assigned_to: Nguyễn Thị Hoa
    assigned_on: 2025-02-05
    approved_by: Trần Văn Bình
    approved_on: 2025-02-06
    due: 2025-03-10
    actions:
      - what: Rà soát quy trình tiếp nhận
        owner: Nguyễn Thị Hoa
        due: 2025-02-20
        done: 2025-02-18
      - what: Tập huấn cán bộ một cửa
    progress:
      - date: 2025-02-28
        note: Đã rà soát 40 hồ sơ
    changes:
      - date: 2025-03-01
        note: Lùi hạn tập huấn
    completed_on: 2025-03-05
    verified_on: 2025-03-12
    verified_by: Phạm Thu
    result: ineffective
    closed: 2025-03-15
    follow_up: PYC-2025-091
    confidential: true
    x_so_ho_so: 40
    x_ghi_chu: "Theo phản ánh của công dân"
    ---
    ## Nội dung yêu cầu\r
    Hồ sơ trễ **3 ngày**.\r

    ## Nguyên nhân và biện pháp
    - Thiếu người
    - [Quy định](https://example.gov.vn/qd)

    ## Kết quả kiểm tra xác nhận
    Chưa đạt.
    -- tickets/2025/PYC-2025-091.md --
    ---
    title: Theo dõi sau kiểm tra
    kind: improvement
    source: previous_action
    unit: van-phong
    opened: 2025-03-15
    reported_by: Phạm Thu
    review: 2025-03-18
    cancelled: 2025-03-18
    cancel_reason: Gộp vào yêu cầu khác
    ---
    -- reviews/2025-03-18.md --
    ---
    date: 2025-03-18
    format: report
    approved_by: Trần Văn Bình
    approved_on: 2025-03-18
    inputs:
      previous_actions: Đã thực hiện
    ---
    """

    /// The sample ward's requests, the site fixture's and one with every key.
    func sampleRequests() -> [Request] {
        let sample = checkSite(content: ParseCacheTests.repository + "/content", today: Day(parsing: "2026-11-25"), history: false)
        let fixture = Fixture(siteFixture).check(today: "2025-03-20")
        let full = Fixture(ParseCacheTests.fullRequest).check(today: "2025-03-20")
        return full.content.requests + sample.content.requests + fixture.content.requests
    }

    @Test func everyFieldSurvivesTheRoundTrip() throws {
        let requests = sampleRequests()
        #expect(requests.count > 40)
        // The sample exercises the optional parts, so the comparison covers them.
        #expect(requests.contains { $0.extra.count == 2 })
        #expect(requests.contains { $0.cancelReason != nil && $0.review != nil })
        #expect(requests.contains { $0.disposition != nil && $0.decidedBy != nil && $0.approvedBy != nil })
        #expect(requests.contains { !$0.actions.isEmpty && !$0.progress.isEmpty && !$0.changes.isEmpty })
        #expect(requests.contains { $0.confidential })
        #expect(requests.contains { $0.result == .ineffective && $0.followUp != nil })
        for request in requests {
            var w = ByteWriter()
            RequestCodec.encode(request, into: &w)
            let decoded = w.bytes.withUnsafeBytes { raw -> Request? in
                var r = ByteReader(raw)
                let q = RequestCodec.decode(&r)
                return r.isAtEnd ? q : nil
            }
            let back = try #require(decoded, "\(request.id) does not decode")
            #expect(dumped(back) == dumped(request), "\(request.id)")
        }
    }

    @Test func truncatedRecordsDoNotDecode() {
        let request = sampleRequests()[0]
        var w = ByteWriter()
        RequestCodec.encode(request, into: &w)
        // Every prefix is damage: nil, never a crash or a shorter request.
        for length in stride(from: 0, to: w.bytes.count, by: 7) {
            let decoded = Array(w.bytes[..<length]).withUnsafeBytes { raw -> Request? in
                var r = ByteReader(raw)
                return RequestCodec.decode(&r)
            }
            #expect(decoded == nil, "prefix of \(length) bytes")
        }
    }

    @Test func damagedRecordsDecodeToNothingOrToAValidRequest() {
        // A cache is read back by this process only, but a damaged one must never crash it.
        var generator = SplitMix(seed: 2025)
        for request in sampleRequests().prefix(10) {
            var w = ByteWriter()
            RequestCodec.encode(request, into: &w)
            for _ in 0..<300 {
                var bytes = w.bytes
                for _ in 0..<Int(generator.next() % 4 + 1) {
                    let i = Int(generator.next() % UInt64(bytes.count))
                    bytes[i] = UInt8(truncatingIfNeeded: generator.next())
                }
                // Never a crash; and what still decodes is a request the codec reads back the same.
                guard let decoded = bytes.withUnsafeBytes({ raw -> Request? in
                    var r = ByteReader(raw)
                    return RequestCodec.decode(&r)
                }) else { continue }
                var again = ByteWriter()
                RequestCodec.encode(decoded, into: &again)
                let back = again.bytes.withUnsafeBytes { raw -> Request? in
                    var r = ByteReader(raw)
                    return RequestCodec.decode(&r)
                }
                #expect(back.map(dumped) == dumped(decoded))
            }
        }
    }

    @Test func theDigestSeesEveryByte() {
        func hash(_ bytes: [UInt8]) -> Digest { Digest(bytes) }
        let text = Array("---\ntitle: Hồ sơ trễ hạn\nunit: tthcc\nopened: 03/02/2025\n---\nNội dung".utf8)
        var seen: Set<Digest> = [hash(text)]
        for i in text.indices {
            for bit in [0, 7] as [UInt8] {
                var changed = text
                changed[i] ^= 1 << bit
                seen.insert(hash(changed))
            }
        }
        // Every one-bit change gives its own hash; so do a byte more or less, and moved text.
        #expect(seen.count == 1 + 2 * text.count)
        #expect(hash(text + [0]) != hash(text))
        #expect(hash(Array(text.dropLast())) != hash(text))
        var a = DigestBuilder("t"), b = DigestBuilder("t")
        a.add("PYC-2025-01"); a.add("1")
        b.add("PYC-2025-0"); b.add("11")
        #expect(a.digest != b.digest)
        // The same path and bytes file a request under the same key; another path does not.
        #expect(ParseCache.key(path: "a.md", bytes: hash(text)) == ParseCache.key(path: "a.md", bytes: hash(text)))
        #expect(ParseCache.key(path: "a.md", bytes: hash(text)) != ParseCache.key(path: "b.md", bytes: hash(text)))
    }

    /// Requests filed under a key made from their path and id (the tests have no file bytes).
    func keyed(_ requests: [Request]) -> [(key: Digest, request: Request)] {
        requests.map { (ParseCache.key(path: $0.path, bytes: Digest(Array($0.id.utf8))), $0) }
    }

    @Test func lookupsMatchKeyPathAndIdentity() throws {
        let folder = try temporaryFolder("caitien-cache")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let requests = sampleRequests()
        let path = folder + "/.public.parsed"
        try ParseCache.write(keyed(requests), to: path, identity: Digest(high: 0, low: 42))

        let cache = try #require(ParseCache.open(path, identity: Digest(high: 0, low: 42)))
        #expect(cache.count == requests.count)
        for (key, request) in keyed(requests) {
            let found = try #require(cache.request(key: key, path: request.path))
            #expect(dumped(found) == dumped(request))
        }
        // Another path under the same key, an unknown key: misses.
        #expect(cache.request(key: keyed(requests)[0].key, path: "content/tickets/other.md") == nil)
        #expect(cache.request(key: Digest(high: 1, low: 1), path: requests[0].path) == nil)
        // Written by another executable: not opened.
        #expect(ParseCache.open(path, identity: Digest(high: 0, low: 43)) == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"))
    }

    @Test func damagedCacheFilesAreNotOpened() throws {
        let folder = try temporaryFolder("caitien-cache")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/.public.parsed"
        try ParseCache.write(keyed(Array(sampleRequests().prefix(5))), to: path, identity: Digest(high: 0, low: 7))
        let whole = try #require(FileManager.default.contents(atPath: path))
        #expect(ParseCache.open(path, identity: Digest(high: 0, low: 7)) != nil)

        // Cut short, empty, garbage, a folder, a missing file.
        try whole.prefix(whole.count - 1).write(to: URL(fileURLWithPath: path))
        #expect(ParseCache.open(path, identity: Digest(high: 0, low: 7)) == nil)
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(ParseCache.open(path, identity: Digest(high: 0, low: 7)) == nil)
        try Data(repeating: 0xAB, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(ParseCache.open(path, identity: Digest(high: 0, low: 7)) == nil)
        try FileManager.default.removeItem(atPath: path)
        #expect(ParseCache.open(path, identity: Digest(high: 0, low: 7)) == nil)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(ParseCache.open(path, identity: Digest(high: 0, low: 7)) == nil)
        try FileManager.default.removeItem(atPath: path)

        // A record's bytes damaged inside an intact index: that lookup misses.
        var damaged = whole
        damaged[20] ^= 0xFF
        damaged[21] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: path))
        let cache = try #require(ParseCache.open(path, identity: Digest(high: 0, low: 7)))
        let (key, first) = keyed(sampleRequests())[0]
        let found = cache.request(key: key, path: first.path)
        #expect(found == nil || dumped(found!) == dumped(first))
    }

    func build(_ folder: String, today: String = "2025-03-20") throws -> CheckedSite {
        let result = try buildFolder(folder, today: today)
        #expect(result.written != nil)
        return result.site
    }

    func openCache(_ folder: String) -> ParseCache? { ParseCache.open(folder + "/.public.parsed", identity: toolIdentity) }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func rebuildsTakeUnchangedRequestsFromTheCacheAndParseEditedOnes() throws {
        let folder = try temporaryFolder("caitien-cache")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)

        let first = try build(folder)
        #expect(first.cachedRequests == 0)
        let cached = try #require(openCache(folder))
        // Every request that parsed without a diagnostic is cached.
        #expect(cached.count == first.parsed.cleanRequests.count)
        #expect(cached.count >= first.content.requests.count - 1)
        let firstPages = try snapshot(folder + "/public")

        // Same content: the same site, every cached request looked up.
        let second = try build(folder)
        #expect(second.cachedRequests == cached.count)
        #expect(try snapshot(folder + "/public") == firstPages)
        #expect(second.content.requests.map(dumped) == first.content.requests.map(dumped))

        // An edited request is parsed again: its new title is on its page and in the cache.
        let path = folder + "/content/tickets/2025/PYC-2025-001.md"
        let edited = try read(path).replacingOccurrences(of: "Hồ sơ khai sinh trả kết quả trễ hạn", with: "Hồ sơ khai tử trả kết quả trễ hạn")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let third = try build(folder)
        #expect(third.content.requests.first { $0.id == "PYC-2025-001" }?.title == "Hồ sơ khai tử trả kết quả trễ hạn")
        #expect(try read(folder + "/public/tickets/PYC-2025-001/index.html").contains("Hồ sơ khai tử"))
        let recached = try #require(openCache(folder))
        let request = try #require(third.content.requests.first { $0.id == "PYC-2025-001" })
        let key = try #require(third.fileKeys[request.path])
        #expect(recached.request(key: key, path: request.path)?.title == "Hồ sơ khai tử trả kết quả trễ hạn")

        // The cache changes nothing: a build without it gives the same pages.
        let withCache = try snapshot(folder + "/public")
        try FileManager.default.removeItem(atPath: folder + "/.public.parsed")
        _ = try build(folder)
        #expect(try snapshot(folder + "/public") == withCache)
    }

    @Test func anEditMadeInvalidIsReportedNotServedFromTheCache() throws {
        let folder = try temporaryFolder("caitien-cache")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        _ = try build(folder)
        let path = folder + "/content/tickets/2025/PYC-2025-001.md"
        try read(path).replacingOccurrences(of: "kind: nonconformity", with: "kind: complaint").write(toFile: path, atomically: true, encoding: .utf8)
        let site = try buildFolder(folder, today: "2025-03-20").site
        #expect(site.diagnostics.contains { $0.path.hasSuffix("PYC-2025-001.md") && $0.severity == .error })
        #expect(!site.content.requests.contains { $0.id == "PYC-2025-001" })
    }
}

/// A small deterministic generator, so a failing case can be run again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
