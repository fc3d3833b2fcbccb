import CaiTienModel

/// Every figure of SPEC §2 for one reference day. Built by `computeFigures`, a pure function.
public struct Figures: Sendable {
    public struct MonthCount: Sendable, Equatable {
        public var month: String
        public var opened: Int
        public var closed: Int
    }

    public struct Requests: Sendable {
        public var total = 0, open = 0, closed = 0, cancelled = 0
        public var byStage: [(Stage, Int)] = []
        public var byKind: [(Kind, Int)] = []
        public var bySource: [(Source, Int)] = []
        public var byUnit: [(String, Int)] = []
        public var perMonth: [MonthCount] = []
        public var overdue: [String] = []
        public var dueSoon: [String] = []
        public var actionsOverdue: [String] = []
        public var missingProgress: [String] = []
        public var awaitingVerification: [String] = []
        public var undecided: [String] = []
        public var closedOnTimeRate: Double?
        public var effectivenessRate: Double?
        public var daysToCloseMedian: Double?
        public var daysToCloseP90: Int?
        /// 0–30, 31–90, 91–180, 181+ days.
        public var ageBuckets: [Int] = [0, 0, 0, 0]
        /// Closed more than retention_years ago: may be disposed of.
        public var disposable: [String] = []
        /// The step every open request waits for, by id (SPEC §2 "Who must act").
        public var nextSteps: [String: NextStep] = [:]
        /// Every action past its own due day in an open request, by (id, position).
        public var lateActions: [LateAction] = []
        /// `missingProgress` with who reports and since when, by id.
        public var lateProgress: [LateProgress] = []
        /// The leader's own queue: requests waiting for the decision of 5.2.2 or for verification (5.6).
        public var leaderQueue: [String] = []
        /// The longest wait in the leader's queue, in days; nil when it is empty.
        public var leaderQueueLongestWait: Int?
        /// Something in the leader's queue has waited more than due_soon_days.
        public var leaderQueueAlert = false
    }

    /// A group of nonconformities with the same unit and category (5.2.2).
    public struct RecurringGroup: Sendable, Equatable {
        public var unit: String
        /// Nil when every request of the group is confidential: the category may name a citizen,
        /// and no page, export or figure may show it (SPEC §3).
        public var category: String?
        public var run: Int
        /// The open request with `action_needed: true` that covers it; nil when action is required.
        public var coveredBy: String?
        /// The requests of the run.
        public var ids: [String]
        public var lastEffective: String?
    }

    public struct Attainment: Sendable, Equatable {
        public var objectives = 0, evaluated = 0, met = 0
        public var attainment: Double? { rate(met, evaluated) }
    }

    public struct ObjectiveYear: Sendable {
        public var year: Int
        public var total = Attainment()
        /// Unit code, or `_ward`, in order.
        public var byUnit: [(String, Attainment)] = []
        public var latePlans: [String] = []
        public var unapprovedPlans: [String] = []
        public var lateEvaluations: [String] = []
        public var missingEvaluations: [String] = []
        /// Units (or `_ward`) with a plan the year before and none this year, after 30/01.
        public var missingPlans: [String] = []
        /// How many objectives stand where (`standing(of:year:today:)`), in the order of `ObjectiveStanding.Status`.
        public var standings: [(ObjectiveStanding.Status, Int)] = []
        /// Objectives at risk and not met, named `PLAN-ID#CODE` (`2026/tthcc#MT2`), sorted.
        public var atRisk: [String] = []
        public var notMet: [String] = []
    }

    public struct Reviews: Sendable {
        public var last: Day?
        public var lastID: String?
        public var daysSinceLast: Int?
        public var due = true
        /// The day by which the next review is due.
        public var nextDue: Day?
        public var incomplete: [(String, [String])] = []
        public var decisionsWithoutTicket = 0
        public var decisionsOverdue: [String] = []
        /// The decisions without a request, by (review, position), with how long they have waited.
        public var decisionsWaiting: [DecisionWaiting] = []
    }

    public var today: Day
    public var requests = Requests()
    public var recurring: [RecurringGroup] = []
    public var objectives: [ObjectiveYear] = []
    public var reviews = Reviews()
    public var trends = Trends(since: Day(ordinal: 0))
    public var audits = Audits()
    public var inspections = Inspections()
    public var legal = Legal()
}

/// Computes every figure from the records and the reference day. No I/O, no clock.
public func computeFigures(_ content: Content, today: Day) -> Figures {
    var figures = Figures(today: today)
    figures.requests = requestFigures(content.requests, site: content.site, today: today)
    figures.recurring = recurringGroups(content.requests, settings: content.site.settings)
    figures.objectives = objectiveFigures(content.plans, today: today)
    figures.reviews = reviewFigures(content.reviews, requests: content.requests, settings: content.site.settings, today: today)
    figures.trends = trendFigures(content.requests, site: content.site, today: today)
    figures.audits = auditFigures(content.audits, settings: content.site.settings, today: today)
    figures.inspections = inspectionFigures(content.inspections, settings: content.site.settings, today: today)
    figures.legal = legalFigures(content.legal, settings: content.site.settings, today: today)
    return figures
}

// MARK: - Requests

func requestFigures(_ requests: [Request], site: SiteConfig, today: Day) -> Figures.Requests {
    let settings = site.settings
    var r = Figures.Requests()
    var stageCounts: [Stage: Int] = [:], kindCounts: [Kind: Int] = [:], sourceCounts: [Source: Int] = [:]
    var unitCounts: [String: Int] = [:]
    var heads: [String: String] = [:]
    for unit in site.units { if let head = unit.head { heads[unit.code] = head } }
    var closedWithDue = 0, closedOnTime = 0, verified = 0, effective = 0
    var daysToClose: [Int] = []

    // The last 12 months, oldest first, ending with today's month.
    let (ty, tm, _) = today.components
    var months: [String] = []
    var monthIndex: [String: Int] = [:]
    for back in stride(from: 11, through: 0, by: -1) {
        let total = ty * 12 + (tm - 1) - back
        let key = Day.monthKey(year: total / 12, month: total % 12 + 1)
        monthIndex[key] = months.count
        months.append(key)
    }
    r.perMonth = months.map { Figures.MonthCount(month: $0, opened: 0, closed: 0) }

    for request in requests {
        let stage = request.stage
        r.total += 1
        stageCounts[stage, default: 0] += 1
        kindCounts[request.kind, default: 0] += 1
        sourceCounts[request.source, default: 0] += 1
        unitCounts[request.unit, default: 0] += 1
        if let i = monthIndex[request.opened.monthKey] { r.perMonth[i].opened += 1 }
        if stage == .closed, let closed = request.closed, let i = monthIndex[closed.monthKey] { r.perMonth[i].closed += 1 }

        if request.verifiedOn != nil, let result = request.result {
            verified += 1
            if result == .effective { effective += 1 }
        }

        switch stage {
        case .closed:
            r.closed += 1
            if let closed = request.closed {
                daysToClose.append(closed.days(since: request.opened))
                if let due = request.due {
                    closedWithDue += 1
                    if closed <= due { closedOnTime += 1 }
                }
                if let expiry = retentionEnd(closed, years: settings.retentionYears), expiry < today {
                    r.disposable.append(request.id)
                }
            }
            continue
        case .cancelled:
            r.cancelled += 1
            continue
        default:
            break
        }

        // Open requests only from here.
        r.open += 1
        let age = today.days(since: request.opened)
        r.ageBuckets[age <= 30 ? 0 : age <= 90 ? 1 : age <= 180 ? 2 : 3] += 1
        if let due = request.due {
            if due < today { r.overdue.append(request.id) }
            else if due <= today.adding(days: settings.dueSoonDays) { r.dueSoon.append(request.id) }
        }
        let late = lateActions(of: request, today: today)
        if !late.isEmpty {
            r.actionsOverdue.append(request.id)
            r.lateActions += late
        }
        if let step = nextStep(request, stage: stage, unitHead: heads[request.unit]) {
            r.nextSteps[request.id] = step
            if step.step == .decide || step.step == .verify {
                r.leaderQueue.append(request.id)
                let waited = step.wait.daysWaiting(today)
                r.leaderQueueLongestWait = max(r.leaderQueueLongestWait ?? waited, waited)
            }
        }
        if stage == .verifying { r.awaitingVerification.append(request.id) }
        if request.kind != .improvement && request.actionNeeded == nil { r.undecided.append(request.id) }
        if let progress = lateProgress(of: request, settings: settings, today: today) {
            r.missingProgress.append(request.id)
            r.lateProgress.append(progress)
        }
    }

    r.byStage = Stage.allCases.map { ($0, stageCounts[$0] ?? 0) }
    r.byKind = Kind.allCases.map { ($0, kindCounts[$0] ?? 0) }
    r.bySource = Source.allCases.map { ($0, sourceCounts[$0] ?? 0) }
    let siteUnits = site.units.map(\.code)
    let others = unitCounts.keys.filter { !siteUnits.contains($0) }.sorted()
    r.byUnit = (siteUnits + others).map { ($0, unitCounts[$0] ?? 0) }
    r.closedOnTimeRate = rate(closedOnTime, closedWithDue)
    r.effectivenessRate = rate(effective, verified)
    daysToClose.sort()
    if !daysToClose.isEmpty {
        let n = daysToClose.count
        r.daysToCloseMedian = n % 2 == 1 ? Double(daysToClose[n / 2]) : Double(daysToClose[n / 2 - 1] + daysToClose[n / 2]) / 2
        // Nearest rank: the ⌈0.9·n⌉-th smallest.
        r.daysToCloseP90 = daysToClose[(9 * n + 9) / 10 - 1]
    }
    for keyPath in [\Figures.Requests.overdue, \.dueSoon, \.actionsOverdue, \.missingProgress, \.awaitingVerification, \.undecided, \.disposable, \.leaderQueue] {
        r[keyPath: keyPath].sort()
    }
    r.lateActions.sort { ($0.id, $0.index) < ($1.id, $1.index) }
    r.lateProgress.sort { $0.id < $1.id }
    r.leaderQueueAlert = (r.leaderQueueLongestWait ?? 0) > settings.dueSoonDays
    return r
}

// MARK: - Recurring nonconformities

/// Groups nonconformities by (unit, category) and measures the run after the last effective
/// corrective action (5.2.2: "more than 3 in a row for the same content at the same unit").
func recurringGroups(_ requests: [Request], settings: Settings) -> [Figures.RecurringGroup] {
    struct Key: Hashable { var unit: String; var category: String }
    var groups: [Key: [Request]] = [:]
    for request in requests where request.kind == .nonconformity {
        guard let category = request.category, !category.isEmpty else { continue }
        groups[Key(unit: request.unit, category: category), default: []].append(request)
    }
    var result: [Figures.RecurringGroup] = []
    for (key, members) in groups {
        let lastEffective = members
            .filter { $0.actionNeeded == true && $0.result == .effective && $0.verifiedOn != nil }
            .max { ($0.verifiedOn!, $1.id) < ($1.verifiedOn!, $0.id) }
        let run = members.filter { request in
            guard let since = lastEffective?.verifiedOn else { return true }
            return request.opened > since
        }
        guard run.count > settings.recurrenceThreshold else { continue }
        let cover = members.filter { $0.actionNeeded == true && $0.isOpen }.map(\.id).min()
        let shown = members.contains { !$0.confidential } ? key.category : nil
        result.append(Figures.RecurringGroup(unit: key.unit, category: shown, run: run.count,
                                             coveredBy: cover, ids: run.map(\.id).sorted(), lastEffective: lastEffective?.id))
    }
    // Withheld groups by their first request, not by the category they do not show.
    return result.sorted { ($0.unit, $0.category ?? "", $0.ids.first ?? "") < ($1.unit, $1.category ?? "", $1.ids.first ?? "") }
}

// MARK: - Objectives

func objectiveFigures(_ plans: [ObjectivePlan], today: Day) -> [Figures.ObjectiveYear] {
    let wardKey = "_ward"
    var years = Set(plans.map(\.year))
    years.insert(today.year)
    var result: [Figures.ObjectiveYear] = []
    for year in years.sorted() {
        var figures = Figures.ObjectiveYear(year: year)
        let ofYear = plans.filter { $0.year == year }.sorted { $0.id < $1.id }
        var byUnit: [String: Figures.Attainment] = [:]
        var standingCounts: [ObjectiveStanding.Status: Int] = [:]
        for plan in ofYear {
            var a = Figures.Attainment()
            for objective in plan.objectives {
                let s = standing(of: objective, year: year, today: today)
                standingCounts[s.status, default: 0] += 1
                if s.status == .atRisk { figures.atRisk.append("\(plan.id)#\(objective.code)") }
                if s.status == .notMet { figures.notMet.append("\(plan.id)#\(objective.code)") }
                a.objectives += 1
                if let met = objective.met {
                    a.evaluated += 1
                    if met { a.met += 1 }
                }
            }
            let key = plan.unit ?? wardKey
            var u = byUnit[key] ?? Figures.Attainment()
            u.objectives += a.objectives; u.evaluated += a.evaluated; u.met += a.met
            byUnit[key] = u
            figures.total.objectives += a.objectives
            figures.total.evaluated += a.evaluated
            figures.total.met += a.met

            if let approved = plan.approvedOn {
                if approved > plan.approvalDeadline { figures.latePlans.append(plan.id) }
            } else {
                figures.unapprovedPlans.append(plan.id)
            }
            if let evaluated = plan.evaluatedOn {
                if evaluated > plan.evaluationDeadline { figures.lateEvaluations.append(plan.id) }
            } else if today > plan.evaluationDeadline {
                figures.missingEvaluations.append(plan.id)
            }
        }
        figures.byUnit = byUnit.keys.sorted().map { ($0, byUnit[$0]!) }
        figures.standings = ObjectiveStanding.Status.allCases.map { ($0, standingCounts[$0] ?? 0) }
        figures.atRisk.sort()
        figures.notMet.sort()
        if let deadline = Day(year: year, month: 1, day: 30), today > deadline {
            let before = Set(plans.filter { $0.year == year - 1 }.map { $0.unit ?? wardKey })
            let now = Set(ofYear.map { $0.unit ?? wardKey })
            figures.missingPlans = before.subtracting(now).sorted()
        }
        // Today's year appears only when it has something to say.
        if ofYear.isEmpty && figures.missingPlans.isEmpty { continue }
        result.append(figures)
    }
    return result
}

// MARK: - Management review

func reviewFigures(_ reviews: [Review], requests: [Request], settings: Settings, today: Day) -> Figures.Reviews {
    var r = Figures.Reviews()
    let held = reviews.filter { $0.date <= today }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    if let last = held.last {
        r.last = last.date
        r.lastID = last.id
        r.daysSinceLast = today.days(since: last.date)
        r.due = today.days(since: last.date) > settings.reviewIntervalDays
        r.nextDue = last.date.adding(days: settings.reviewIntervalDays)
    } else {
        r.due = true
        r.nextDue = today
    }
    // Only the requests that decisions name: an index of every record would copy them all.
    let named = Set(reviews.flatMap { $0.decisions.compactMap(\.ticket) })
    var byID: [String: Int] = [:]
    for i in requests.indices where named.contains(requests[i].id) { byID[requests[i].id] = i }
    var overdue = Set<String>()
    for review in reviews.sorted(by: { $0.id < $1.id }) {
        let missing = review.missingInputs
        if !missing.isEmpty { r.incomplete.append((review.id, missing)) }
        for (i, decision) in review.decisions.enumerated() {
            guard let ticket = decision.ticket, !ticket.isEmpty else {
                r.decisionsWithoutTicket += 1
                r.decisionsWaiting.append(DecisionWaiting(review: review.id, index: i, owner: decision.owner,
                                                          wait: Wait(since: review.date, deadline: decision.due)))
                continue
            }
            if let i = byID[ticket], requests[i].isOpen, let due = requests[i].due, due < today { overdue.insert(ticket) }
        }
    }
    r.decisionsOverdue = overdue.sorted()
    return r
}
