import CaiTienModel
@testable import CaiTienServe
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `caitien serve` over a real socket: what a browser (or anything else on this machine) sends.
@Suite struct PreviewSocketTests {
    /// A ward's site built into a preview folder, served by the real server on a free port.
    final class Preview: Sendable {
        let folder: String
        let server: LoopbackHTTPServer
        let state: PreviewState

        init(limits: LoopbackHTTPServer.Limits = .init()) throws {
            folder = try temporaryFolder("caitien-serve")
            _ = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
            _ = try Scaffold.newTicket(content: folder + "/content", unit: "tthcc", kind: .improvement, source: .feedback,
                                       title: "Rút ngắn thời gian chờ ở bộ phận một cửa", category: nil, by: "Trần Thị B",
                                       today: Day(parsing: "2026-11-25"))
            let state = PreviewState(output: folder + "/preview/public")
            state.rebuild(PreviewServer(content: folder + "/content", theme: folder + "/theme", port: 0, today: Day(parsing: "2026-11-25")))
            self.state = state
            let server = try LoopbackHTTPServer(port: 0, limits: limits) { state.respond(to: $0.path, target: $0.target) }
            self.server = server
            server.start()
        }

        func close() {
            server.stop()
            server.waitUntilClosed()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test func pagesHeadAndRefusals() throws {
        let preview = try Preview()
        let port = preview.server.port
        #expect(port != 0)
        let host = "Host: 127.0.0.1:\(port)\r\n"

        let page = try Exchange(port: port, "GET /tickets/PYC-2026-001/ HTTP/1.1\r\n\(host)\r\n")
        #expect(page.status == 200)
        #expect(page.text.contains("Rút ngắn thời gian chờ ở bộ phận một cửa"))
        #expect(page.text.contains("<script src=\"/__caitien/reload.js\"></script>"))
        #expect(page.headers["content-length"] == String(page.body.count))
        #expect(page.headers["connection"] == "close")
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        // Percent-escapes are decoded; a folder without its slash is redirected, so that the
        // page's relative links resolve.
        #expect(try Exchange(port: port, "GET /tickets/PYC%2D2026%2D001/?x=1 HTTP/1.1\r\n\(host)\r\n").body == page.body)
        let folder = try Exchange(port: port, "GET /tickets/PYC-2026-001 HTTP/1.1\r\n\(host)\r\n")
        #expect(folder.status == 301 && folder.headers["location"] == "/tickets/PYC-2026-001/")

        // HEAD: the GET's head, with its length, and no body.
        let get = try Exchange(port: port, "GET /data.json HTTP/1.1\r\n\(host)\r\n")
        let head = try Exchange(port: port, "HEAD /data.json HTTP/1.1\r\n\(host)\r\n")
        #expect(get.status == 200 && head.status == 200)
        #expect(head.headers["content-length"] == String(get.body.count) && get.body.count > 100)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-type"] == "application/json")

        let version = try Exchange(port: port, "GET /__caitien/version HTTP/1.1\r\n\(host)\r\n")
        #expect(version.text == "1")

        let post = try Exchange(port: port, "POST /index.html HTTP/1.1\r\n\(host)Content-Length: 3\r\n\r\nabc")
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")

        // Nothing outside the output, however the path is written; nothing hidden in it.
        for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/tickets/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                       "/.caitien-output", "/%2Epublic.parsed", "/assets/../../preview"] {
            let answer = try Exchange(port: port, "GET \(target) HTTP/1.1\r\n\(host)\r\n")
            #expect(answer.status == 404, "\(target)")
            #expect(!answer.text.contains("root:"), "\(target)")
        }
        for target in ["/%00index.html", "/%zz", "/%C3", "index.html", "http://127.0.0.1/index.html"] {
            #expect(try Exchange(port: port, "GET \(target) HTTP/1.1\r\n\(host)\r\n").status == 400, "\(target)")
        }

        // Only requests addressed to this machine: another name that resolves here (DNS
        // rebinding) is refused; HTTP/1.1 without Host is malformed.
        #expect(try Exchange(port: port, "GET / HTTP/1.1\r\nHost: dashboard.attacker.example:\(port)\r\n\r\n").status == 403)
        #expect(try Exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port &+ 1)\r\n\r\n").status == 403)
        #expect(try Exchange(port: port, "GET / HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n").status == 200)
        #expect(try Exchange(port: port, "GET / HTTP/1.1\r\n\r\n").status == 400)
        #expect(try Exchange(port: port, "GET / HTTP/1.0\r\n\r\n").status == 200)
        // Bare LF line ends are read too; other protocols are answered, not guessed at.
        #expect(try Exchange(port: port, "GET / HTTP/1.1\nHost: 127.0.0.1\n\n").status == 200)
        #expect(try Exchange(port: port, "GET / HTTP/2.0\r\n\(host)\r\n").status == 505)
        #expect(try Exchange(port: port, "\u{16}\u{03}\u{01}\u{02}\u{00}\r\n\r\n").status == 400)
        preview.close()
    }

    @Test func slowPartialAndOversizedRequests() throws {
        var limits = LoopbackHTTPServer.Limits()
        limits.headTimeout = 1
        let preview = try Preview(limits: limits)
        let port = preview.server.port

        // A request arriving in pieces is read whole.
        let pieces = try Exchange(port: port, pieces: ["GE", "T /index.html HT", "TP/1.1\r\nHost: 127.0.0.1\r", "\n\r\n"], pause: 0.1)
        #expect(pieces.status == 200 && pieces.text.contains("UBND phường Ninh Hòa"))

        // A client that stops halfway holds only its own connection: another is answered
        // meanwhile, and the slow one is answered once the rest arrives.
        let slow = try Client(port: port)
        try slow.send("GET /index.html HTTP/1.1\r\nHost: 127")
        #expect(try Exchange(port: port, "GET /data.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status == 200)
        try slow.send(".0.0.1\r\n\r\n")
        #expect(try slow.receive().status == 200)

        // One that never finishes is told so and closed when the time is up, not kept forever.
        let stalled = try Client(port: port)
        try stalled.send("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
        let started = Date()
        #expect(try stalled.receive(timeout: 10).status == 408)
        #expect(Date().timeIntervalSince(started) < 5)
        // One that sends nothing is closed without an answer.
        let idle = try Client(port: port)
        #expect(try idle.receiveRaw(timeout: 10).isEmpty)

        // A head past the limit is refused without reading on.
        let huge = try Exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n")
        #expect(huge.status == 431)
        preview.close()
    }

    @Test func stopClosesThePort() throws {
        let preview = try Preview()
        let port = preview.server.port
        #expect(try Exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status == 200)
        preview.close()  // returns only once the port is closed
        #expect(throws: (any Error).self) { try Client(port: port) }
    }

    @Test func aTakenPortIsAClearError() throws {
        let preview = try Preview()
        #expect {
            try LoopbackHTTPServer(port: preview.server.port) { _ in HTTPResponse(status: 200) }
        } throws: { error in
            "\(error)" == "bind: Address already in use"
        }
        preview.close()
    }

    /// The command as a user runs it: prints where it serves, answers, and on Ctrl-C closes the
    /// port, removes its preview folder and exits 0.
    @Test func caitienServeRunsAndStopsOnCtrlC() throws {
        let folder = try temporaryFolder("caitien-serve-cli")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: caitienExecutable)
        process.arguments = ["serve", "--port", "0", "--today", "2026-11-25"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Read stderr until the line naming the port.
        var printed = ""
        let reader = errors.fileHandleForReading
        while !printed.contains("Ctrl-C") {
            let data = reader.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let port = try #require(printed.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { UInt16($0.1) }, "\(printed)")
        // In the site's language, as every message of the command.
        #expect(printed.contains("Đang xem trước content tại http://127.0.0.1:\(port)/ — trang tự dựng lại khi có thay đổi; nhấn Ctrl-C để dừng.\n"))
        let page = try Exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        #expect(page.status == 200 && page.text.contains("UBND phường Ninh Hòa"))
        let preview = NSTemporaryDirectory() + "/caitien-serve-\(process.processIdentifier)"
        #expect(FileManager.default.fileExists(atPath: preview))

        kill(process.processIdentifier, SIGINT)
        // A missed Ctrl-C is a failure, not a test run that never ends.
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning, "caitien serve did not stop on Ctrl-C")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: preview))
        #expect(throws: (any Error).self) { try Client(port: port) }
    }
}

// MARK: A raw HTTP client

struct ClientError: Error, CustomStringConvertible {
    var description: String
}

/// One TCP connection to 127.0.0.1, spoken to byte by byte.
final class Client {
    let fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            // The descriptor is closed by deinit, which runs for a class whose init throws.
            let code = errno
            throw ClientError(description: "connect: \(String(cString: strerror(code)))")
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ClientError(description: "send: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// Everything the server sends until it closes the connection.
    func receiveRaw(timeout: Double = 10) throws -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw ClientError(description: "no end of the answer within \(timeout) s") }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000) + 1) > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return out }
            out.append(contentsOf: chunk[0..<count])
        }
    }

    func receive(timeout: Double = 10) throws -> Exchange {
        try Exchange(parsing: receiveRaw(timeout: timeout))
    }
}

/// A request sent on a new connection and the answer read to its end.
struct Exchange {
    var status = 0
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    var text: String { String(decoding: body, as: UTF8.self) }

    init(port: UInt16, _ request: String) throws {
        try self.init(port: port, pieces: [request], pause: 0)
    }

    init(port: UInt16, pieces: [String], pause: Double) throws {
        let client = try Client(port: port)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { usleep(UInt32(pause * 1e6)) }
            try client.send(piece)
        }
        self = try client.receive()
    }

    init(parsing raw: [UInt8]) throws {
        guard let end = raw.indices.first(where: { raw[$0...].starts(with: Array("\r\n\r\n".utf8)) }) else {
            throw ClientError(description: "no head in \(String(decoding: raw, as: UTF8.self).debugDescription)")
        }
        let lines = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw ClientError(description: "status line \(lines[0].debugDescription)")
        }
        self.status = status
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        body = Array(raw[(end + 4)...])
    }
}
