import CaiTienModel

// The figures of the ward's other duties (SPEC §5): internal audits, inspections by the
// province, legal documents. Pure functions of the records, the settings and today. A date is
// late when it is after its due day; on the due day itself it is on time.

extension Figures {
    public struct Audits: Sendable {
        /// `end` (else `date`) of the latest audit.
        public var last: Day?
        public var lastID: String?
        public var daysSinceLast: Int?
        /// No audit, or the last one more than audit_interval_days ago.
        public var due = true
        /// The day the next audit is due by: last + audit_interval_days (today when none).
        public var nextDue: Day?
        /// Every finding of every audit, by type, in the order of `FindingType`.
        public var findings: [(FindingType, Int)] = FindingType.allCases.map { ($0, 0) }
        /// Nonconformity findings without a request more than finding_request_days after the
        /// audit's last day, as `AUDIT-ID#N`.
        public var unansweredFindings: [String] = []
        /// Nonconformity findings without a request, not yet unanswered, with the day they
        /// become so (the day after `requestDue`).
        public var awaitingRequest: [(finding: String, requestDue: Day)] = []
    }

    public struct Inspections: Sendable {
        /// The latest inspection's `date`.
        public var last: Day?
        public var lastID: String?
        /// Findings, no report, today after the report's due day.
        public var reportsOverdue: [String] = []
        /// The first report sent after its due day.
        public var reportsLate: [String] = []
        /// Answered `rejected`, and no report sent after the answer.
        public var rejectedOpen: [String] = []
        /// Every inspection with findings and no report yet: its report's due day.
        public var reportsDue: [(id: String, due: Day)] = []
    }

    public struct Legal: Sendable {
        /// Not yet taken into the QMS (no `updated_on`).
        public var pending: [String] = []
        /// Pending after its update's due day.
        public var overdue: [String] = []
        /// Taken in after its due day.
        public var late: [String] = []
        /// Taken in by the due day / taken in; nil when none is.
        public var onTimeRate: Double?
        /// Pending documents not yet overdue, with their due day.
        public var dueSoon: [(id: String, due: Day)] = []
    }
}

// MARK: - Audits

/// Internal audits at least once a year (QĐ 19 Điều 4.4b), and the requests their
/// nonconformities need.
public func auditFigures(_ audits: [Audit], settings: Settings, today: Day) -> Figures.Audits {
    var a = Figures.Audits()
    if let latest = audits.max(by: { ($0.lastDay, $0.id) < ($1.lastDay, $1.id) }) {
        a.last = latest.lastDay
        a.lastID = latest.id
        let since = today.days(since: latest.lastDay)
        a.daysSinceLast = since
        a.due = since > settings.auditIntervalDays
        a.nextDue = latest.lastDay.adding(days: settings.auditIntervalDays)
    } else {
        a.due = true
        a.nextDue = today
    }
    var counts: [FindingType: Int] = [:]
    var unanswered: [String] = []
    var awaiting: [(String, Day)] = []
    for audit in audits {
        // "More than finding_request_days after end": the last day allowed is end + days.
        let requestDue = audit.lastDay.adding(days: settings.findingRequestDays)
        for (i, finding) in audit.findings.enumerated() {
            counts[finding.type, default: 0] += 1
            guard finding.type == .nonconformity, finding.ticket == nil else { continue }
            if today > requestDue { unanswered.append(audit.findingID(i)) } else { awaiting.append((audit.findingID(i), requestDue)) }
        }
    }
    a.findings = FindingType.allCases.map { ($0, counts[$0] ?? 0) }
    // Ascending as text, as every list of ids in `kpis` is (SPEC §3): `#10` sorts before `#2`.
    a.unansweredFindings = unanswered.sorted()
    a.awaitingRequest = awaiting.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { (finding: $0.0, requestDue: $0.1) }
    return a
}

// MARK: - Inspections

/// The corrective-action report within inspection_report_months of the record (TT 26 Điều 37.2c)
/// and the body's answer to it (Điều 37.2d).
public func inspectionFigures(_ inspections: [Inspection], settings: Settings, today: Day) -> Figures.Inspections {
    var f = Figures.Inspections()
    if let latest = inspections.max(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
        f.last = latest.date
        f.lastID = latest.id
    }
    var due: [(String, Day)] = []
    for inspection in inspections {
        // A due day past the calendar's end is never reached.
        let reportDue = inspection.reportDue(months: settings.inspectionReportMonths)
        if let first = inspection.firstReport {
            if let reportDue, first.date > reportDue { f.reportsLate.append(inspection.id) }
        } else if !inspection.findings.isEmpty, let reportDue {
            due.append((inspection.id, reportDue))
            if today > reportDue { f.reportsOverdue.append(inspection.id) }
        }
        if inspection.response == .rejected, let answered = inspection.responseOn,
           !inspection.reports.contains(where: { $0.date > answered }) {
            f.rejectedOpen.append(inspection.id)
        }
    }
    f.reportsOverdue.sort()
    f.reportsLate.sort()
    f.rejectedOpen.sort()
    f.reportsDue = due.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { (id: $0.0, due: $0.1) }
    return f
}

// MARK: - Legal documents

/// Legal changes taken into the QMS within legal_update_months of taking effect (QĐ 19 Điều 4.4a).
public func legalFigures(_ documents: [LegalDocument], settings: Settings, today: Day) -> Figures.Legal {
    var f = Figures.Legal()
    var updated = 0, onTime = 0
    var soon: [(String, Day)] = []
    for document in documents {
        let due = document.updateDue(months: settings.legalUpdateMonths)
        if let done = document.updatedOn {
            updated += 1
            if let due, done > due { f.late.append(document.id) } else { onTime += 1 }
        } else {
            f.pending.append(document.id)
            if let due {
                if today > due { f.overdue.append(document.id) } else { soon.append((document.id, due)) }
            }
        }
    }
    f.pending.sort()
    f.overdue.sort()
    f.late.sort()
    f.onTimeRate = rate(onTime, updated)
    f.dueSoon = soon.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { (id: $0.0, due: $0.1) }
    return f
}

// MARK: - JSON

extension Figures {
    /// The `audits`, `inspections` and `legal` objects of `kpis` (SPEC §5), with a few more keys.
    var dutyKpis: [(String, JSON)] {
        let a = audits, i = inspections, g = legal
        return [
            ("audits", .object([
                ("last", .day(a.last)), ("days_since_last", a.daysSinceLast.map(JSON.int) ?? .null), ("due", .bool(a.due)),
                ("findings", .object(a.findings.map { ($0.0.rawValue, .int($0.1)) })),
                ("unanswered_findings", .strings(a.unansweredFindings)),
                ("last_id", .text(a.lastID)), ("next_due", .day(a.nextDue)),
            ])),
            ("inspections", .object([
                ("last", .day(i.last)), ("reports_overdue", .strings(i.reportsOverdue)),
                ("reports_late", .strings(i.reportsLate)), ("rejected_open", .strings(i.rejectedOpen)),
                ("last_id", .text(i.lastID)),
                ("reports_due", .object(i.reportsDue.map { ($0.id, .day($0.due)) })),
            ])),
            ("legal", .object([
                ("pending", .strings(g.pending)), ("overdue", .strings(g.overdue)), ("late", .strings(g.late)),
                ("on_time_rate", g.onTimeRate.map(JSON.double) ?? .null),
            ])),
        ]
    }
}
