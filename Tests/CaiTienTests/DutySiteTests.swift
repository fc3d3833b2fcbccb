import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
import Foundation
import Testing
import TestSupport

// The records of SPEC §5 in the output: data.json, tickets.csv, and (DutyPagesTests) the pages.

/// Checks, computes and renders a fixture into memory; the fixture must hold no error.
func buildDuties(_ fixture: Fixture, today: String, swiftMustache: Bool = false,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> MemoryOutput {
    let site = fixture.check(today: today)
    #expect(!site.diagnostics.hasErrors, "\(site.diagnostics.map(\.text))", sourceLocation: sourceLocation)
    let figures = computeFigures(site.content, today: site.today)
    let theme = Theme.builtIn
    let model = SiteModel(content: site.content, figures: figures,
                          localizer: try Localizer(theme: theme, locale: site.content.site.locale), commit: "abc123")
    let output = MemoryOutput()
    var renderer = try Renderer(theme: theme)
    renderer.usesSwiftMustache = swiftMustache
    try renderSite(model, theme: theme, renderer: renderer, into: output)
    return output
}

/// A ward with an audit, an inspection and two legal documents. A citizen is named three
/// times: in a confidential request, in the audit finding that request was opened for, and in
/// an inspection finding marked confidential.
let dutyWard = dutySite + auditTicket("PYC-2026-019") + """

-- tickets/2026/PYC-2026-010.md --
---
title: Lộ thông tin cư trú của bà Trần Thị Mật tại quầy tiếp nhận
kind: nonconformity
source: internal_audit
unit: cong-an
category: lộ dữ liệu cá nhân
opened: 24/06/2026
reported_by: Ngô Thanh Hùng
audit: 2026-06-22
confidential: true
---
Bà Trần Thị Mật, CCCD 056123456789.
-- audits/2026-06-22.md --
---
date: 22/06/2026
end: 24/06/2026
lead_auditor: Ngô Thanh Hùng
scope: [cong-an, tthcc]
findings:
  - {unit: cong-an, clause: "7.5.3", type: nonconformity, text: Hồ sơ tạm trú bản giấy chưa được lập danh mục, ticket: PYC-2026-019}
  - {unit: cong-an, clause: "8.5.1", type: nonconformity, text: Phiếu của bà Trần Thị Mật để lộ trên quầy, ticket: PYC-2026-010}
  - {unit: tthcc, clause: "8.2.1", type: observation, text: Nên bố trí thêm ghế chờ cho người cao tuổi}
---
Báo cáo đánh giá nội bộ năm 2026.
-- inspections/2026-03-12.md --
---
date: 12/03/2026
by: Sở Khoa học và Công nghệ tỉnh Khánh Hòa
mode: on_site
reference: 12/BB-SKHCN
findings:
  - Chưa cập nhật danh mục tài liệu có nguồn gốc bên ngoài
  - {text: Hồ sơ của ông Lê Văn Kín lưu sai nơi, confidential: true}
reported_on: 05/05/2026
report_ref: 31/BC-UBND
response: accepted
response_on: 20/05/2026
---
Biên bản kiểm tra.
-- legal/2026/QD-12-2026.md --
---
title: Quyết định 12/2026/QĐ-UBND về danh mục thủ tục hành chính cấp xã
effective_on: 01/07/2026
affects: [QT.TTHC-03]
units: [tthcc]
updated_on: 25/08/2026
ticket: PYC-2026-019
---
-- legal/2025/ND-118-2025.md --
---
title: Nghị định 118/2025/NĐ-CP
effective_on: 2025-07-01
affects: none
---

"""

@Suite struct DutyExportsTests {
    @Test func dataJSONCarriesTheRecordsAndWithholdsWhatNamesACitizen() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let json = try #require(out.text("data.json"))
        #expect(json.hasPrefix("{\"schema\":1,"))
        #expect(json.contains("""
        "audits":[{"id":"2026-06-22","date":"2026-06-22","end":"2026-06-24","lead_auditor":"Ngô Thanh Hùng","scope":["cong-an","tthcc"],\
        "findings":[{"id":"2026-06-22#1","unit":"cong-an","clause":"7.5.3","type":"nonconformity","text":"Hồ sơ tạm trú bản giấy chưa được lập danh mục","ticket":"PYC-2026-019"},\
        {"id":"2026-06-22#2","unit":"cong-an","clause":"8.5.1","type":"nonconformity","ticket":"PYC-2026-010","confidential":true},\
        {"id":"2026-06-22#3","unit":"tthcc","clause":"8.2.1","type":"observation","text":"Nên bố trí thêm ghế chờ cho người cao tuổi"}]}]
        """))
        #expect(json.contains("""
        "inspections":[{"id":"2026-03-12","date":"2026-03-12","by":"Sở Khoa học và Công nghệ tỉnh Khánh Hòa","mode":"on_site","reference":"12/BB-SKHCN",\
        "findings":[{"text":"Chưa cập nhật danh mục tài liệu có nguồn gốc bên ngoài"},{"confidential":true}],\
        "reports":[{"date":"2026-05-05","ref":"31/BC-UBND"}],"response":"accepted","response_on":"2026-05-20"}]
        """))
        #expect(json.contains("""
        "legal":[{"id":"ND-118-2025","title":"Nghị định 118/2025/NĐ-CP","effective_on":"2025-07-01","affects":["none"]},\
        {"id":"QD-12-2026","title":"Quyết định 12/2026/QĐ-UBND về danh mục thủ tục hành chính cấp xã","effective_on":"2026-07-01",\
        "affects":["QT.TTHC-03"],"units":["tthcc"],"updated_on":"2026-08-25","ticket":"PYC-2026-019"}]}
        """))
        #expect(json.contains("\"review\"") == false)
        #expect(json.contains("\"id\":\"PYC-2026-019\",\"stage\":\"open\""))
        #expect(json.contains("\"reported_by\":\"Ngô Thanh Hùng\",\"audit\":\"2026-06-22\"}"))
        // The kpis of SPEC §5 are in data.json too.
        #expect(json.contains("\"audits\":{\"last\":\"2026-06-24\",\"days_since_last\":154,\"due\":false,"))
    }

    @Test func noPageOrExportNamesTheCitizens() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        #expect(out.files.count >= 16)
        for (path, bytes) in out.files {
            let text = String(decoding: bytes, as: UTF8.self)
            for name in ["Trần Thị Mật", "Lê Văn Kín", "056123456789"] {
                #expect(!text.contains(name), "\(path) names \(name)")
            }
        }
    }

    @Test func ticketsCSVHasTheAuditAndInspectionColumns() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let text = String(decoding: try #require(out.files["tickets.csv"]).dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix("\"Phiếu mở mới\",\"Lần xem xét\",\"Cuộc đánh giá nội bộ\",\"Cuộc kiểm tra\",\"kind\",\"source\",\"unit\",\"severity\",\"stage\",\"result\""))
        #expect(lines.contains { $0.hasPrefix("\"PYC-2026-019\",") && $0.contains(",\"\",\"\",\"2026-06-22\",\"\",\"nonconformity\",") })
    }
}

@Suite struct DutyStatsTests {
    /// `caitien stats --json` at `today`: the three objects of SPEC §5, compact.
    func kpis(_ folder: String, _ today: String) throws -> [String] {
        let run = try runCaitien(["stats", "--json", "--today", today], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        return try ["audits", "inspections", "legal"].map { key in
            let data = try JSONSerialization.data(withJSONObject: try #require(object[key]), options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test func statsJSONEqualsTheHandCheckedFigures() throws {
        let folder = try temporaryFolder("caitien-duty-stats")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(dutyWard).write(to: folder)
        // Settings: audit_interval_days 180, legal_update_months 2, inspection_report_months 1.
        // 25/11/2026: the audit ended 24/06/2026, 154 days ago, next due 21/12/2026; both
        // nonconformities have their requests. The inspection of 12/03/2026 was due by
        // 12/04/2026 and reported 05/05/2026: late. Nghị định 118 took effect 01/07/2025, due
        // 01/09/2025, not taken in: pending and overdue; QĐ 12 (01/07/2026, due 01/09/2026) was
        // taken in 25/08/2026: on time, so the rate is 1.
        #expect(try kpis(folder, "2026-11-25") == [
            #"{"days_since_last":154,"due":false,"findings":{"nonconformity":2,"observation":1,"opportunity":0},"last":"2026-06-24","last_id":"2026-06-22","next_due":"2026-12-21","unanswered_findings":[]}"#,
            #"{"last":"2026-03-12","last_id":"2026-03-12","rejected_open":[],"reports_due":{},"reports_late":["2026-03-12"],"reports_overdue":[]}"#,
            #"{"late":[],"on_time_rate":1,"overdue":["ND-118-2025"],"pending":["ND-118-2025"]}"#,
        ])
        // 21/12/2026 is the 180th day: not due; 22/12/2026, the 181st: due.
        #expect(try kpis(folder, "2026-12-21")[0].contains(#""days_since_last":180,"due":false"#))
        #expect(try kpis(folder, "2026-12-22")[0].contains(#""days_since_last":181,"due":true"#))
        // 22/12/2026 in full: the audit is due; the rest as before.
        #expect(try kpis(folder, "2026-12-22") == [
            #"{"days_since_last":181,"due":true,"findings":{"nonconformity":2,"observation":1,"opportunity":0},"last":"2026-06-24","last_id":"2026-06-22","next_due":"2026-12-21","unanswered_findings":[]}"#,
            #"{"last":"2026-03-12","last_id":"2026-03-12","rejected_open":[],"reports_due":{},"reports_late":["2026-03-12"],"reports_overdue":[]}"#,
            #"{"late":[],"on_time_rate":1,"overdue":["ND-118-2025"],"pending":["ND-118-2025"]}"#,
        ])
    }
}

extension DutyStatsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The Ninh Hòa sample: two audits (24–26/11/2025, 22–24/06/2026), two inspections (by
    /// documents 10/09/2025, answered "không chấp nhận" 01/12/2025; on site 13/10/2026) and five
    /// legal documents, with the default settings.
    @Test func theSampleSiteAtTwoDates() throws {
        // 25/11/2026: the June audit ended 154 days ago. Findings: November 3 NC, 2 observations,
        // 1 opportunity; June 4 NC, 2 observations, 1 opportunity. June's NC #4 has no request
        // and 24/06 + 30 days = 24/07/2026 has passed. The on-site inspection's report is due
        // 13/12/2026; the 2025 one was answered "rejected" on 01/12/2025 and reported on
        // 05/11/2025 only. Legal: QĐ 2150 (31/08/2025 → 30/11/2025) taken in 14/01/2026, late;
        // NĐ 118 (01/07/2025 → 01/10/2025) taken in 15/09/2025, on time; NĐ 96 (01/07/2026 →
        // 01/10/2026) overdue; QĐ 45 (15/10/2026 → 15/01/2027) and TT 12 (not in effect until
        // 01/01/2027) pending.
        let content = Self.repository
        #expect(try kpis(content, "2026-11-25") == [
            #"{"days_since_last":154,"due":false,"findings":{"nonconformity":7,"observation":4,"opportunity":2},"last":"2026-06-24","last_id":"2026-06-22","next_due":"2027-06-24","unanswered_findings":["2026-06-22#4"]}"#,
            #"{"last":"2026-10-13","last_id":"2026-10-13","rejected_open":["2025-09-10"],"reports_due":{"2026-10-13":"2026-12-13"},"reports_late":[],"reports_overdue":[]}"#,
            #"{"late":["QD-2150-2025"],"on_time_rate":0.5,"overdue":["ND-96-2026"],"pending":["ND-96-2026","QD-45-2026","TT-12-2026"]}"#,
        ])
        // 13/12/2026 is the report's due day: not overdue; 14/12/2026 it is.
        #expect(try kpis(content, "2026-12-13")[1].contains(#""reports_overdue":[]"#))
        #expect(try kpis(content, "2026-12-14")[1].contains(#""reports_overdue":["2026-10-13"]"#))
    }
}

@Suite struct DutyPagesTests {
    /// The text of a page with its markup's white space between tags removed.
    /// A page's HTML without the cells' `data-label`s (the column names a phone shows), so that
    /// the expectations read as the table's cells.
    func page(_ out: MemoryOutput, _ path: String) throws -> String {
        try #require(out.text(path), "\(path)").replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
    }

    @Test func everyPageOfSpec5IsWritten() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        for path in ["audits/index.html", "audits/2026-06-22/index.html", "inspections/index.html",
                     "inspections/2026-03-12/index.html", "legal/index.html"] {
            #expect(out.files[path] != nil, "\(path)")
        }
    }

    @Test func anAuditPageIsItsReportWithFindingsLinkedToTheirRequests() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let html = try page(out, "audits/2026-06-22/index.html")
        #expect(html.contains("<h1>Báo cáo đánh giá nội bộ</h1><p class=\"form-id\">Thời gian đánh giá: <strong>22/06/2026 – 24/06/2026</strong>"))
        #expect(html.contains("<tr id=\"finding-1\"><td>1</td><td><a href=\"../../units/cong-an/index.html\">Công an phường</a></td><td>7.5.3</td>"))
        #expect(html.contains("<td>Hồ sơ tạm trú bản giấy chưa được lập danh mục</td><td><a href=\"../../tickets/PYC-2026-019/index.html\">PYC-2026-019</a> <span class=\"stage open\">Mới mở</span>"))
        // The finding whose request is confidential keeps its link but not its text.
        #expect(html.contains("<td><em>Nội dung được bảo mật</em></td><td><a href=\"../../tickets/PYC-2026-010/index.html\">PYC-2026-010</a>"))
        // Signature blocks: the lead auditor on the audit's last day, the approver left blank.
        #expect(html.contains("<p class=\"sig-role\">Trưởng đoàn đánh giá</p>"))
        #expect(html.contains("<p class=\"sig-name\">Ngô Thanh Hùng</p>\n    <p class=\"sig-date\">Ngày: 24/06/2026</p>"))
        #expect(html.contains("<p class=\"sig-role\">Người phê duyệt báo cáo</p>"))
    }

    @Test func unansweredFindingsAreMarkedOnTheAuditAndListed() throws {
        // Remove finding 1's request: it becomes a nonconformity without a request. The audit
        // ended 24/06/2026 and finding_request_days is 20: awaited until 14/07/2026, then unanswered.
        let text = dutyWard.replacingOccurrences(of: ", ticket: PYC-2026-019}", with: "}")
            .replacingOccurrences(of: "updated_on: 25/08/2026\n", with: "")
        let early = try buildDuties(Fixture(text), today: "2026-07-14")
        #expect(try page(early, "audits/2026-06-22/index.html").contains("<span class=\"badge warn\">hạn mở phiếu 14/07/2026</span>"))
        #expect(try page(early, "audits/index.html").contains("<h2>Sự không phù hợp đang chờ mở phiếu</h2>"))
        #expect(!(try page(early, "index.html")).contains("data-key=\"tile_unanswered_findings\""))
        let late = try buildDuties(Fixture(text), today: "2026-07-15")
        #expect(try page(late, "audits/2026-06-22/index.html").contains("<span class=\"badge danger\">Chưa mở phiếu</span>"))
        let list = try page(late, "audits/index.html")
        #expect(list.contains("<section id=\"unanswered\" class=\"panel\">"))
        #expect(list.contains("<li><a href=\"2026-06-22/index.html#finding-1\">2026-06-22#1</a> — Công an phường: Hồ sơ tạm trú bản giấy chưa được lập danh mục</li>"))
        let dashboard = try page(late, "index.html")
        #expect(dashboard.contains("<a class=\"tile alert\" href=\"audits/index.html#unanswered\" data-key=\"tile_unanswered_findings\">\n    <span class=\"tile-value\">1</span>"))
    }

    @Test func anInspectionPageShowsTheReportDueTheReportSentAndTheAnswer() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let html = try page(out, "inspections/2026-03-12/index.html")
        // inspection_report_months is 1 in this site: signed 12/03/2026, due 12/04/2026,
        // reported 05/05/2026: late.
        #expect(html.contains("<div><dt>Hạn gửi báo cáo khắc phục</dt><dd>12/04/2026</dd></div>"))
        #expect(html.contains("<span class=\"report-status late\">Gửi báo cáo trễ hạn</span>"))
        #expect(html.contains("<tr><td class=\"late\">05/05/2026</td><td>31/BC-UBND</td></tr>"))
        #expect(html.contains("<strong class=\"response accepted\">Chấp nhận</strong> (20/05/2026)"))
        #expect(html.contains("<li id=\"finding-1\">Chưa cập nhật danh mục tài liệu có nguồn gốc bên ngoài</li>"))
        #expect(html.contains("<li id=\"finding-2\"><em>Nội dung được bảo mật</em></li>"))
        #expect(html.contains("<p class=\"sig-role\">Trưởng đoàn kiểm tra</p>"))
        #expect(html.contains("<p class=\"sig-role\">Đại diện cơ quan được kiểm tra</p>"))
        let list = try page(out, "inspections/index.html")
        #expect(list.contains("<td><a href=\"2026-03-12/index.html\">12/03/2026</a></td><td>Sở Khoa học và Công nghệ tỉnh Khánh Hòa</td><td>Tại trụ sở</td><td>2</td><td>12/04/2026</td><td>05/05/2026 <span class=\"report-status late\">Gửi báo cáo trễ hạn</span></td><td>Chấp nhận</td>"))
    }

    @Test func anOverdueReportAndARejectionAreShownAndTiled() throws {
        // No report yet: on its due day (12/04/2026) the report is awaited; the day after it is
        // overdue, on the inspection's page, in the list and as a dashboard tile.
        let text = dutyWard
            .replacingOccurrences(of: "reported_on: 05/05/2026\nreport_ref: 31/BC-UBND\nresponse: accepted\nresponse_on: 20/05/2026\n", with: "")
            .replacingOccurrences(of: "updated_on: 25/08/2026\n", with: "").replacingOccurrences(of: "end: 24/06/2026\n", with: "")
        let text2 = text.replacingOccurrences(of: "-- audits/2026-06-22.md --", with: "-- _audits/2026-06-22.md --")
            .replacingOccurrences(of: "\naudit: 2026-06-22", with: "").replacingOccurrences(of: "opened: 23/06/2026", with: "opened: 01/04/2026")
            .replacingOccurrences(of: "opened: 24/06/2026", with: "opened: 01/04/2026")
        let onTheDay = try buildDuties(Fixture(text2), today: "2026-04-12")
        #expect(try page(onTheDay, "inspections/2026-03-12/index.html").contains("<span class=\"report-status waiting\">Chưa gửi báo cáo</span>"))
        #expect(!(try page(onTheDay, "index.html")).contains("tile_inspection_reports_overdue"))
        let dayAfter = try buildDuties(Fixture(text2), today: "2026-04-13")
        #expect(try page(dayAfter, "inspections/2026-03-12/index.html").contains("<span class=\"report-status overdue\">Quá hạn gửi báo cáo</span>"))
        // The day after the due day: one day late, the agency's head to send it.
        #expect(try page(dayAfter, "inspections/index.html").contains("· Hạn gửi báo cáo khắc phục 12/04/2026 · Lãnh đạo cơ quan · <span class=\"late\">quá hạn 1 ngày</span></li>"))
        #expect(try page(dayAfter, "index.html").contains("<a class=\"tile alert\" href=\"inspections/index.html#overdue\" data-key=\"tile_inspection_reports_overdue\">"))
        // No audit in this site: the audit tile says so and links to the audits.
        #expect(try page(dayAfter, "index.html").contains("<a class=\"tile alert\" href=\"audits/index.html\" data-key=\"tile_audit_due\">\n    <span class=\"tile-value\">Chưa có cuộc đánh giá nội bộ nào</span>"))
        // Rejected: the page says a new report is needed.
        let rejected = dutyWard.replacingOccurrences(of: "response: accepted", with: "response: không chấp nhận")
        let out = try buildDuties(Fixture(rejected), today: "2026-11-25")
        #expect(try page(out, "inspections/2026-03-12/index.html").contains("<strong class=\"response rejected\">Không chấp nhận</strong> (20/05/2026) <span class=\"badge danger\">Không chấp nhận — cần báo cáo lại</span>"))
    }

    @Test func theLegalTableShowsOverdueFirstAndTheDashboardTilesIt() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let html = try page(out, "legal/index.html")
        let overdue = try #require(html.range(of: "<tr id=\"ND-118-2025\" class=\"legal-overdue\">"))
        let onTime = try #require(html.range(of: "<tr id=\"QD-12-2026\" class=\"legal-on_time\">"))
        #expect(overdue.lowerBound < onTime.lowerBound)
        // The list the tile opens: who takes the document in and how late (due 01/09/2025, 450 days
        // before 25/11/2026).
        #expect(html.contains("<section id=\"overdue\" class=\"panel no-print\">"))
        #expect(html.contains("<li><a href=\"#ND-118-2025\">Nghị định 118/2025/NĐ-CP</a> · Hạn cập nhật 01/09/2025 · Ban ISO · <span class=\"late\">quá hạn 450 ngày</span></li>"))
        #expect(html.contains("<td>01/07/2025</td><td>01/09/2025</td><td></td><td><span class=\"legal-status overdue\">Quá hạn cập nhật</span></td><td>Không có</td>"))
        #expect(html.contains("<td>01/07/2026</td><td>01/09/2026</td><td>25/08/2026</td><td><span class=\"legal-status on_time\">Cập nhật đúng hạn</span></td><td>QT.TTHC-03</td><td><a href=\"../tickets/PYC-2026-019/index.html\">PYC-2026-019</a></td>"))
        let dashboard = try page(out, "index.html")
        #expect(dashboard.contains("<a class=\"tile alert\" href=\"legal/index.html#overdue\" data-key=\"tile_legal_overdue\">\n    <span class=\"tile-value\">1</span>"))
        // Nothing else is due on 25/11/2026: no other tile of SPEC §5.
        for key in ["tile_audit_due", "tile_unanswered_findings", "tile_inspection_reports_overdue"] {
            #expect(!dashboard.contains(key), "\(key)")
        }
    }

    @Test func compiledTemplatesRenderTheNewPagesLikeSwiftMustache() throws {
        let fast = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let reference = try buildDuties(Fixture(dutyWard), today: "2026-11-25", swiftMustache: true)
        #expect(fast.files.keys.sorted() == reference.files.keys.sorted())
        for (path, bytes) in fast.files where path.hasSuffix(".html") {
            #expect(String(decoding: bytes, as: UTF8.self) == reference.text(path), "\(path) differs from swift-mustache")
        }
    }

    @Test func theDeadlinesOfSpec5AreInTheCalendarAndOnTheDashboard() throws {
        // audit_interval_days 180: next audit by 21/12/2026. Nghị định 118 (due 01/09/2025) is
        // still to take in. With finding 1's request removed, it awaits one until 14/07/2026; and
        // without its report, the inspection's is due 12/04/2026 (inspection_report_months 1).
        let text = dutyWard.replacingOccurrences(of: ", ticket: PYC-2026-019}", with: "}")
            .replacingOccurrences(of: "reported_on: 05/05/2026\nreport_ref: 31/BC-UBND\nresponse: accepted\nresponse_on: 20/05/2026\n", with: "")
            .replacingOccurrences(of: "updated_on: 25/08/2026\n", with: "")
        let out = try buildDuties(Fixture(text), today: "2026-07-01")
        let ics = try #require(out.text("deadlines.ics"))
        #expect(ics.contains("UID:internal-audit-due@caitien\r\nDTSTAMP:20260701T000000Z\r\nDTSTART;VALUE=DATE:20261221\r\n"))
        #expect(ics.contains("UID:finding-2026-06-22-1-request@caitien\r\nDTSTAMP:20260701T000000Z\r\nDTSTART;VALUE=DATE:20260714\r\n"))
        #expect(ics.contains("UID:inspection-2026-03-12-report@caitien\r\nDTSTAMP:20260701T000000Z\r\nDTSTART;VALUE=DATE:20260412\r\n"))
        #expect(ics.contains("UID:legal-ND-118-2025-update@caitien\r\nDTSTAMP:20260701T000000Z\r\nDTSTART;VALUE=DATE:20250901\r\n"))
        #expect(ics.contains("SUMMARY:Hạn báo cáo khắc phục sau kiểm tra ngày 12/03/2026\r\n"))
        // The dashboard lists those still ahead: the finding's request and the next audit.
        let dashboard = try #require(out.text("index.html"))
        #expect(dashboard.contains("Hạn mở phiếu cho phát hiện 2026-06-22#1"))
        #expect(dashboard.contains("Hạn đánh giá nội bộ"))
        #expect(!dashboard.contains("Hạn cập nhật vào HTQLCL ND-118-2025"))
        // A site with no audit at all gets no audit deadline.
        let none = try buildDuties(Fixture(dutySite), today: "2026-07-01")
        #expect(!(try #require(none.text("deadlines.ics"))).contains("internal-audit-due"))
    }

    @Test func aRequestPageLinksItsAudit() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        #expect(try page(out, "tickets/PYC-2026-019/index.html").contains(" · Đánh giá nội bộ: <a href=\"../../audits/2026-06-22/index.html\">2026-06-22</a>"))
        let withInspection = dutyWard.replacingOccurrences(of: "audit: 2026-06-22\n---\nPhát hiện", with: "audit: 2026-06-22\ninspection: 2026-03-12\n---\nPhát hiện")
        let out2 = try buildDuties(Fixture(withInspection), today: "2026-11-25")
        #expect(try page(out2, "tickets/PYC-2026-019/index.html").contains(" · Kiểm tra của tỉnh: <a href=\"../../inspections/2026-03-12/index.html\">2026-03-12</a>"))
    }
}

@Suite struct YearlyReportPageTests {
    @Test func aReportForEveryYearWithRecordsTheRunningOneProvisional() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        // Nghị định 118 took effect in 2025; everything else falls in 2026.
        let index = try #require(out.text("report/index.html"))
        #expect(index.contains("<li><a href=\"2026/index.html\">Báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến HTQLCL năm 2026</a> <span class=\"badge warn\">Số liệu tạm tính</span></li><li><a href=\"2025/index.html\">Báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến HTQLCL năm 2025</a></li>"))
        #expect(out.files["report/2024/index.html"] == nil)
        let current = try #require(out.text("report/2026/index.html"))
        #expect(current.contains("<h1 class=\"report-heading\">Báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến HTQLCL năm 2026</h1>"))
        #expect(current.contains("<p class=\"provisional\"><strong>Số liệu tạm tính</strong> — Số liệu tính đến ngày 25/11/2026."))
        let past = try #require(out.text("report/2025/index.html"))
        #expect(!past.contains("class=\"provisional\""))
        #expect(past.contains("Số liệu tính đến ngày 31/12/2025."))
    }

    @Test func everyItemOfArticle36HasItsSectionFilledOrBlank() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let html = try #require(out.text("report/2026/index.html")).replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
        for item in ["1a", "1b", "1c", "1d", "1dd", "1e", "1g", "2a", "2b", "2c", "2d", "2dd", "2e"] {
            #expect(html.contains("<section class=\"report-item\" id=\"item-\(item)\">"), "\(item)")
        }
        // What the records cannot show is a headed blank, never invented.
        for item in ["1b", "1d", "2a", "2e"] {
            let section = try #require(html.components(separatedBy: "id=\"item-\(item)\">").last?.components(separatedBy: "</section>").first)
            #expect(section.contains("<p class=\"muted\">Hồ sơ không thể hiện nội dung này; cơ quan bổ sung.</p><div class=\"blank\"></div>"), "\(item)")
        }
        // 1a: the units in the scope, linked.
        #expect(html.contains("<li><a href=\"../../units/cong-an/index.html\">Công an phường</a></li>"))
        // 1đ: the year's audit and inspection, with links; the requests opened.
        #expect(html.contains("<li><a href=\"../../audits/2026-06-22/index.html\">22/06/2026 – 24/06/2026</a> — Công an phường, Trung tâm Phục vụ hành chính công. Sự không phù hợp: 2; Khuyến nghị: 1; Cơ hội cải tiến: 0</li>"))
        #expect(html.contains("<li><a href=\"../../inspections/2026-03-12/index.html\">12/03/2026</a> — Sở Khoa học và Công nghệ tỉnh Khánh Hòa, Tại trụ sở: <span class=\"report-status late\">Gửi báo cáo trễ hạn</span></li>"))
        #expect(html.contains("<div><dt>Mở trong năm</dt><dd>2</dd></div>"))
        #expect(html.contains("<a href=\"../../tickets/PYC-2026-010/index.html\">PYC-2026-010</a> <a href=\"../../tickets/PYC-2026-019/index.html\">PYC-2026-019</a>"))
        // 1c: no objectives plan of 2026 in this site: said, with room to add.
        #expect(html.contains("<p>Không có kế hoạch mục tiêu chất lượng của năm trong hồ sơ.</p><div class=\"blank\"></div>"))
        // 2b: the confirmation was in 2025; 2c: the announcement of 2024 is still the one.
        #expect(html.contains("id=\"item-2b\">\n    <h2>2b) Việc người đứng đầu cơ quan xác nhận hiệu lực của HTQLCL</h2>\n    \n    <p class=\"muted\">Chưa ghi nhận trong hồ sơ; cơ quan bổ sung.</p>"))
        #expect(html.contains("<p>Công bố HTQLCL phù hợp TCVN ISO 9001 ngày 15/03/2024 (Quyết định số 45/QĐ-UBND).</p>"))
        // 2d: Nghị định 118 still overdue, QĐ 12 taken in on time.
        #expect(html.contains("<td><a href=\"../../legal/index.html#ND-118-2025\">Nghị định 118/2025/NĐ-CP</a></td><td>01/07/2025</td><td>01/09/2025</td><td></td><td><span class=\"legal-status overdue\">Quá hạn cập nhật</span></td>"))
        #expect(html.contains("<td>01/07/2026</td><td>01/09/2026</td><td>25/08/2026</td><td><span class=\"legal-status on_time\">Cập nhật đúng hạn</span></td>"))
        // 2đ: no change of scope in 2026.
        #expect(html.contains("<p>Hồ sơ không ghi nhận việc điều chỉnh phạm vi áp dụng trong năm.</p>"))
        // Signed by the head of the agency.
        #expect(html.contains("<p class=\"sig-role\">Thủ trưởng cơ quan (ký tên, đóng dấu)</p>"))
    }

    @Test func lastYearsReportShowsItsOwnFacts() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let html = try #require(out.text("report/2025/index.html")).replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
        // site.yml: scope changed 01/07/2025, announced 15/03/2024 (not again), confirmed 20/12/2025.
        #expect(html.contains("<p>Người đứng đầu cơ quan xác nhận hiệu lực của HTQLCL ngày 20/12/2025.</p>"))
        #expect(html.contains("<p>Phạm vi áp dụng được điều chỉnh ngày 01/07/2025: <span class=\"legal-status overdue\">chưa công bố lại</span>.</p>"))
        #expect(html.contains("<p>Không có cuộc đánh giá nội bộ trong năm.</p>"))
    }

    @Test func theNextReviewGainsAuditResultsAndLegalChanges() throws {
        let out = try buildDuties(Fixture(dutyWard), today: "2026-11-25")
        let html = try #require(out.text("reviews/next/index.html")).replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
        #expect(html.contains("<h2>Kết quả đánh giá: Đánh giá nội bộ, Kiểm tra việc áp dụng HTQLCL</h2>") || html.contains("Đánh giá nội bộ, Kiểm tra việc áp dụng HTQLCL</h2>"))
        #expect(html.contains("<li><a href=\"../../audits/2026-06-22/index.html\">22/06/2026 – 24/06/2026</a> — Công an phường, Trung tâm Phục vụ hành chính công. Sự không phù hợp: 2; Khuyến nghị: 1; Cơ hội cải tiến: 0</li>"))
        #expect(html.contains("<td><a href=\"../../legal/index.html#QD-12-2026\">Quyết định 12/2026/QĐ-UBND về danh mục thủ tục hành chính cấp xã</a></td><td>01/07/2026</td><td>01/09/2026</td><td><span class=\"legal-status on_time\">Cập nhật đúng hạn</span></td>"))
        #expect(html.contains("<span class=\"legal-status overdue\">Quá hạn cập nhật</span>"))
    }
}

@Suite struct ThemeStringsTests {
    /// A UI string written twice in one file silently takes the later value (a label of one page
    /// showing on another): every key is written once.
    @Test func noKeyIsWrittenTwice() throws {
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("theme/i18n").path
        for file in ["vi.yml", "en.yml"] {
            let keys = try String(contentsOfFile: theme + "/" + file, encoding: .utf8).split(separator: "\n")
                .filter { $0.first.map { $0.isLetter } ?? false }.compactMap { $0.split(separator: ":").first.map(String.init) }
            var seen = Set<String>()
            for key in keys { #expect(seen.insert(key).inserted, "\(file) writes `\(key)` twice") }
        }
    }
}
