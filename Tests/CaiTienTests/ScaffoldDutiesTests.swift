import CaiTienContent
import CaiTienModel
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport

/// `caitien new audit|inspection|legal`: records that pass `check` as written, never overwriting.
@Suite struct ScaffoldDutiesTests {
    @Test func initMakesTheFoldersAndNewRecordsPassCheck() throws {
        let folder = try temporaryFolder("caitien-scaffold-duties")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
        let content = folder + "/content"
        for name in ["audits", "inspections", "legal"] { #expect(written.contains(content + "/\(name)/.gitkeep"), "\(name)") }
        let today = Day(parsing: "2026-11-25")

        let audit = try Scaffold.newAudit(content: content, date: Day(parsing: "2026-06-22"), lead: "Ngô Thanh Hùng",
                                          scope: ["Trung tâm Phục vụ hành chính công"], today: today)
        #expect(audit == content + "/audits/2026-06-22.md")
        let inspection = try Scaffold.newInspection(content: content, date: Day(parsing: "2026-03-12"), by: "Sở Khoa học và Công nghệ",
                                                    mode: .onSite, reference: "12/BB-SKHCN", today: today)
        #expect(inspection == content + "/inspections/2026-03-12.md")
        let legal = try Scaffold.newLegal(content: content, title: "Quyết định 12/2026/QĐ-UBND về danh mục thủ tục hành chính cấp xã",
                                          effective: Day(parsing: "2026-08-31")!, id: nil, issued: Day(parsing: "2026-08-20"),
                                          affects: ["QT.TTHC-03", "QT.TTHC-07"], today: today)
        #expect(legal == content + "/legal/2026/QD-12-2026.md")
        let plain = try Scaffold.newLegal(content: content, title: "Luật Đất đai", effective: Day(parsing: "2024-08-01")!,
                                          id: "Luat-DD-2024", issued: nil, affects: [], today: today)
        #expect(plain == content + "/legal/2024/Luat-DD-2024.md")

        let site = checkSite(content: content, today: today)
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics.map(\.text))")
        let a = try #require(site.content.audits.first)
        #expect(a.date == Day(parsing: "2026-06-22") && a.leadAuditor == "Ngô Thanh Hùng" && a.scope == ["tthcc"] && a.findings.isEmpty)
        let i = try #require(site.content.inspections.first)
        #expect(i.by == "Sở Khoa học và Công nghệ" && i.mode == .onSite && i.reference == "12/BB-SKHCN" && i.reports.isEmpty)
        let d = try #require(site.content.legal.first { $0.id == "QD-12-2026" })
        #expect(d.effectiveOn == Day(parsing: "2026-08-31") && d.issuedOn == Day(parsing: "2026-08-20"))
        #expect(d.affects == ["QT.TTHC-03", "QT.TTHC-07"])
        #expect(site.content.legal.first { $0.id == "Luat-DD-2024" }?.affects == [])
        // The comments say the deadlines: 31/08/2026 + 3 months = 30/11/2026; 12/03/2026 + 2 = 12/05/2026.
        #expect(try String(contentsOfFile: legal, encoding: .utf8).contains("Hạn cập nhật: 30/11/2026."))
        #expect(try String(contentsOfFile: inspection, encoding: .utf8).contains("chậm nhất ngày 12/05/2026"))
        // The guidance stays out of the pages.
        #expect(!a.bodyHTML.contains("Mục đích"))

        // Never overwrites, in any case; refuses what check would refuse.
        #expect(throws: BuildError.self) { try Scaffold.newAudit(content: content, date: Day(parsing: "2026-06-22"), lead: "A", scope: [], today: today) }
        #expect(throws: BuildError.self) {
            try Scaffold.newLegal(content: content, title: "Quyết định 12/2026/QĐ-UBND (sửa đổi)", effective: Day(parsing: "2026-09-01")!,
                                  id: "qd-12-2026", issued: nil, affects: [], today: today)
        }
        #expect(throws: BuildError.self) { try Scaffold.newAudit(content: content, date: Day(parsing: "2026-12-01"), lead: "A", scope: [], today: today) }
        #expect(throws: BuildError.self) { try Scaffold.newAudit(content: content, date: nil, lead: "A", scope: ["phong-x"], today: today) }
        #expect(throws: BuildError.self) {
            try Scaffold.newLegal(content: content, title: "Luật Đất đai", effective: Day(parsing: "2024-08-01")!, id: nil, issued: nil, affects: [], today: today)
        }
    }

    @Test func legalIDsFromTitles() {
        #expect(Scaffold.legalID(fromTitle: "Quyết định 12/2026/QĐ-UBND về danh mục thủ tục hành chính") == "QD-12-2026")
        #expect(Scaffold.legalID(fromTitle: "Nghị định 118/2025/NĐ-CP") == "ND-118-2025")
        #expect(Scaffold.legalID(fromTitle: "Thông tư số 05/2026/TT-BNV") == "TT-5-2026")
        #expect(Scaffold.legalID(fromTitle: "Thông tư liên tịch 01/2015/TTLT-BTP-BNG") == "TTLT-1-2015")
        #expect(Scaffold.legalID(fromTitle: "Luật Đất đai 2024") == nil)
        #expect(Scaffold.legalID(fromTitle: "Báo cáo 12/2026") == nil)
    }

    @Test func theCommandsWriteFromInsideTheContentFolder() throws {
        let folder = try temporaryFolder("caitien-new-duties")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
        let inside = folder + "/content/audits"
        let audit = try runCaitien(["new", "audit", "--date", "22/06/2026", "--lead", "Ngô Thanh Hùng", "--scope", "tthcc,van-phong",
                                    "--today", "2026-11-25"], in: inside)
        #expect(audit.status == 0, "\(audit.errors)")
        #expect(audit.output == "2026-06-22.md\n")
        let inspection = try runCaitien(["new", "inspection", "--date", "2026-03-12", "--by", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
                                         "--mode", "qua hồ sơ", "--today", "2026-11-25"], in: inside)
        #expect(inspection.status == 0, "\(inspection.errors)")
        #expect(inspection.output == "../inspections/2026-03-12.md\n")
        let legal = try runCaitien(["new", "legal", "--title", "Nghị định 118/2025/NĐ-CP", "--effective", "01/07/2025",
                                    "--affects", "QT.TTHC-01, QT.TTHC-02", "--today", "2026-11-25"], in: inside)
        #expect(legal.status == 0, "\(legal.errors)")
        #expect(legal.output == "../legal/2025/ND-118-2025.md\n")
        let again = try runCaitien(["new", "audit", "--date", "22/06/2026", "--lead", "Ngô Thanh Hùng", "--today", "2026-11-25"], in: inside)
        #expect(again.status == 2)
        #expect(again.errors == "caitien: đã có hồ sơ đánh giá nội bộ `2026-06-22`; caitien không ghi đè — mở tệp audits/2026-06-22.md để sửa, hoặc chọn --date khác\n")
        let check = try runCaitien(["check", "--today", "2026-11-25"], in: folder)
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.errors.hasSuffix("0 phiếu, 0 cuộc xem xét, 0 kế hoạch mục tiêu, 1 cuộc đánh giá nội bộ, 1 cuộc kiểm tra, 1 văn bản pháp luật — 0 lỗi, 0 cảnh báo (ngày tham chiếu 25/11/2026)\n"))
    }
}
