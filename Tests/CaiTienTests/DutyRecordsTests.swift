import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
import Foundation
import Testing
import TestSupport

// Internal audits, inspections and legal documents (SPEC §5): read from `audits/`,
// `inspections/` and `legal/` (any sub-folders) with dd/mm/yyyy or ISO dates, Vietnamese values,
// CRLF and NFD; every rule at its line and column, in Vietnamese and in English.

/// The ward's site.yml with three units, `qms:` facts and two of the new settings.
let dutySite = """
-- site.yml --
organisation: UBND phường Ninh Hòa
units:
  - code: tthcc
    name: Trung tâm Phục vụ hành chính công
  - code: van-phong
    name: Văn phòng HĐND và UBND
  - code: cong-an
    name: Công an phường
qms:
  announced_on: 15/03/2024
  announcement_ref: "Quyết định số 45/QĐ-UBND"
  scope_changed_on: 2025-07-01
  effectiveness_confirmed_on: 20/12/2025
settings:
  audit_interval_days: 180
  legal_update_months: 2
  inspection_report_months: 1
  finding_request_days: 20
"""

/// A request raised by an internal audit finding, opened 23/06/2026; `rest` from line 9.
func auditTicket(_ id: String, _ rest: String = "audit: 2026-06-22") -> String {
    """

    -- tickets/2026/\(id).md --
    ---
    title: Hồ sơ đăng ký tạm trú bản giấy chưa được lập danh mục, lưu trữ
    kind: nonconformity
    source: internal_audit
    unit: cong-an
    category: lưu trữ hồ sơ chưa đúng quy định
    opened: 23/06/2026
    reported_by: Ngô Thanh Hùng
    \(rest)
    ---
    Phát hiện số 1 của cuộc đánh giá nội bộ 22–24/6/2026.
    """
}

@Suite struct DutyRecordsTests {
    static let valid = dutySite + auditTicket("PYC-2026-019") + """

    -- audits/2026-06-22.md --
    ---
    date: 22/06/2026
    end: 24/06/2026
    lead_auditor: Ngô Thanh Hùng
    auditors: [Lê Thị Hạnh, Trần Quốc Bảo]
    scope: [cong-an, Trung tâm Phục vụ hành chính công]
    approved_by: Nguyễn Thị Hồng Hải
    approved_on: 30/06/2026
    findings:
      - unit: cong-an
        clause: "7.5.3"
        type: sự không phù hợp
        text: Hồ sơ đăng ký tạm trú bản giấy chưa được lập danh mục, lưu trữ
        ticket: PYC-2026-019
      - {unit: tthcc, clause: "8.5.1", type: KPH, text: Hồ sơ đã trả kết quả nhưng phần mềm một cửa vẫn ở trạng thái đang xử lý}
      - {unit: tthcc, type: khuyến nghị., text: Nên bố trí thêm ghế chờ cho người cao tuổi}
      - {unit: Công an phường, type: Cơ hội cải tiến, text: Số hóa sổ đăng ký tạm trú của ông Nguyễn Văn Bình, confidential: true}
    x_so_bao_cao: 05/BC-ĐGNB
    ---
    ## Báo cáo đánh giá nội bộ

    Đoàn đánh giá làm việc tại Công an phường và Trung tâm Phục vụ hành chính công từ 22 đến 24/6/2026.

    -- legal/2026/QD-12-2026.md --
    ---
    title: Quyết định 12/2026/QĐ-UBND về danh mục thủ tục hành chính cấp xã
    issued_on: 2026-06-20
    effective_on: 01/07/2026
    affects: [QT.TTHC-03, QT.TTHC-07]
    units: [tthcc]
    updated_on: 25/08/2026
    ---
    Danh mục mới thay thế Quyết định 40/2025/QĐ-UBND.

    -- legal/2025/trung-uong/ND-118-2025.md --
    ---
    title: Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa
    effective_on: 2025-07-01
    affects: không
    ---

    """

    /// The inspection record written on Windows (CRLF) with its title decomposed (NFD), as a
    /// Mac's file system gives it.
    static let inspection = Array("""
    ---\r
    date: 12/03/2026\r
    by: Sở Khoa học và Công nghệ tỉnh Khánh Hòa\r
    mode: Tại trụ sở\r
    reference: "12/BB-SKHCN"\r
    findings:\r
      - Chưa cập nhật danh mục tài liệu có nguồn gốc bên ngoài\r
      - {text: Hồ sơ tạm trú chưa được lưu trữ theo quy định, ticket: PYC-2026-019}\r
    reports:\r
      - {date: 20/05/2026, ref: 31/BC-UBND}\r
      - {date: 2026-04-05, ref: 28/BC-UBND}\r
    response: KHÔNG CHẤP NHẬN\r
    response_on: 15/06/2026\r
    ---\r
    Biên bản kiểm tra việc áp dụng HTQLCL theo Mẫu 21.\r

    """.decomposedStringWithCanonicalMapping.utf8)

    @Test func readsEveryKindIntoItsCodes() throws {
        let site = Fixture(Self.valid, bytes: ["inspections/2026-03-12.md": Self.inspection]).check(today: "2026-11-25")
        #expect(site.diagnostics.map(\.text) == [])
        let c = site.content
        #expect(c.site.qms.announcedOn == Day(parsing: "2024-03-15"))
        #expect(c.site.qms.announcementRef == "Quyết định số 45/QĐ-UBND")
        #expect(c.site.qms.scopeChangedOn == Day(parsing: "2025-07-01"))
        #expect(c.site.qms.effectivenessConfirmedOn == Day(parsing: "2025-12-20"))
        #expect(c.site.settings.auditIntervalDays == 180)
        #expect(c.site.settings.legalUpdateMonths == 2)
        #expect(c.site.settings.inspectionReportMonths == 1)
        #expect(c.site.settings.findingRequestDays == 20)
        #expect(c.requests.first?.audit == "2026-06-22")

        let audit = try #require(c.audits.first)
        #expect(c.audits.count == 1)
        #expect(audit.id == "2026-06-22")
        #expect(audit.date == Day(parsing: "2026-06-22") && audit.end == Day(parsing: "2026-06-24"))
        #expect(audit.leadAuditor == "Ngô Thanh Hùng")
        #expect(audit.auditors == ["Lê Thị Hạnh", "Trần Quốc Bảo"])
        // A unit named by its name is read into its code.
        #expect(audit.scope == ["cong-an", "tthcc"])
        #expect(audit.approvedBy == "Nguyễn Thị Hồng Hải" && audit.approvedOn == Day(parsing: "2026-06-30"))
        #expect(audit.findings.map(\.type) == [.nonconformity, .nonconformity, .observation, .opportunity])
        #expect(audit.findings.map(\.unit) == ["cong-an", "tthcc", "tthcc", "cong-an"])
        #expect(audit.findings.map(\.clause) == ["7.5.3", "8.5.1", nil, nil])
        #expect(audit.findings.map(\.ticket) == ["PYC-2026-019", nil, nil, nil])
        #expect(audit.findings.map(\.confidential) == [false, false, false, true])
        #expect(audit.findings.map(\.line) == [10, 15, 16, 17])
        #expect(audit.extra.map(\.key) == ["x_so_bao_cao"])
        #expect(audit.bodyHTML.contains("<h2>Báo cáo đánh giá nội bộ</h2>"))

        let inspection = try #require(c.inspections.first)
        #expect(inspection.id == "2026-03-12")
        #expect(inspection.by == "Sở Khoa học và Công nghệ tỉnh Khánh Hòa")
        #expect(inspection.by.unicodeScalars.count == "Sở Khoa học và Công nghệ tỉnh Khánh Hòa".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(inspection.mode == .onSite)
        #expect(inspection.reference == "12/BB-SKHCN")
        #expect(inspection.findings.map(\.text) == ["Chưa cập nhật danh mục tài liệu có nguồn gốc bên ngoài", "Hồ sơ tạm trú chưa được lưu trữ theo quy định"])
        #expect(inspection.findings.map(\.ticket) == [nil, "PYC-2026-019"])
        // The reports oldest first, whatever order they are written in.
        #expect(inspection.reports.map(\.date) == [Day(parsing: "2026-04-05")!, Day(parsing: "2026-05-20")!])
        #expect(inspection.reports.map(\.ref) == ["28/BC-UBND", "31/BC-UBND"])
        #expect(inspection.response == .rejected && inspection.responseOn == Day(parsing: "2026-06-15"))

        #expect(c.legal.map(\.id).sorted() == ["ND-118-2025", "QD-12-2026"])
        let decision = try #require(c.legal.first { $0.id == "QD-12-2026" })
        #expect(decision.issuedOn == Day(parsing: "2026-06-20") && decision.effectiveOn == Day(parsing: "2026-07-01"))
        #expect(decision.affects == ["QT.TTHC-03", "QT.TTHC-07"] && decision.units == ["tthcc"])
        #expect(decision.updatedOn == Day(parsing: "2026-08-25"))
        // `affects: không` — the document changes no procedure.
        #expect(c.legal.first { $0.id == "ND-118-2025" }?.affects == [])
    }

    @Test func theNewSettingsDriveTheFigures() {
        let site = Fixture(Self.valid, bytes: ["inspections/2026-03-12.md": Self.inspection]).check(today: "2026-07-14")
        let f = computeFigures(site.content, today: site.today)
        // finding_request_days 20: the audit ended 24/06/2026, so finding #2 is due by 14/07/2026…
        #expect(f.audits.unansweredFindings == [])
        // …and unanswered the day after.
        let later = computeFigures(site.content, today: Day(parsing: "2026-07-15")!)
        #expect(later.audits.unansweredFindings == ["2026-06-22#2"])
        // audit_interval_days 180: 24/06/2026 + 180 = 21/12/2026.
        #expect(f.audits.nextDue == Day(parsing: "2026-12-21"))
        // inspection_report_months 1: 12/03/2026 → 12/04/2026; first report 05/04/2026, on time.
        #expect(f.inspections.reportsLate == [])
        // Rejected on 15/06/2026 with no report after: open.
        #expect(f.inspections.rejectedOpen == ["2026-03-12"])
        // legal_update_months 2: effective 01/07/2026 → due 01/09/2026; updated 25/08/2026, on time.
        // Nghị định 118 (01/07/2025 → 01/09/2025) is pending and overdue.
        #expect(f.legal.late == [] && f.legal.onTimeRate == 1.0)
        #expect(f.legal.overdue == ["ND-118-2025"])
    }

    // MARK: Rules

    static let mistakes = dutySite + auditTicket("PYC-2026-019", "audit: 2025-11-24\ninspection: 2026-03-21") + """

    -- audits/2026-06-22.md --
    ---
    date: 22/06/2026
    end: 20/06/2026
    lead_auditor: Ngô Thanh Hùng
    auditor: Lê Thị Hạnh
    scope: [tthcc, phong-x]
    findings:
      - {unit: cong-an, type: nonconformity, text: Hồ sơ tạm trú chưa lưu trữ, ticket: PYC-2026-019}
      - {unit: tthc, type: nonconformance, text: Hồ sơ trễ hạn, ticket: PYC-2026-99}
      - {unit: tthcc, type: observation, txt: Ghế chờ}
    ---
    -- audits/2026-12-01.md --
    ---
    date: 01/12/2026
    lead_auditor: Lê Thị Hạnh
    scope: tthcc
    approved_on: 30/11/2026
    ---
    -- inspections/2026-03-12.md --
    ---
    date: 12/03/2026
    by: Sở KH&CN tỉnh Khánh Hòa
    mode: on_site
    findings:
      - {text: Chưa cập nhật danh mục tài liệu, ticket: PYC-2026-050}
    reported_on: 10/03/2026
    report_ref: 28/BC-UBND
    response: rejected
    ---
    -- inspections/2026-05-01.md --
    ---
    date: 01/05/2026
    by: Sở KH&CN tỉnh Khánh Hòa
    mode: kiểm tra trực tiếp
    ---
    -- inspections/2026-04-01.md --
    ---
    date: 01/04/2026
    by: Chi cục Tiêu chuẩn Đo lường Chất lượng
    mode: qua hồ sơ
    reported_on: 20/05/2026
    reports:
      - {date: 20/05/2026}
    response_on: 30/03/2026
    ---
    -- legal/QD-12-2026.md --
    ---
    title: Quyết định 12/2026/QĐ-UBND
    effective_on: 01/07/2026
    affects: QT.TTHC-03
    units: [tthcc, phong-x]
    updated_on: 15/06/2026
    ticket: PYC-2026-7
    ---
    -- legal/ND-1.md --
    ---
    title: Nghị định 1/2026/NĐ-CP
    issued: 01/01/2026
    ---

    """

    @Test func everyRuleAtItsLineAndColumn() {
        // Columns count characters: finding 1's ticket follows 83 of them on line 8.
        #expect(Fixture(Self.mistakes).diagnostics(today: "2026-11-25") == [
            "audits/2026-06-22.md:3:6: error: `end` 20/06/2026 is before the audit's first day (`date`) 22/06/2026; check both dates [end-before-date]",
            "audits/2026-06-22.md:5:1: error: unknown key `auditor` in an internal audit — did you mean `auditors`? (keys starting with `x_` are free for local use) [unknown-key]",
            "audits/2026-06-22.md:6:8: error: unknown unit `phong-x`; site.yml lists `tthcc`, `van-phong`, `cong-an` [unknown-unit]",
            "audits/2026-06-22.md:8:12: error: finding 1: unit `cong-an` is outside the audit's `scope` (`tthcc`, `phong-x`); add it to `scope` or correct the finding's unit [finding-outside-scope]",
            "audits/2026-06-22.md:8:84: warning: finding 1 names request PYC-2026-019, whose `audit` is `2025-11-24`; correct one of them [finding-ticket-elsewhere]",
            "audits/2026-06-22.md:9:12: error: unknown unit `tthc`; site.yml lists `tthcc`, `van-phong`, `cong-an` — did you mean `tthcc`? [unknown-unit]",
            "audits/2026-06-22.md:9:24: error: `type`: \"nonconformance\" is not allowed; use one of `nonconformity`, `observation`, `opportunity` — did you mean `nonconformity`? [bad-value]",
            "audits/2026-06-22.md:9:69: error: finding 2: no request `PYC-2026-99` exists; open it first, or correct the id — did you mean `PYC-2026-019`? [unknown-request]",
            "audits/2026-06-22.md:10:5: error: `text:` is required — the finding as the audit report words it [missing-key]",
            "audits/2026-06-22.md:10:38: error: unknown key `txt` in a finding — did you mean `text`? (keys starting with `x_` are free for local use) [unknown-key]",
            "audits/2026-12-01.md:2:7: error: `date` 01/12/2026 is after today (25/11/2026); fill it in once it has happened [future-date]",
            "audits/2026-12-01.md:5:14: error: `approved_on` 30/11/2026 is before `date` 01/12/2026; check the date [before-start]",
            "audits/2026-12-01.md:5:14: error: `approved_on` 30/11/2026 is after today (25/11/2026); fill it in once it has happened [future-date]",
            "inspections/2026-03-12.md:6:53: error: finding 1: no request `PYC-2026-050` exists; open it first, or correct the id — did you mean `PYC-2026-019`? [unknown-request]",
            "inspections/2026-03-12.md:7:14: error: `reported_on` 10/03/2026 is before `date` 12/03/2026; check the date [before-start]",
            "inspections/2026-03-12.md:9:11: error: `response` needs `response_on`: the date of the inspecting body's written answer [response-without-date]",
            "inspections/2026-04-01.md:5:14: error: the corrective-action report is given twice: use `reported_on` and `report_ref` for one report, or the list `reports`, not both [reports-twice]",
            "inspections/2026-04-01.md:8:14: error: `response_on` 30/03/2026 is before `date` 01/04/2026; check the date [before-start]",
            "inspections/2026-05-01.md:4:7: error: `mode`: \"kiểm tra trực tiếp\" is not allowed; use one of `on_site`, `documents` [bad-value]",
            "legal/ND-1.md:2:1: error: `affects:` is required — the QMS procedures and documents it changes (`- QT.TTHC-03`), or `none` [missing-key]",
            "legal/ND-1.md:2:1: error: `effective_on:` is required — the day the document takes effect [missing-key]",
            "legal/ND-1.md:3:1: error: unknown key `issued` in a legal document — did you mean `issued_on`? (keys starting with `x_` are free for local use) [unknown-key]",
            "legal/QD-12-2026.md:5:8: error: unknown unit `phong-x`; site.yml lists `tthcc`, `van-phong`, `cong-an` [unknown-unit]",
            "legal/QD-12-2026.md:6:13: error: `updated_on` 15/06/2026 is before `effective_on` 01/07/2026; check both dates [updated-before-effective]",
            "legal/QD-12-2026.md:7:9: error: `ticket`: no request `PYC-2026-7` exists; open it first, or correct the id — did you mean `PYC-2026-019`? [unknown-request]",
            // A date-like id gets no suggestion unless it is near: `2025-11-24` is near no audit.
            "tickets/2026/PYC-2026-019.md:9:8: error: `audit`: no internal audit `2025-11-24` exists in audits/ [unknown-audit]",
            "tickets/2026/PYC-2026-019.md:10:13: error: `inspection`: no inspection `2026-03-21` exists in inspections/ — did you mean `2026-03-12`? [unknown-inspection]",
        ])
    }

    @Test func messagesInVietnamese() {
        let lines = Fixture(Self.mistakes).diagnostics(today: "2026-11-25", language: .vi)
        for expected in [
            "audits/2026-06-22.md:3:6: error: ngày kết thúc đánh giá (`end`) 20/06/2026 trước ngày bắt đầu (`date`) 22/06/2026; kiểm tra lại hai ngày [end-before-date]",
            "audits/2026-06-22.md:8:12: error: phát hiện số 1: đơn vị `cong-an` không thuộc phạm vi đánh giá (`scope`: `tthcc`, `phong-x`); thêm đơn vị vào `scope` hoặc sửa lại đơn vị của phát hiện [finding-outside-scope]",
            "audits/2026-06-22.md:9:69: error: phát hiện số 2: không có phiếu `PYC-2026-99`; mở phiếu đó trước, hoặc sửa lại số phiếu — bạn muốn viết `PYC-2026-019`? [unknown-request]",
            "audits/2026-06-22.md:10:5: error: thiếu nội dung (`text`) — nội dung phát hiện như ghi trong báo cáo đánh giá [missing-key]",
            "audits/2026-12-01.md:5:14: error: ngày phê duyệt (`approved_on`) 30/11/2026 trước ngày (`date`) 01/12/2026; kiểm tra lại ngày [before-start]",
            "inspections/2026-03-12.md:7:14: error: ngày gửi báo cáo khắc phục (`reported_on`) 10/03/2026 trước ngày (`date`) 12/03/2026; kiểm tra lại ngày [before-start]",
            "inspections/2026-03-12.md:9:11: error: có ý kiến trả lời của cơ quan kiểm tra (`response`) thì ghi ngày của văn bản trả lời (`response_on`) [response-without-date]",
            "legal/QD-12-2026.md:6:13: error: ngày cập nhật vào HTQLCL (`updated_on`) 15/06/2026 trước ngày văn bản có hiệu lực (`effective_on`) 01/07/2026; kiểm tra lại hai ngày [updated-before-effective]",
            "legal/ND-1.md:2:1: error: thiếu ngày có hiệu lực (`effective_on`) — ngày văn bản có hiệu lực thi hành [missing-key]",
            "tickets/2026/PYC-2026-019.md:10:13: error: không có cuộc kiểm tra `2026-03-21` trong inspections/ — bạn muốn viết `2026-03-12`? [unknown-inspection]",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
    }

    @Test func reportsAreListedOrWrittenOnceAndReadOldestFirst() {
        // `reported_on` alone gives one report; a future report is an error at its own line.
        let fixture = Fixture(dutySite + """

        -- inspections/2026-03-12.md --
        ---
        date: 2026-03-12
        by: Sở Khoa học và Công nghệ
        mode: documents
        findings: [Chưa cập nhật danh mục tài liệu bên ngoài]
        reports:
          - {date: 05/05/2026, ref: 31/BC-UBND}
          - {date: 10/12/2026, ref: 80/BC-UBND}
        ---
        -- inspections/2026-01-20.md --
        ---
        date: 20/01/2026
        by: Chi cục Tiêu chuẩn Đo lường Chất lượng
        mode: qua hồ sơ
        reported_on: 18/03/2026
        report_ref: 15/BC-UBND
        ---

        """)
        #expect(fixture.diagnostics(today: "2026-11-25") == [
            "inspections/2026-03-12.md:8:1: error: report 2 of `reports` 10/12/2026 is after today (25/11/2026); fill it in once it has happened [future-date]",
        ])
        let site = fixture.check(today: "2026-11-25")
        #expect(site.content.inspections.first { $0.id == "2026-01-20" }?.reports == [Inspection.Report(date: Day(parsing: "2026-03-18")!, ref: "15/BC-UBND", line: 5)])
    }

    @Test func theNewFoldersFollowTheFileRules() {
        // A symbolic link is never followed; a record-looking file not named `.md` is named; a
        // file starting with `_` is a draft; evidence files are left alone; any depth of folders.
        let fixture = Fixture(dutySite + """

        -- audits/2026-06-22.MD --
        ---
        date: 2026-06-22
        -- audits/_nhap-2026-12.md --
        ---
        (bản nháp)
        -- inspections/2026-03-12-bien-ban.pdf --
        %PDF-1.4
        -- legal/2026/trung-uong/nghi-dinh/ND-96-2026.md --
        ---
        title: Nghị định 96/2026/NĐ-CP
        effective_on: 2026-07-01
        affects: none
        ---

        """, symlinks: ["inspections/2026-10-13.md", "legal/2025"])
        #expect(fixture.diagnostics(today: "2026-11-25") == [
            "audits/2026-06-22.MD:1:1: warning: `2026-06-22.MD` is not read: only a file whose name ends in `.md` (lower case) is a record — rename it `2026-06-22.md`, or start its name with `_` to keep it aside [not-read]",
            "inspections/2026-10-13.md:1:1: error: is a symbolic link; links are never followed in content — replace it with the file or folder itself [symlink]",
            "legal/2025:1:1: error: is a symbolic link; links are never followed in content — replace it with the file or folder itself [symlink]",
        ])
        #expect(fixture.check(today: "2026-11-25").content.legal.map(\.id) == ["ND-96-2026"])
    }

    @Test func reservedIDsAndDuplicatesAreRefused() {
        let fixture = Fixture(dutySite + """

        -- audits/index.md --
        ---
        date: 2026-06-22
        lead_auditor: Ngô Thanh Hùng
        scope: [tthcc]
        ---
        -- legal/2025/QD-1.md --
        ---
        title: Quyết định 1
        effective_on: 2025-01-01
        affects: none
        ---
        -- legal/2026/qd-1.md --
        ---
        title: Quyết định 1 (bản khác)
        effective_on: 2026-01-01
        affects: none
        ---

        """)
        #expect(fixture.diagnostics(today: "2026-11-25") == [
            "audits/index.md:1:1: error: the file name gives the id `index`, a name the site uses itself in audits/ (`assets`, `index`, `index.html`, `index.js`, `next`, `page`); rename the file, e.g. 2026-06-22.md [reserved-id]",
            "legal/2026/qd-1.md:1:1: error: duplicate id `qd-1`: content/legal/2025/QD-1.md has the same name but for upper and lower case (`QD-1`), and the two collide on Windows, on macOS and in a zip — rename one [duplicate-id-case]",
        ])
    }
}
