import CaiTienAnalysis
import CaiTienModel

/// What every page needs: the site, the figures, the strings, the reference day.
public struct SiteModel: Sendable {
    public var content: Content
    public var figures: Figures
    public var l: Localizer
    public var today: Day
    /// The git commit of the content, when it is in a repository.
    public var commit: String?
    /// The commits that changed a request's file, newest first, as its page shows them (empty
    /// outside git). Messages that may not be shown are already withheld.
    public var auditTrail: @Sendable (_ requestID: String) -> [AuditEntry] = { _ in [] }
    /// Request id → index in `content.requests` (indices, so no record is copied).
    var requestIndex: [String: Int]
    /// Requests that name each request in `follow_up`.
    var followedBy: [String: [String]]
    var unitNames: [String: String]
    var unitHeads: [String: String]
    /// The UI strings for templates (`{{t.key}}`).
    var strings: StringTable

    public init(content: Content, figures: Figures, localizer: Localizer, commit: String?) {
        self.content = content
        self.figures = figures
        self.l = localizer
        self.today = figures.today
        self.commit = commit
        requestIndex = Dictionary(content.requests.indices.map { (content.requests[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var followed: [String: [String]] = [:]
        for r in content.requests { if let f = r.followUp { followed[f, default: []].append(r.id) } }
        followedBy = followed.mapValues { $0.sorted() }
        unitNames = Dictionary(content.site.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        unitHeads = Dictionary(content.site.units.compactMap { u in u.head.map { (u.code, $0) } }, uniquingKeysWith: { a, _ in a })
        strings = StringTable(table: localizer.strings)
    }

    func unitName(_ code: String?) -> String {
        guard let code else { return l.t("ward") }
        return unitNames[code] ?? code
    }
}

extension SiteModel {
    /// The audit trail of a request page: date, author, message, short hash.
    func historyView(_ trail: [AuditEntry]) -> [View] {
        trail.map { c in
            ["date": l.date(c.date), "date_iso": c.date?.iso ?? "", "author": c.author,
             "message": c.message ?? l.t("confidential_notice"), "commit": c.commit] as View
        }
    }

    /// What a request's page is made from besides what every page shares: its own file, the
    /// files of the requests that name it as their follow-up, and its audit trail as shown.
    func pageInputs(for r: Request, trail: [AuditEntry]) -> PageInputs {
        var shown: [String] = []
        shown.reserveCapacity(trail.count)
        for c in trail { shown.append("\(c.commit)\u{1F}\(c.author)\u{1F}\(c.date?.iso ?? "")\u{1F}\(c.message ?? "\u{0}")") }
        return .requests([r.id] + (followedBy[r.id] ?? []), shown: shown)
    }
}

/// Lists on the dashboard show this many requests and then say how many more there are, so the
/// page stays small at 100,000 requests (the full lists are in data.json and the request table).
let listLimit = 50

/// Relative link from a page `depth` folders below the root (file:// browsing works too).
func rootPrefix(_ depth: Int) -> String { depth == 0 ? "" : String(repeating: "../", count: depth) }

enum Section: String { case dashboard, tickets, objectives, reviews, units, duties }

extension SiteModel {
    /// The frame of every page; `body` is the page's own rendered template.
    func page(title: String, depth: Int, section: Section, body: String) -> View {
        let root = rootPrefix(depth)
        let nav: [View] = [
            ["label": l.t("nav_dashboard"), "href": root + "index.html", "current": section == .dashboard],
            ["label": l.t("nav_tickets"), "href": root + "tickets/index.html", "current": section == .tickets],
            ["label": l.t("nav_objectives"), "href": root + "objectives/index.html", "current": section == .objectives],
            ["label": l.t("nav_reviews"), "href": root + "reviews/index.html", "current": section == .reviews],
            ["label": l.t("nav_units"), "href": root + "units/index.html", "current": section == .units],
            ["label": l.t("nav_duties"), "href": root + OutputLayout.auditsIndex, "current": section == .duties],
        ]
        return [
            "title": title, "root": root, "lang": l.locale, "organisation": content.site.organisation,
            "today": l.date(today), "today_iso": today.iso, "commit": commit as Any, "nav": nav, "t": strings,
            "body": body,
        ]
    }

    func requestLink(_ id: String, depth: Int) -> String { rootPrefix(depth) + "tickets/\(id)/index.html" }

    /// A request in a list: its title hidden when confidential.
    func requestItem(_ r: Request, depth: Int) -> View {
        [
            "id": r.id, "href": requestLink(r.id, depth: depth),
            "title": r.confidential ? l.t("confidential_notice") : r.title, "confidential": r.confidential,
            "unit": unitName(r.unit), "stage": l.stage(r.stage), "stage_key": r.stage.rawValue,
            "due": r.due.map { l.date($0) } as Any, "opened": l.date(r.opened),
            "overdue": r.isOpen && (r.due.map { $0 < today } ?? false),
        ]
    }

    func requestItems<S: Sequence<String>>(_ ids: S, depth: Int) -> [View] {
        ids.compactMap { requestIndex[$0] }.map { requestItem(content.requests[$0], depth: depth) }
    }
}

// MARK: - Dashboard

extension SiteModel {
    func dashboardView() -> View {
        let f = figures
        let r = f.requests
        let depth = 0
        let required = f.recurring.filter { $0.coveredBy == nil }
        let year = f.objectives.first { $0.year == today.year }
        // Before the year is evaluated, the tile shows the last evaluated year, named in its note.
        let shown = (year?.total.evaluated ?? 0) > 0 ? year : f.objectives.last { $0.total.evaluated > 0 && $0.year < today.year } ?? year
        func tile(_ key: String, _ value: String, alert: Bool, href: String?, note: String? = nil) -> View {
            ["label": l.t(key), "value": value, "alert": alert, "href": href as Any, "note": note as Any, "key": key]
        }
        var tiles: [View] = [
            tile("tile_open", String(r.open), alert: false, href: "tickets/index.html?status=open"),
            tile("tile_leader_queue", String(r.leaderQueue.count), alert: r.leaderQueueAlert, href: "tickets/index.html?status=leader",
                 note: r.leaderQueueLongestWait.map { l.timing(.waiting($0)) }),
            tile("tile_overdue", String(r.overdue.count), alert: !r.overdue.isEmpty, href: "tickets/index.html?status=overdue"),
            tile("tile_due_soon", String(r.dueSoon.count), alert: false, href: "tickets/index.html?status=due_soon"),
            tile("tile_awaiting_verification", String(r.awaitingVerification.count), alert: false, href: "tickets/index.html?stage=verifying"),
            tile("tile_missing_progress", String(r.missingProgress.count), alert: !r.missingProgress.isEmpty, href: "tickets/index.html?status=missing_progress"),
            tile("tile_recurring", String(required.count), alert: !required.isEmpty, href: "#recurring-required"),
            tile("tile_attainment", l.percent(shown?.total.attainment), alert: false,
                 href: "objectives/\(shown?.year ?? today.year)/index.html",
                 note: shown.map { "\($0.year): \($0.total.met)/\($0.total.evaluated)" }),
        ]
        if let year, !year.atRisk.isEmpty || !year.notMet.isEmpty {
            let count = year.atRisk.count + year.notMet.count
            tiles.append(tile("tile_objectives_at_risk", String(count), alert: true,
                              href: "objectives/\(year.year)/index.html#at-risk", note: String(year.year)))
        }
        let v = f.reviews
        tiles.append(tile(v.due ? "tile_review_due" : "tile_days_since_review",
                          v.daysSinceLast.map(String.init) ?? l.t("no_review_yet"), alert: v.due,
                          href: "reviews/next/index.html", note: v.last.map { l.date($0) }))
        tiles += dutyTiles()

        let lists = workLists(depth: depth, limit: listLimit)
        let decisionsWaiting = decisionsWaitingView(depth: depth)
        let recurring: [View] = f.recurring.map { g in
            [
                "unit": unitName(g.unit), "unit_href": "units/\(g.unit)/index.html", "category": g.category ?? l.t("confidential_notice"), "run": g.run,
                "required": g.coveredBy == nil, "covered_by": g.coveredBy as Any,
                "covered_href": g.coveredBy.map { requestLink($0, depth: depth) } as Any,
                "items": requestItems(g.ids.prefix(listLimit), depth: depth),
                "more": g.ids.count > listLimit ? g.ids.count - listLimit : nil as Int? as Any,
            ]
        }
        let objectiveRows: [View] = (year?.byUnit ?? []).map { unit, a in
            ["unit": unitName(unit == "_ward" ? nil : unit), "objectives": a.objectives, "evaluated": a.evaluated, "met": a.met,
             "attainment": l.percent(a.attainment)]
        }
        return [
            "tiles": tiles, "lists": lists,
            "recurring_required": recurring.filter { $0["required"] as? Bool == true },
            "recurring_covered": recurring.filter { $0["required"] as? Bool != true },
            "decisions_waiting": decisionsWaiting, "has_decisions_waiting": !decisionsWaiting.isEmpty,
            "decisions_waiting_count": decisionsWaiting.count, "has_recurring": !recurring.isEmpty,
            "charts": dashboardCharts(), "deadlines": deadlines(depth: depth, limit: 12),
            "year": today.year, "objective_rows": objectiveRows, "has_objectives": !objectiveRows.isEmpty,
            "rates": [
                ["label": l.t("closed_on_time_rate"), "value": l.percent(r.closedOnTimeRate)],
                ["label": l.t("effectiveness_rate"), "value": l.percent(r.effectivenessRate)],
                ["label": l.t("days_to_close_median"), "value": l.number(r.daysToCloseMedian)],
                ["label": l.t("days_to_close_p90"), "value": r.daysToCloseP90.map(String.init) ?? "—"],
                ["label": l.t("total"), "value": String(r.total)],
                ["label": l.t("closed"), "value": String(r.closed)],
            ] as [View],
        ]
    }

    func dashboardCharts() -> [View] {
        let r = figures.requests
        var charts: [View] = []
        let months = r.perMonth.map { m -> (String, [Double]) in
            let parts = m.month.split(separator: "-")
            return ("\(parts[1])/\(parts[0].suffix(2))", [Double(m.opened), Double(m.closed)])
        }
        charts.append(chartView(id: "per-month", title: l.t("chart_per_month"),
                                svg: groupedBarChart(title: l.t("chart_per_month"), id: "per-month", groups: months,
                                                     series: [l.t("chart_opened"), l.t("chart_closed")], locale: l.locale),
                                header: ["", l.t("chart_opened"), l.t("chart_closed")],
                                rows: months.map { [$0.0, chartNumber($0.1[0], locale: l.locale), chartNumber($0.1[1], locale: l.locale)] }))
        let sources = r.bySource.filter { $0.1 > 0 }.map { (l.source($0.0), Double($0.1) as Double?) }
        charts.append(chartView(id: "by-source", title: l.t("chart_by_source"),
                                svg: horizontalBarChart(title: l.t("chart_by_source"), id: "by-source", bars: sources, locale: l.locale),
                                header: [l.t("source"), l.t("total")], rows: sources.map { [$0.0, chartNumber($0.1 ?? 0, locale: l.locale)] }))
        let units = r.byUnit.map { (unitName($0.0), Double($0.1) as Double?) }
        charts.append(chartView(id: "by-unit", title: l.t("chart_by_unit"),
                                svg: horizontalBarChart(title: l.t("chart_by_unit"), id: "by-unit", bars: units, locale: l.locale),
                                header: [l.t("unit"), l.t("total")], rows: units.map { [$0.0, chartNumber($0.1 ?? 0, locale: l.locale)] }))
        let ages = zip(["0–30", "31–90", "91–180", "> 180"], r.ageBuckets).map { ("\($0) \(l.t("days"))", [Double($1)]) }
        charts.append(chartView(id: "age", title: l.t("chart_age"),
                                svg: groupedBarChart(title: l.t("chart_age"), id: "age", groups: ages, series: [l.t("open")], locale: l.locale),
                                header: [l.t("chart_age"), l.t("open")], rows: ages.map { [$0.0, chartNumber($0.1[0], locale: l.locale)] }))
        let trends = figures.trends
        // The ten most frequent categories, the rest summed (SPEC §3: a confidential-only category is withheld).
        var pareto = trends.categories.prefix(10).map { ($0.category ?? l.t("confidential_notice"), Double($0.count), $0.cumulative) }
        let rest = trends.categories.dropFirst(10).reduce(0) { $0 + $1.count }
        if rest > 0 { pareto.append((l.t("chart_other_categories"), Double(rest), trends.categories.last?.cumulative ?? 1)) }
        let paretoTitle = "\(l.t("chart_pareto")) (\(l.date(trends.since)) – \(l.date(today)))"
        if !pareto.isEmpty {
            charts.append(chartView(id: "pareto", title: paretoTitle,
                                    svg: paretoChart(title: paretoTitle, id: "pareto", bars: pareto, locale: l.locale),
                                    header: [l.t("category"), l.t("total"), l.t("chart_cumulative")],
                                    rows: pareto.map { [$0.0, chartNumber($0.1, locale: l.locale), l.percent($0.2)] }))
        }
        let stageTitle = "\(l.t("chart_stage_time")) (\(l.date(trends.since)) – \(l.date(today)))"
        let stages = trends.stageTimes.map { (l.t("to_" + $0.milestone), $0.median) }
        charts.append(chartView(id: "stage-time", title: stageTitle,
                                svg: horizontalBarChart(title: stageTitle, id: "stage-time", bars: stages, suffix: " " + l.t("days"), locale: l.locale),
                                header: [l.t("chart_milestone"), l.t("days_median"), l.t("chart_requests")],
                                rows: trends.stageTimes.map { [l.t("to_" + $0.milestone), l.number($0.median), String($0.count)] }))
        let ageSeries = ["0–30", "31–90", "91–180", "> 180"].map { "\($0) \(l.t("days"))" }
        let unitAges = trends.openByUnitAge.map { (unitName($0.unit), $0.buckets.map(Double.init)) }
        charts.append(chartView(id: "unit-age", title: l.t("chart_unit_age"),
                                svg: stackedBarChart(title: l.t("chart_unit_age"), id: "unit-age", rows: unitAges, series: ageSeries, locale: l.locale),
                                header: [l.t("unit")] + ageSeries + [l.t("total")],
                                rows: trends.openByUnitAge.map { row in
                                    [unitName(row.unit)] + row.buckets.map(String.init) + [String(row.buckets.reduce(0, +))]
                                }))
        // The year the attainment tile shows: this year once something is evaluated, else the last evaluated year.
        let thisYear = figures.objectives.first { $0.year == today.year }
        let evaluated = (thisYear?.total.evaluated ?? 0) > 0 ? thisYear : figures.objectives.last { $0.total.evaluated > 0 && $0.year < today.year }
        if let year = evaluated ?? thisYear {
            let bars = year.byUnit.map { (unitName($0.0 == "_ward" ? nil : $0.0), $0.1.attainment.map { $0 * 100 }) }
            let title = "\(l.t("chart_attainment")) \(year.year)"
            charts.append(chartView(id: "attainment", title: title,
                                    svg: horizontalBarChart(title: title, id: "attainment", bars: bars, maximum: 100, suffix: "%", locale: l.locale),
                                    header: [l.t("unit"), l.t("attainment")],
                                    rows: year.byUnit.map { [unitName($0.0 == "_ward" ? nil : $0.0), l.percent($0.1.attainment)] }))
        }
        return charts
    }

    func chartView(id: String, title: String, svg: String, header: [String], rows: [[String]]) -> View {
        ["id": id, "title": title, "svg": svg, "header": header.map { ["text": $0] as View }, "wide": header.count > 2,
         "rows": rows.map { ["cells": zip($0, header + Array(repeating: "", count: max(0, $0.count - header.count))).map { ["text": $0.0, "label": $0.1] as View }] as View },
         "table_label": l.t("chart_table")]
    }

    /// Next deadlines: requests due, 30/01 and 31/12, the management review.
    func deadlines(depth: Int, limit: Int) -> [View] {
        var items: [(Day, String, String, String?)] = []
        let root = rootPrefix(depth)
        for r in content.requests where r.isOpen {
            if let due = r.due, due >= today {
                items.append((due, l.t("deadline_request") + " " + r.id, r.confidential ? "" : r.title, requestLink(r.id, depth: depth)))
            }
        }
        for year in [today.year, today.year + 1] {
            guard let plan = Day(year: year, month: 1, day: 30), let evaluation = Day(year: year, month: 12, day: 31) else { continue }
            if plan >= today { items.append((plan, "\(l.t("deadline_plan")) \(year)", "5.9", root + "objectives/index.html")) }
            if evaluation >= today { items.append((evaluation, "\(l.t("deadline_evaluation")) \(year)", "5.9", root + "objectives/index.html")) }
        }
        if let due = figures.reviews.nextDue {
            items.append((max(due, today), l.t("deadline_review"), "5.8", root + "reviews/next/index.html"))
        }
        for d in figures.dutyDeadlines(content, l: l) where d.day >= today { items.append((d.day, d.label, d.detail, root + d.path)) }
        return items.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map { day, label, detail, href in
            ["date": l.date(day), "date_iso": day.iso, "label": label, "detail": detail, "href": href as Any,
             "soon": day.days(since: today) <= 14]
        }
    }
}

// MARK: - Request pages

extension SiteModel {
    func ticketRow(_ r: Request) -> View {
        let cell = ownerCell(r.id)
        return [
            "id": r.id, "href": "../tickets/\(r.id)/index.html",
            "title": r.confidential ? l.t("confidential_notice") : r.title,
            "stage": l.stage(r.stage), "stage_key": r.stage.rawValue, "kind": l.kind(r.kind), "kind_key": r.kind.rawValue,
            "unit": unitName(r.unit), "unit_key": r.unit, "opened": l.date(r.opened), "opened_iso": r.opened.iso,
            "due": l.date(r.due), "due_iso": r.due?.iso ?? "", "assignee": r.confidential ? "" : (r.assignedTo ?? ""),
            "overdue": r.isOpen && (r.due.map { $0 < today } ?? false),
            "owner": cell.owner, "timing": cell.timing, "timing_late": cell.late,
            "source_key": r.source.rawValue, "year": r.opened.year,
        ]
    }

    func ticketListView(rows: [Request], page: Int, pages: Int, depth: Int) -> View {
        let root = rootPrefix(depth)
        func pageHref(_ n: Int) -> String { n == 1 ? root + "tickets/index.html" : root + "tickets/page/\(n)/index.html" }
        var view: View = [
            "rows": rows.map { r -> View in
                var row = ticketRow(r)
                row["href"] = requestLink(r.id, depth: depth)
                return row
            },
            "count": rows.count, "total": content.requests.count,
            "stages": Stage.allCases.map { ["key": $0.rawValue, "label": l.stage($0)] as View },
            "units": content.site.units.map { ["key": $0.code, "label": $0.name] as View },
            "kinds": Kind.allCases.map { ["key": $0.rawValue, "label": l.kind($0)] as View },
            "sources": Source.allCases.map { ["key": $0.rawValue, "label": l.source($0)] as View },
            "years": Set(content.requests.map(\.opened.year)).sorted(by: >).map { ["key": String($0)] as View },
            "statuses": ListFlag.allCases.map { ["key": $0.key, "label": l.t("status_" + $0.key)] as View },
            "page": page, "pages": pages, "paginated": pages > 1,
            "previous": page > 1 ? pageHref(page - 1) : nil as String? as Any,
            "next": page < pages ? pageHref(page + 1) : nil as String? as Any,
        ]
        view["page_links"] = (1...max(1, pages)).map { ["number": $0, "href": pageHref($0), "current": $0 == page] as View }
        return view
    }

    func ticketView(_ r: Request, history: [View]) -> View {
        let depth = 2
        // Dates are shown for every request, confidential ones too (SPEC §3).
        let dated: [(Day?, String)] = [
            (r.opened, "ms_opened"), (r.decidedOn, "ms_decided"), (r.assignedOn, "ms_assigned"), (r.approvedOn, "ms_approved"),
            (r.completedOn, "ms_completed"), (r.verifiedOn, "ms_verified"), (r.closed, "ms_closed"), (r.cancelled, "ms_cancelled"),
        ]
        let milestones = dated.compactMap { day, label in day.map { ($0, label) } }
        var timeline: [View] = milestones.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map {
            ["date": l.date($0.element.0), "date_iso": $0.element.0.iso, "label": l.t($0.element.1), "due": false, "late": false]
        }
        if let due = r.due {
            let late = (r.closed.map { $0 > due } ?? (r.isOpen && due < today))
            timeline.append(["date": l.date(due), "date_iso": due.iso, "label": l.t("ms_due"), "due": true, "late": late])
            timeline.sort { ($0["date_iso"] as! String) < ($1["date_iso"] as! String) }
        }
        let c = r.confidential
        func field(_ key: String, _ value: String?, hidden: Bool = false) -> View? {
            guard let value, !value.isEmpty else { return nil }
            return ["label": l.t(key), "value": hidden ? l.t("confidential_notice") : value]
        }
        let fields: [View] = [
            field("kind", l.kind(r.kind)), field("source", l.source(r.source)), field("unit", unitName(r.unit)),
            field("category", r.category, hidden: c), field("severity", l.t("severity_" + r.severity.rawValue)),
            field("opened", l.date(r.opened)), field("reported_by", c ? nil : r.reportedBy),
            field("disposition", r.disposition.map { l.t("disposition_" + $0.rawValue) }),
            field("action_needed", r.actionNeeded.map { l.t($0 ? "answer_yes" : "answer_no") }),
            field("decided_by", c ? nil : r.decidedBy), field("assigned_to", c ? nil : r.assignedTo),
            field("approved_by", c ? nil : r.approvedBy), field("due", l.date(r.due)),
            field("verified_by", c ? nil : r.verifiedBy), field("result", r.result.map { l.t("result_" + $0.rawValue) }),
            field("cancel_reason", c ? nil : r.cancelReason),
        ].compactMap { $0 }
        let actions: [View] = c ? [] : r.actions.map { a in
            let late = a.isLate(today: today)
            return ["what": a.what, "owner": a.owner ?? "", "due": l.date(a.due), "done": l.date(a.done), "late": late]
        }
        let notes: ([Note]) -> [View] = { list in c ? [] : list.sorted { $0.date > $1.date }.map { ["date": l.date($0.date), "note": $0.note] } }
        let follows = followedBy[r.id] ?? []
        return [
            "id": r.id, "title": c ? l.t("confidential_notice") : r.title, "confidential": c,
            "stage": l.stage(r.stage), "stage_key": r.stage.rawValue, "fields": fields, "timeline": timeline,
            "box1": c ? "" : r.boxes.request, "box2": c ? "" : r.boxes.causeAndActions, "box3": c ? "" : r.boxes.verification,
            "actions": actions, "has_actions": !actions.isEmpty,
            "progress": notes(r.progress), "has_progress": !c && !r.progress.isEmpty,
            "changes": notes(r.changes), "has_changes": !c && !r.changes.isEmpty,
            "follow_up": r.followUp.map { ["id": $0, "href": requestLink($0, depth: depth)] as View } as Any,
            "follows": follows.map { ["id": $0, "href": requestLink($0, depth: depth)] as View },
            "has_follows": !follows.isEmpty,
            "review": r.review.map { ["id": reviewLabel($0), "href": rootPrefix(depth) + "reviews/\($0)/index.html"] as View } as Any,
            "audit": r.audit.map { ["id": $0, "href": rootPrefix(depth) + OutputLayout.audit($0)] as View } as Any,
            "inspection": r.inspection.map { ["id": $0, "href": rootPrefix(depth) + OutputLayout.inspection($0)] as View } as Any,
            "unit_href": rootPrefix(depth) + "units/\(r.unit)/index.html",
            "history": history, "has_history": !history.isEmpty,
            "standing": standingView(r),
            "doc": documentHeader(title: l.t("form_ticket"), subtitle: "\(l.t("id")): \(r.id)", code: "BM.CTCL.01", day: r.opened),
            "signatures": requestSignatures(r),
        ]
    }
}

// MARK: - Units, objectives, reviews

extension SiteModel {
    func unitsIndexView() -> View {
        let counts = Dictionary(figures.requests.byUnit, uniquingKeysWith: { a, _ in a })
        var openByUnit: [String: Int] = [:]
        for r in content.requests where r.isOpen { openByUnit[r.unit, default: 0] += 1 }
        return ["units": content.site.units.map { u in
            let open = openByUnit[u.code] ?? 0
            return ["code": u.code, "name": u.name, "head": u.head ?? "", "href": "\(u.code)/index.html",
                    "total": counts[u.code] ?? 0, "open": open] as View
        }]
    }

    func unitView(_ unit: Unit, requests: [Request]) -> View {
        let depth = 2
        let open = requests.filter(\.isOpen).sorted { ($0.due ?? Day(ordinal: Int.max), $0.id) < ($1.due ?? Day(ordinal: Int.max), $1.id) }
        let closed = requests.filter { !$0.isOpen }.sorted { ($0.closed ?? $0.cancelled ?? $0.opened, $0.id) > ($1.closed ?? $1.cancelled ?? $1.opened, $1.id) }
        var stageCounts: [Stage: Int] = [:]
        for r in requests { stageCounts[r.stage, default: 0] += 1 }
        let recurring = figures.recurring.filter { $0.unit == unit.code }.map { g -> View in
            ["category": g.category ?? l.t("confidential_notice"), "run": g.run, "required": g.coveredBy == nil, "covered_by": g.coveredBy as Any,
             "covered_href": g.coveredBy.map { requestLink($0, depth: depth) } as Any]
        }
        let plans = content.plans.filter { $0.unit == unit.code }.sorted { $0.year > $1.year }.map { p -> View in
            let a = p.evaluatedAndMet
            return ["year": p.year, "href": rootPrefix(depth) + "objectives/\(p.year)/index.html#\(p.unit ?? "_ward")",
                    "objectives": p.objectives.count, "attainment": l.percent(rate(a.1, a.0))]
        }
        let limit = 500
        let work = workLists(depth: depth, limit: listLimit, unit: unit.code)
        return [
            "code": unit.code, "name": unit.name, "head": unit.head ?? "",
            "work": work, "has_work": !work.isEmpty,
            "stages": Stage.allCases.map { ["label": l.stage($0), "count": stageCounts[$0] ?? 0] as View },
            "open": open.prefix(2000).compactMap { workItem($0.id, depth: depth) }, "has_open": !open.isEmpty,
            "closed": closed.prefix(limit).map { requestItem($0, depth: depth) }, "has_closed": !closed.isEmpty,
            "closed_truncated": closed.count > limit, "closed_total": closed.count,
            "recurring": recurring, "has_recurring": !recurring.isEmpty,
            "plans": plans, "has_plans": !plans.isEmpty,
        ]
    }

    func objectivesIndexView() -> View {
        let years = Set(content.plans.map(\.year)).sorted(by: >)
        return ["years": years.map { y -> View in
            let f = figures.objectives.first { $0.year == y }
            return ["year": y, "href": "\(y)/index.html", "objectives": f?.total.objectives ?? 0, "evaluated": f?.total.evaluated ?? 0,
                    "met": f?.total.met ?? 0, "attainment": l.percent(f?.total.attainment)]
        }]
    }

    func objectivesYearView(_ year: Int) -> View {
        let f = figures.objectives.first { $0.year == year }
        let plans = content.plans.filter { $0.year == year }.sorted { ($0.unit ?? "") < ($1.unit ?? "") }
        return [
            "year": year,
            "objectives": f?.total.objectives ?? 0, "evaluated": f?.total.evaluated ?? 0, "met": f?.total.met ?? 0,
            "attainment": l.percent(f?.total.attainment),
            "missing_plans": (f?.missingPlans ?? []).map { ["unit": unitName($0 == "_ward" ? nil : $0)] as View },
            "has_missing_plans": !(f?.missingPlans ?? []).isEmpty,
            "at_risk": objectiveList(((f?.atRisk ?? []) + (f?.notMet ?? [])).sorted(), plans: plans),
            "at_risk_count": (f?.atRisk.count ?? 0) + (f?.notMet.count ?? 0),
            "standings": (f?.standings ?? []).map { ["label": l.t("standing_" + $0.0.rawValue), "count": $0.1] as View },
            "plans": plans.map { p -> View in
                let approvedLate = p.approvedOn.map { $0 > p.approvalDeadline } ?? false
                let evaluatedLate = p.evaluatedOn.map { $0 > p.evaluationDeadline } ?? false
                let a = p.evaluatedAndMet
                var actionsDone = 0, actionsLate = 0, actionsTotal = 0
                let objectives = p.objectives.map { o -> View in
                    let last = o.measurements.max { $0.date < $1.date }
                    let actions = o.plan.map { a -> View in
                        actionsTotal += 1
                        let late = a.isLate(today: today)
                        if a.done != nil { actionsDone += 1 }
                        if late { actionsLate += 1 }
                        return ["what": a.what, "owner": a.owner ?? "", "due": l.date(a.due), "done": a.done.map { l.date($0) } as Any, "late": late]
                    }
                    return [
                        "code": o.code, "text": o.text, "measure": o.measure ?? "",
                        "target": "\(l.t(o.direction == .atLeast ? "at_least" : "at_most")) \(l.number(o.target))\(o.measure.map { " " + $0 } ?? "")",
                        "actual": o.actual.map { l.number($0) } ?? "", "met": o.met == true, "not_met": o.met == false,
                        "evaluated": o.met != nil, "id": "\(p.id)#\(o.code)",
                        "standing": l.t("standing_" + standing(of: o, year: p.year, today: today).status.rawValue),
                        "standing_class": standingClass(standing(of: o, year: p.year, today: today).status),
                        "last_measurement": last.map { "\(l.number($0.value)) (\(l.date($0.date)))" } ?? "",
                        "actions": actions, "has_actions": !actions.isEmpty,
                    ]
                }
                return [
                    "anchor": p.unit ?? "_ward", "unit": unitName(p.unit),
                    "unit_href": p.unit.map { "../../units/\($0)/index.html" } as Any,
                    "approved_by": p.approvedBy ?? "", "approved_on": l.date(p.approvedOn), "approved_late": approvedLate,
                    "not_approved": p.approvedOn == nil,
                    "evaluated_on": l.date(p.evaluatedOn), "evaluated_late": evaluatedLate,
                    "evaluation_missing": p.evaluatedOn == nil && today > p.evaluationDeadline,
                    "attainment": l.percent(rate(a.1, a.0)), "met": a.1, "evaluated": a.0, "count": p.objectives.count,
                    "objectives": objectives, "actions_total": actionsTotal, "actions_done": actionsDone,
                    "actions_late": actionsLate > 0 ? actionsLate : nil as Int? as Any,
                    "body": p.bodyHTML,
                ]
            },
        ]
    }

    func reviewsIndexView() -> View {
        var waiting: [String: Int] = [:]
        for d in figures.reviews.decisionsWaiting { waiting[d.review, default: 0] += 1 }
        return ["reviews": content.reviews.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map { r -> View in
            let missing = r.missingInputs.count
            return ["id": r.id, "href": "\(r.id)/index.html", "date": l.date(r.date),
                    "format": l.t(r.format == .meeting ? "format_meeting" : "format_report"),
                    "inputs": "\(Review.inputKeys.count - missing)/\(Review.inputKeys.count)",
                    "missing": missing > 0 ? missing : nil as Int? as Any,
                    "decisions": r.decisions.count, "without_ticket": waiting[r.id] as Any]
        }, "due": figures.reviews.due, "next_due": l.date(figures.reviews.nextDue)]
    }

    /// A review named by its id, which is its date by convention: shown as the date when it is one.
    func reviewLabel(_ id: String) -> String {
        Day(parsing: id).map { l.date($0) } ?? id
    }

    func decisionView(_ d: Review.Decision, depth: Int) -> View {
        let request = d.ticket.flatMap { requestIndex[$0] }.map { content.requests[$0] }
        return [
            "type": l.t("decision_" + d.type.rawValue), "text": d.text, "owner": d.owner ?? "", "due": l.date(d.due),
            "ticket": d.ticket as Any, "ticket_href": d.ticket.map { requestLink($0, depth: depth) } as Any,
            "ticket_stage": request.map { l.stage($0.stage) } ?? "",
            "ticket_overdue": request.map { $0.isOpen && ($0.due.map { $0 < today } ?? false) } ?? false,
        ]
    }

    func reviewView(_ r: Review) -> View {
        let depth = 2
        let meeting = r.format == .meeting
        let decisions = r.decisions.map { decisionView($0, depth: depth) }
        var view: View = [
            "id": r.id, "date": l.date(r.date), "meeting": meeting,
            "format": l.t(meeting ? "format_meeting" : "format_report"),
            "chair": r.chair ?? "", "secretary": r.secretary ?? "",
            "attendees": r.attendees.map { ["name": $0] as View }, "has_attendees": !r.attendees.isEmpty,
            "inputs_title": l.t(meeting ? "inputs" : "inputs_report"),
            "inputs": Review.inputKeys.map { key -> View in
                let html = r.inputsHTML[key] ?? ""
                return ["label": l.t("input_" + key), "html": html, "missing": html.isEmpty]
            },
            "decisions_title": l.t(meeting ? "decisions" : "decisions_notice"),
            "decisions": decisions, "has_decisions": !decisions.isEmpty,
            "body": r.bodyHTML,
        ]
        if meeting {
            // Nghị định 30/2020: in minutes the secretary signs on the left, the chair on the right.
            view["doc"] = documentHeader(title: l.t("form_review"), subtitle: nil, code: "BM.CTCL.02", day: r.date)
            view["signatures"] = [signature(l.t("sign_secretary"), name: r.secretary, on: nil),
                                  signature(l.t("sign_chair"), name: r.chair, on: nil)]
            view["notice"] = nil as View? as Any
        } else {
            view["doc"] = documentHeader(title: l.t("form_report"), subtitle: nil, code: "BM.CTCL.02", day: r.reportApprovedOn ?? r.date)
            view["signatures"] = [signature(l.t("sign_report_writer"), for: l.t("sign_report_writer_for"), name: nil, on: nil),
                                  signature(l.t("sign_report_approver"), for: l.t("sign_report_approver_for"),
                                            name: r.reportApprovedBy, on: r.reportApprovedOn)]
            view["notice"] = [
                "doc": documentHeader(title: l.t("form_notice"), subtitle: nil, code: "BM.CTCL.02", day: r.approvedOn ?? r.date),
                "signatures": [signature(l.t("sign_report_writer"), name: nil, on: nil),
                               signature(l.t("sign_notice_approver"), for: l.t("sign_notice_approver_for"),
                                         name: r.approvedBy, on: r.approvedOn)],
            ] as View
        }
        return view
    }
}

extension Action {
    /// Done after its due day, or not done and past it.
    func isLate(today: Day) -> Bool {
        if let done { return due.map { done > $0 } ?? false }
        return due.map { $0 < today } ?? false
    }
}

extension ObjectivePlan {
    /// (objectives evaluated, objectives met).
    var evaluatedAndMet: (Int, Int) {
        objectives.reduce(into: (0, 0)) { acc, o in if let met = o.met { acc.0 += 1; if met { acc.1 += 1 } } }
    }
}
