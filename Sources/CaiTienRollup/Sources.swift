import CaiTienModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One ward to roll up, as the province named it: a built site folder, a data.json path, or the
/// URL of the ward's published site.
public struct RollupSource: Sendable, Hashable {
    public enum Location: Sendable, Hashable {
        /// A folder (its `data.json` is read) or a file.
        case path(String)
        /// The site's URL: `<url>/data.json` is fetched (or the URL itself when it names a .json).
        case url(String)
        /// Not a source caitien reads; the reason is shown on the ward's row.
        case refused(Message)
    }

    /// As written on the command line or in the list.
    public var text: String
    /// The ward's name from the list, shown when its file cannot be read.
    public var name: String?
    public var location: Location

    public init(_ text: String, name: String? = nil) {
        self.text = text
        self.name = name
        location = RollupSource.locate(text)
    }

    static func locate(_ text: String) -> Location {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") { return .url(text) }
        if lower.hasPrefix("http://") {
            // Plain http only on this machine (a test server, a preview): elsewhere anyone on the
            // way could change a ward's figures.
            let host = lower.dropFirst("http://".count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
            if ["127.0.0.1", "localhost", "[::1]"].contains(name) { return .url(text) }
            return .refused(CommandMessage.wardPlainHTTP(["rest": .value(String(text.dropFirst("http://".count)))]))
        }
        if let scheme = lower.range(of: "://"), !lower[..<scheme.lowerBound].contains("/") {
            return .refused(CommandMessage.wardScheme(["scheme": .value(String(lower[..<scheme.lowerBound]))]))
        }
        return .path(text)
    }

    /// The address of the ward's data.json, for a URL source.
    public var dataURL: String? {
        guard case .url(let url) = location else { return nil }
        let bare = url.prefix { $0 != "?" && $0 != "#" }
        if bare.lowercased().hasSuffix(".json") { return String(bare) }
        return (bare.hasSuffix("/") ? String(bare) : bare + "/") + "data.json"
    }

    /// The ward's site, for a URL source: the address without `data.json`.
    public var siteURL: String? {
        guard let data = dataURL else { return nil }
        if data.hasSuffix("/data.json") { return String(data.dropLast("data.json".count)) }
        return nil
    }
}

/// Reads a list of sources: one a line, `SOURCE [NAME]` (the name, after spaces, is shown when
/// the ward cannot be reached); blank lines and `#` comments are skipped. Relative paths are
/// taken from the working folder, as on the command line.
public func parseSourceList(_ text: String) -> [RollupSource] {
    var sources: [RollupSource] = []
    for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
        var line = Substring(raw)
        if line.first == "\u{FEFF}" { line = line.dropFirst() }
        // A comment starts at `#` at the start of a line or after a space (a URL's own # is kept).
        var cut = line.endIndex
        var previous: Character = " "
        for i in line.indices {
            if line[i] == "#" && (previous == " " || previous == "\t") { cut = i; break }
            previous = line[i]
        }
        line = line[..<cut]
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard !trimmed.isEmpty else { continue }
        let source = trimmed.prefix { $0 != " " && $0 != "\t" }
        let rest = trimmed.dropFirst(source.count).drop { $0 == " " || $0 == "\t" }
        var name = String(rest)
        while let last = name.last, last == " " || last == "\t" { name.removeLast() }
        sources.append(RollupSource(String(source), name: name.isEmpty ? nil : name))
    }
    return sources
}

/// A data.json larger than this is not a ward's (100,000 requests make about 90 MB).
public let largestWardFile = 256 << 20

/// The bytes of a local source: `FOLDER/data.json`, or the file itself.
public func readLocalSource(_ path: String) -> Result<[UInt8], WardProblem> {
    var info = stat()
    guard stat(path, &info) == 0 else {
        return .failure(.unreachable(CommandMessage.cannotRead(["path": .value(path), "problem": .system(errno)])))
    }
    var file = path
    if info.st_mode & S_IFMT == S_IFDIR {
        file = (path.hasSuffix("/") ? path : path + "/") + "data.json"
        guard stat(file, &info) == 0 else {
            return .failure(.unreachable(CommandMessage.wardNoDataJSON(["path": .value(path)])))
        }
    }
    let fd = open(file, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(.unreachable(CommandMessage.cannotRead(["path": .value(file), "problem": .system(errno)]))) }
    defer { close(fd) }
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
        return .failure(.unreachable(CommandMessage.wardNotAFile(["path": .value(file)])))
    }
    let size = Int(info.st_size)
    guard size <= largestWardFile else {
        return .failure(.unreachable(CommandMessage.wardTooLarge(["path": .value(file), "size": .value(size >> 20), "limit": .value(largestWardFile >> 20)])))
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
            return .failure(.unreachable(CommandMessage.cannotRead(["path": .value(file), "problem": n == 0 ? CommandMessage.changedWhileRead().phrase : .system(errno)])))
        }
        done += n
    }
    return .success(bytes)
}

/// Fetches a ward's data.json over the network. Kept behind a protocol so that the roll-up
/// itself links no HTTP client; the command line passes one.
public protocol WardFetcher: Sendable {
    /// The body of `url`, or why it could not be had (after the fetcher's own retries).
    func fetch(_ url: String) async -> Result<[UInt8], WardProblem>
}
