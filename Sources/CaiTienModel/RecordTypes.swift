// The record types of a content folder, each described once: the folder it lives in, how a
// file's path gives its id, where its pages go, the keys its front-matter may hold with their
// Vietnamese names, and the words the commands use for it. Loading, parsing, assembling,
// `check`'s summary and the scaffold read this table rather than listing the types themselves.

/// Which kind of record a file holds, from the folder it is in; `site` is `site.yml`.
public enum RecordKind: String, Sendable, CaseIterable {
    case site, request, review, objectives, audit, inspection, legal

    /// The record type of the table, nil for `site.yml`.
    public var recordType: RecordType? {
        switch self {
        case .site: nil
        case .request: .request
        case .review: .review
        case .objectives: .objectives
        case .audit: .audit
        case .inspection: .inspection
        case .legal: .legal
        }
    }
}

/// One kind of record kept as Markdown files with front-matter.
public struct RecordType: Sendable {
    /// How a file's path inside the content folder gives the record's id.
    public enum IDRule: Sendable {
        /// The file's name without `.md`, whatever sub-folder it is in (`tickets/2025/PYC-2025-001.md` → `PYC-2025-001`).
        case fileName
        /// The path under the type's folder without `.md` (`objectives/2025/tthcc.md` → `2025/tthcc`).
        case pathInFolder
    }

    /// A front-matter key and its name in Vietnamese messages ("ngày mở phiếu (`opened`)");
    /// nil where the messages show the key alone.
    public struct Key: Sendable {
        public let name: String
        public let vietnamese: String?
        public init(_ name: String, _ vietnamese: String?) { self.name = name; self.vietnamese = vietnamese }
    }

    /// How `check`'s summary counts the records of a type: "12 kế hoạch mục tiêu", "1 objectives plan".
    public struct Noun: Sendable {
        public let vietnamese: String
        public let english: String
        public let englishPlural: String
        public init(_ vietnamese: String, _ english: String, plural: String? = nil) {
            self.vietnamese = vietnamese; self.english = english; englishPlural = plural ?? english + "s"
        }
        public func counted(_ n: Int, _ language: Language) -> String {
            language == .vi ? "\(n) \(vietnamese)" : "\(n) \(n == 1 ? english : englishPlural)"
        }
    }

    /// `caitien new COMMAND`: the sub-command that writes a record of this type, and its help line.
    public struct NewCommand: Sendable {
        public let name: String
        public let abstract: String
    }

    public let kind: RecordKind
    /// Its folder in the content folder (any sub-folders below it).
    public let folder: String
    public let id: IDRule
    /// The output folder holding one page per record (`tickets/ID/`): its ids are refused when
    /// they are a name the output uses itself there (`reserved-id`). Nil for types whose records
    /// have no page each (objectives are shown by year, legal documents in one table).
    public let pageFolder: String?
    /// A good file name, for the messages about a bad one (`bad-id`, `reserved-id`).
    public let exampleFile: String
    /// The keys its front-matter may hold (besides `x_…`), in the order the parse function keeps
    /// their positions.
    public let keys: [Key]
    /// What its front-matter is, in messages ("unknown key `x` in a request").
    public let mapping: Phrase
    /// Its name in `check`'s summary.
    public let noun: Noun
    /// Whether the summary counts it when there is none ("0 cuộc xem xét"); the duties of SPEC §5
    /// are named only when a site keeps them.
    public let countedWhenNone: Bool
    /// How many records of this type a content folder holds.
    public let count: @Sendable (Content) -> Int
    public let new: NewCommand

    /// Every record type, in the order the summary and `init` list them.
    public static let all: [RecordType] = [.request, .review, .objectives, .audit, .inspection, .legal]

    /// The id of the record at `relativePath` (a path inside the content folder), not yet in NFC.
    public func id(of relativePath: String) -> Substring {
        var id: Substring
        switch self.id {
        case .pathInFolder:
            id = relativePath[...]
            if id.hasPrefix(folder + "/") { id = id.dropFirst(folder.count + 1) }
        case .fileName:
            id = relativePath.split(separator: "/").last ?? relativePath[...]
        }
        return id.hasSuffix(".md") ? id.dropLast(3) : id
    }

    /// The Vietnamese name of every key of every record type, the first type's name where two share a key.
    static let keyNames: [String: String] = {
        var names: [String: String] = [:]
        for type in all { for key in type.keys { if let vi = key.vietnamese, names[key.name] == nil { names[key.name] = vi } } }
        return names
    }()
}

// MARK: - The table

extension RecordType {
    /// A request for corrective action or improvement, form BM.CTCL.01 (phiếu yêu cầu).
    public static let request = RecordType(
        kind: .request, folder: "tickets", id: .fileName, pageFolder: OutputLayout.requestFolder, exampleFile: "PYC-2025-001.md",
        keys: [
            Key("title", "tiêu đề"), Key("kind", "loại phiếu"), Key("source", "nguồn phát sinh"), Key("unit", "đơn vị"),
            Key("category", "nội dung KPH"), Key("severity", "mức độ"), Key("opened", "ngày mở phiếu"),
            Key("reported_by", "người lập phiếu"), Key("disposition", "hình thức xử lý"), Key("action_needed", "cần HĐKP/cải tiến"),
            Key("decided_by", "lãnh đạo đơn vị quyết định"), Key("decided_on", "ngày quyết định"),
            Key("assigned_to", "người được phân công"), Key("assigned_on", "ngày phân công"),
            Key("approved_by", "người phê duyệt"), Key("approved_on", "ngày phê duyệt"), Key("due", "thời hạn"),
            Key("actions", "các biện pháp"), Key("progress", "báo cáo tiến độ"), Key("changes", "thay đổi kế hoạch"),
            Key("completed_on", "ngày báo cáo hoàn thành"), Key("verified_on", "ngày kiểm tra xác nhận"),
            Key("verified_by", "người kiểm tra xác nhận"), Key("result", "kết quả kiểm tra"), Key("closed", "ngày đóng phiếu"),
            Key("follow_up", "phiếu mở mới"), Key("review", "cuộc xem xét của lãnh đạo"), Key("cancelled", "ngày hủy phiếu"),
            Key("cancel_reason", "lý do hủy"), Key("confidential", "bảo mật"),
            Key("audit", "cuộc đánh giá nội bộ"), Key("inspection", "cuộc kiểm tra"),
        ],
        mapping: Phrase(vi: "phiếu yêu cầu", en: "a request"),
        noun: Noun("phiếu", "request"), countedWhenNone: true, count: { $0.requests.count },
        new: NewCommand(name: "ticket", abstract: "A request, form BM.CTCL.01 (tickets/YEAR/PYC-YEAR-NNN.md)."))

    /// A management review, form BM.CTCL.02 (xem xét của lãnh đạo).
    public static let review = RecordType(
        kind: .review, folder: "reviews", id: .fileName, pageFolder: OutputLayout.reviewFolder, exampleFile: "2025-12-15.md",
        keys: [
            Key("date", "ngày"), Key("format", "hình thức"), Key("chair", "chủ trì"), Key("secretary", "thư ký"),
            Key("attendees", "thành phần tham dự"), Key("report_approved_by", nil), Key("report_approved_on", nil),
            Key("approved_by", "người phê duyệt"), Key("approved_on", "ngày phê duyệt"), Key("inputs", "đầu vào"),
            Key("decisions", "đầu ra"),
        ],
        mapping: Phrase(vi: "biên bản xem xét của lãnh đạo", en: "a management review"),
        noun: Noun("cuộc xem xét", "review"), countedWhenNone: true, count: { $0.reviews.count },
        new: NewCommand(name: "review", abstract: "A management review, form BM.CTCL.02 (reviews/DATE.md)."))

    /// A year's quality objectives and their plan, of the ward or of one unit (kế hoạch mục tiêu chất lượng).
    public static let objectives = RecordType(
        kind: .objectives, folder: "objectives", id: .pathInFolder, pageFolder: nil, exampleFile: "2025/tthcc.md",
        keys: [
            Key("year", "năm"), Key("unit", "đơn vị"), Key("approved_by", "người phê duyệt"), Key("approved_on", "ngày phê duyệt"),
            Key("evaluated_on", "ngày đánh giá"), Key("objectives", "các mục tiêu"),
        ],
        mapping: Phrase(vi: "kế hoạch mục tiêu chất lượng", en: "an objectives plan"),
        noun: Noun("kế hoạch mục tiêu", "objectives plan"), countedWhenNone: true, count: { $0.plans.count },
        new: NewCommand(name: "objectives", abstract: "A year's quality objectives and plan (objectives/YEAR/UNIT.md)."))

    /// An internal audit and its report, QĐ 19/2014 Điều 4.2 (đánh giá nội bộ).
    public static let audit = RecordType(
        kind: .audit, folder: "audits", id: .fileName, pageFolder: OutputLayout.auditFolder, exampleFile: "2026-06-22.md",
        keys: [
            Key("date", "ngày"), Key("end", "ngày kết thúc đánh giá"), Key("lead_auditor", "trưởng đoàn đánh giá"),
            Key("auditors", "thành viên đoàn đánh giá"), Key("scope", "phạm vi đánh giá"), Key("approved_by", "người phê duyệt"),
            Key("approved_on", "ngày phê duyệt"), Key("findings", "các phát hiện"),
        ],
        mapping: Phrase(vi: "biên bản đánh giá nội bộ", en: "an internal audit"),
        noun: Noun("cuộc đánh giá nội bộ", "internal audit"), countedWhenNone: false, count: { $0.audits.count },
        new: NewCommand(name: "audit", abstract: "An internal audit and its report (audits/DATE.md)."))

    /// An inspection by the province, TT 26/2014 Điều 33–37 (kiểm tra).
    public static let inspection = RecordType(
        kind: .inspection, folder: "inspections", id: .fileName, pageFolder: OutputLayout.inspectionFolder, exampleFile: "2026-03-12.md",
        keys: [
            Key("date", "ngày"), Key("by", "cơ quan kiểm tra"), Key("mode", "hình thức kiểm tra"), Key("reference", "số biên bản"),
            Key("findings", "các phát hiện"), Key("reported_on", "ngày gửi báo cáo khắc phục"),
            Key("report_ref", "số báo cáo khắc phục"), Key("reports", "các báo cáo khắc phục"),
            Key("response", "ý kiến của cơ quan kiểm tra"), Key("response_on", "ngày văn bản trả lời"),
        ],
        mapping: Phrase(vi: "hồ sơ kiểm tra", en: "an inspection"),
        noun: Noun("cuộc kiểm tra", "inspection"), countedWhenNone: false, count: { $0.inspections.count },
        new: NewCommand(name: "inspection", abstract: "An inspection by the province (inspections/DATE.md)."))

    /// A legal document to bring into the QMS, QĐ 19/2014 Điều 4.4a (văn bản pháp luật).
    public static let legal = RecordType(
        kind: .legal, folder: "legal", id: .fileName, pageFolder: nil, exampleFile: "QD-12-2026.md",
        keys: [
            Key("title", "tiêu đề"), Key("issued_on", "ngày ban hành"), Key("effective_on", "ngày có hiệu lực"),
            Key("affects", "tài liệu HTQLCL phải sửa đổi"), Key("units", "các đơn vị"),
            Key("updated_on", "ngày cập nhật vào HTQLCL"), Key("ticket", "phiếu yêu cầu"),
        ],
        mapping: Phrase(vi: "văn bản pháp luật", en: "a legal document"),
        noun: Noun("văn bản pháp luật", "legal document"), countedWhenNone: false, count: { $0.legal.count },
        new: NewCommand(name: "legal", abstract: "A legal document to bring into the QMS (legal/YEAR/ID.md)."))
}
