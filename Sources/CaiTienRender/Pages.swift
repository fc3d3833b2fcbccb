import CaiTienAnalysis
import CaiTienModel
import Foundation

/// Renders every page and export into `sink`, on every core. Reads no files.
public func renderSite(_ m: SiteModel, theme: Theme, renderer unfolded: Renderer, into sink: OutputSink, threads: Int = 0) throws(BuildError) {
    let renderer = unfolded.folding(m.strings)
    /// Renders a page, unless the output already holds it made from the same inputs.
    @Sendable func page(_ path: String, inputs: PageInputs = .site, template: String, title: String, section: Section,
                        frame: Frame? = nil, view makeView: @autoclosure () -> View) throws(BuildError) {
        if sink.isCurrent(path, inputs: inputs) { return }
        let depth = path.split(separator: "/").count - 1
        var view = makeView()
        view["t"] = m.strings
        view["organisation"] = m.content.site.organisation
        view["root"] = rootPrefix(depth)
        let body = try renderer.render(template, view)
        if let frame {
            try sink.write(path, frame.page(title: title, body: body), inputs: inputs)
        } else {
            try sink.write(path, try renderer.render("base", m.page(title: title, depth: depth, section: section, body: body)), inputs: inputs)
        }
    }
    typealias Job = @Sendable () throws -> Void
    let l = m.l
    /// Writes an export unless the output already holds it made from the same inputs.
    @Sendable func unlessKept(_ path: String, _ render: () throws -> Void) throws {
        if sink.isCurrent(path, inputs: .site) { return }
        try render()
    }
    let org = m.content.site.organisation
    // The largest jobs first, so the cores finish together.
    var jobs: [Job] = [
        { try unlessKept("data.json") { try sink.stream("data.json", inputs: .site) { (emit: (String) throws(BuildError) -> Void) throws(BuildError) in try dataJSON(m.content, figures: m.figures, commit: m.commit, emit: emit) } } },
        { try unlessKept("tickets.csv") { try sink.stream("tickets.csv", inputs: .site) { (emit: (String) throws(BuildError) -> Void) throws(BuildError) in try ticketsCSV(m.content, l: l, emit: emit) } } },
        { try unlessKept(OutputLayout.requestIndex) { try sink.stream(OutputLayout.requestIndex, inputs: .site) { (emit: (String) throws(BuildError) -> Void) throws(BuildError) in try ticketIndexJS(m, emit: emit) } } },
        { try unlessKept(OutputLayout.calendarFile) { try sink.write(OutputLayout.calendarFile, deadlinesICS(m), inputs: .site) } },
        {
            try page(OutputLayout.dashboard, template: "dashboard", title: "\(l.t("dashboard")) — \(org)", section: .dashboard, view: m.dashboardView())
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
            let path = OutputLayout.requestTable(page: n)
            let depth = path.split(separator: "/").count - 1
            try page(path, template: "tickets", title: l.t("tickets_page_title"), section: .tickets,
                     view: m.ticketListView(rows: rows, page: n, pages: pages, depth: depth))
        }
    }

    // One page per request, in chunks. A page made from the same inputs as the page already in
    // the output is kept as it is, unrendered.
    let requests = m.content.requests
    // Every request page has the same frame around its title and body: rendered once.
    let requestFrame = try renderer.frame(m.page(title: "", depth: 2, section: .tickets, body: ""))
    let chunk = 250
    for start in stride(from: 0, to: requests.count, by: chunk) {
        jobs.append {
            for i in start..<min(start + chunk, requests.count) {
                let r = requests[i]
                let path = OutputLayout.request(r.id)
                let title = "\(r.id) — \(r.confidential ? l.t("confidential_notice") : r.title)"
                let trail = m.auditTrail(r.id)
                try page(path, inputs: m.pageInputs(for: r, trail: trail), template: "ticket", title: title, section: .tickets,
                         frame: requestFrame, view: m.ticketView(r, history: m.historyView(trail)))
            }
        }
    }

    jobs.append {
        var byUnit: [String: [Int]] = [:]
        for (i, r) in m.content.requests.enumerated() { byUnit[r.unit, default: []].append(i) }
        try page(OutputLayout.unitsIndex, template: "units", title: l.t("nav_units"), section: .units, view: m.unitsIndexView())
        for unit in m.content.site.units {
            let calendar = OutputLayout.unitCalendar(unit.code)
            if !sink.isCurrent(calendar, inputs: .site) {
                let mine = (byUnit[unit.code] ?? []).sorted { m.content.requests[$0].id < m.content.requests[$1].id }
                try sink.write(calendar, unitDeadlinesICS(m, unit: unit, requests: mine), inputs: .site)
            }
            try page(OutputLayout.unit(unit.code), template: "unit", title: unit.name, section: .units,
                     view: m.unitView(unit, requests: (byUnit[unit.code] ?? []).map { m.content.requests[$0] }))
        }
    }
    jobs.append {
        try page(OutputLayout.objectivesIndex, template: "objectives-index", title: l.t("nav_objectives"), section: .objectives,
                 view: m.objectivesIndexView())
        for year in Set(m.content.plans.map(\.year)).sorted() {
            try page(OutputLayout.objectives(year: year), template: "objectives", title: "\(l.t("objectives_year")) \(year)",
                     section: .objectives, view: m.objectivesYearView(year))
        }
    }
    jobs.append {
        try page(OutputLayout.reviewsIndex, template: "reviews", title: l.t("reviews_list"), section: .reviews, view: m.reviewsIndexView())
        for review in m.content.reviews {
            try page(OutputLayout.review(review.id), template: "review", title: "\(l.t(review.format == .meeting ? "form_review" : "form_report")) \(l.date(review.date))",
                     section: .reviews, view: m.reviewView(review))
        }
        try page(OutputLayout.nextReview, template: "next-review", title: l.t("next_review"), section: .reviews, view: m.nextReviewView().merging(m.nextReviewDuties()) { own, _ in own })
    }
    jobs.append {
        for duty in m.dutyPages() {
            try page(duty.path, template: duty.template, title: duty.title, section: .duties, view: duty.view())
        }
    }
    let assets = theme.assets
    jobs.append {
        for (path, bytes) in assets.sorted(by: { $0.key < $1.key }) where !sink.isCurrent(OutputLayout.asset(path), inputs: .site) {
            try sink.write(OutputLayout.asset(path), bytes, inputs: .site)
        }
    }

    let firstError = Locked<BuildError?>(nil)
    let work = jobs
    @Sendable func perform(_ i: Int) {
        if firstError.withLock({ $0 != nil }) { return }
        do { try work[i]() } catch {
            let failure = error as? BuildError ?? BuildError(.unexpected, ["problem": .value("\(error)")])
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

