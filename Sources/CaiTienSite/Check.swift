import CaiTienAnalysis
import CaiTienCache
import CaiTienContent
import CaiTienHistory
import CaiTienModel
import CaiTienRender
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
    /// The requests' audit trail from git, messages withheld where SPEC §3 says so: nil outside
    /// git, in a shallow clone, or with `history: false`.
    public var auditTrail: AuditTrail? = nil
    /// Each content file's path → the digest of its path and bytes (ParseCache.key).
    package var fileKeys: [String: Digest] = [:]
    /// The digest of site.yml's path and bytes.
    package var siteFileKey: Digest? = nil
    /// Requests taken from the parse cache rather than parsed.
    package var cachedRequests = 0
    public var content: Content { parsed.content }
}

/// Stages load → parse → validate. `today` defaults to the current day in the site's time zone.
public func checkSite(content root: String, today: Day? = nil, fileSystem: FileSystem = DiskFileSystem(),
                      history: Bool = true, timings: inout Timings) -> CheckedSite {
    checkSite(content: root, today: today, fileSystem: fileSystem, history: history, parseCache: nil, timings: &timings)
}

public func checkSite(content root: String, today: Day? = nil, fileSystem: FileSystem = DiskFileSystem(), history: Bool = true) -> CheckedSite {
    var timings = Timings()
    return checkSite(content: root, today: today, fileSystem: fileSystem, history: history, parseCache: nil, timings: &timings)
}

/// The same, taking requests whose file is unchanged since the build that wrote `parseCache`
/// from it rather than parsing them.
package func checkSite(content root: String, today: Day?, fileSystem: FileSystem = DiskFileSystem(), history: Bool = true,
                       parseCache cache: ParseCache?, timings: inout Timings) -> CheckedSite {
    // git reads the history (CaiTienHistory) while the content is parsed and validated; only
    // for content on disk.
    let git = history && fileSystem is DiskFileSystem ? HistoryReader(content: root) : nil
    caitien_limit_malloc_arenas()
    let (entries, listed) = timings.measure("load") { listContent(from: root, fileSystem: fileSystem) }
    var keys = [Digest?](repeating: nil, count: entries.count)
    let fromCache = Locked(0)
    let parsed = timings.measure("parse") {
        let results = keys.withUnsafeMutableBufferPointer { buffer in
            // Each entry writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            return parallelMap(Array(entries.indices)) { i -> (record: ParsedRecord, diagnostics: [Diagnostic]) in
                switch readEntry(entries[i], fileSystem: fileSystem) {
                case .success(let file):
                    let key = ParseCache.key(path: file.path, bytes: Digest(file.bytes))
                    slots[i] = key
                    if file.kind == .request, let cached = cache?.request(key: key, path: file.path) {
                        fromCache.withLock { $0 += 1 }
                        return (.request(cached), [])
                    }
                    return parseRecord(file)
                case .failure(let diagnostic):
                    return (.invalid, [diagnostic])
                }
            }
        }
        return assembleContent(entries, listed: listed, parsed: results)
    }
    caitien_trim_memory()
    let day = today ?? currentDay(timeZone: parsed.content.site.timezone)
    var found = timings.measure("validate") { validate(parsed, today: day) }
    var trail: AuditTrail?
    if let git {
        timings.measure("history") {
            let (read, warnings) = git.finish(requestIDs: parsed.requestIDs)
            found += warnings
            if let read {
                let checked = checkHistory(parsed, history: read, today: day)
                found += checked.diagnostics
                trail = checked.auditTrail
            }
        }
    }
    var site = CheckedSite(parsed: parsed, root: root, today: day, diagnostics: (parsed.diagnostics + found).sorted())
    var fileKeys: [String: Digest] = [:]
    fileKeys.reserveCapacity(entries.count)
    for (entry, key) in zip(entries, keys) {
        guard let key else { continue }
        fileKeys[entry.path] = key
        if entry.kind == .site { site.siteFileKey = key }
    }
    site.fileKeys = fileKeys
    site.cachedRequests = fromCache.withLock { $0 }
    site.auditTrail = trail
    return site
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

extension CheckedSite {
    /// The language of the messages: `--lang` when given, else the site's `locale` (SPEC §4).
    public func language(_ chosen: Language?) -> Language { chosen ?? Language(locale: content.site.locale) }
}

/// Diagnostics as `caitien check` prints them, messages in `language`. Every format writes one
/// line a diagnostic.
public func formatDiagnostics(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, language: Language) -> String {
    switch format {
    case .text:
        return diagnostics.map { $0.text(language) + "\n" }.joined()
    case .github:
        // Workflow commands: properties escape %, CR, LF, `:` and `,`; the message escapes %, CR, LF.
        func data(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ s: String) -> String { data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        return diagnostics.map {
            "::\($0.severity.rawValue) file=\(property($0.path)),line=\($0.line),col=\($0.column),title=\(property($0.rule.id))::\(data($0.message(language)))\n"
        }.joined()
    case .json:
        let items: [JSON] = diagnostics.map {
            .object([("path", .string($0.path)), ("line", .int($0.line)), ("column", .int($0.column)),
                     ("severity", .string($0.severity.rawValue)), ("rule", .string($0.rule.id)), ("message", .string($0.message(language)))])
        }
        return JSON.array(items).serialized(indent: 2) + "\n"
    }
}
