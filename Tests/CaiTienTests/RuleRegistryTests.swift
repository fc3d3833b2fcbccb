import CaiTienContent
import CaiTienModel
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport

/// One registry of rules (`Rule.all`): every diagnostic names one, in the site's language.
@Suite struct RuleRegistryTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources").path

    @Test func everyRuleIsListedOnceWithBothLanguagesAndAnExample() throws {
        let ids = Rule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        // Every `static let … = Rule(` of the registry is in `Rule.all`.
        let registry = try String(contentsOfFile: Self.sources + "/CaiTienModel/Rules.swift", encoding: .utf8)
        #expect(registry.components(separatedBy: " = Rule(\n").count - 1 == Rule.all.count)
        for rule in Rule.all {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(Rule.named(rule.id) == rule)
            for language in Language.allCases {
                #expect(!rule.message.text(language).isEmpty && !rule.explanation.text(language).isEmpty, "\(rule.id)")
                #expect(rule.explained(language).hasPrefix("[\(rule.id)] "), "\(rule.id)")
            }
            #expect(rule.message.vi != rule.message.en || rule.message.vi == "{problem}", "\(rule.id) is not translated")
            #expect(!rule.wrong.isEmpty && !rule.right.isEmpty && rule.wrong != rule.right, "\(rule.id)")
        }
    }

    /// "No rule id as a loose string literal elsewhere": a rule is named by its constant.
    @Test func noRuleIDIsWrittenOutsideTheRegistry() throws {
        let ids = Set(Rule.all.map(\.id))
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        for file in files where file != "CaiTienModel/Rules.swift" {
            let text = try String(contentsOfFile: Self.sources + "/" + file, encoding: .utf8)
            for id in ids where text.contains("\"\(id)\"") {
                Issue.record("\(file) writes the rule id \"\(id)\"; use the Rule constant")
            }
        }
    }

    @Test func explainPrintsTheRuleAndAnExampleOfTheFix() throws {
        let folder = try temporaryFolder("caitien-explain")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let vi = try runCaitien(["explain", "bad-date"], in: folder)
        #expect(vi.status == 0)
        #expect(vi.output == """
        [bad-date] lỗi
        … là `…`, chưa đúng định dạng ngày: viết … hoặc … (ngày/tháng/năm hoặc năm-tháng-ngày), và kiểm tra ngày có thật

        Ngày viết dạng dd/mm/yyyy như trên giấy tờ (04/03/2025) hoặc yyyy-mm-dd (2025-03-04). Ngày không có thật như 31/02/2025 là lỗi.

        Ví dụ:
          Sai:
            opened: 2025/12/01
            due: 31/02/2026
          Đúng:
            opened: 01/12/2025
            due: 28/02/2026

        """)
        let en = try runCaitien(["explain", "ambiguous-number", "--lang", "en"], in: folder)
        #expect(en.status == 0)
        #expect(en.output.hasPrefix("[ambiguous-number] error\n…: \"…\" could be one thousand or a number with three decimals"))
        #expect(en.output.contains("  Wrong:\n    target: 1.000\n  Right:\n    target: 1000\n"))
        let list = try runCaitien(["explain"], in: folder)
        // The rules, then the messages of the command that have an explanation, under a heading.
        let explained = CommandMessage.all.filter { $0.explanation != nil }
        #expect(list.output.split(separator: "\n").count == Rule.all.count + 1 + explained.count)
        #expect(list.output.contains("\n\nThông báo của lệnh:\noutput-holds-working-folder "))
        let unknown = try runCaitien(["explain", "bad-dat"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.errors == "caitien: không có quy tắc hay thông báo `bad-dat`; bạn muốn xem `bad-date`?; `caitien explain` liệt kê tất cả\n")
    }

    // MARK: Messages in the site's language

    /// A ward's records with a dozen kinds of mistakes.
    static let mistakes = standardSite + """

    -- tickets/2025/PYC-2025-001.md --
    ---
    title: Trả kết quả khai sinh trễ hạn
    kind: nonconformity
    source: internal_audit
    unit: tthcc
    category: trả kết quả trễ hạn
    opened: 2025/12/01
    reported_by: Lê Văn Cường
    ---
    -- tickets/2025/PYC-2025-002.md --
    ---
    title: Hồ sơ chứng thực thất lạc
    kind: nonconformance
    source: feedback
    unit: van-phong
    category: thất lạc hồ sơ
    opened: 04/03/2025
    reported_by: Đường dây nóng
    asigned_to: Võ Thị Kim Oanh
    status: đã đóng
    action_needed: cần
    ---
    -- tickets/2025/PYC-2025-003.md --
    ---
    title: Niêm yết thủ tục chưa cập nhật
    kind: improvement
    source: data_analysis
    unit: tthc
    opened: 04/03/2025
    reported_by: Phạm Thị D
    action_needed: true
    decided_on: 05/03/2025
    assigned_to: Phạm Thị D
    assigned_on: 01/03/2025
    closed: 10/03/2025
    ---
    -- objectives/2025/tthcc.md --
    ---
    year: 2024
    unit: tthcc
    objectives:
      - {code: MT1, text: Hồ sơ tiếp nhận, target: 1.000}
    ---
    -- reviews/2025-12-15.md --
    ---
    date: 15/12/2025
    format: meeting
    chair: Chủ tịch UBND phường
    secretary: Thư ký ISO
    attendees: [Ban ISO]
    inputs:
      previous_actions: Không có.
    decisions:
      - {type: improvement, text: Thay máy lấy số, ticket: PYC-2025-02}
    ---
    -- tickets/2025/PYC-2025-004.MD --
    ---
    """

    @Test func messagesAreInVietnameseForAVietnameseSite() {
        let fixture = Fixture(Self.mistakes)
        #expect(fixture.diagnostics(today: "2025-12-20", language: .vi) == [
            "objectives/2025/tthcc.md:2:7: error: `year: 2024` nhưng tệp nằm trong objectives/2025/; chuyển tệp hoặc sửa năm [year-folder]",
            "objectives/2025/tthcc.md:5:48: error: chỉ tiêu (`target`) là `1.000`, có thể hiểu là một nghìn hoặc một số có ba chữ số thập phân; viết `1000` không có dấu phân cách, hoặc ghi số chữ số thập phân khác [ambiguous-number]",
            "reviews/2025-12-15.md:8:3: warning: các đầu vào của 5.8.1.1 còn thiếu hoặc để trống: context_changes, customer_feedback, objectives, nonconformities, satisfaction_measurement, audit_results, provider_performance, resources, risk_actions, improvement_opportunities [missing-inputs]",
            "reviews/2025-12-15.md:10:1: error: quyết định \"Thay máy lấy số\": không có phiếu `PYC-2025-02`; mở phiếu đó trước, hoặc sửa lại số phiếu — bạn muốn viết `PYC-2025-002`? [unknown-request]",
            "tickets/2025/PYC-2025-001.md:7:9: error: ngày mở phiếu (`opened`) là `2025/12/01`, chưa đúng định dạng ngày: viết 01/12/2025 hoặc 2025-12-01 (ngày/tháng/năm hoặc năm-tháng-ngày), và kiểm tra ngày có thật [bad-date]",
            "tickets/2025/PYC-2025-002.md:3:7: error: loại phiếu (`kind`) không nhận giá trị `nonconformance`; dùng một trong: `sự không phù hợp`, `KPH tiềm ẩn`, `cải tiến` (hoặc `nonconformity`, `potential`, `improvement`) — bạn muốn viết `nonconformity`? [bad-value]",
            "tickets/2025/PYC-2025-002.md:9:1: error: khóa `asigned_to` không có trong phiếu yêu cầu — bạn muốn viết `assigned_to`? (khóa bắt đầu bằng `x_` được dùng tự do) [unknown-key]",
            "tickets/2025/PYC-2025-002.md:10:1: error: không dùng khóa `status`: giai đoạn của phiếu được tính từ các ngày đã ghi; để đóng phiếu, ghi `closed: <ngày>` (kèm `verified_on`, `verified_by` và `result`), rồi xóa dòng `status` [no-status]",
            "tickets/2025/PYC-2025-002.md:11:16: error: cần HĐKP/cải tiến (`action_needed`) là `cần`, không phải `có` hay `không` — bạn muốn viết `có`? [bad-bool]",
            "tickets/2025/PYC-2025-003.md:5:7: error: không có đơn vị `tthc`; site.yml có `tthcc`, `van-phong` — bạn muốn viết `tthcc`? [unknown-unit]",
            "tickets/2025/PYC-2025-003.md:11:14: error: ngày phân công (`assigned_on`) 01/03/2025 trước ngày mở phiếu 04/03/2025; các bước đều diễn ra sau khi mở phiếu — kiểm tra lại ngày [before-opened]",
            "tickets/2025/PYC-2025-003.md:12:9: error: phiếu đã đóng nhưng thiếu kết quả kiểm tra: ghi `result: có hiệu lực` hoặc `result: không có hiệu lực` (5.6) [closed-without-result]",
            "tickets/2025/PYC-2025-003.md:12:9: error: phiếu đã đóng nhưng chưa kiểm tra xác nhận: ghi `verified_on`, `verified_by` và `result` (5.6) [closed-without-verification]",
            "tickets/2025/PYC-2025-004.MD:1:1: warning: `PYC-2025-004.MD` không được đọc: chỉ tệp có tên kết thúc bằng `.md` (chữ thường) mới là hồ sơ — đổi tên thành `PYC-2025-004.md`, hoặc thêm `_` vào đầu tên để để riêng [not-read]",
        ])
    }

    @Test func theCommandsSpeakTheSiteLanguageAndLangOverridesIt() throws {
        let folder = try temporaryFolder("caitien-lang")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(Self.mistakes).write(to: folder)
        let vi = try runCaitien(["check", "--today", "2025-12-20"], in: folder)
        #expect(vi.status == 1)
        let lines = vi.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 15)
        #expect(lines.contains("content/tickets/2025/PYC-2025-003.md:5:7: error: không có đơn vị `tthc`; site.yml có `tthcc`, `van-phong` — bạn muốn viết `tthcc`? [unknown-unit]"))
        // Two requests do not parse, and are not counted.
        #expect(lines.last == "1 phiếu, 1 cuộc xem xét, 1 kế hoạch mục tiêu — 12 lỗi, 2 cảnh báo (ngày tham chiếu 20/12/2025)")

        let en = try runCaitien(["check", "--today", "2025-12-20", "--lang", "en"], in: folder)
        #expect(en.errors.contains("content/tickets/2025/PYC-2025-003.md:5:7: error: unknown unit `tthc`; site.yml lists `tthcc`, `van-phong` — did you mean `tthcc`? [unknown-unit]\n"))
        #expect(en.errors.hasSuffix("\n1 request, 1 review, 1 objectives plan — 12 errors, 2 warnings (reference day 2025-12-20)\n"))

        // GitHub annotations and JSON carry the same text.
        let github = try runCaitien(["check", "--today", "2025-12-20", "--format", "github"], in: folder)
        #expect(github.output.contains("::error file=content/tickets/2025/PYC-2025-003.md,line=5,col=7,title=unknown-unit::không có đơn vị `tthc`; site.yml có `tthcc`, `van-phong` — bạn muốn viết `tthcc`?\n"))
        let json = try runCaitien(["check", "--today", "2025-12-20", "--format", "json", "--lang", "en"], in: folder)
        #expect(json.output.contains("\"message\": \"unknown unit `tthc`; site.yml lists `tthcc`, `van-phong` — did you mean `tthcc`?\""))

        // An English site speaks English; `--lang vi` turns it back.
        let site = try String(contentsOfFile: folder + "/content/site.yml", encoding: .utf8)
        try (site + "locale: en\n").write(toFile: folder + "/content/site.yml", atomically: true, encoding: .utf8)
        let english = try runCaitien(["stats", "--today", "2025-12-20"], in: folder)
        #expect(english.status == 1)
        #expect(english.errors.hasSuffix("caitien: fix the errors above first (`caitien check` lists them)\n"))
        let back = try runCaitien(["build", "--today", "2025-12-20", "--lang", "vi"], in: folder)
        #expect(back.status == 1)
        #expect(back.errors.hasSuffix("caitien: 12 lỗi; chưa ghi gì, public/ giữ nguyên\n"))
    }

    @Test func buildStrictWritesNothingWhenThereAreWarnings() throws {
        let folder = try temporaryFolder("caitien-strict")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ward(ticket("tickets/2025/PYC-2025-001.md", "cancelled: 2025-03-10\n---")).write(to: folder)
        let strict = try runCaitien(["build", "--strict", "--today", "2025-06-01"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.errors.contains("[cancel-without-reason]"))
        #expect(strict.errors.hasSuffix("caitien: 1 cảnh báo (--strict); chưa ghi gì, public/ giữ nguyên\n"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/public"))
        let plain = try runCaitien(["build", "--today", "2025-06-01"], in: folder)
        #expect(plain.status == 0, "\(plain.errors)")
        #expect(plain.output.hasPrefix("Đã dựng "))
        #expect(FileManager.default.fileExists(atPath: folder + "/public/index.html"))
    }
}
