import CaiTienModel

// The yearly report on building, applying, maintaining and improving the QMS (TT 26/2014
// Điều 35–36; SPEC §5 `report/YEAR/`): what the records of one year show for each item of
// Điều 36. Pure functions of the records and today. Items the records cannot show are left to
// the page as headed blanks; nothing is inferred beyond the records.

/// What the records show for one year, item by item of TT 26/2014 Điều 36.
public struct YearlyReport: Sendable {
    public struct Plan: Sendable, Equatable {
        public var id: String
        /// Nil for the ward as a whole.
        public var unit: String?
        public var approvedOn: Day?
        /// Approved by 30/01 of the year; nil when not approved.
        public var approvedOnTime: Bool?
        public var evaluatedOn: Day?
        /// Evaluated by 31/12 of the year; nil when not evaluated.
        public var evaluatedOnTime: Bool?
        public var objectives = 0, evaluated = 0, met = 0
    }

    public var year: Int
    /// The year is not over (or today is its last day and more may be recorded): the report is provisional.
    public var provisional: Bool
    /// The day the report's figures are counted at: 31/12 of the year, or today while it runs.
    public var asOf: Day

    // 1a — scope and units.
    public var units: [String] = []
    /// A change of the QMS's scope recorded in the year.
    public var scopeChangedOn: Day?

    // 1c — objectives approved by 30/01 and evaluated by 31/12, with attainment.
    public var plans: [Plan] = []
    public var objectives = Figures.Attainment()

    // 1đ — management reviews, internal audits, corrective action.
    public var reviews: [String] = []
    public var audits: [String] = []
    /// Findings of the year's audits, by type, in the order of `FindingType`.
    public var findings: [(FindingType, Int)] = FindingType.allCases.map { ($0, 0) }
    /// The year's nonconformities found by audit without a request by `asOf` (`AUDIT-ID#N`).
    public var unansweredFindings: [String] = []
    public var inspections: [String] = []
    /// Requests of kind nonconformity or potential opened in the year.
    public var correctiveOpened: [String] = []
    /// Requests of kind nonconformity or potential closed in the year.
    public var correctiveClosed: [String] = []
    /// Open at `asOf` with their deadline before it.
    public var overdue: [String] = []
    /// Requests verified in the year (with a result), and those found effective.
    public var verified = 0, effective = 0
    public var effectivenessRate: Double? { rate(effective, verified) }

    // 1e — complaints and feedback.
    public var feedback: [String] = []
    public var feedbackClosed = 0

    // 1g — improvement.
    public var improvements: [String] = []
    /// Improvement decisions of the year's reviews: (review id, 1-based place in its decisions).
    public var improvementDecisions: [(review: String, number: Int)] = []

    // 2b — the head's confirmation of effectiveness, when it falls in the year.
    public var effectivenessConfirmedOn: Day?

    // 2c — the announcement (whenever it was made, up to `asOf`).
    public var announcedOn: Day?
    public var announcementRef: String?

    // 2d — legal documents to bring into the QMS in the year.
    public var legal: [String] = []
    public var legalOnTime: [String] = []
    public var legalLate: [String] = []
    /// Not taken in at `asOf` and past their due day then.
    public var legalOverdue: [String] = []
    /// Not taken in at `asOf`, not yet due.
    public var legalPending: [String] = []
    public var legalOnTimeRate: Double? { rate(legalOnTime.count, legalOnTime.count + legalLate.count) }

    // 2đ — a new announcement after the change of scope.
    /// Announced on or after the change of scope; nil when no change of scope is recorded in the year.
    public var reannounced: Bool?
}

/// The years a report can be written for: every year up to today's in which a record falls
/// (the `qms:` facts of site.yml alone make no year: an announcement made before the ward kept
/// its records here is shown in the reports that follow it).
public func reportYears(_ content: Content, today: Day) -> [Int] {
    var years = Set<Int>()
    for r in content.requests {
        years.insert(r.opened.year)
        if let closed = r.closed { years.insert(closed.year) }
    }
    for r in content.reviews { years.insert(r.date.year) }
    for p in content.plans { years.insert(p.year) }
    for a in content.audits { years.insert(a.date.year) }
    for i in content.inspections {
        years.insert(i.date.year)
        for report in i.reports { years.insert(report.date.year) }
    }
    for d in content.legal {
        years.insert(d.effectiveOn.year)
        if let updated = d.updatedOn { years.insert(updated.year) }
    }
    return years.filter { $0 <= today.year }.sorted()
}

/// What the records of `year` show, counted at 31/12 of the year or at today while it runs.
public func yearlyReport(_ content: Content, year: Int, today: Day) -> YearlyReport {
    let settings = content.site.settings
    // Years past 9999 never reach here: `reportYears` keeps those up to today's.
    let first = Day(year: year, month: 1, day: 1) ?? today, last = Day(year: year, month: 12, day: 31) ?? today
    let asOf = min(last, today)
    func inYear(_ day: Day?) -> Bool { day.map { $0 >= first && $0 <= asOf } ?? false }
    var report = YearlyReport(year: year, provisional: today <= last, asOf: asOf)

    report.units = content.site.units.map(\.code)
    let qms = content.site.qms
    if inYear(qms.scopeChangedOn) {
        report.scopeChangedOn = qms.scopeChangedOn
        report.reannounced = qms.announcedOn.map { $0 >= qms.scopeChangedOn! && $0 <= asOf } ?? false
    }
    if inYear(qms.effectivenessConfirmedOn) { report.effectivenessConfirmedOn = qms.effectivenessConfirmedOn }
    if let announced = qms.announcedOn, announced <= asOf {
        report.announcedOn = announced
        report.announcementRef = qms.announcementRef
    }

    for plan in content.plans.filter({ $0.year == year }).sorted(by: { $0.id < $1.id }) {
        var p = YearlyReport.Plan(id: plan.id, unit: plan.unit, approvedOn: plan.approvedOn,
                                  approvedOnTime: plan.approvedOn.map { $0 <= plan.approvalDeadline },
                                  evaluatedOn: plan.evaluatedOn, evaluatedOnTime: plan.evaluatedOn.map { $0 <= plan.evaluationDeadline })
        for objective in plan.objectives {
            p.objectives += 1
            if let met = objective.met {
                p.evaluated += 1
                if met { p.met += 1 }
            }
        }
        report.objectives.objectives += p.objectives
        report.objectives.evaluated += p.evaluated
        report.objectives.met += p.met
        report.plans.append(p)
    }

    report.reviews = content.reviews.filter { inYear($0.date) }.map(\.id).sorted()
    for review in content.reviews.filter({ inYear($0.date) }).sorted(by: { $0.id < $1.id }) {
        for (i, decision) in review.decisions.enumerated() where decision.type == .improvement {
            report.improvementDecisions.append((review.id, i + 1))
        }
    }

    var findingCounts: [FindingType: Int] = [:]
    for audit in content.audits where inYear(audit.date) {
        report.audits.append(audit.id)
        let requestDue = audit.lastDay.adding(days: settings.findingRequestDays)
        for (i, finding) in audit.findings.enumerated() {
            findingCounts[finding.type, default: 0] += 1
            if finding.type == .nonconformity, finding.ticket == nil, asOf > requestDue { report.unansweredFindings.append(audit.findingID(i)) }
        }
    }
    report.audits.sort()
    report.unansweredFindings.sort()
    report.findings = FindingType.allCases.map { ($0, findingCounts[$0] ?? 0) }
    report.inspections = content.inspections.filter { inYear($0.date) || $0.reports.contains { inYear($0.date) } }.map(\.id).sorted()

    for r in content.requests {
        let corrective = r.kind != .improvement
        if corrective && inYear(r.opened) { report.correctiveOpened.append(r.id) }
        if corrective && r.cancelled == nil && inYear(r.closed) { report.correctiveClosed.append(r.id) }
        // Open at `asOf`: opened by then, neither closed nor cancelled by then.
        let openAtEnd = r.opened <= asOf && !(r.closed.map { $0 <= asOf } ?? false) && !(r.cancelled.map { $0 <= asOf } ?? false)
        if openAtEnd, let due = r.due, due < asOf { report.overdue.append(r.id) }
        if inYear(r.verifiedOn), let result = r.result {
            report.verified += 1
            if result == .effective { report.effective += 1 }
        }
        if (r.source == .feedback || r.source == .stakeholder) && inYear(r.opened) {
            report.feedback.append(r.id)
            if r.closed.map({ $0 <= asOf }) == true && r.cancelled == nil { report.feedbackClosed += 1 }
        }
        if r.kind == .improvement && inYear(r.opened) { report.improvements.append(r.id) }
    }
    for key in [\YearlyReport.correctiveOpened, \.correctiveClosed, \.overdue, \.feedback, \.improvements] { report[keyPath: key].sort() }

    // A legal document belongs to the year it was taken into the QMS; until then, to every
    // year from the one it takes effect in, as pending or overdue.
    for document in content.legal.sorted(by: { $0.id < $1.id }) {
        let due = document.updateDue(months: settings.legalUpdateMonths)
        if let updated = document.updatedOn, updated <= asOf {
            guard inYear(updated) else { continue }
            report.legal.append(document.id)
            if let due, updated > due { report.legalLate.append(document.id) } else { report.legalOnTime.append(document.id) }
        } else if document.effectiveOn <= asOf || document.effectiveOn.year == year {
            report.legal.append(document.id)
            if let due, asOf > due { report.legalOverdue.append(document.id) } else { report.legalPending.append(document.id) }
        }
    }
    return report
}

/// The internal audits and the legal changes of a period (the inputs `audit_results` and
/// `context_changes` of the next management review, 5.8.1.1).
public struct PeriodDuties: Sendable {
    /// Audits whose last day falls in the period.
    public var audits: [String] = []
    /// Findings of those audits by type.
    public var findings: [(FindingType, Int)] = FindingType.allCases.map { ($0, 0) }
    /// Legal documents that took effect or were taken into the QMS in the period, or still wait.
    public var legal: [String] = []
    /// Inspections signed, reported on or answered in the period.
    public var inspections: [String] = []
}

public func duties(_ content: Content, from start: Day, to end: Day) -> PeriodDuties {
    func within(_ day: Day?) -> Bool { day.map { $0 >= start && $0 <= end } ?? false }
    var p = PeriodDuties()
    var counts: [FindingType: Int] = [:]
    for audit in content.audits where within(audit.lastDay) {
        p.audits.append(audit.id)
        for finding in audit.findings { counts[finding.type, default: 0] += 1 }
    }
    p.audits.sort()
    p.findings = FindingType.allCases.map { ($0, counts[$0] ?? 0) }
    p.legal = content.legal.filter { d in
        within(d.effectiveOn) || within(d.updatedOn) || (d.updatedOn == nil && d.effectiveOn <= end)
    }.map(\.id).sorted()
    p.inspections = content.inspections.filter { i in
        within(i.date) || within(i.responseOn) || i.reports.contains { within($0.date) }
    }.map(\.id).sorted()
    return p
}
