import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport

/// A recurring group whose requests are all confidential is listed without its category, which
/// may name a citizen (SPEC §3), by every consumer of the figure.
@Suite struct ConfidentialRecurrenceTests {
    /// Four confidential nonconformities of one citizen's file at the Bộ phận Một cửa, and a
    /// group of four ordinary ones at the Văn phòng.
    static let site: String = {
        var text = standardSite + "\n"
        for n in 1...4 {
            text += """
            -- tickets/2025/PYC-2025-00\(n).md --
            ---
            title: Chậm trả kết quả cho ông Hoàng Văn Khải, lần \(n)
            kind: nonconformity
            source: feedback
            unit: tthcc
            category: Hồ sơ của ông Hoàng Văn Khải trả chậm
            opened: 2025-0\(n)-10
            reported_by: Đường dây nóng UBND phường
            confidential: true
            ---
            Ông Hoàng Văn Khải, CCCD 040085001234, phản ánh lần \(n).

            """
        }
        for n in 5...8 {
            text += """
            -- tickets/2025/PYC-2025-00\(n).md --
            ---
            title: Văn bản đến chưa vào sổ đúng ngày
            kind: nonconformity
            source: internal_audit
            unit: van-phong
            category: Văn bản đến vào sổ chậm
            opened: 2025-0\(n)-02
            reported_by: Ngô Thanh Hùng
            \(n == 8 ? "confidential: true" : "")
            ---

            """
        }
        return text
    }()

    static let today = "2025-10-01"
    static let secret = ["Hoàng Văn Khải", "hoàng văn khải", "040085001234"]

    @Test func theGroupIsCountedButItsCategoryIsWithheld() throws {
        let site = Fixture(Self.site).check(today: Self.today)
        #expect(site.diagnostics.map(\.text) == [])
        let figures = computeFigures(site.content, today: site.today)
        #expect(figures.recurring.map(\.unit) == ["tthcc", "van-phong"])
        #expect(figures.recurring.map(\.category) == [nil, "văn bản đến vào sổ chậm"])
        #expect(figures.recurring.map(\.run) == [4, 4])
        #expect(figures.recurring[0].ids == ["PYC-2025-001", "PYC-2025-002", "PYC-2025-003", "PYC-2025-004"])

        let kpis = figures.kpis.serialized()
        #expect(kpis.contains("{\"unit\":\"tthcc\",\"category\":null,\"run\":4,"))
        let text = statsText(figures, content: site.content)
        #expect(text.contains("  tthcc / (confidential): 4 in a row — CORRECTIVE ACTION REQUIRED"))

        let theme = Theme.builtIn
        let model = SiteModel(content: site.content, figures: figures,
                              localizer: try Localizer(theme: theme, locale: "vi"), commit: nil)
        let output = MemoryOutput()
        try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: output)
        for (path, bytes) in output.files {
            let page = String(decoding: bytes, as: UTF8.self)
            for secret in Self.secret { #expect(!page.contains(secret), "\(path) shows \(secret)") }
        }
        for path in ["index.html", "units/tthcc/index.html", "reviews/next/index.html"] {
            let page = try #require(output.text(path))
            #expect(page.contains("Nội dung được bảo mật: <strong>4</strong>") || page.contains("Nội dung được bảo mật: 4"), "\(path)")
        }
        // The group that also holds an ordinary request shows its category: that request's page shows it too.
        #expect(try #require(output.text("index.html")).contains("văn bản đến vào sổ chậm"))
    }

    @Test func statsOnTheCommandLineWithholdsItToo() throws {
        let folder = try temporaryFolder("caitien-confidential")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(Self.site).write(to: folder)
        for arguments in [["stats"], ["stats", "--json"]] {
            let result = try runCaitien(arguments + ["--today", Self.today], in: folder)
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("tthcc"))
            for secret in Self.secret { #expect(!result.output.contains(secret), "\(arguments) shows \(secret)") }
        }
    }
}
