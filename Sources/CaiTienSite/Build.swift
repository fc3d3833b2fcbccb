import CaiTienAnalysis
import CaiTienCache
import CaiTienContent
import CaiTienHistory
import CaiTienModel
import CaiTienRender
import Foundation

/// What `caitien build` is asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    /// A folder whose files override the built-in theme (absent: none).
    public var theme: String?
    public var output: String
    public var today: Day?
    /// Overrides `base_url` of site.yml.
    public var baseURL: String?
    /// Warnings stop the build too.
    public var strict = false
    /// How long to wait for another build into the same output before giving up, in seconds.
    public var lockWait: Double = 600

    public init(content: String, theme: String? = nil, output: String, today: Day? = nil, baseURL: String? = nil, strict: Bool = false) {
        self.content = content; self.theme = theme; self.output = output; self.today = today; self.baseURL = baseURL; self.strict = strict
    }
}

/// What a build did: the checked content with its diagnostics, and the files written — nil when
/// the content had errors and nothing was written.
public struct BuildResult: Sendable {
    public var site: CheckedSite
    public var written: BuildSummary?
}

public struct BuildSummary: Sendable {
    /// Files in the output.
    public var files: Int
    /// False when the output already was this build's site, so nothing was swapped.
    public var changed: Bool
}

/// The whole pipeline into an output folder: lock the output, load → parse (unchanged requests
/// from the parse cache) → validate → analyse → render → write, then keep the parse cache.
/// Throws for what stops a build before or after the content is judged (the output refused or
/// busy, a theme error, a disk error); content errors are in the result's diagnostics.
public func build(_ options: BuildOptions, timings: inout Timings, waiting: () -> Void = {}) throws(BuildError) -> BuildResult {
    let folder = try OutputFolder(options.output, guarding: [options.content] + (options.theme.map { [$0] } ?? []),
                                  wait: options.lockWait, waiting: waiting)
    let cache = ParseCache.open(folder.parseCachePath, identity: toolIdentity)
    let site = checkSite(content: options.content, today: options.today, parseCache: cache, timings: &timings)
    let ds = site.diagnostics
    if ds.hasErrors || (options.strict && ds.warningCount > 0) { return BuildResult(site: site, written: nil) }
    let summary = try writeSite(site, into: folder, theme: options.theme, baseURL: options.baseURL, timings: &timings)
    timings.measure("parse cache") { saveParseCache(site, previous: cache, to: folder.parseCachePath) }
    return BuildResult(site: site, written: summary)
}

/// Stages analyse → render → write for a checked site without errors.
func writeSite(_ site: CheckedSite, into folder: OutputFolder, theme themeFolder: String?, baseURL: String?,
               timings: inout Timings) throws(BuildError) -> BuildSummary {
    let figures = timings.measure("analyse") { computeFigures(site.content, today: site.today) }
    let (model, theme, renderer, sink) = try timings.measure("setup") { () throws(BuildError) in
        let theme = try Theme.load(overridesIn: themeFolder, fileSystem: DiskFileSystem())
        var content = site.content
        if let baseURL { content.site.baseURL = baseURL }
        let commit = gitCommit(of: site.root)
        var model = SiteModel(content: content, figures: figures,
                              localizer: try Localizer(theme: theme, locale: content.site.locale), commit: commit)
        if let trail = site.auditTrail { model.auditTrail = { trail.entries(forRequest: $0) } }
        let renderer = try Renderer(theme: theme)
        let keys = InputKeys(site, theme: theme, commit: commit, baseURL: baseURL)
        let sink = KeyedOutput(try Generation(folder), keys: keys)
        return (model, theme, renderer, sink)
    }
    do throws(BuildError) {
        try timings.measure("render+write") { () throws(BuildError) in try renderSite(model, theme: theme, renderer: renderer, into: sink) }
        timings.record("  of which writing (s summed over threads)", seconds: sink.generation.writeSeconds)
        let changed = try timings.measure("publish") { () throws(BuildError) in try sink.generation.publish() }
        return BuildSummary(files: sink.generation.count, changed: changed)
    } catch {
        sink.generation.discard()
        throw error
    }
}

/// Rewrites the parse cache when the requests differ from those it holds. A cache that cannot
/// be written only makes the next build slower, so it is removed, not reported.
func saveParseCache(_ site: CheckedSite, previous: ParseCache?, to path: String) {
    let clean = site.parsed.cleanRequests.compactMap { r in site.fileKeys[r.path].map { (key: $0, request: r) } }
    if let previous, previous.holdsExactly(clean.lazy.map(\.key)) { return }
    do { try ParseCache.write(clean, to: path, identity: toolIdentity) } catch { unlink(path) }
}

/// The digests a build's files are keyed by: every key is made from the bytes of the inputs,
/// never from a list of fields, so an input nobody thought of cannot leave a page stale.
struct InputKeys: Sendable {
    /// What every file shares: the caitien executable, the day, the commit, the options, the
    /// bytes of site.yml and of every theme file. (A request's page reads no review or
    /// objectives plan, so their files are not in it.)
    let base: Digest
    /// Every content file's path and bytes, on top of `base`: the key of the site-wide files.
    let site: Digest
    /// Request id → the key of its file (path and bytes).
    let requests: [String: Digest]

    init(_ checked: CheckedSite, theme: Theme, commit: String?, baseURL: String?) {
        var b = DigestBuilder("caitien-output-v2")
        b.add(toolIdentity)
        b.add(checked.today.iso)
        b.add(commit)
        b.add(baseURL)
        for (path, bytes) in theme.files.sorted(by: { $0.key < $1.key }) { b.add(path); b.add(Digest(bytes)) }
        b.add(checked.siteFileKey?.description)
        base = b.digest
        var s = DigestBuilder("caitien-site-files")
        s.add(base)
        for (path, key) in checked.fileKeys.sorted(by: { $0.key < $1.key }) { s.add(path); s.add(key) }
        site = s.digest
        var requests: [String: Digest] = [:]
        requests.reserveCapacity(checked.content.requests.count)
        for r in checked.content.requests { requests[r.id] = checked.fileKeys[r.path] }
        self.requests = requests
    }

    func key(_ inputs: PageInputs) -> Digest {
        switch inputs {
        case .site:
            return site
        case .requests(let ids, let shown):
            var b = DigestBuilder("caitien-request-page")
            b.add(base)
            for id in ids { b.add(id); b.add(requests[id]?.description) }
            for text in shown { b.add(text) }
            return b.digest
        }
    }
}

/// The renderer's sink over the output's next generation: each file is keyed by its inputs.
final class KeyedOutput: OutputSink {
    let generation: Generation
    let keys: InputKeys

    init(_ generation: Generation, keys: InputKeys) { self.generation = generation; self.keys = keys }

    func isCurrent(_ path: String, inputs: PageInputs) -> Bool { generation.isCurrent(path, key: keys.key(inputs)) }

    func write(_ path: String, _ bytes: [UInt8], inputs: PageInputs) throws(BuildError) {
        try generation.write(path, bytes, key: keys.key(inputs))
    }

    func stream(_ path: String, inputs: PageInputs, _ produce: ((String) throws(BuildError) -> Void) throws(BuildError) -> Void) throws(BuildError) {
        try generation.stream(path, key: keys.key(inputs), produce)
    }
}
