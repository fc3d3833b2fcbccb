import Foundation

// The words of the messages about the ward's other duties (SPEC §5), beside `Words.swift`:
// the Vietnamese names of their keys, what their mappings are, the hints of missing keys, and
// the Vietnamese values their fixed keys accept (SPEC §1).

extension Phrase {
    /// The Vietnamese name of the keys of `qms:`, of the settings of SPEC §5 and of the mappings
    /// inside audits and inspections, in the words of QĐ 19/2014 and TT 26/2014 (the records'
    /// own keys are named in `RecordTypes.swift`).
    static let dutyKeyNames: [String: String] = [
        // site.yml
        "qms": "thông tin HTQLCL", "announced_on": "ngày công bố HTQLCL", "announcement_ref": "số quyết định công bố",
        "scope_changed_on": "ngày điều chỉnh phạm vi HTQLCL", "effectiveness_confirmed_on": "ngày xác nhận hiệu lực HTQLCL",
        "audit_interval_days": "số ngày giữa hai lần đánh giá nội bộ", "legal_update_months": "số tháng cập nhật văn bản pháp luật",
        "inspection_report_months": "số tháng gửi báo cáo khắc phục", "finding_request_days": "số ngày mở phiếu cho phát hiện",
        // An audit's findings, an inspection's reports.
        "clause": "điều khoản ISO 9001", "ref": "số văn bản",
    ]

    // What a mapping is.
    public static let aFinding = Phrase(vi: "một phát hiện", en: "a finding")
    public static let aReport = Phrase(vi: "một báo cáo khắc phục", en: "a report")
    public static let theQMS = Phrase(vi: "phần thông tin HTQLCL (`qms`)", en: "`qms`")

    /// "finding 2" in a message: its 1-based place in the list.
    public static func finding(_ number: Int) -> Phrase { Phrase(vi: "phát hiện số \(number)", en: "finding \(number)") }

    // What a dated step is, for "… is before …" and "… is after today".
    public static func reportDated(_ number: Int) -> Phrase {
        Phrase(vi: "báo cáo khắc phục số \(number) (`reports`)", en: "report \(number) of `reports`")
    }
}

extension Hint {
    public static let auditDate = Phrase(vi: "ngày đầu tiên của cuộc đánh giá", en: "the first day of the audit")
    public static let leadAuditor = Phrase(vi: "họ và tên trưởng đoàn đánh giá", en: "the lead auditor's name")
    public static let scope = Phrase(vi: "các đơn vị được đánh giá, mỗi đơn vị một dòng `- mã đơn vị`",
                                     en: "the units audited, one `- unit code` a line")
    public static let findingUnit = Phrase(vi: "mã đơn vị có phát hiện, thuộc `scope`", en: "the unit of the finding, one of `scope`")
    public static let findingType = Phrase(
        vi: "`nonconformity` (sự không phù hợp), `observation` (khuyến nghị) hoặc `opportunity` (cơ hội cải tiến)",
        en: "`nonconformity`, `observation` or `opportunity`")
    public static let findingText = Phrase(vi: "nội dung phát hiện như ghi trong báo cáo đánh giá", en: "the finding as the audit report words it")
    public static let inspectionDate = Phrase(vi: "ngày ký biên bản kiểm tra (Mẫu 21, TT 26/2014)", en: "the day the inspection record was signed")
    public static let inspectionBy = Phrase(vi: "cơ quan kiểm tra, ví dụ `Sở Khoa học và Công nghệ`", en: "the inspecting body, e.g. `Sở Khoa học và Công nghệ`")
    public static let inspectionMode = Phrase(vi: "`on_site` (tại trụ sở) hoặc `documents` (qua hồ sơ, báo cáo) (TT 26/2014 Điều 37)",
                                              en: "`on_site` or `documents` (TT 26/2014 Điều 37)")
    public static let inspectionFindingText = Phrase(vi: "vấn đề tồn tại như ghi trong biên bản", en: "the issue as the record words it")
    public static let reportDate = Phrase(vi: "ngày gửi báo cáo", en: "the day the report was sent")
    public static let legalTitle = Phrase(vi: "tên văn bản, ví dụ \"Quyết định 12/2026/QĐ-UBND về …\"",
                                          en: "the document's title, e.g. \"Quyết định 12/2026/QĐ-UBND về …\"")
    public static let effectiveOn = Phrase(vi: "ngày văn bản có hiệu lực thi hành", en: "the day the document takes effect")
    public static let affects = Phrase(vi: "các quy trình, tài liệu của HTQLCL phải sửa đổi (`- QT.TTHC-03`), hoặc `none` nếu không có",
                                       en: "the QMS procedures and documents it changes (`- QT.TTHC-03`), or `none`")
}

// MARK: - Values in Vietnamese (SPEC §1)

extension FindingType: WrittenValue {
    public static let written = table([
        (.nonconformity, ["sự không phù hợp", "KPH", "không phù hợp"]),
        (.observation, ["khuyến nghị", "lưu ý"]),
        (.opportunity, ["cơ hội cải tiến"]),
    ], labels: [(.nonconformity, "Nonconformity"), (.observation, "Observation"), (.opportunity, "Opportunity for improvement")])
}

extension InspectionMode: WrittenValue {
    public static let written = table([
        (.onSite, ["tại trụ sở"]),
        (.documents, ["qua hồ sơ", "qua hồ sơ, báo cáo"]),
    ], labels: [(.onSite, "On site"), (.documents, "By documents and reports")])
}

extension InspectionResponse: WrittenValue {
    public static let written = table([
        (.accepted, ["chấp nhận"]),
        (.rejected, ["không chấp nhận"]),
    ], labels: [(.accepted, "Accepted"), (.rejected, "Rejected")])
}
