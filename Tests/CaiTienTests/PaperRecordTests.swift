import CaiTienModel
@testable import CaiTienRender
import Testing
import TestSupport

// The forms as the paper record (Nghị định 30/2020/NĐ-CP layout): the agency and national motto,
// place and date, the title, and a signature block per signer with the name the record gives.

@Suite struct PaperRecordTests {
    static let fixture = ward("""
    -- tickets/PYC-2025-010.md --
    ---
    title: Hồ sơ khai sinh trả kết quả trễ hạn
    kind: nonconformity
    source: internal_audit
    unit: tthcc
    category: trả kết quả trễ hạn
    opened: 04/03/2025
    reported_by: Lê Văn Cường
    action_needed: true
    decided_by: Võ Thị Kim Oanh
    decided_on: 05/03/2025
    assigned_to: Lê Hoài Nam
    assigned_on: 06/03/2025
    approved_by: Trần Quốc Bảo
    approved_on: 10/03/2025
    due: 30/04/2025
    completed_on: 20/04/2025
    verified_on: 25/04/2025
    verified_by: Nguyễn Thị Hồng Hải
    result: effective
    closed: 26/04/2025
    ---
    Trả kết quả trễ hạn 3 hồ sơ.
    -- tickets/PYC-2025-011.md --
    ---
    title: Sai ngày sinh của công dân Trần Văn Bí Mật
    kind: nonconformity
    source: feedback
    unit: van-phong
    category: sai sót hộ tịch
    opened: 10/03/2025
    reported_by: Phan Thị Kín
    confidential: true
    ---
    CCCD 012345678901.
    \(meeting("reviews/2025-12-15.md"))
    -- reviews/2026-01-20.md --
    ---
    date: 2026-01-20
    format: report
    report_approved_by: Trần Quốc Bảo
    report_approved_on: 2026-01-10
    approved_by: Nguyễn Thị Hồng Hải
    approved_on: 2026-01-20
    inputs:
    \(allInputs)
    decisions:
      - {type: resources, text: Mua máy quét tài liệu, owner: Ngô Thanh Hùng, due: 2026-03-31}
    ---
    Trên cơ sở ý kiến của các thành viên, Chủ tịch UBND phường kết luận.
    """)

    /// The signature blocks of a page, as their visible text.
    static func signatures(_ html: String) -> [String] {
        html.components(separatedBy: "<div class=\"signature\">").dropFirst().map {
            visibleText($0.components(separatedBy: "</div>\n").prefix(2).joined())
        }
    }

    @Test func requestFormHasHeaderAndFourSigners() throws {
        let out = try renderFixture(Self.fixture, today: "2026-02-01")
        let page = try #require(out.text("tickets/PYC-2025-010/index.html"))
        let start = try #require(page.range(of: "<header class=\"doc-header\">"))
        let header = visibleText(String(page[start.lowerBound...].prefix(800)))
        #expect(header.hasPrefix("UBND phường Ninh Hòa CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Mã hiệu: BM.CTCL.01 Ninh Hòa, ngày 04 tháng 3 năm 2025"), "\(header)")
        #expect(header.contains("Phiếu yêu cầu hành động khắc phục/cải tiến Số phiếu: PYC-2025-010"))
        #expect(Self.signatures(page) == [
            "Người lập phiếu 5.2.1 (Ký, ghi rõ họ tên) Lê Văn Cường Ngày: 04/03/2025",
            "Lãnh đạo đơn vị Quyết định nhu cầu HĐKP (5.2.2) (Ký, ghi rõ họ tên) Võ Thị Kim Oanh Ngày: 05/03/2025",
            "Ban ISO Phân công, phê duyệt giải pháp (5.3, 5.4) (Ký, ghi rõ họ tên) Trần Quốc Bảo Ngày: 10/03/2025",
            "Người kiểm tra xác nhận 5.6 (Ký, ghi rõ họ tên) Nguyễn Thị Hồng Hải Ngày: 25/04/2025",
        ])
        // What the paper does not carry is marked for the screen only.
        #expect(page.contains("<section class=\"standing standing-ok no-print\""))
        #expect(page.contains("<p class=\"links no-print\">"))
    }

    @Test func confidentialFormKeepsBlocksWithoutNames() throws {
        let out = try renderFixture(Self.fixture, today: "2026-02-01")
        let page = try #require(out.text("tickets/PYC-2025-011/index.html"))
        let blocks = Self.signatures(page)
        #expect(blocks.count == 4)
        #expect(blocks[0] == "Người lập phiếu 5.2.1 (Ký, ghi rõ họ tên) Ngày: 10/03/2025")
        #expect(!page.contains("Phan Thị Kín") && !page.contains("Bí Mật"))
    }

    @Test func meetingMinutesAreSignedBySecretaryAndChair() throws {
        let out = try renderFixture(Self.fixture, today: "2026-02-01")
        let page = try #require(out.text("reviews/2025-12-15/index.html"))
        #expect(visibleText(page).contains("Ninh Hòa, ngày 15 tháng 12 năm 2025 Biên bản họp xem xét của lãnh đạo"))
        #expect(Self.signatures(page) == ["Thư ký (Ký, ghi rõ họ tên) Ngô Thanh Hùng", "Chủ trì (Ký, ghi rõ họ tên) Nguyễn Thị Hồng Hải"])
    }

    /// 5.8.2: the report, approved by the ISO committee's leader, then the notice of results,
    /// approved by the head of the agency: two documents, two approvals.
    @Test func reportReviewPrintsReportAndNotice() throws {
        let out = try renderFixture(Self.fixture, today: "2026-02-01")
        let page = try #require(out.text("reviews/2026-01-20/index.html"))
        let text = visibleText(page)
        #expect(text.hasPrefix("Báo cáo kết quả hoạt động vận hành HTQLCL 20/01/2026"))
        let report = try #require(text.range(of: "Ninh Hòa, ngày 10 tháng 01 năm 2026 Báo cáo kết quả hoạt động vận hành HTQLCL"))
        let notice = try #require(text.range(of: "Ninh Hòa, ngày 20 tháng 01 năm 2026 Thông báo kết quả xem xét của lãnh đạo"))
        #expect(report.lowerBound < notice.lowerBound)
        #expect(!text.contains("Biên bản họp"))
        #expect(Self.signatures(page) == [
            "Thư ký ISO Người lập báo cáo (Ký, ghi rõ họ tên)",
            "Trưởng Ban ISO Phê duyệt báo cáo (5.8.2) (Ký, ghi rõ họ tên) Trần Quốc Bảo Ngày: 10/01/2026",
            "Thư ký ISO (Ký, ghi rõ họ tên)",
            "Lãnh đạo cơ quan Phê duyệt thông báo (5.8.2) (Ký, ghi rõ họ tên) Nguyễn Thị Hồng Hải Ngày: 20/01/2026",
        ])
        // The decisions belong to the notice.
        let decided = try #require(text.range(of: "Mua máy quét tài liệu"))
        #expect(decided.lowerBound > notice.lowerBound)
    }

    @Test func placeAndDateAfterNghiDinh30() {
        #expect(placeName("UBND phường Ninh Hòa") == "Ninh Hòa")
        #expect(placeName("Ủy ban nhân dân xã Tân Phú") == "Tân Phú")
        #expect(placeName("Trung tâm Phục vụ hành chính công") == nil)
        let l = try? Localizer(theme: Theme.builtIn, locale: "vi")
        #expect(l?.longDate(Day(parsing: "2025-03-04")!) == "ngày 04 tháng 3 năm 2025")
        #expect(l?.longDate(Day(parsing: "2025-12-15")!) == "ngày 15 tháng 12 năm 2025")
        #expect(l?.longDate(Day(parsing: "2025-02-01")!) == "ngày 01 tháng 02 năm 2025")
        #expect(l?.longDate(Day(parsing: "2025-07-10")!) == "ngày 10 tháng 7 năm 2025")
    }
}
