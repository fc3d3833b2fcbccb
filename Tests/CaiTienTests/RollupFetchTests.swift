import CaiTienFetch
import CaiTienModel
@testable import CaiTienRollup
import Dispatch
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A ward's site on 127.0.0.1, served by the test: data.json at /ninh-hoa/, a 404 at /gone/,
/// garbage at /garbage/, a server error that passes on the second try at /flaky/. One request a
/// connection, answered on a thread of its own, so the fetcher meets a real socket.
private final class WardServer: @unchecked Sendable {
    private let socket: Int32
    let port: UInt16
    private let dataJSON: [UInt8]
    private let lock = NSLock()
    private var tries = 0
    private let stopped = DispatchSemaphore(value: 0)
    private let pairArrived = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))

    init(dataJSON: [UInt8]) throws {
        self.dataJSON = dataJSON
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in acceptLoop() }.start()
    }

    var flakyTries: Int { lock.lock(); defer { lock.unlock() }; return tries }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 { stopped.signal(); return }
            Thread { [self] in answer(client) }.start()
        }
    }

    private func answer(_ client: Int32) {
        defer { _ = Glibc.close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { return }
            request += buffer[0..<n]
        }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
        let path = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        let (status, body): (String, [UInt8])
        switch path {
        case "/ninh-hoa/data.json": (status, body) = ("200 OK", dataJSON)
        case "/garbage/data.json": (status, body) = ("200 OK", Array("<html><body>Trang bảo trì</body></html>".utf8))
        case "/flaky/data.json":
            lock.lock(); tries += 1; let first = tries == 1; lock.unlock()
            (status, body) = first ? ("503 Service Unavailable", []) : ("200 OK", dataJSON)
        case "/pair-a/data.json", "/pair-b/data.json":
            // Each half of the pair is answered only once the other has arrived: two fetches
            // made one after the other would never both succeed.
            let (mine, other) = path.hasPrefix("/pair-a") ? pairArrived : (pairArrived.1, pairArrived.0)
            mine.signal()
            let met = other.wait(timeout: .now() + 20) == .success
            other.signal()
            (status, body) = met ? ("200 OK", dataJSON) : ("504 Gateway Timeout", [])
        default: (status, body) = ("404 Not Found", Array("not found".utf8))
        }
        let head = "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        _ = Glibc.close(socket)
        _ = stopped.wait(timeout: .now() + 2)
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
        let server = try WardServer(dataJSON: Array(Self.ward.utf8))
        let silent = try SilentPort()
        defer { silent.close() }
        let port = server.port
        let base = "http://127.0.0.1:\(port)"
        let sources = [RollupSource(base + "/ninh-hoa/"), RollupSource(base + "/gone", name: "UBND xã Đắk Ơ"), RollupSource(base + "/garbage"),
                       RollupSource("http://127.0.0.1:\(silent.port)/hang/"), RollupSource("http://127.0.0.1:1/closed/")]
        let rows = try await withHTTPWardFetcher(timeout: 3, retries: 1, pause: 0.05) { fetcher in
            await readWards(sources, fetcher: fetcher)
        }
        server.stop()
        let figures = try #require(rows[0].figures)
        #expect(figures.organisation == "UBND phường Ninh Hòa" && figures.open == 5 && figures.overdue == 2)
        func problem(_ i: Int) -> String { rows[i].result.problemText }
        // A 404 is not tried again: the address is wrong, not the moment.
        #expect(problem(1) == "cannot fetch \(base)/gone/data.json: the server answered 404 Not Found")
        #expect(problem(2) == "not a data.json: it does not start with {")
        #expect(problem(3) == "cannot fetch http://127.0.0.1:\(silent.port)/hang/data.json: no answer within 3 s (2 tries)")
        #expect(problem(4).hasPrefix("cannot fetch http://127.0.0.1:1/closed/data.json: "))
        // The page links a fetched ward to the address it was fetched from (its base_url is "/").
        let rollup = summarise(rows, today: Day(parsing: "2025-03-21")!)
        let html = rollupPage(rollup, strings: .vi)
        #expect(html.contains("<a href=\"\(base)/ninh-hoa/\">UBND phường Ninh Hòa</a>"))
        #expect(!html.contains("Hồ sơ khai sinh"))
        #expect(rollup.totals.unreachable == 4)
    }

    @Test func wardsAreFetchedSideBySide() async throws {
        let server = try WardServer(dataJSON: Array(Self.ward.utf8))
        let base = "http://127.0.0.1:\(server.port)"
        let rows = try await withHTTPWardFetcher(timeout: 30, retries: 0, pause: 0.05) { fetcher in
            await readWards([RollupSource(base + "/pair-a/"), RollupSource(base + "/pair-b/")], fetcher: fetcher)
        }
        server.stop()
        #expect(rows.map { $0.figures?.open } == [5, 5], "\(rows.map(\.result.problemText))")
    }

    @Test func aServerErrorIsTriedAgain() async throws {
        let server = try WardServer(dataJSON: Array(Self.ward.utf8))
        let url = "http://127.0.0.1:\(server.port)/flaky/"
        let result = try await withHTTPWardFetcher(timeout: 2, retries: 2, pause: 0.05) { fetcher in
            await readWard(RollupSource(url), fetcher: fetcher)
        }
        server.stop()
        #expect(try result.get().open == 5)
        #expect(server.flakyTries == 2)
    }
}
