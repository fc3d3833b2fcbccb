import AsyncHTTPClient
import CaiTienModel
import CaiTienRollup
import NIOCore
import NIOHTTP1

/// Fetches wards' data.json over HTTPS with AsyncHTTPClient (SwiftNIO and BoringSSL, which link
/// statically; URLSession would bring libcurl back). Each try has a deadline for the whole
/// answer, headers and body; a try that fails for a reason that may pass (no answer, a dropped
/// connection, 5xx, 408, 429) is repeated after a short pause.
public struct HTTPWardFetcher: WardFetcher {
    let client: HTTPClient
    /// Seconds a try may take, from connecting to the last byte of the body.
    public let timeout: Double
    /// Tries after the first.
    public let retries: Int
    /// Seconds before the first retry; doubled for each next one.
    public let pause: Double
    let maximumBytes: Int

    init(client: HTTPClient, timeout: Double, retries: Int, pause: Double, maximumBytes: Int) {
        self.client = client; self.timeout = timeout; self.retries = retries; self.pause = pause; self.maximumBytes = maximumBytes
    }

    public func fetch(_ url: String) async -> Result<[UInt8], WardProblem> {
        var reason = Phrase.empty
        for attempt in 0...max(0, retries) {
            if attempt > 0 {
                try? await Task.sleep(nanoseconds: UInt64(pause * Double(1 << min(attempt - 1, 6)) * 1e9))
            }
            switch await fetchOnce(url) {
            case .success(let bytes): return .success(bytes)
            case .failure(let failure):
                reason = failure.reason
                if !failure.mayPass { return .failure(.unreachable(CommandMessage.wardCannotFetch(["url": .value(url), "problem": reason]))) }
            }
        }
        let tries = max(0, retries) + 1
        let arguments: [String: Phrase] = ["url": .value(url), "problem": reason, "tries": .value(tries)]
        return .failure(.unreachable(tries == 1 ? CommandMessage.wardCannotFetchOnce(arguments) : CommandMessage.wardCannotFetchTries(arguments)))
    }

    struct Failure: Error {
        var reason: Phrase
        /// Worth another try.
        var mayPass: Bool
    }

    private func fetchOnce(_ url: String) async -> Result<[UInt8], Failure> {
        let seconds = timeout
        let limit = maximumBytes
        let client = client
        return await withTaskGroup(of: Result<[UInt8], Failure>?.self) { group in
            group.addTask {
                do {
                    var request = HTTPClientRequest(url: url)
                    request.headers.add(name: "Accept", value: "application/json")
                    request.headers.add(name: "User-Agent", value: "caitien-rollup")
                    let response = try await client.execute(request, timeout: .nanoseconds(Int64(seconds * 1e9)))
                    guard response.status == .ok else {
                        let code = response.status.code
                        return .failure(Failure(reason: CommandMessage.fetchStatus(["code": .value(Int(code)), "reason": .value(response.status.reasonPhrase)]).phrase,
                                                mayPass: code >= 500 || code == 408 || code == 429))
                    }
                    let body = try await response.body.collect(upTo: limit)
                    return .success(Array(body.readableBytesView))
                } catch let error as HTTPClientError {
                    return .failure(Failure(reason: describe(error, seconds: seconds), mayPass: error != .invalidURL && error != .unsupportedScheme("")))
                } catch is NIOTooManyBytesError {
                    return .failure(Failure(reason: CommandMessage.fetchTooLarge(["limit": .value(limit >> 20)]).phrase, mayPass: false))
                } catch is CancellationError {
                    return nil
                } catch {
                    let text = "\(error)"
                    // NIOSSL's errors: a certificate or protocol mismatch does not pass by waiting.
                    if text.hasPrefix("handshakeFailed") || text.contains("SSL") {
                        return .failure(Failure(reason: CommandMessage.fetchNoTLS(["problem": .value(text)]).phrase, mayPass: false))
                    }
                    return .failure(Failure(reason: .value(text), mayPass: true))
                }
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                return Task.isCancelled ? nil : .failure(Failure(reason: noAnswer(seconds), mayPass: true))
            }
            var outcome: Result<[UInt8], Failure> = .failure(Failure(reason: noAnswer(seconds), mayPass: true))
            while let next = await group.next() {
                if let next { outcome = next; break }
            }
            group.cancelAll()
            return outcome
        }
    }
}

private func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}

private func noAnswer(_ seconds: Double) -> Phrase { CommandMessage.fetchNoAnswer(["seconds": .value(format(seconds))]).phrase }

private func describe(_ error: HTTPClientError, seconds: Double) -> Phrase {
    switch error {
    case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: return noAnswer(seconds)
    case .remoteConnectionClosed: return CommandMessage.fetchClosed().phrase
    case .invalidURL: return CommandMessage.fetchBadAddress().phrase
    default: return .value("\(error)")
    }
}

/// Runs `body` with a fetcher, and shuts its client down afterwards (its threads and connections).
public func withHTTPWardFetcher<T: Sendable>(timeout: Double = 20, retries: Int = 2, pause: Double = 1,
                                             _ body: (HTTPWardFetcher) async throws -> T) async throws -> T {
    var configuration = HTTPClient.Configuration()
    configuration.timeout = .init(connect: .nanoseconds(Int64(timeout * 1e9)), read: .nanoseconds(Int64(timeout * 1e9)))
    configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
    configuration.httpVersion = .automatic
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    let fetcher = HTTPWardFetcher(client: client, timeout: timeout, retries: retries, pause: pause, maximumBytes: largestWardFile)
    do {
        let result = try await body(fetcher)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}
