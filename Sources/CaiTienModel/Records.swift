/// What kind of request (SPEC §1): an actual nonconformity (KPH), a potential one, or an improvement.
public enum Kind: String, Sendable, CaseIterable, Hashable {
    case nonconformity, potential, improvement
}

/// The input that raised a request (5.1.2).
public enum Source: String, Sendable, CaseIterable, Hashable {
    case nonconformingActivity = "nonconforming_activity"
    case feedback
    case internalAudit = "internal_audit"
    case previousAction = "previous_action"
    case managementReview = "management_review"
    case dataAnalysis = "data_analysis"
    case processMonitoring = "process_monitoring"
    case processResults = "process_results"
    case conformityCheck = "conformity_check"
    case qmsRecords = "qms_records"
    case riskAnalysis = "risk_analysis"
    case stakeholder
    case lessonsLearned = "lessons_learned"
    case other
}

public enum Severity: String, Sendable, CaseIterable { case minor, major }

/// Disposition of a nonconformity (5.1.1): làm lại, sửa chữa/khắc phục, chấp nhận, loại bỏ.
public enum Disposition: String, Sendable, CaseIterable { case rework, repair, accept, reject }

/// Result of verification (5.6).
public enum VerificationResult: String, Sendable, CaseIterable { case effective, ineffective }

/// The derived stage of a request; there is no `status` key in the records.
public enum Stage: String, Sendable, CaseIterable, Hashable {
    case open, assigned, inProgress = "in_progress", verifying, closed, cancelled

    /// Every stage but closed and cancelled counts as open.
    public var isOpen: Bool { self != .closed && self != .cancelled }
}

/// A planned action of a request (5.5) or of an objectives plan.
public struct Action: Sendable, Equatable {
    public var what: String
    public var owner: String?
    public var due: Day?
    public var done: Day?
    public var line: Int
    public init(what: String, owner: String? = nil, due: Day? = nil, done: Day? = nil, line: Int = 0) {
        self.what = what; self.owner = owner; self.due = due; self.done = done; self.line = line
    }
}

/// A dated note: monthly progress or a change of plan (box 2).
public struct Note: Sendable, Equatable {
    public var date: Day
    public var note: String
    public var line: Int
    public init(date: Day, note: String, line: Int = 0) { self.date = date; self.note = note; self.line = line }
}

/// The three boxes of form BM.CTCL.01, as safe HTML rendered by cmark.
public struct Boxes: Sendable, Equatable {
    /// Box 1: the request (Nội dung yêu cầu).
    public var request: String
    /// Box 2: cause, actions and changes (Nguyên nhân và biện pháp).
    public var causeAndActions: String
    /// Box 3: verification evidence (Kết quả kiểm tra xác nhận).
    public var verification: String
    public init(request: String = "", causeAndActions: String = "", verification: String = "") {
        self.request = request; self.causeAndActions = causeAndActions; self.verification = verification
    }
}

/// A position in a content file, for diagnostics.
public struct Position: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}

/// Where each front-matter key's value is, packed small: a site of 100,000 records keeps one
/// of these per record, so a dictionary per record would cost ~1.5 KB each.
public struct Positions: Sendable {
    /// The record kind's known keys, shared by every record of that kind.
    let keys: [String]
    /// `line << 32 | column` per key of `keys`; 0 when the key is absent.
    var packed: [UInt64]

    public init() { keys = []; packed = [] }

    /// One packed value (`pack`, 0 for absent) per key of `keys`.
    public init(keys: [String], packed: [UInt64]) {
        precondition(keys.count == packed.count)
        self.keys = keys
        self.packed = packed
    }

    /// One value per known key, in the order of the keys.
    public var packedValues: [UInt64] { packed }

    /// One position as `packedValues` holds it.
    public static func pack(_ p: Position) -> UInt64 {
        UInt64(UInt32(clamping: p.line)) << 32 | UInt64(UInt32(clamping: p.column))
    }

    public subscript(key: String) -> Position? {
        guard let i = keys.firstIndex(of: key), packed[i] != 0 else { return nil }
        return Position(line: Int(packed[i] >> 32), column: Int(packed[i] & 0xFFFF_FFFF))
    }
}

/// A corrective action / improvement request, form BM.CTCL.01 (Phiếu yêu cầu hành động khắc phục/cải tiến).
///
/// The fields live in one shared box until a copy is changed (copy-on-write): a site of
/// 100,000 requests copies them often (parsing, figures, pages), and a copy of ~40 fields
/// retained one by one was a tenth of a build.
public struct Request: Sendable {
    private final class Storage: @unchecked Sendable {
        var id: String
        var path: String
        var title: String
        var kind: Kind
        var source: Source
        var unit: String
        var category: String? = nil
        var severity: Severity = .minor
        var opened: Day
        var reportedBy: String
        var disposition: Disposition? = nil
        var actionNeeded: Bool? = nil
        var decidedBy: String? = nil
        var decidedOn: Day? = nil
        var assignedTo: String? = nil
        var assignedOn: Day? = nil
        var approvedBy: String? = nil
        var approvedOn: Day? = nil
        var due: Day? = nil
        var actions: [Action] = []
        var progress: [Note] = []
        var changes: [Note] = []
        var completedOn: Day? = nil
        var verifiedOn: Day? = nil
        var verifiedBy: String? = nil
        var result: VerificationResult? = nil
        var closed: Day? = nil
        var followUp: String? = nil
        var review: String? = nil
        var audit: String? = nil
        var inspection: String? = nil
        var cancelled: Day? = nil
        var cancelReason: String? = nil
        var confidential: Bool = false
        var extra: [(key: String, value: String)] = []
        var boxes: Boxes = Boxes()
        var positions: Positions = Positions()

        init(id: String, path: String, title: String, kind: Kind, source: Source, unit: String, opened: Day, reportedBy: String) {
            self.id = id; self.path = path; self.title = title; self.kind = kind; self.source = source; self.unit = unit; self.opened = opened; self.reportedBy = reportedBy
        }

        func copy() -> Storage {
            let c = Storage(id: id, path: path, title: title, kind: kind, source: source, unit: unit, opened: opened, reportedBy: reportedBy)
            c.category = category
            c.severity = severity
            c.disposition = disposition
            c.actionNeeded = actionNeeded
            c.decidedBy = decidedBy
            c.decidedOn = decidedOn
            c.assignedTo = assignedTo
            c.assignedOn = assignedOn
            c.approvedBy = approvedBy
            c.approvedOn = approvedOn
            c.due = due
            c.actions = actions
            c.progress = progress
            c.changes = changes
            c.completedOn = completedOn
            c.verifiedOn = verifiedOn
            c.verifiedBy = verifiedBy
            c.result = result
            c.closed = closed
            c.followUp = followUp
            c.review = review
            c.audit = audit
            c.inspection = inspection
            c.cancelled = cancelled
            c.cancelReason = cancelReason
            c.confidential = confidential
            c.extra = extra
            c.boxes = boxes
            c.positions = positions
            return c
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var id: String {
        get { storage.id }
        _modify { yield &unique().id }
    }
    /// Path of the file relative to the working folder, for diagnostics.
    public var path: String {
        get { storage.path }
        _modify { yield &unique().path }
    }
    public var title: String {
        get { storage.title }
        _modify { yield &unique().title }
    }
    public var kind: Kind {
        get { storage.kind }
        _modify { yield &unique().kind }
    }
    public var source: Source {
        get { storage.source }
        _modify { yield &unique().source }
    }
    public var unit: String {
        get { storage.unit }
        _modify { yield &unique().unit }
    }
    /// The NC content, normalised (NFC, trimmed, lower-cased) for recurrence grouping.
    public var category: String? {
        get { storage.category }
        _modify { yield &unique().category }
    }
    public var severity: Severity {
        get { storage.severity }
        _modify { yield &unique().severity }
    }
    public var opened: Day {
        get { storage.opened }
        _modify { yield &unique().opened }
    }
    public var reportedBy: String {
        get { storage.reportedBy }
        _modify { yield &unique().reportedBy }
    }
    public var disposition: Disposition? {
        get { storage.disposition }
        _modify { yield &unique().disposition }
    }
    public var actionNeeded: Bool? {
        get { storage.actionNeeded }
        _modify { yield &unique().actionNeeded }
    }
    public var decidedBy: String? {
        get { storage.decidedBy }
        _modify { yield &unique().decidedBy }
    }
    public var decidedOn: Day? {
        get { storage.decidedOn }
        _modify { yield &unique().decidedOn }
    }
    public var assignedTo: String? {
        get { storage.assignedTo }
        _modify { yield &unique().assignedTo }
    }
    public var assignedOn: Day? {
        get { storage.assignedOn }
        _modify { yield &unique().assignedOn }
    }
    public var approvedBy: String? {
        get { storage.approvedBy }
        _modify { yield &unique().approvedBy }
    }
    public var approvedOn: Day? {
        get { storage.approvedOn }
        _modify { yield &unique().approvedOn }
    }
    public var due: Day? {
        get { storage.due }
        _modify { yield &unique().due }
    }
    public var actions: [Action] {
        get { storage.actions }
        _modify { yield &unique().actions }
    }
    public var progress: [Note] {
        get { storage.progress }
        _modify { yield &unique().progress }
    }
    public var changes: [Note] {
        get { storage.changes }
        _modify { yield &unique().changes }
    }
    public var completedOn: Day? {
        get { storage.completedOn }
        _modify { yield &unique().completedOn }
    }
    public var verifiedOn: Day? {
        get { storage.verifiedOn }
        _modify { yield &unique().verifiedOn }
    }
    public var verifiedBy: String? {
        get { storage.verifiedBy }
        _modify { yield &unique().verifiedBy }
    }
    public var result: VerificationResult? {
        get { storage.result }
        _modify { yield &unique().result }
    }
    public var closed: Day? {
        get { storage.closed }
        _modify { yield &unique().closed }
    }
    public var followUp: String? {
        get { storage.followUp }
        _modify { yield &unique().followUp }
    }
    public var review: String? {
        get { storage.review }
        _modify { yield &unique().review }
    }
    /// The internal audit whose finding raised it (SPEC §5).
    public var audit: String? {
        get { storage.audit }
        _modify { yield &unique().audit }
    }
    /// The inspection whose finding raised it (SPEC §5).
    public var inspection: String? {
        get { storage.inspection }
        _modify { yield &unique().inspection }
    }
    public var cancelled: Day? {
        get { storage.cancelled }
        _modify { yield &unique().cancelled }
    }
    public var cancelReason: String? {
        get { storage.cancelReason }
        _modify { yield &unique().cancelReason }
    }
    public var confidential: Bool {
        get { storage.confidential }
        _modify { yield &unique().confidential }
    }
    /// Local `x_` keys, kept as text.
    public var extra: [(key: String, value: String)] {
        get { storage.extra }
        _modify { yield &unique().extra }
    }
    public var boxes: Boxes {
        get { storage.boxes }
        _modify { yield &unique().boxes }
    }
    /// Where each front-matter key's value is, for diagnostics.
    public var positions: Positions {
        get { storage.positions }
        _modify { yield &unique().positions }
    }

    public init(id: String, path: String = "", title: String, kind: Kind, source: Source, unit: String,
                opened: Day, reportedBy: String) {
        storage = Storage(id: id, path: path, title: title, kind: kind, source: source, unit: unit, opened: opened, reportedBy: reportedBy)
    }

    /// The stage derived from the dated milestones, first match (SPEC §1).
    public var stage: Stage {
        if cancelled != nil { return .cancelled }
        if closed != nil { return .closed }
        if completedOn != nil || (!actions.isEmpty && actions.allSatisfy { $0.done != nil }) { return .verifying }
        if approvedOn != nil || !actions.isEmpty { return .inProgress }
        if assignedTo != nil { return .assigned }
        return .open
    }

    public var isOpen: Bool { stage.isOpen }

    public func position(of key: String) -> Position {
        positions[key] ?? Position(line: 1, column: 1)
    }
}

/// A management review, form BM.CTCL.02 (Biên bản họp xem xét của lãnh đạo) or the report and
/// notice of 5.8.2.
public struct Review: Sendable {
    public enum Format: String, Sendable, CaseIterable { case meeting, report }

    /// The inputs of 5.8.1.1, in the order of the procedure.
    public static let inputKeys = [
        "previous_actions", "context_changes", "customer_feedback", "objectives", "nonconformities",
        "satisfaction_measurement", "audit_results", "provider_performance", "resources", "risk_actions",
        "improvement_opportunities",
    ]

    public struct Decision: Sendable {
        public enum DecisionType: String, Sendable, CaseIterable { case improvement, qmsChange = "qms_change", resources }
        public var type: DecisionType
        public var text: String
        public var owner: String?
        public var due: Day?
        public var ticket: String?
        public var line: Int
        public init(type: DecisionType, text: String, owner: String? = nil, due: Day? = nil, ticket: String? = nil, line: Int = 0) {
            self.type = type; self.text = text; self.owner = owner; self.due = due; self.ticket = ticket; self.line = line
        }
    }

    public var id: String
    public var path: String
    public var date: Day
    public var format: Format
    public var chair: String?
    public var secretary: String?
    public var attendees: [String] = []
    /// A report (5.8.2): the ISO committee's leader approves the report on the operation of the QMS.
    public var reportApprovedBy: String?
    public var reportApprovedOn: Day?
    /// The head of the agency approves the notice of results (5.8.2).
    public var approvedBy: String?
    public var approvedOn: Day?
    /// Input key → Markdown text as written.
    public var inputs: [String: String] = [:]
    /// Input key → safe HTML.
    public var inputsHTML: [String: String] = [:]
    public var decisions: [Decision] = []
    public var bodyHTML: String = ""
    public var extra: [(key: String, value: String)] = []
    public var positions = Positions()

    public init(id: String, path: String = "", date: Day, format: Format) {
        self.id = id; self.path = path; self.date = date; self.format = format
    }

    /// Inputs of 5.8.1.1 absent or blank, in the procedure's order.
    public var missingInputs: [String] {
        Review.inputKeys.filter { (inputs[$0] ?? "").allSatisfy(\.isWhitespace) }
    }
}

/// The yearly quality objectives and plan of a unit or of the ward (annex 3 of the quality manual).
public struct ObjectivePlan: Sendable {
    public enum Direction: String, Sendable, CaseIterable { case atLeast = "at_least", atMost = "at_most" }

    public struct Measurement: Sendable, Equatable {
        public var date: Day
        public var value: Double
        public init(date: Day, value: Double) { self.date = date; self.value = value }
    }

    public struct Objective: Sendable {
        public var code: String
        public var text: String
        public var measure: String?
        public var target: Double
        public var direction: Direction = .atLeast
        public var actual: Double?
        public var measurements: [Measurement] = []
        public var plan: [Action] = []
        public var line: Int
        public init(code: String, text: String, measure: String? = nil, target: Double, direction: Direction = .atLeast,
                    actual: Double? = nil, line: Int = 0) {
            self.code = code; self.text = text; self.measure = measure; self.target = target
            self.direction = direction; self.actual = actual; self.line = line
        }

        /// Met once evaluated: actual ≥ target (at_least) or ≤ target (at_most); nil before.
        public var met: Bool? {
            guard let actual else { return nil }
            return direction == .atLeast ? actual >= target : actual <= target
        }
    }

    /// Path under `objectives/` without `.md`, e.g. `2025/tthcc`.
    public var id: String
    public var path: String
    public var year: Int
    /// Nil for the ward as a whole.
    public var unit: String?
    public var approvedBy: String?
    public var approvedOn: Day?
    public var evaluatedOn: Day?
    public var objectives: [Objective] = []
    public var bodyHTML: String = ""
    public var extra: [(key: String, value: String)] = []
    public var positions = Positions()

    public init(id: String, path: String = "", year: Int, unit: String? = nil) {
        self.id = id; self.path = path; self.year = year; self.unit = unit
    }

    /// 30/01 of the plan's year: the plan is approved by then (5.9).
    public var approvalDeadline: Day { Day(year: year, month: 1, day: 30)! }
    /// 31/12 of the plan's year: the year is evaluated by then (5.9).
    public var evaluationDeadline: Day { Day(year: year, month: 12, day: 31)! }
}

/// A unit (đơn vị) of the ward.
public struct Unit: Sendable, Equatable {
    public var code: String
    public var name: String
    public var head: String?
    public init(code: String, name: String, head: String? = nil) { self.code = code; self.name = name; self.head = head }
}

/// `settings:` of site.yml.
public struct Settings: Sendable, Equatable {
    /// "more than 3 in a row" (5.2.2).
    public var recurrenceThreshold = 3
    public var dueSoonDays = 14
    /// Actions planned longer than this need monthly progress (5.5).
    public var longActionDays = 30
    public var progressIntervalDays = 31
    /// Management review at least yearly (5.8).
    public var reviewIntervalDays = 365
    /// BM.CTCL.01 records are kept three years (VII).
    public var retentionYears = 3
    /// Internal audit at least yearly (QĐ 19 Điều 4.4b).
    public var auditIntervalDays = 365
    /// Legal changes in the QMS within three months of taking effect (QĐ 19 Điều 4.4a).
    public var legalUpdateMonths = 3
    /// The corrective-action report within two months of the inspection record (TT 26 Điều 37.2c).
    public var inspectionReportMonths = 2
    /// A nonconformity found by an audit gets its request within this many days.
    public var findingRequestDays = 30
    public init() {}
}

/// site.yml.
public struct SiteConfig: Sendable {
    public var organisation: String
    public var locale: String = "vi"
    public var timezone: String = "Asia/Ho_Chi_Minh"
    public var baseURL: String = "/"
    public var units: [Unit] = []
    public var settings = Settings()
    public var qms = QMSFacts()
    public init(organisation: String) { self.organisation = organisation }

    public func unit(_ code: String) -> Unit? { units.first { $0.code == code } }

    /// The code of the unit that `written` names: its code, or its name, compared as written
    /// values are (case, spaces, a final period; SPEC §1). Nil when it names none.
    public func unitCode(written: String) -> String? {
        if unit(written) != nil { return written }
        let folded = foldValue(written)
        return units.first { foldValue($0.code) == folded || foldValue($0.name) == folded }?.code
    }
}

/// Everything a content folder holds, once parsed.
public struct Content: Sendable {
    public var site: SiteConfig
    public var requests: [Request]
    public var reviews: [Review]
    public var plans: [ObjectivePlan]
    public var audits: [Audit]
    public var inspections: [Inspection]
    public var legal: [LegalDocument]
    public init(site: SiteConfig, requests: [Request] = [], reviews: [Review] = [], plans: [ObjectivePlan] = [],
                audits: [Audit] = [], inspections: [Inspection] = [], legal: [LegalDocument] = []) {
        self.site = site; self.requests = requests; self.reviews = reviews; self.plans = plans
        self.audits = audits; self.inspections = inspections; self.legal = legal
    }
}
