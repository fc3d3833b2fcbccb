import CaiTienFetch
import CaiTienModel
@testable import CaiTienRollup
import FlyingFox
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A ward's site on 127.0.0.1, served by the test: data.json at /ninh-hoa/, a 404 at /gone/,
/// garbage at /garbage/, a server error that passes on the second try at /flaky/.
private actor WardServer {
    let server: HTTPServer
    let task: Task<Void, Error>
    var flakyTries = 0

    init(dataJSON: [UInt8]) async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        self.server = server
        await server.appendRoute("GET /ninh-hoa/data.json") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data(dataJSON))
        }
        await server.appendRoute("GET /garbage/data.json") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data("<html><body>Trang bảo trì</body></html>".utf8))
        }
        task = Task { try await server.run() }
        try await server.waitUntilListening()
    }

    func setUpFlaky(_ dataJSON: [UInt8]) async {
        await server.appendRoute("GET /flaky/data.json") { [weak self] _ in
            let tries = await self?.countFlaky() ?? 0
            return tries == 1 ? HTTPResponse(statusCode: .serviceUnavailable) : HTTPResponse(statusCode: .ok, body: Data(dataJSON))
        }
    }

    func countFlaky() -> Int { flakyTries += 1; return flakyTries }

    var port: UInt16 {
        get async {
            guard case .ip4(_, let port) = await server.listeningAddress else { return 0 }
            return port
        }
    }

    func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }
}

/// A port on 127.0.0.1 that accepts connections and never answers: a server that hangs.
private struct SilentPort {
    let socket: Int32
    let port: UInt16

    init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(bound == 0)
        #expect(listen(fd, 16) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(socket) }
}

@Suite(.serialized) struct RollupFetchTests {
    static let ward = #"{"schema":1,"organisation":"UBND phường Ninh Hòa","base_url":"/","commit":"5d46647e3ac2","today":"2025-03-20","kpis":{"tickets":{"open":5,"overdue":["PYC-2025-001","PYC-2025-004"]}},"tickets":[{"id":"PYC-2025-001","title":"Hồ sơ khai sinh trả kết quả trễ hạn"}]}"#

    @Test func wardsFetchedOverHTTPAreRowsLikeLocalOnesAndEachFailureIsARow() async throws {
        let server = try await WardServer(dataJSON: Array(Self.ward.utf8))
        let silent = try SilentPort()
        defer { silent.close() }
        let port = await server.port
        let base = "http://127.0.0.1:\(port)"
        let sources = [RollupSource(base + "/ninh-hoa/"), RollupSource(base + "/gone", name: "UBND xã Đắk Ơ"), RollupSource(base + "/garbage"),
                       RollupSource("http://127.0.0.1:\(silent.port)/hang/"), RollupSource("http://127.0.0.1:1/closed/")]
        let started = Date()
        let rows = try await withHTTPWardFetcher(timeout: 0.5, retries: 1, pause: 0.05) { fetcher in
            await readWards(sources, fetcher: fetcher)
        }
        let elapsed = Date().timeIntervalSince(started)
        await server.stop()
        let figures = try #require(rows[0].figures)
        #expect(figures.organisation == "UBND phường Ninh Hòa" && figures.open == 5 && figures.overdue == 2)
        func problem(_ i: Int) -> String { rows[i].result.problemText }
        // A 404 is not tried again: the address is wrong, not the moment.
        #expect(problem(1) == "cannot fetch \(base)/gone/data.json: the server answered 404 Not Found")
        #expect(problem(2) == "not a data.json: it does not start with {")
        #expect(problem(3) == "cannot fetch http://127.0.0.1:\(silent.port)/hang/data.json: no answer within 0.5 s (2 tries)")
        #expect(problem(4).hasPrefix("cannot fetch http://127.0.0.1:1/closed/data.json: "))
        // Sources are fetched side by side: the hanging one does not hold the others up.
        #expect(elapsed < 5, "\(elapsed)")
        // The page links a fetched ward to the address it was fetched from (its base_url is "/").
        let rollup = summarise(rows, today: Day(parsing: "2025-03-21")!)
        let html = rollupPage(rollup, strings: .vi)
        #expect(html.contains("<a href=\"\(base)/ninh-hoa/\">UBND phường Ninh Hòa</a>"))
        #expect(!html.contains("Hồ sơ khai sinh"))
        #expect(rollup.totals.unreachable == 4)
    }

    @Test func aServerErrorIsTriedAgain() async throws {
        let server = try await WardServer(dataJSON: Array(Self.ward.utf8))
        await server.setUpFlaky(Array(Self.ward.utf8))
        let url = "http://127.0.0.1:\(await server.port)/flaky/"
        let result = try await withHTTPWardFetcher(timeout: 2, retries: 2, pause: 0.05) { fetcher in
            await readWard(RollupSource(url), fetcher: fetcher)
        }
        await server.stop()
        #expect(try result.get().open == 5)
        #expect(await server.flakyTries == 2)
    }
}
