import CaiTienCache
import CaiTienModel

/// What `caitien rollup` is asked to do.
public struct RollupOptions: Sendable {
    public var sources: [RollupSource]
    public var output: String
    public var today: Day
    public var strings: RollupStrings
    /// A ward whose figures are older than this many days before `today` is marked stale.
    public var staleAfterDays = 7
    /// Sources read or fetched at once.
    public var parallelism = 16
    /// How long to wait for another build into the same output, in seconds.
    public var lockWait: Double = 600

    public init(sources: [RollupSource], output: String, today: Day, strings: RollupStrings = .vi) {
        self.sources = sources; self.output = output; self.today = today; self.strings = strings
    }
}

public struct RollupResult: Sendable {
    public var rollup: Rollup
    /// Files in the output.
    public var files: Int
    /// False when the output already held exactly this roll-up.
    public var changed: Bool
}

/// Reads every source, `parallelism` at a time, and returns one row per source in their order.
/// A source that cannot be had gives a row with the reason; nothing here throws.
public func readWards(_ sources: [RollupSource], fetcher: (any WardFetcher)?, parallelism: Int = 16) async -> [WardRow] {
    var rows = [WardRow?](repeating: nil, count: sources.count)
    await withTaskGroup(of: (Int, WardRow).self) { group in
        var next = 0
        func start() {
            let i = next
            let source = sources[i]
            next += 1
            group.addTask { (i, WardRow(source: source, result: await readWard(source, fetcher: fetcher))) }
        }
        while next < min(max(parallelism, 1), sources.count) { start() }
        while let (i, row) = await group.next() {
            rows[i] = row
            if next < sources.count { start() }
        }
    }
    return rows.map { $0! }
}

/// One source's figures, or why there are none.
public func readWard(_ source: RollupSource, fetcher: (any WardFetcher)?) async -> Result<WardFigures, WardProblem> {
    let bytes: Result<[UInt8], WardProblem>
    switch source.location {
    case .refused(let reason): return .failure(.unreachable(reason))
    case .path(let path): bytes = readLocalSource(path)
    case .url:
        guard let fetcher, let url = source.dataURL else { return .failure(.unreachable(CommandMessage.wardNoFetcher())) }
        bytes = await fetcher.fetch(url)
    }
    return bytes.flatMap { readWardFigures($0) }
}

/// The roll-up into `options.output`: the output is checked and locked first (SPEC §3: a folder
/// caitien did not write is refused before any source is read), then every source is read in
/// parallel, and the province's page and data.json are written and swapped in atomically.
/// Throws only for the output folder; a ward that cannot be read is a row of the roll-up.
public func rollup(_ options: RollupOptions, fetcher: (any WardFetcher)?, waiting: () -> Void = {}) async throws(BuildError) -> RollupResult {
    let localSources = options.sources.compactMap { source -> String? in
        if case .path(let path) = source.location { return path }
        return nil
    }
    let folder = try OutputFolder(options.output, guarding: localSources, wait: options.lockWait, waiting: waiting)
    let rows = await readWards(options.sources, fetcher: fetcher, parallelism: options.parallelism)
    let rollup = summarise(rows, today: options.today, staleAfterDays: options.staleAfterDays)
    let files: [(String, [UInt8])] = [
        ("index.html", Array(rollupPage(rollup, strings: options.strings).utf8)),
        ("data.json", Array(provinceJSON(rollup).utf8)),
        ("assets/rollup.css", Array(rollupStyle.utf8)),
        ("assets/rollup.js", Array(rollupScript.utf8)),
    ]
    let generation = try Generation(folder)
    do throws(BuildError) {
        for (path, bytes) in files {
            // A file's key is the digest of its own bytes: an unchanged file is left as it is.
            let key = Digest(bytes)
            if !generation.isCurrent(path, key: key) { try generation.write(path, bytes, key: key) }
        }
        let changed = try generation.publish()
        return RollupResult(rollup: rollup, files: generation.count, changed: changed)
    } catch {
        generation.discard()
        throw error
    }
}

/// Today in Vietnam (UTC+7 all year; no daylight saving since 1975), the roll-up's default day.
public func todayInVietnam(secondsSince1970: Int) -> Day {
    let local = secondsSince1970 + 7 * 3600
    return Day(ordinal: local >= 0 ? local / 86400 : (local - 86399) / 86400)
}
