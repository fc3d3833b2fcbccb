import CaiTienContent
import CaiTienModel
import CaiTienRender
import CaiTienSite
import CSupport
import Foundation

/// `caitien serve`: builds into a temporary folder, serves it on 127.0.0.1 only, rebuilds when
/// content or theme change and makes the open page reload itself. Content errors are shown in
/// the page instead of a stale site.
public struct PreviewServer: Sendable {
    public var content: String
    public var theme: String
    public var port: UInt16
    public var today: Day?
    /// The language of the messages; nil: the site's locale.
    public var language: Language?

    public init(content: String, theme: String, port: UInt16, today: Day?, language: Language? = nil) {
        self.content = content; self.theme = theme; self.port = port; self.today = today; self.language = language
    }

    /// Runs until the process gets SIGINT (Ctrl-C) or SIGTERM, then closes the port.
    public func run(onReady: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caitien-serve-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = PreviewState(output: folder + "/public")
        // The port first: when it is taken, say so before spending a build.
        let server = try LoopbackHTTPServer(port: port) { request in state.respond(to: request.path, target: request.target) }
        state.rebuild(self)

        // Stop cleanly on Ctrl-C: close the port, remove the temporary folder. A plain signal
        // handler writing to a pipe, not a dispatch signal source: the source missed a Ctrl-C
        // now and then, when the signal landed on a thread it did not watch.
        var stopPipe: [Int32] = [-1, -1]
        guard caitien_pipe(&stopPipe) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        caitien_stop_on_signals(stopPipe[1])
        let (readEnd, writeEnd) = (stopPipe[0], stopPipe[1])
        let stopReader = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n == 1 { server.stop() }
                break
            }
            close(readEnd)
        }
        stopReader.start()
        defer {
            caitien_stop_on_signals(-1)
            close(writeEnd)  // ends the reader
        }

        let watcher = Task {
            var last = fingerprint([content, theme])
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 400_000_000)
                let now = fingerprint([content, theme])
                if now != last {
                    last = now
                    state.rebuild(self)
                }
            }
        }
        defer { watcher.cancel() }
        let serving = CommandMessage.serving(["content": .value(content), "port": .value(Int(server.port))])
        onReady(serving.text(messageLanguage(language, content: content)))
        await server.run()
    }
}

/// The current build, its version (bumped on every rebuild) and, when the content has errors,
/// the page that lists them.
final class PreviewState: Sendable {
    let output: String
    private let current = Locked((version: 0, errorPage: String?.none))

    init(output: String) { self.output = output }

    var version: Int { current.withLock { $0.version } }

    /// Builds into the output (the build swaps generations atomically, so pages served meanwhile
    /// are whole, from either build) and then publishes the new version and error page.
    func rebuild(_ options: PreviewServer) {
        var errorPage: String?
        // The parse cache beside the preview folder: after an edit only that file is parsed again.
        var timings = Timings()
        do {
            let result = try build(BuildOptions(content: options.content, theme: options.theme, output: output, today: options.today),
                                   timings: &timings)
            let site = result.site
            let language = site.language(options.language)
            if result.written == nil {
                errorPage = errorHTML(site.diagnostics, language: language, theme: options.theme)
                FileHandle.standardError.write(Data(formatDiagnostics(site.diagnostics, as: .text, language: language).utf8))
            } else {
                errorPage = nil
                let rebuilt = CommandMessage.rebuilt(["day": .day(site.today), "count": .value(site.content.requests.count)])
                FileHandle.standardError.write(Data((rebuilt.text(language) + "\n").utf8))
            }
        } catch {
            let language = messageLanguage(options.language, content: options.content)
            let failed = Diagnostic(.buildFailed, options.theme, line: 1, ["problem": .problem(of: error)])
            errorPage = errorHTML([failed], language: language, theme: options.theme)
            FileHandle.standardError.write(Data((formatDiagnostics([failed], as: .text, language: language)).utf8))
        }
        current.withLock { $0 = (version: $0.version + 1, errorPage: errorPage) }
    }

    /// The answer to a GET of `path` (percent-decoded; `target` as the client wrote it): the
    /// preview's own routes, else a file of the output, or the errors page while the content
    /// has errors.
    func respond(to path: String, target: String? = nil) -> HTTPResponse {
        let noStore = ("Cache-Control", "no-store")
        let (version, errorPage) = current.withLock { ($0.version, $0.errorPage) }
        switch path {
        case "/__caitien/version":
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/plain"), noStore], body: Data(String(version).utf8))
        case "/__caitien/reload.js":
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8"), noStore], body: Data(reloadScript.utf8))
        default:
            break
        }
        if let errorPage {
            return HTTPResponse(status: 500, headers: [("Content-Type", "text/html; charset=utf-8"), noStore],
                                body: Data(injectReload(errorPage).utf8))
        }
        // Only paths inside the output: no `..`, no hidden files (the output's own bookkeeping).
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("\\") }) else {
            return .text(404, "404")
        }
        var file = output + "/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            // The pages' links are relative: a folder is served at its name with a slash.
            if !path.hasSuffix("/") {
                return .text(301, "Moved", headers: [("Location", (target ?? path) + "/")])
            }
            file += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .text(404, "404")
        }
        let type = contentType(file)
        if type.hasPrefix("text/html") {
            return HTTPResponse(status: 200, headers: [("Content-Type", type), noStore],
                                body: Data(injectReload(String(decoding: data, as: UTF8.self)).utf8))
        }
        return HTTPResponse(status: 200, headers: [("Content-Type", type), noStore], body: data)
    }
}

/// Adds the reload script to a page and lets it poll the server (the built pages' CSP allows no
/// connections; the preview relaxes that for its own origin only).
func injectReload(_ html: String) -> String {
    html.replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; connect-src 'self';")
        .replacingOccurrences(of: "</body>", with: "<script src=\"/__caitien/reload.js\"></script>\n</body>")
}

let reloadScript = """
(function () {
  var seen = null;
  function poll() {
    fetch("/__caitien/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
      if (seen === null) seen = v; else if (v !== seen) { location.reload(); return; }
      setTimeout(poll, 700);
    }).catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
"""

/// The list of problems, in the site's language and style (the theme folder's overrides too,
/// when it can be read).
func errorHTML(_ diagnostics: [Diagnostic], language: Language, theme folder: String) -> String {
    let theme = (try? Theme.load(overridesIn: folder, fileSystem: DiskFileSystem())) ?? Theme.builtIn
    return contentErrorsPage(diagnostics, theme: theme, language: language)
}

func contentType(_ path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "json": return "application/json"
    case "csv": return "text/csv; charset=utf-8"
    case "ics": return "text/calendar; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    default: return "application/octet-stream"
    }
}

/// Names, sizes and modification times of every file under the folders, to notice a change.
func fingerprint(_ folders: [String]) -> Int {
    var hasher = Hasher()
    func walk(_ dir: String, depth: Int) {
        guard depth < 10, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names.sorted() {
            let path = dir + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            hasher.combine(path)
            hasher.combine(Int(info.st_size))
            hasher.combine(Int(info.st_mtim.tv_sec))
            hasher.combine(Int(info.st_mtim.tv_nsec))
            if info.st_mode & S_IFMT == S_IFDIR { walk(path, depth: depth + 1) }
        }
    }
    for folder in folders { walk(folder, depth: 0) }
    return hasher.finalize()
}
