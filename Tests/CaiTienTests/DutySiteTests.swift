import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
import Foundation
import Testing
import TestSupport

// The records of SPEC §5 in the output: data.json, tickets.csv, and (DutyPagesTests) the pages.

/// Checks, computes and renders a fixture into memory; the fixture must hold no error.
func buildDuties(_ fixture: Fixture, today: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> MemoryOutput {
    let site = fixture.check(today: today)
    #expect(!site.diagnostics.hasErrors, "\(site.diagnostics.map(\.text))", sourceLocation: sourceLocation)
    let figures = computeFigures(site.content, today: site.today)
    let theme = Theme.builtIn
    let model = SiteModel(content: site.content, figures: figures,
                          localizer: try Localizer(theme: theme, locale: site.content.site.locale), commit: "abc123")
    let output = MemoryOutput()
    try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: output)
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
