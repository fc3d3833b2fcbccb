import CaiTienContent
import CaiTienModel
@testable import CaiTienServe
@testable import CaiTienSite
import Foundation
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

@Suite struct ScaffoldTests {
    @Test func nextRequestIDs() {
        #expect(Scaffold.nextRequestID(year: 2026, existing: []) == "PYC-2026-001")
        #expect(Scaffold.nextRequestID(year: 2026, existing: ["PYC-2025-014", "PYC-2026-009"]) == "PYC-2026-010")
        // As wide as the site's existing ids.
        #expect(Scaffold.nextRequestID(year: 2026, existing: ["PYC-2025-0014"]) == "PYC-2026-0001")
        #expect(Scaffold.nextRequestID(year: 2026, existing: ["PYC-2026-999"]) == "PYC-2026-1000")
        #expect(Scaffold.nextRequestID(year: 2026, existing: ["ABC-2026-050", "PYC-2026-x"]) == "PYC-2026-001")
    }

    @Test func initThenNewRecordsPassCheck() throws {
        let folder = try temporaryFolder("caitien-scaffold")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
        #expect(written.contains(folder + "/.github/workflows/caitien.yml"))
        let content = folder + "/content"
        let today = Day(parsing: "2026-11-25")
        let first = try Scaffold.newTicket(content: content, unit: "tthcc", kind: .nonconformity, source: .internalAudit,
                                           title: "Hồ sơ \"khai sinh\": trả kết quả trễ hạn", category: nil, by: "Lê Văn C", today: today)
        #expect(first == content + "/tickets/2026/PYC-2026-001.md")
        let second = try Scaffold.newTicket(content: content, unit: "van-phong", kind: .improvement, source: .feedback,
                                            title: "Số hóa sổ hộ tịch", category: nil, by: "Phạm Thị D", today: today)
        #expect(second == content + "/tickets/2026/PYC-2026-002.md")
        _ = try Scaffold.newReview(content: content, format: .meeting, date: nil, today: today)
        _ = try Scaffold.newReview(content: content, format: .report, date: Day(parsing: "2026-11-20"), today: today)
        _ = try Scaffold.newObjectives(content: content, year: 2026, unit: "tthcc", today: today)
        _ = try Scaffold.newObjectives(content: content, year: 2026, unit: nil, today: today)

        let site = checkSite(content: content, today: today)
        #expect(site.diagnostics.filter { $0.severity == .error }.isEmpty, "\(site.diagnostics.map(\.text))")
        let request = try #require(site.content.requests.first { $0.id == "PYC-2026-001" })
        #expect(request.title == "Hồ sơ \"khai sinh\": trả kết quả trễ hạn")
        #expect(request.opened == today)
        #expect(request.reportedBy == "Lê Văn C")
        #expect(request.stage == .open)
        #expect(request.category == "hồ sơ \"khai sinh\": trả kết quả trễ hạn")
        // The guidance stays out of the page: Markdown comments are dropped by cmark's safe mode.
        #expect(!request.boxes.request.contains("Ô 1"))
        #expect(site.content.reviews.count == 2)
        #expect(site.content.plans.map(\.id).sorted() == ["2026/phuong", "2026/tthcc"])

        // Never overwrites.
        #expect(throws: BuildError.self) { try Scaffold.newReview(content: content, format: .meeting, date: nil, today: today) }
        #expect(throws: BuildError.self) { try Scaffold.initSite(at: folder, organisation: "x") }
        #expect(throws: BuildError.self) {
            try Scaffold.newTicket(content: content, unit: "khong-co", kind: .improvement, source: .other, title: "x", category: nil, by: "A", today: today)
        }
    }

    @Test func newObjectivesCarriesLastYearOver() throws {
        let folder = try temporaryFolder("caitien-scaffold")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
        let content = folder + "/content"
        try FileManager.default.createDirectory(atPath: content + "/objectives/2025", withIntermediateDirectories: true)
        try """
        ---
        year: 2025
        unit: tthcc
        approved_by: Chủ tịch
        approved_on: 2025-01-20
        objectives:
          - {code: MT7, text: "Không quá 5 phản ánh", measure: phản ánh, target: 5, direction: at_most, actual: 3}
        ---
        """.write(toFile: content + "/objectives/2025/tthcc.md", atomically: true, encoding: .utf8)
        _ = try Scaffold.newObjectives(content: content, year: 2026, unit: "tthcc", today: Day(parsing: "2026-01-05"))
        let site = checkSite(content: content, today: Day(parsing: "2026-01-05"))
        #expect(!site.diagnostics.hasErrors, "\(site.diagnostics.map(\.text))")
        let plan = try #require(site.content.plans.first { $0.id == "2026/tthcc" })
        #expect(plan.objectives.map(\.code) == ["MT7"])
        #expect(plan.objectives.first?.direction == .atMost)
        #expect(plan.objectives.first?.actual == nil)
    }

    @Test func previewServesTheSiteWithReloadAndShowsErrors() throws {
        let folder = try temporaryFolder("caitien-scaffold")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
        let content = folder + "/content"
        let path = try Scaffold.newTicket(content: content, unit: "tthcc", kind: .improvement, source: .other,
                                          title: "Đề xuất thử", category: nil, by: "A", today: Day(parsing: "2026-11-25"))
        let options = PreviewServer(content: content, theme: folder + "/theme", port: 0, today: Day(parsing: "2026-11-25"))
        let state = PreviewState(output: folder + "/preview/public")
        let before = fingerprint([content])
        state.rebuild(options)
        #expect(state.version == 1)
        let page = state.respond(to: "/tickets/PYC-2026-001/")
        #expect(page.status == 200)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("Đề xuất thử"))
        #expect(html.contains("/__caitien/reload.js"))
        #expect(html.contains("connect-src 'self'"))
        #expect(state.respond(to: "/../../etc/passwd").status == 404)
        #expect(state.respond(to: "/.public.previous/index.html").status == 404)

        // A content error replaces every page with the list of errors.
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "kind: cải tiến", with: "kind: improvment")
            .write(toFile: path, atomically: false, encoding: .utf8)
        #expect(fingerprint([content]) != before)
        state.rebuild(options)
        #expect(state.version == 2)
        let error = state.respond(to: "/index.html")
        #expect(error.status == 500)
        let errorHTML = String(decoding: error.body, as: UTF8.self)
        #expect(errorHTML.contains("PYC-2026-001.md:7:7"))
        // In the site's language (`locale: vi`), with the rule's id.
        #expect(errorHTML.contains("loại phiếu (`kind`) không nhận giá trị `improvment`; dùng một trong: `sự không phù hợp`, `KPH tiềm ẩn`, `cải tiến` (hoặc `nonconformity`, `potential`, `improvement`) — bạn muốn viết `improvement`? <small>[bad-value]</small>"))
        // In the site's language and style, linking to nothing outside the preview.
        #expect(errorHTML.contains("<html lang=\"vi\">"))
        #expect(errorHTML.contains("Nội dung có lỗi"))
        #expect(errorHTML.contains("<style>") && errorHTML.contains(".site-header"))
        #expect(!errorHTML.contains("href=") && !errorHTML.contains("src=\"http"))
    }
}

/// `caitien new …` run from inside the content folder finds the site, as git finds its repository.
@Suite struct LocateContentTests {
    @Test func foundFromAnyFolderOfTheSite() throws {
        let top = try temporaryFolder("caitien-locate")
        defer { try? FileManager.default.removeItem(atPath: top) }
        try Fixture(standardSite + "\n-- tickets/2025/.keep --\n").write(to: top)
        try FileManager.default.createDirectory(atPath: top + "/.git", withIntermediateDirectories: true)
        let content = top + "/content"
        // From the repository's top, the given folder is used as it is.
        #expect(locateContent("content", from: top) == "content")
        // From the content folder itself and from a folder of requests inside it.
        #expect(locateContent("content", from: content) == content)
        #expect(locateContent("content", from: content + "/tickets/2025") == content)
        // The path printed is relative to where the clerk stands.
        #expect(relativePath(content + "/tickets/2026/PYC-2026-001.md", from: content + "/tickets/2025") == "../2026/PYC-2026-001.md")
        #expect(relativePath("content/tickets/2026/PYC-2026-001.md", from: top) == "content/tickets/2026/PYC-2026-001.md")
        // The search stops at the repository's top: a folder of another project finds nothing.
        let elsewhere = top + "/docs/notes"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: elsewhere + "/.git", withIntermediateDirectories: true)
        #expect(locateContent("content", from: elsewhere) == nil)
    }

    @Test func aNewTicketWrittenFromInsideTheContentFolderPassesCheck() throws {
        let top = try temporaryFolder("caitien-locate")
        defer { try? FileManager.default.removeItem(atPath: top) }
        try Fixture(standardSite).write(to: top)
        let here = top + "/content/tickets"
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)
        let content = try #require(locateContent("content", from: here))
        let path = try Scaffold.newTicket(content: content, unit: "tthcc", kind: .improvement, source: .other,
                                          title: "Niêm yết thủ tục mới", category: nil, by: "Lê Văn C", today: Day(parsing: "2025-03-20"))
        #expect(relativePath(path, from: here) == "2025/PYC-2025-001.md")
        #expect(!checkSite(content: content, today: Day(parsing: "2025-03-20")).diagnostics.hasErrors)
    }
}
