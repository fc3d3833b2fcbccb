import CaiTienAnalysis
import CaiTienModel

extension Localizer {
    /// "quá hạn 3 ngày", "còn 5 ngày", "đến hạn hôm nay", "chờ 12 ngày".
    public func timing(_ timing: Timing) -> String {
        func fill(_ key: String, _ n: Int) -> String {
            var text = t(key).replacingOccurrences(of: "{n}", with: String(n))
            if locale == "en" && n == 1 { text = text.replacingOccurrences(of: "1 days", with: "1 day") }
            return text
        }
        switch timing {
        case .late(let n): return fill("timing_late", n)
        case .left(0): return t("timing_today")
        case .left(let n): return fill("timing_left", n)
        case .waiting(let n): return fill("timing_waiting", n)
        }
    }

    /// The CSS class of a timing: red when late, amber when the deadline is near.
    func timingClass(_ timing: Timing, soon: Int) -> String {
        switch timing {
        case .late: return "late"
        case .left(let n): return n <= soon ? "soon" : "left"
        case .waiting(let n): return n > soon ? "waiting long" : "waiting"
        }
    }
}

extension SiteModel {
    /// Who acts, in words: the person the records name and their role, or the role alone. A name
    /// a confidential request gives is withheld; a unit head's name comes from site.yml.
    func ownerText(_ s: NextStep) -> String {
        let role = l.t("role_" + s.role.rawValue)
        guard let name = s.name, !name.isEmpty, !(s.confidential && s.role.namedByRecord) else {
            if s.role == .unitHead { return "\(role) \(unitName(s.unit))" }
            return role
        }
        return s.role == .actionOwner ? name : "\(name) (\(role.lowercasedFirst))"
    }

    /// A person named by a request (an action's owner, the assignee), unless it is confidential.
    func personText(_ name: String?, role: NextStep.Role, confidential: Bool) -> String {
        guard let name, !name.isEmpty, !confidential else { return l.t("role_" + role.rawValue) }
        return name
    }

    func timingView(_ timing: Timing) -> View {
        ["timing": l.timing(timing), "timing_class": l.timingClass(timing, soon: content.site.settings.dueSoonDays)]
    }

    /// A request in a list of work: what every list item shows, plus the step it waits for, who
    /// owns it and how it stands (`timing`, else the step's own).
    func workItem(_ id: String, depth: Int, timing: Timing? = nil, waiting: Bool = false) -> View? {
        guard let i = requestIndex[id] else { return nil }
        var item = requestItem(content.requests[i], depth: depth)
        let step = figures.requests.nextSteps[id]
        item["step"] = step.map { l.t("step_" + $0.step.rawValue) } as Any
        item["owner"] = step.map(ownerText) as Any
        let shown = timing ?? step?.wait.timing(today)
        item["timing"] = shown.map { l.timing($0) } as Any
        item["timing_class"] = shown.map { l.timingClass($0, soon: content.site.settings.dueSoonDays) } ?? ""
        // The verifier's or decider's own wait, beside the request's lateness.
        let waited = waiting ? step.flatMap { s in
            [.decide, .assign, .verify, .close].contains(s.step) ? l.timing(.waiting(s.wait.daysWaiting(today))) : nil
        } : nil
        item["waited"] = waited as Any
        return item
    }

    /// The lists of work on the dashboard (or of one unit), each item with its step, owner and timing.
    func workLists(depth: Int, limit: Int, unit: String? = nil) -> [View] {
        var r = figures.requests
        if let unit {
            func mine(_ id: String) -> Bool { requestIndex[id].map { content.requests[$0].unit == unit } ?? false }
            r.overdue = r.overdue.filter(mine)
            r.dueSoon = r.dueSoon.filter(mine)
            r.awaitingVerification = r.awaitingVerification.filter(mine)
            r.undecided = r.undecided.filter(mine)
            r.leaderQueue = r.leaderQueue.filter(mine)
            r.lateProgress = r.lateProgress.filter { mine($0.id) }
            r.lateActions = r.lateActions.filter { mine($0.id) }
        }
        // The request table filtered to the same list, for what the list leaves out.
        let filters = ["leader-queue": "status=leader", "overdue": "status=overdue", "actions-late": "status=actions_late",
                       "due-soon": "status=due_soon", "awaiting-verification": "stage=verifying",
                       "missing-progress": "status=missing_progress", "undecided": "status=undecided"]
        func list(_ anchor: String, _ key: String, _ count: Int, _ items: [View], alert: Bool = false) -> View {
            var query = filters[anchor] ?? ""
            if let unit { query += "&unit=\(unit)" }
            return ["anchor": anchor, "title": l.t(key), "count": count, "items": items, "empty": count == 0, "alert": alert,
                    "more": count > limit ? count - limit : nil as Int? as Any,
                    "all_href": rootPrefix(depth) + OutputLayout.requestTable(page: 1) + "?" + query]
        }
        func requests(_ ids: [String], timing: (NextStep) -> Timing?, waiting: Bool = false) -> [View] {
            ids.prefix(limit).compactMap { id in
                workItem(id, depth: depth, timing: r.nextSteps[id].flatMap(timing), waiting: waiting)
            }
        }
        let overdue = requests(r.overdue, timing: { $0.request.timing(self.today) }, waiting: true)
        let dueSoon = requests(r.dueSoon, timing: { $0.request.timing(self.today) })
        let verification = requests(r.awaitingVerification, timing: { s in
            s.step == .verify ? s.wait.timing(self.today) : .waiting(s.wait.daysWaiting(self.today))
        }, waiting: true)
        let undecided = requests(r.undecided, timing: { .waiting($0.wait.daysWaiting(self.today)) })
        let queue = requests(r.leaderQueue, timing: { .waiting($0.wait.daysWaiting(self.today)) })
        let progress: [View] = r.lateProgress.prefix(limit).compactMap { p in
            guard var item = workItem(p.id, depth: depth, timing: p.timing(today)) else { return nil }
            item["step"] = l.t("step_progress")
            item["owner"] = personText(p.owner, role: .assignee, confidential: p.confidential)
            return item
        }
        let actions: [View] = r.lateActions.prefix(limit).compactMap { a in
            guard let i = requestIndex[a.id] else { return nil }
            let request = content.requests[i]
            var item = requestItem(request, depth: depth)
            let late = a.timing(today)
            item["title"] = a.confidential ? l.t("confidential_notice") : request.actions[a.index].what
            item["step"] = "\(l.t("action_what")) \(a.index + 1)"
            item["owner"] = personText(a.owner, role: .actionOwner, confidential: a.confidential)
            item["due"] = l.date(a.due)
            item["overdue"] = true
            item["waited"] = nil as String? as Any
            return item.merging(timingView(late)) { $1 }
        }
        if unit != nil {
            // A unit's page leads with its late work; the leader's queue is the dashboard's.
            return [
                list("overdue", "list_overdue", r.overdue.count, overdue),
                list("actions-late", "list_actions_late", r.lateActions.count, actions),
                list("missing-progress", "list_missing_progress", r.lateProgress.count, progress),
                list("undecided", "list_undecided", r.undecided.count, undecided),
                list("awaiting-verification", "list_awaiting_verification", r.awaitingVerification.count, verification),
                list("due-soon", "list_due_soon", r.dueSoon.count, dueSoon),
            ].filter { ($0["count"] as? Int ?? 0) > 0 }
        }
        return [
            list("leader-queue", "list_leader_queue", r.leaderQueue.count, queue, alert: r.leaderQueueAlert),
            list("overdue", "list_overdue", r.overdue.count, overdue),
            list("actions-late", "list_actions_late", r.lateActions.count, actions),
            list("due-soon", "list_due_soon", r.dueSoon.count, dueSoon),
            list("awaiting-verification", "list_awaiting_verification", r.awaitingVerification.count, verification),
            list("missing-progress", "list_missing_progress", r.lateProgress.count, progress),
            list("undecided", "list_undecided", r.undecided.count, undecided),
        ]
    }

    /// Review decisions for which no request was opened: the review, the decision, its owner and wait.
    func decisionsWaitingView(depth: Int) -> [View] {
        let reviews = Dictionary(content.reviews.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return figures.reviews.decisionsWaiting.compactMap { d -> View? in
            guard let review = reviews[d.review], d.index < review.decisions.count else { return nil }
            let decision = review.decisions[d.index]
            return [
                "review": l.date(review.date), "href": rootPrefix(depth) + "reviews/\(review.id)/index.html",
                "text": decision.text, "type": l.t("decision_" + decision.type.rawValue),
                "step": l.t("step_open_request"), "owner": d.owner ?? l.t("role_iso_committee"),
                "due": l.date(decision.due),
            ].merging(timingView(d.wait.timing(today))) { $1 }
        }
    }
}

extension String {
    /// "Người được phân công" → "người được phân công", for a role after a name.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}

extension SiteModel {
    /// The top of a request's page: what is late and by how many days, and who must act next.
    /// Reads only the request itself, site.yml and the day (the page's key holds no other record).
    func standingView(_ r: Request) -> View {
        let soon = content.site.settings.dueSoonDays
        var level = "ok"
        var headline: String
        switch r.stage {
        case .cancelled:
            headline = "\(l.t("stage_cancelled")) \(l.date(r.cancelled))"
            level = "neutral"
        case .closed:
            headline = "\(l.t("stage_closed")) \(l.date(r.closed))"
            if let late = daysClosedLate(r) {
                headline += " · " + (late > 0 ? l.t("closed_days_late").replacingOccurrences(of: "{n}", with: String(late)) : l.t("on_time").lowercasedFirst)
                if late > 0 { level = "warn" }
            }
        default:
            let request = Wait(since: r.opened, deadline: r.due).timing(today)
            if let due = r.due {
                headline = "\(l.timing(request).capitalizedFirst) · \(l.t("due_short")) \(l.date(due))"
                switch request {
                case .late: level = "late"
                case .left(let n) where n <= soon: level = "soon"
                default: break
                }
            } else {
                headline = l.t("no_due_yet")
            }
        }
        var view: View = ["headline": headline, "level": level]
        if let step = nextStep(r, unitHead: unitHeads[r.unit]) {
            let timing = step.wait.timing(today)
            view["step"] = l.t("step_" + step.step.rawValue)
            view["owner"] = ownerText(step)
            view["timing"] = l.timing(timing)
            view["timing_class"] = l.timingClass(timing, soon: soon)
            view["waited"] = [.decide, .assign, .verify, .close].contains(step.step) && step.wait.deadline != nil
                ? l.timing(.waiting(step.wait.daysWaiting(today))) : nil as String? as Any
            if case .late = timing { level = "late" }
            if case .waiting(let n) = timing, n > soon, level == "ok" { level = "soon" }
        } else {
            view["step"] = nil as String? as Any
        }
        let actions: [View] = lateActions(of: r, today: today).map { a in
            [
                "number": a.index + 1, "what": r.confidential ? nil : r.actions[a.index].what as String? as Any,
                "owner": personText(a.owner, role: .actionOwner, confidential: r.confidential), "due": l.date(a.due),
                "timing": l.timing(a.timing(today)),
            ]
        }
        if !actions.isEmpty { level = "late" }
        view["actions"] = actions
        view["has_actions"] = !actions.isEmpty
        if let p = lateProgress(of: r, settings: content.site.settings, today: today) {
            view["progress"] = [
                "owner": personText(p.owner, role: .assignee, confidential: r.confidential), "last": l.date(p.last),
                "timing": l.timing(p.timing(today)),
            ] as View
            level = "late"
        } else {
            view["progress"] = nil as View? as Any
        }
        view["level"] = level
        return view
    }
}

extension String {
    /// "quá hạn 3 ngày" → "Quá hạn 3 ngày", at the start of a sentence.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

extension SiteModel {
    func standingClass(_ status: ObjectiveStanding.Status) -> String {
        switch status {
        case .met: "ok"
        case .notMet: "danger"
        case .atRisk: "warn"
        case .unmeasured: "muted"
        }
    }

    /// Objectives named `PLAN-ID#CODE`, with their unit, target and the value that decides.
    func objectiveList(_ ids: [String], plans: [ObjectivePlan]) -> [View] {
        let byID = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { id -> View? in
            let parts = id.split(separator: "#", maxSplits: 1).map(String.init)
            guard parts.count == 2, let plan = byID[parts[0]], let o = plan.objectives.first(where: { $0.code == parts[1] }) else { return nil }
            let s = standing(of: o, year: plan.year, today: today)
            let value = s.value.map { l.number($0) + (o.measure.map { $0 == "%" ? "%" : " " + $0 } ?? "") } ?? "—"
            return [
                "unit": unitName(plan.unit), "anchor": plan.unit ?? "_ward", "code": o.code, "text": o.text,
                "target": "\(l.t(o.direction == .atLeast ? "at_least" : "at_most")) \(l.number(o.target))\(o.measure.map { $0 == "%" ? "%" : " " + $0 } ?? "")",
                "value": value, "measured_on": s.measuredOn.map { l.date($0) } as Any,
                "standing": l.t("standing_" + s.status.rawValue), "standing_class": standingClass(s.status),
            ]
        }
    }
}
