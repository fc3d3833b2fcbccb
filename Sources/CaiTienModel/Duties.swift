// The ward's duties around QT.CTCL under QĐ 19/2014/QĐ-TTg and TT 26/2014/TT-BKHCN (SPEC §5):
// internal audits, inspections by the province, legal documents to bring into the QMS, and the
// facts of the QMS that no record holds.

/// What an internal audit found: a nonconformity (sự không phù hợp), an observation (khuyến
/// nghị, lưu ý) or an opportunity for improvement (cơ hội cải tiến).
public enum FindingType: String, Sendable, CaseIterable, Hashable {
    case nonconformity, observation, opportunity
}

/// An internal audit (đánh giá nội bộ, QĐ 19 Điều 4.2 and 4.4b) and its report.
public struct Audit: Sendable {
    /// One finding of the audit report.
    public struct Finding: Sendable {
        public var unit: String
        /// The ISO 9001 clause, as text (`8.5.1`).
        public var clause: String?
        public var type: FindingType
        public var text: String
        /// The request opened for it.
        public var ticket: String?
        /// Names a citizen: its text appears on no page or export.
        public var confidential = false
        /// Where the finding's keys are, for diagnostics.
        public var positions = Positions()
        public var line: Int

        public init(unit: String, clause: String? = nil, type: FindingType, text: String, ticket: String? = nil, line: Int = 0) {
            self.unit = unit; self.clause = clause; self.type = type; self.text = text; self.ticket = ticket; self.line = line
        }
    }

    public var id: String
    public var path: String
    /// The first day of the audit.
    public var date: Day
    /// The last day, when the audit took more than one.
    public var end: Day?
    /// Trưởng đoàn đánh giá.
    public var leadAuditor: String
    public var auditors: [String] = []
    /// The units audited.
    public var scope: [String] = []
    public var approvedBy: String?
    public var approvedOn: Day?
    public var findings: [Finding] = []
    /// The audit report, as safe HTML.
    public var bodyHTML = ""
    public var extra: [(key: String, value: String)] = []
    public var positions = Positions()

    public init(id: String, path: String = "", date: Day, leadAuditor: String) {
        self.id = id; self.path = path; self.date = date; self.leadAuditor = leadAuditor
    }

    /// The day the audit ended: `end`, else `date`.
    public var lastDay: Day { end ?? date }

    /// `AUDIT-ID#N`: a finding named by its 1-based place in the list (SPEC §5).
    public func findingID(_ index: Int) -> String { "\(id)#\(index + 1)" }
}

/// How the province inspected: on site (tại trụ sở) or through documents and reports (qua hồ
/// sơ, báo cáo), TT 26 Điều 37.
public enum InspectionMode: String, Sendable, CaseIterable, Hashable {
    case onSite = "on_site", documents
}

/// The inspecting body's written answer to the corrective-action report (TT 26 Điều 37.2d).
public enum InspectionResponse: String, Sendable, CaseIterable, Hashable {
    case accepted, rejected
}

/// An inspection by the province (kiểm tra việc áp dụng HTQLCL, TT 26 Điều 33–37).
public struct Inspection: Sendable {
    /// An issue the inspection record names (vấn đề tồn tại).
    public struct Finding: Sendable {
        public var text: String
        public var ticket: String?
        /// Names a citizen: its text appears on no page or export.
        public var confidential = false
        public var positions = Positions()
        public var line: Int
        public init(text: String, ticket: String? = nil, line: Int = 0) { self.text = text; self.ticket = ticket; self.line = line }
    }

    /// A corrective-action report sent to the inspecting body.
    public struct Report: Sendable, Equatable {
        public var date: Day
        /// Its number (số văn bản).
        public var ref: String?
        public var line: Int
        public init(date: Day, ref: String? = nil, line: Int = 0) { self.date = date; self.ref = ref; self.line = line }
    }

    public var id: String
    public var path: String
    /// The day the inspection record (biên bản, Mẫu 21 of TT 26) was signed.
    public var date: Day
    /// The inspecting body (Sở KH&CN, Chi cục TĐC…).
    public var by: String
    public var mode: InspectionMode
    /// Số biên bản.
    public var reference: String?
    public var findings: [Finding] = []
    /// Reports sent, oldest first (`reported_on`/`report_ref`, or the list `reports`).
    public var reports: [Report] = []
    public var response: InspectionResponse?
    public var responseOn: Day?
    public var bodyHTML = ""
    public var extra: [(key: String, value: String)] = []
    public var positions = Positions()

    public init(id: String, path: String = "", date: Day, by: String, mode: InspectionMode) {
        self.id = id; self.path = path; self.date = date; self.by = by; self.mode = mode
    }

    /// The first report sent, which the two-month deadline is measured by.
    public var firstReport: Report? { reports.first }

    /// The day the corrective-action report is due: `date` plus `months` calendar months
    /// (TT 26 Điều 37.2c: two months from signing the record); nil past the end of the calendar.
    public func reportDue(months: Int) -> Day? { date.adding(months: months) }
}

/// A legal document (văn bản quy phạm pháp luật) whose changes the QMS must take in within
/// `legal_update_months` of its taking effect (QĐ 19 Điều 4.4a).
public struct LegalDocument: Sendable {
    public var id: String
    public var path: String
    public var title: String
    public var issuedOn: Day?
    /// Ngày có hiệu lực.
    public var effectiveOn: Day
    /// The procedures and documents of the QMS it changes (`QT.TTHC-03`); empty when `none`.
    public var affects: [String] = []
    public var units: [String] = []
    /// The QMS documents updated and applied.
    public var updatedOn: Day?
    /// The request opened to carry the change.
    public var ticket: String?
    public var bodyHTML = ""
    public var extra: [(key: String, value: String)] = []
    public var positions = Positions()

    public init(id: String, path: String = "", title: String, effectiveOn: Day) {
        self.id = id; self.path = path; self.title = title; self.effectiveOn = effectiveOn
    }

    /// `effective_on` plus `months` calendar months; nil past the end of the calendar.
    public func updateDue(months: Int) -> Day? { effectiveOn.adding(months: months) }
}

/// Facts of QĐ 19/2014 Điều 4 that no record holds (`qms:` of site.yml).
public struct QMSFacts: Sendable {
    /// Công bố HTQLCL phù hợp TCVN ISO 9001 (Điều 4.3).
    public var announcedOn: Day?
    public var announcementRef: String?
    /// A change of scope, which needs a new announcement (Điều 4.4c).
    public var scopeChangedOn: Day?
    /// The head of the agency confirms the QMS effective (Điều 4.2d).
    public var effectivenessConfirmedOn: Day?
    public init() {}
}

extension Day {
    /// The same day `months` calendar months later (earlier when negative); a day the target
    /// month lacks becomes its last day (31/08 + 3 → 30/11, 31/01 + 1 → 28/02 or 29/02). Nil
    /// outside the years 1–9999.
    public func adding(months: Int) -> Day? {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        guard (1...9999).contains(year) else { return nil }
        return Day(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))
    }
}

extension OutputLayout {
    public static let auditFolder = "audits"
    public static let inspectionFolder = "inspections"
    public static let legalFolder = "legal"
    /// The yearly report of TT 26/2014 Điều 36, one folder a year.
    public static let reportFolder = "report"

    public static let auditsIndex = "\(auditFolder)/index.html"
    public static func audit(_ id: String) -> String { "\(auditFolder)/\(id)/index.html" }
    public static let inspectionsIndex = "\(inspectionFolder)/index.html"
    public static func inspection(_ id: String) -> String { "\(inspectionFolder)/\(id)/index.html" }
    public static let legalIndex = "\(legalFolder)/index.html"
    public static let reportsIndex = "\(reportFolder)/index.html"
    public static func report(year: Int) -> String { "\(reportFolder)/\(year)/index.html" }
}
