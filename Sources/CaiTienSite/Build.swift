import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
import Foundation

public struct BuildSummary: Sendable { public var files: Int }

public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Stages analyse → render → write for a checked site (load, parse and validate are done).
public func buildSite(_ site: CheckedSite, theme themeFolder: String?, output: String, baseURL: String?,
                      timings: inout Timings) throws(BuildError) -> BuildSummary {
    let figures = timings.measure("analyse") { computeFigures(site.content, today: site.today) }
    let (model, theme, renderer, sink) = try timings.measure("setup") { () throws(BuildError) in
        let theme = try Theme.load(overridesIn: themeFolder, fileSystem: DiskFileSystem())
        var content = site.content
        if let baseURL { content.site.baseURL = baseURL }
        var model = SiteModel(content: content, figures: figures,
                              localizer: try Localizer(theme: theme, locale: content.site.locale),
                              commit: gitCommit(of: site.root))
        model.history = site.history
        let renderer = try Renderer(theme: theme)
        let sink = try StagedOutput(output: output, guarding: [site.root] + (themeFolder.map { [$0] } ?? []))
        return (model, theme, renderer, sink)
    }
    do throws(BuildError) {
        try timings.measure("render+write") { () throws(BuildError) in try renderSite(model, theme: theme, renderer: renderer, into: sink) }
        timings.record("  of which writing (s summed over threads)", seconds: sink.writeSeconds)
        try timings.measure("publish") { () throws(BuildError) in try sink.publish() }
    } catch {
        sink.discard()
        throw error
    }
    timings.measure("parse cache") { saveParseCache(site, output: output) }
    return BuildSummary(files: sink.count)
}

/// Where the parsed requests of the site built into `output` are cached: beside it, like the
/// previous generation (`.public.parsed`).
public func parseCachePath(output: String) -> String {
    let url = URL(fileURLWithPath: absolutePath(output))
    return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".parsed"
}

/// Opens the parse cache of `output` written by this executable, if there is one.
public func openParseCache(output: String) -> ParseCache? {
    ParseCache.open(parseCachePath(output: output), identity: toolIdentity)
}

/// Rewrites the cache when the requests differ from those it holds. A cache that cannot be
/// written only makes the next build slower, so it is removed, not reported.
func saveParseCache(_ site: CheckedSite, output: String) {
    if let cache = site.parseCache, cache.holdsExactly(site.parsed) { return }
    let path = parseCachePath(output: output)
    do { try ParseCache.write(site.parsed.cleanRequests, to: path, identity: toolIdentity) } catch { unlink(path) }
}

/// This caitien executable: its inode, size and modification time. Parsed requests and pages
/// kept from an earlier build are reused only by the executable that made them, so a new
/// version of caitien renders everything anew.
let toolIdentity: UInt64 = {
    var hash = StableHash()
    hash.add("caitien")
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else {
        // Without /proc the executable cannot be told apart: reuse nothing from earlier builds.
        return UInt64.random(in: 1...UInt64.max)
    }
    for v in [UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size),
              UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec))] { hash.add(v) }
    return hash.value
}()

/// Renders every page and export into `sink`, on every core. Reads no files.
public func renderSite(_ m: SiteModel, theme: Theme, renderer unfolded: Renderer, into sink: OutputSink, threads: Int = 0) throws(BuildError) {
    let renderer = unfolded.folding(m.strings)
    // Every output but the request pages depends on the whole content: one key for all of them.
    let siteKey = m.siteKey(theme: theme)
    /// Renders a page, unless the output already holds it from inputs with the same key.
    @Sendable func page(_ path: String, key: UInt64? = nil, template: String, title: String, section: Section,
                        frame: Frame? = nil, view makeView: @autoclosure () -> View) throws(BuildError) {
        let key = key ?? siteKey
        if sink.reuse(path, key: key) { return }
        let depth = path.split(separator: "/").count - 1
        var view = makeView()
        view["t"] = m.strings
        view["organisation"] = m.content.site.organisation
        view["root"] = rootPrefix(depth)
        let body = try renderer.render(template, view)
        if let frame {
            try sink.write(path, frame.page(title: title, body: body))
        } else {
            try sink.write(path, try renderer.render("base", m.page(title: title, depth: depth, section: section, body: body)))
        }
        sink.remember(path, key: key)
    }
    typealias Job = @Sendable () throws -> Void
    let l = m.l
    /// Writes an export unless the output already holds it from the same inputs.
    @Sendable func unlessKept(_ path: String, _ render: () throws -> Void) throws {
        if sink.reuse(path, key: siteKey) { return }
        try render()
        sink.remember(path, key: siteKey)
    }
    let org = m.content.site.organisation
    // The largest jobs first, so the cores finish together.
    var jobs: [Job] = [
        { try unlessKept("data.json") { try sink.stream("data.json") { (emit: (String) throws(BuildError) -> Void) throws(BuildError) in try dataJSON(m.content, figures: m.figures, emit: emit) } } },
        { try unlessKept("tickets.csv") { try sink.stream("tickets.csv") { (emit: (String) throws(BuildError) -> Void) throws(BuildError) in try ticketsCSV(m.content, l: l, emit: emit) } } },
        { try unlessKept("deadlines.ics") { try sink.write("deadlines.ics", deadlinesICS(m.content, figures: m.figures, l: l)) } },
        {
            try page("index.html", template: "dashboard", title: "\(l.t("dashboard")) — \(org)", section: .dashboard, view: m.dashboardView())
        },
    ]

    // The request table, newest first, in pages small enough to stay under 2 MB.
    let perPage = 1000
    let all = m.content.requests
    let sorted = all.indices.sorted { (all[$0].opened, all[$0].id) > (all[$1].opened, all[$1].id) }
    let pages = max(1, (sorted.count + perPage - 1) / perPage)
    for n in 1...pages {
        jobs.append {
            let rows = sorted[min(sorted.count, (n - 1) * perPage)..<min(sorted.count, n * perPage)].map { all[$0] }
            let path = n == 1 ? "tickets/index.html" : "tickets/page/\(n)/index.html"
            let depth = path.split(separator: "/").count - 1
            try page(path, template: "tickets", title: l.t("tickets_page_title"), section: .tickets,
                     view: m.ticketListView(rows: rows, page: n, pages: pages, depth: depth))
        }
    }

    // One page per request, in chunks: each page depends only on the model. A page whose
    // inputs (its file, the theme, the day, the commit, the site) are those of the page already
    // in the output is kept as it is, unrendered.
    let base = m.pageKeyBase(theme: theme)
    let requests = m.content.requests
    // Every request page has the same frame around its title and body: rendered once.
    let requestFrame = try renderer.frame(m.page(title: "", depth: 2, section: .tickets, body: ""))
    let chunk = 250
    for start in stride(from: 0, to: requests.count, by: chunk) {
        jobs.append {
            for i in start..<min(start + chunk, requests.count) {
                let r = requests[i]
                let path = "tickets/\(r.id)/index.html"
                let title = "\(r.id) — \(r.confidential ? l.t("confidential_notice") : r.title)"
                try page(path, key: m.pageKey(for: r, base: base), template: "ticket", title: title, section: .tickets, frame: requestFrame, view: m.ticketView(r, history: m.historyView(for: r)))
            }
        }
    }

    jobs.append {
        var byUnit: [String: [Int]] = [:]
        for (i, r) in m.content.requests.enumerated() { byUnit[r.unit, default: []].append(i) }
        try page("units/index.html", template: "units", title: l.t("nav_units"), section: .units, view: m.unitsIndexView())
        for unit in m.content.site.units {
            try page("units/\(unit.code)/index.html", template: "unit", title: unit.name, section: .units,
                     view: m.unitView(unit, requests: (byUnit[unit.code] ?? []).map { m.content.requests[$0] }))
        }
    }
    jobs.append {
        try page("objectives/index.html", template: "objectives-index", title: l.t("nav_objectives"), section: .objectives,
                 view: m.objectivesIndexView())
        for year in Set(m.content.plans.map(\.year)).sorted() {
            try page("objectives/\(year)/index.html", template: "objectives", title: "\(l.t("objectives_year")) \(year)",
                     section: .objectives, view: m.objectivesYearView(year))
        }
    }
    jobs.append {
        try page("reviews/index.html", template: "reviews", title: l.t("reviews_list"), section: .reviews, view: m.reviewsIndexView())
        for review in m.content.reviews {
            try page("reviews/\(review.id)/index.html", template: "review", title: "\(l.t("form_review")) \(l.date(review.date))",
                     section: .reviews, view: m.reviewView(review))
        }
        try page("reviews/next/index.html", template: "next-review", title: l.t("next_review"), section: .reviews, view: m.nextReviewView())
    }
    let assets = theme.assets
    jobs.append {
        for (path, bytes) in assets.sorted(by: { $0.key < $1.key }) { try sink.write("assets/" + path, bytes) }
    }

    let firstError = Locked<BuildError?>(nil)
    let work = jobs
    @Sendable func perform(_ i: Int) {
        if firstError.withLock({ $0 != nil }) { return }
        do { try work[i]() } catch {
            let failure = error as? BuildError ?? BuildError("\(error)")
            firstError.withLock { if $0 == nil { $0 = failure } }
        }
    }
    // `threads: 1` runs the jobs in order on this thread (tests compare it with the parallel run).
    if threads == 1 {
        for i in work.indices { perform(i) }
    } else {
        DispatchQueue.concurrentPerform(iterations: work.count, execute: perform)
    }
    if let error = firstError.withLock({ $0 }) { throw error }
}

/// The last commit that changed the content folder, or nil outside a repository (or when the
/// folder is not tracked). Not HEAD: a commit elsewhere in the repository does not change what
/// the pages say, so it should not make every page differ.
func gitCommit(of folder: String) -> String? {
    gitLine(["log", "-1", "--format=%h", "--abbrev=12", "--", "."], in: folder)
}

/// The first line git prints, or nil when it fails or prints nothing (no repository, no git).
func gitLine(_ arguments: [String], in folder: String) -> String? {
    let result = runGit(arguments, in: folder)
    guard result.status == 0 else { return nil }
    let text = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
}

extension SiteModel {
    /// What the site-wide pages and exports depend on: everything.
    func siteKey(theme: Theme) -> UInt64 {
        var hash = StableHash()
        hash.add(pageKeyBase(theme: theme))
        hash.add("site")
        for r in content.requests { hash.add(r.fingerprint) }
        for r in content.reviews { hash.add(r.fingerprint) }
        for p in content.plans { hash.add(p.fingerprint) }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { hash.add(path); hash.add(bytes) }
        // The history only changes with a new commit, which is in the base already.
        let t = content.site.settings
        for v in [t.recurrenceThreshold, t.dueSoonDays, t.longActionDays, t.progressIntervalDays, t.reviewIntervalDays, t.retentionYears] {
            hash.add(UInt64(bitPattern: Int64(v)))
        }
        hash.add(content.site.timezone)
        return hash.value
    }

    /// What every request page depends on besides its own record.
    func pageKeyBase(theme: Theme) -> UInt64 {
        var hash = StableHash()
        hash.add("caitien-page-v1")
        hash.add(toolIdentity)
        hash.add(today.iso)
        hash.add(commit ?? "")
        hash.add(content.site.organisation)
        hash.add(content.site.locale)
        hash.add(content.site.baseURL)
        for unit in content.site.units { hash.add(unit.code); hash.add(unit.name) }
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) { hash.add(name); hash.add(text) }
        for (key, text) in l.strings.sorted(by: { $0.key < $1.key }) { hash.add(key); hash.add(text) }
        return hash.value
    }

    /// The inputs of one request page: the base, the record's file, the requests that follow
    /// it, and its git history.
    func pageKey(for r: Request, base: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.add(base)
        hash.add(r.fingerprint)
        for id in followedBy[r.id] ?? [] { hash.add(id) }
        if let history {
            for c in history.commits(forRequest: r.id) { hash.add(c.shortHash) }
        }
        return hash.value
    }
}
