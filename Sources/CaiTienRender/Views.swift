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
        strings = StringTable(table: localizer.strings)
    }

    func unitName(_ code: String?) -> String {
        guard let code else { return l.t("ward") }
        return unitNames[code] ?? code
    }
}

/// One commit of a request's audit trail (its page's "Lịch sử thay đổi").
public struct AuditEntry: Sendable, Hashable {
    /// The abbreviated hash.
    public var commit: String
    public var author: String
    public var date: Day?
    /// The commit message; nil when it may not be shown (it touched a confidential record).
    public var message: String?

    public init(commit: String, author: String, date: Day?, message: String?) {
        self.commit = commit; self.author = author; self.date = date; self.message = message
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
            tile("tile_open", String(r.open), alert: false, href: "tickets/index.html"),
            tile("tile_overdue", String(r.overdue.count), alert: !r.overdue.isEmpty, href: "#overdue"),
            tile("tile_due_soon", String(r.dueSoon.count), alert: false, href: "#due-soon"),
            tile("tile_awaiting_verification", String(r.awaitingVerification.count), alert: false, href: "#awaiting-verification"),
            tile("tile_missing_progress", String(r.missingProgress.count), alert: !r.missingProgress.isEmpty, href: "#missing-progress"),
            tile("tile_recurring", String(required.count), alert: !required.isEmpty, href: "#recurring"),
            tile("tile_attainment", l.percent(shown?.total.attainment), alert: false,
                 href: "objectives/\(shown?.year ?? today.year)/index.html",
                 note: shown.map { "\($0.year): \($0.total.met)/\($0.total.evaluated)" }),
        ]
        let v = f.reviews
        tiles.append(tile(v.due ? "tile_review_due" : "tile_days_since_review",
                          v.daysSinceLast.map(String.init) ?? l.t("no_review_yet"), alert: v.due,
                          href: "reviews/next/index.html", note: v.last.map { l.date($0) }))
        tiles += dutyTiles()

        let lists: [View] = [
            ("overdue", "list_overdue", r.overdue), ("due-soon", "list_due_soon", r.dueSoon),
            ("awaiting-verification", "list_awaiting_verification", r.awaitingVerification),
            ("missing-progress", "list_missing_progress", r.missingProgress),
            ("actions-overdue", "list_actions_overdue", r.actionsOverdue),
            ("undecided", "list_undecided", r.undecided),
        ].map { anchor, key, ids in
            ["anchor": anchor, "title": l.t(key), "count": ids.count, "items": requestItems(ids.prefix(listLimit), depth: depth),
             "empty": ids.isEmpty, "more": ids.count > listLimit ? ids.count - listLimit : nil as Int? as Any]
        }
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
            "tiles": tiles, "lists": lists, "recurring": recurring, "has_recurring": !recurring.isEmpty,
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
                                                     series: [l.t("chart_opened"), l.t("chart_closed")]),
                                header: ["", l.t("chart_opened"), l.t("chart_closed")],
                                rows: months.map { [$0.0, String(Int($0.1[0])), String(Int($0.1[1]))] }))
        let sources = r.bySource.filter { $0.1 > 0 }.map { (l.source($0.0), Double($0.1)) }
        charts.append(chartView(id: "by-source", title: l.t("chart_by_source"),
                                svg: horizontalBarChart(title: l.t("chart_by_source"), id: "by-source", bars: sources),
                                header: [l.t("source"), l.t("total")], rows: sources.map { [$0.0, String(Int($0.1))] }))
        let units = r.byUnit.map { (unitName($0.0), Double($0.1)) }
        charts.append(chartView(id: "by-unit", title: l.t("chart_by_unit"),
                                svg: horizontalBarChart(title: l.t("chart_by_unit"), id: "by-unit", bars: units),
                                header: [l.t("unit"), l.t("total")], rows: units.map { [$0.0, String(Int($0.1))] }))
        let ages = zip(["0–30", "31–90", "91–180", "> 180"], r.ageBuckets).map { ("\($0) \(l.t("days"))", [Double($1)]) }
        charts.append(chartView(id: "age", title: l.t("chart_age"),
                                svg: groupedBarChart(title: l.t("chart_age"), id: "age", groups: ages, series: [l.t("open")]),
                                header: [l.t("chart_age"), l.t("open")], rows: ages.map { [$0.0, String(Int($0.1[0]))] }))
        if let year = figures.objectives.first(where: { $0.year == today.year }) ?? figures.objectives.last(where: { $0.total.evaluated > 0 }) {
            let bars = year.byUnit.map { (unitName($0.0 == "_ward" ? nil : $0.0), ($0.1.attainment ?? 0) * 100) }
            let title = "\(l.t("chart_attainment")) \(year.year)"
            charts.append(chartView(id: "attainment", title: title,
                                    svg: horizontalBarChart(title: title, id: "attainment", bars: bars, maximum: 100, suffix: "%"),
                                    header: [l.t("unit"), l.t("attainment")],
                                    rows: year.byUnit.map { [unitName($0.0 == "_ward" ? nil : $0.0), l.percent($0.1.attainment)] }))
        }
        return charts
    }

    func chartView(id: String, title: String, svg: String, header: [String], rows: [[String]]) -> View {
        ["id": id, "title": title, "svg": svg, "header": header.map { ["text": $0] as View },
         "rows": rows.map { ["cells": $0.map { ["text": $0] as View }] as View }, "table_label": l.t("chart_table")]
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
        [
            "id": r.id, "href": "../tickets/\(r.id)/index.html",
            "title": r.confidential ? l.t("confidential_notice") : r.title,
            "stage": l.stage(r.stage), "stage_key": r.stage.rawValue, "kind": l.kind(r.kind), "kind_key": r.kind.rawValue,
            "unit": unitName(r.unit), "unit_key": r.unit, "opened": l.date(r.opened), "opened_iso": r.opened.iso,
            "due": l.date(r.due), "due_iso": r.due?.iso ?? "", "assignee": r.confidential ? "" : (r.assignedTo ?? ""),
            "overdue": r.isOpen && (r.due.map { $0 < today } ?? false),
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
            "review": r.review.map { ["id": $0, "href": rootPrefix(depth) + "reviews/\($0)/index.html"] as View } as Any,
            "audit": r.audit.map { ["id": $0, "href": rootPrefix(depth) + OutputLayout.audit($0)] as View } as Any,
            "inspection": r.inspection.map { ["id": $0, "href": rootPrefix(depth) + OutputLayout.inspection($0)] as View } as Any,
            "unit_href": rootPrefix(depth) + "units/\(r.unit)/index.html",
            "history": history, "has_history": !history.isEmpty,
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
        return [
            "code": unit.code, "name": unit.name, "head": unit.head ?? "",
            "stages": Stage.allCases.map { ["label": l.stage($0), "count": stageCounts[$0] ?? 0] as View },
            "open": open.prefix(2000).map { requestItem($0, depth: depth) }, "has_open": !open.isEmpty,
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
                        "evaluated": o.met != nil,
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
                    "objectives": objectives, "actions_total": actionsTotal, "actions_done": actionsDone, "actions_late": actionsLate,
                    "body": p.bodyHTML,
                ]
            },
        ]
    }

    func reviewsIndexView() -> View {
        ["reviews": content.reviews.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map { r -> View in
            ["id": r.id, "href": "\(r.id)/index.html", "date": l.date(r.date),
             "format": l.t(r.format == .meeting ? "format_meeting" : "format_report"),
             "decisions": r.decisions.count, "missing": r.missingInputs.count]
        }, "due": figures.reviews.due, "next_due": l.date(figures.reviews.nextDue)]
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
        return [
            "id": r.id, "date": l.date(r.date), "meeting": r.format == .meeting,
            "form_title": l.t(r.format == .meeting ? "form_review" : "form_report"),
            "format": l.t(r.format == .meeting ? "format_meeting" : "format_report"),
            "chair": r.chair ?? "", "secretary": r.secretary ?? "",
            "attendees": r.attendees.map { ["name": $0] as View }, "has_attendees": !r.attendees.isEmpty,
            "approved_by": r.approvedBy ?? "", "approved_on": l.date(r.approvedOn),
            "inputs": Review.inputKeys.map { key -> View in
                let html = r.inputsHTML[key] ?? ""
                return ["label": l.t("input_" + key), "html": html, "missing": html.isEmpty]
            },
            "decisions": r.decisions.map { decisionView($0, depth: depth) }, "has_decisions": !r.decisions.isEmpty,
            "body": r.bodyHTML,
        ]
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
