import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
import CSupport
import Foundation

/// A content folder read, parsed and validated for a reference day.
public struct CheckedSite: Sendable {
    public var parsed: ParsedContent
    /// The content folder as given.
    public var root: String
    public var today: Day
    /// Every diagnostic, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// The requests' git history (History.swift): nil outside git, in a shallow clone, or with `history: false`.
    public var history: ContentHistory? = nil
    /// The parse cache the requests were read with, if any (ParseCache.swift).
    public var parseCache: ParseCache? = nil
    public var content: Content { parsed.content }
}

/// Stages load → parse → validate. `today` defaults to the current day in the site's time zone.
/// Requests unchanged since the build that wrote `cache` are taken from it rather than parsed.
public func checkSite(content root: String, today: Day? = nil, fileSystem: FileSystem = DiskFileSystem(),
                      history: Bool = true, cache: ParseCache? = nil, timings: inout Timings) -> CheckedSite {
    // git reads the history (History.swift) while the content is parsed; only for content on disk.
    let git = history && fileSystem is DiskFileSystem ? HistoryReader(content: root) : nil
    caitien_limit_malloc_arenas()
    let (entries, listed) = timings.measure("load") { listContent(from: root, fileSystem: fileSystem) }
    let parsed = timings.measure("parse") {
        assembleContent(entries, listed: listed, parsed: parallelMap(entries) { readAndParse($0, fileSystem: fileSystem, cache: cache) })
    }
    caitien_trim_memory()
    let day = today ?? currentDay(timeZone: parsed.content.site.timezone)
    let found = timings.measure("validate") { validate(parsed, today: day) }
    var site = CheckedSite(parsed: parsed, root: root, today: day, diagnostics: (parsed.diagnostics + found).sorted())
    site.parseCache = cache
    if let git { timings.measure("history") { git.finish(into: &site) } }
    return site
}

public func checkSite(content root: String, today: Day? = nil, fileSystem: FileSystem = DiskFileSystem(), history: Bool = true,
                      cache: ParseCache? = nil) -> CheckedSite {
    var timings = Timings()
    return checkSite(content: root, today: today, fileSystem: fileSystem, history: history, cache: cache, timings: &timings)
}

/// The calendar day now in a time zone (the site's, Asia/Ho_Chi_Minh by default).
public func currentDay(timeZone name: String, now: Date = Date()) -> Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: name) ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    let c = calendar.dateComponents([.year, .month, .day], from: now)
    return Day(year: c.year!, month: c.month!, day: c.day!)!
}

/// Maps on all cores, keeping the input order; each element is handled alone.
public func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    if count < 64 { return items.map(transform) }
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = (count + workers * 8 - 1) / (workers * 8)
    let chunks = stride(from: 0, to: count, by: chunk).map { $0..<min($0 + chunk, count) }
    let results = UnsafeMutableBufferPointer<R>.allocate(capacity: count)
    defer { results.deallocate() }
    // Each chunk initialises its own disjoint slots.
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
        for i in chunks[c] { (slots.baseAddress! + i).initialize(to: transform(items[i])) }
    }
    // Moved out, not copied: a copy would retain, and the buffer then release, every record.
    return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
        _ = buffer.moveInitialize(fromContentsOf: results)
        initialized = count
    }
}

/// Output formats of `caitien check`.
public enum DiagnosticFormat: String, Sendable, CaseIterable { case text, json, github }

public func formatDiagnostics(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
    switch format {
    case .text:
        return diagnostics.map { $0.text + "\n" }.joined()
    case .github:
        // Workflow commands: properties escape %, CR, LF, `:` and `,`; the message escapes %, CR, LF.
        func data(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ s: String) -> String { data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        return diagnostics.map {
            "::\($0.severity.rawValue) file=\(property($0.path)),line=\($0.line),col=\($0.column),title=\(property($0.rule))::\(data($0.message))\n"
        }.joined()
    case .json:
        let items: [JSON] = diagnostics.map {
            .object([("path", .string($0.path)), ("line", .int($0.line)), ("column", .int($0.column)),
                     ("severity", .string($0.severity.rawValue)), ("rule", .string($0.rule)), ("message", .string($0.message))])
        }
        return JSON.array(items).serialized(indent: 2) + "\n"
    }
}
