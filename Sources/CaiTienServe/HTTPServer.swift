import CaiTienModel
import CSupport
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a client asked for. `path` is percent-decoded, query and fragment removed; `target` is
/// the same path as the client wrote it (for a redirect).
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var path: String
    public var target: String
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status; self.headers = headers; self.body = body
    }

    /// A short plain-text answer (errors).
    static func text(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Data((text + "\n").utf8))
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Why the server could not start: the system call and the system's reason.
public struct SocketError: Error, CustomStringConvertible {
    public var call: String
    public var code: Int32
    public var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// A small HTTP/1.1 server for the preview, on 127.0.0.1 only: GET and HEAD, one request per
/// connection (`Connection: close`). Each connection has its own thread, so a slow client holds
/// only its own; a request head must arrive whole within `headTimeout` and fit in
/// `maxHeadBytes`, and at most `maxConnections` are served at once. Answers only requests
/// addressed to 127.0.0.1 or localhost, so a web page cannot reach it through a name of its own
/// that resolves here (DNS rebinding).
///
/// Our own rather than a package's: the HTTP packages for Swift on Linux bring
/// FoundationNetworking, hence libcurl, which a self-contained binary cannot carry.
public final class LoopbackHTTPServer: Sendable {
    public struct Limits: Sendable {
        public var headTimeout: Double = 10
        public var writeTimeout: Double = 30
        public var maxHeadBytes = 16 * 1024
        public var maxConnections = 64
        public init() {}
    }

    /// The port listened on: the one asked for, or the one the system chose for port 0.
    public let port: UInt16
    private let listener: Int32
    private let limits: Limits
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let state = Locked(State())

    /// Entered while the accepting thread runs.
    private let closed = DispatchGroup()

    private struct State {
        var started = false
        var stopping = false
        var connections = 0
    }

    public init(port: UInt16, limits: Limits = Limits(), handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws {
        self.limits = limits
        self.handler = handler
        // Close-on-exec: a rebuild starts git, which must not inherit the port.
        let fd = caitien_socket_tcp()
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { let code = errno; close(fd); throw SocketError(call: "bind", code: code) }
        guard listen(fd, 64) == 0 else { let code = errno; close(fd); throw SocketError(call: "listen", code: code) }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        self.listener = fd
    }

    /// Accepts connections until `stop()`; then closes the port and returns.
    public func run() async {
        start()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            closed.notify(queue: .global()) { done.resume() }
        }
    }

    /// Starts accepting on a thread of its own (no task needed: a blocked task pool cannot keep
    /// the port from being served). Once only.
    public func start() {
        let first = state.withLock { state -> Bool in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        closed.enter()
        let thread = Thread { [self] in
            acceptLoop()
            close(listener)
            closed.leave()
        }
        thread.name = "caitien-serve-accept"
        thread.start()
    }

    /// Waits until the port is closed (after `stop()`).
    public func waitUntilClosed() {
        closed.wait()
    }

    /// Stops accepting and closes the port (`run` returns). Connections being answered finish.
    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping
        }
        // Shutting the listening socket down ends the blocked accept (Linux); the accepting
        // thread closes it, so its number is not reused while accept may still use it.
        if first { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = caitien_accept(listener)
            if state.withLock({ $0.stopping }) {
                if client >= 0 { close(client) }
                return
            }
            guard client >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED, EAGAIN: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: usleep(100_000); continue  // out of resources for now
                default: return
                }
            }
            let admitted = state.withLock { state -> Bool in
                guard state.connections < limits.maxConnections else { return false }
                state.connections += 1
                return true
            }
            guard admitted else {
                setTimeout(client, SO_SNDTIMEO, seconds: 1)
                _ = sendAll(client, bytes(of: .text(503, "Too many connections; try again."), head: false))
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                close(client)
                state.withLock { $0.connections -= 1 }
            }
            thread.name = "caitien-serve-connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        setTimeout(fd, SO_SNDTIMEO, seconds: limits.writeTimeout)
        let request: HTTPRequest
        switch readHead(fd) {
        case .closed:
            return
        case .answer(let response):
            _ = sendAll(fd, bytes(of: response, head: false))
            linger(fd)
            return
        case .request(let parsed):
            request = parsed
        }
        let response: HTTPResponse
        switch request.method {
        case "GET", "HEAD": response = handler(request)
        default: response = .text(405, "Only GET and HEAD.", headers: [("Allow", "GET, HEAD")])
        }
        _ = sendAll(fd, bytes(of: response, head: request.method == "HEAD"))
        linger(fd)
    }

    private enum Head {
        case request(HTTPRequest)
        case answer(HTTPResponse)
        case closed
    }

    /// Reads until the blank line that ends the request head, within the time and size limits.
    private func readHead(_ fd: Int32) -> Head {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.headTimeout * 1e9)
        while true {
            switch parseRequestHead(buffer, port: port, maxHeadBytes: limits.maxHeadBytes) {
            case .complete(let request):
                return .request(request)
            case .invalid(let response):
                return .answer(response)
            case .incomplete:
                break
            }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return buffer.isEmpty ? .closed : .answer(.text(408, "Request incomplete.")) }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, (deadline - now) / 1_000_000)))
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { continue }  // the deadline is checked above
            guard ready > 0 else { return .closed }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { return .closed }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Closes our side for writing and reads what the client still sends for a moment, so that
    /// closing does not reset the connection before the client has read the answer.
    private func linger(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = DispatchTime.now().uptimeNanoseconds + 500_000_000
        var drained = 0
        while drained < 1 << 20 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32((deadline - now) / 1_000_000) + 1) > 0 else { return }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            drained += count
        }
    }
}

private func setTimeout(_ fd: Int32, _ option: Int32, seconds: Double) {
    var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1e6))
    setsockopt(fd, SOL_SOCKET, option, &time, socklen_t(MemoryLayout<timeval>.size))
}

/// Writes every byte, or gives up when the client stops reading (the send timeout) or leaves.
private func sendAll(_ fd: Int32, _ data: [UInt8]) -> Bool {
    var offset = 0
    while offset < data.count {
        let sent = data.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
        if sent < 0 && errno == EINTR { continue }
        guard sent > 0 else { return false }
        offset += sent
    }
    return true
}

let reasonPhrases: [Int: String] = [
    200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 431: "Request Header Fields Too Large",
    500: "Internal Server Error", 503: "Service Unavailable", 505: "HTTP Version Not Supported",
]

/// The bytes of a response; for HEAD, its head only (with the length the body would have).
func bytes(of response: HTTPResponse, head: Bool) -> [UInt8] {
    var text = "HTTP/1.1 \(response.status) \(reasonPhrases[response.status] ?? "Status")\r\n"
    for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
    text += "Content-Length: \(response.body.count)\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n"
    var out = Array(text.utf8)
    if !head { out.append(contentsOf: response.body) }
    return out
}

enum HeadParse {
    case incomplete
    case complete(HTTPRequest)
    case invalid(HTTPResponse)
}

/// Parses a request head (RFC 9112) once its blank line has arrived. Lines may end in CRLF or
/// LF; blank lines before the request line are skipped. Only origin-form targets (`/path`).
func parseRequestHead(_ buffer: [UInt8], port: UInt16, maxHeadBytes: Int) -> HeadParse {
    let tooLarge = HeadParse.invalid(.text(431, "Request head too large."))
    var start = 0
    while start < buffer.count, buffer[start] == 13 || buffer[start] == 10 { start += 1 }
    // The end of the head: an empty line.
    var end: Int?
    var index = start
    while index < buffer.count {
        if buffer[index] == 10 {
            let next = index + 1
            if next < buffer.count, buffer[next] == 10 { end = next; break }
            if next + 1 < buffer.count, buffer[next] == 13, buffer[next + 1] == 10 { end = next + 1; break }
        }
        index += 1
    }
    guard let end else { return buffer.count > maxHeadBytes ? tooLarge : .incomplete }
    guard end < maxHeadBytes else { return tooLarge }
    let bad = HeadParse.invalid(.text(400, "Bad request."))
    // Lines split as bytes: in a Swift string "\r\n" is one character, not a "\n".
    var lines: [Substring] = []
    for line in buffer[start..<end].split(separator: 10, omittingEmptySubsequences: false) {
        guard let text = utf8(line.last == 13 ? line.dropLast() : line) else { return bad }
        lines.append(text[...])
    }
    let parts = lines[0].split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter && $0.isUppercase }) else { return bad }
    let version = parts[2]
    guard version.hasPrefix("HTTP/"), version.count == 8 else { return bad }
    guard version.hasPrefix("HTTP/1.") else { return .invalid(.text(505, "Only HTTP/1.x.")) }

    var hosts: [Substring] = []
    for line in lines.dropFirst() where !line.isEmpty {
        // No space before the colon, no obsolete line folding (RFC 9112 §5).
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
              !line[..<colon].contains(where: { $0 == " " || $0 == "\t" }),
              line.first != " ", line.first != "\t" else { return bad }
        if line[..<colon].lowercased() == "host" {
            hosts.append(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        }
    }
    // HTTP/1.1 needs exactly one Host; it must name this machine.
    guard hosts.count <= 1, version == "HTTP/1.0" || hosts.count == 1 else { return bad }
    if let host = hosts.first {
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
        let rest = host.dropFirst(name.count)
        guard ["127.0.0.1", "localhost", "[::1]"].contains(name.lowercased().trimmingTrailingDot()), host.count >= name.count,
              rest.isEmpty || rest == ":\(port)" else {
            return .invalid(.text(403, "caitien serve answers only to http://127.0.0.1:\(port)/ and http://localhost:\(port)/."))
        }
    }

    let target = String(parts[1])
    guard target.hasPrefix("/") else { return bad }
    let raw = String(target.prefix { $0 != "?" && $0 != "#" })
    guard let path = percentDecoded(raw) else { return bad }
    return .complete(HTTPRequest(method: String(parts[0]), path: path, target: raw))
}

private extension String {
    /// A host name written with its trailing dot (`localhost.`) is the same name.
    func trimmingTrailingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}

/// `%XX` escapes decoded; nil for a broken escape, bytes that are not UTF-8, or a NUL.
func percentDecoded(_ text: String) -> String? {
    var out: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    while let byte = bytes.popFirst() {
        guard byte == UInt8(ascii: "%") else { out.append(byte); continue }
        guard bytes.count >= 2, let high = hexValue(bytes[bytes.startIndex]), let low = hexValue(bytes[bytes.startIndex + 1]) else { return nil }
        bytes = bytes.dropFirst(2)
        out.append(high << 4 | low)
    }
    guard !out.contains(0) else { return nil }
    return utf8(out[...])
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}

/// The text of bytes that are valid UTF-8, else nil.
private func utf8(_ bytes: ArraySlice<UInt8>) -> String? {
    let text = String(decoding: bytes, as: UTF8.self)
    return text.utf8.elementsEqual(bytes) ? text : nil
}
