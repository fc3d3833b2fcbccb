import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
@testable import CaiTienSite
import Foundation
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

/// A small ward: a recurring group, a confidential request, hostile Markdown, a review, objectives.
let siteFixture = standardSite + """

-- tickets/2025/PYC-2025-001.md --
---
title: Hồ sơ khai sinh trả kết quả trễ hạn
kind: nonconformity
source: internal_audit
unit: tthcc
category: trả kết quả trễ hạn
opened: 03/02/2025
reported_by: Lê Văn C
assigned_to: Nguyễn Thị Hoa
assigned_on: 2025-02-05
due: 2025-03-10
---
## Nội dung yêu cầu
Phát hiện <script>alert('x')</script> 3 hồ sơ trễ hạn. [bấm vào](javascript:alert(1)) và [quy định](https://example.gov.vn/qd).

<img src=x onerror=alert(1)>

## Nguyên nhân và biện pháp
Công chức nghỉ phép chưa bàn giao.
-- tickets/2025/PYC-2025-002.md --
---
title: Sai thông tin trên trích lục khai tử
kind: nonconformity
source: feedback
unit: van-phong
category: sai sót hộ tịch
opened: 2025-02-10
reported_by: "=HYPERLINK(\\"http://evil\\")"
confidential: true
---
## Nội dung yêu cầu
Công dân Trần Văn Bí mật, CCCD 012345678901, phản ánh sai ngày sinh.
-- tickets/2025/PYC-2025-003.md --
---
title: Đề xuất số hóa sổ hộ tịch
kind: improvement
source: data_analysis
unit: van-phong
opened: 2025-01-15
reported_by: Phạm Thị D
assigned_to: Phạm Thị D
assigned_on: 2025-01-20
approved_on: 2025-01-25
due: 2025-06-30
completed_on: 2025-03-01
verified_on: 2025-03-05
verified_by: Chủ tịch UBND phường
result: effective
closed: 2025-03-06
---
Đã số hóa xong.
-- reviews/2025-02-20.md --
---
date: 2025-02-20
format: meeting
chair: Chủ tịch UBND phường
secretary: Thư ký ISO
attendees: [Trưởng các đơn vị]
inputs:
  previous_actions: Không có.
  objectives: Đạt 9/10 mục tiêu.
decisions:
  - {type: improvement, text: Số hóa sổ hộ tịch, owner: Văn phòng, ticket: PYC-2025-003}
  - {type: resources, text: Bổ sung máy quét}
---
Biên bản họp.
-- objectives/2025/tthcc.md --
---
year: 2025
unit: tthcc
approved_by: Chủ tịch UBND phường
approved_on: 2025-01-20
objectives:
  - {code: MT1, text: 100% hồ sơ đúng hạn, measure: "%", target: 100}
---
"""

private func build(_ fixture: Fixture, today: String, swiftMustache: Bool = false, threads: Int = 0) throws -> MemoryOutput {
    let site = fixture.check(today: today)
    #expect(!site.diagnostics.hasErrors, "\(site.diagnostics.map(\.text))")
    let figures = computeFigures(site.content, today: site.today)
    let theme = Theme.builtIn
    let model = SiteModel(content: site.content, figures: figures,
                          localizer: try Localizer(theme: theme, locale: site.content.site.locale), commit: "abc123")
    let output = MemoryOutput()
    var renderer = try Renderer(theme: theme)
    renderer.usesSwiftMustache = swiftMustache
    try renderSite(model, theme: theme, renderer: renderer, into: output, threads: threads)
    return output
}

@Suite struct SiteTests {
    @Test func writesEveryPageOfSpec3() throws {
        let out = try build(Fixture(siteFixture), today: "2025-03-20")
        for path in ["index.html", "tickets/index.html", "tickets/PYC-2025-001/index.html", "tickets/PYC-2025-002/index.html",
                     "units/index.html", "units/tthcc/index.html", "units/van-phong/index.html", "objectives/index.html",
                     "objectives/2025/index.html", "reviews/index.html", "reviews/2025-02-20/index.html", "reviews/next/index.html",
                     "data.json", "tickets.csv", "deadlines.ics", "assets/style.css", "assets/app.js"] {
            #expect(out.files[path] != nil, "missing \(path)")
        }
    }

    @Test func dataJSONCarriesTheSameKpisAsStats() throws {
        let fixture = Fixture(siteFixture)
        let out = try build(fixture, today: "2025-03-20")
        let site = fixture.check(today: "2025-03-20")
        let kpis = computeFigures(site.content, today: site.today).kpis.serialized()
        let data = try #require(out.text("data.json"))
        #expect(data.contains("\"kpis\":" + kpis + ","))
        // What a province roll-up reads comes first: schema, organisation, base_url, commit, today, kpis.
        #expect(data.hasPrefix("{\"schema\":1,\"organisation\":\"UBND phường Ninh Hòa\",\"base_url\":\"/\",\"commit\":\"abc123\",\"today\":\"2025-03-20\",\"kpis\":{"))
        // Each ticket carries its derived stage and its dates as YYYY-MM-DD.
        #expect(data.contains("{\"id\":\"PYC-2025-001\",\"stage\":\"assigned\",\"title\":\"Hồ sơ khai sinh trả kết quả trễ hạn\""))
        #expect(data.contains("\"opened\":\"2025-02-03\""))
    }

    @Test func noMarkupOrJavascriptFromContentReachesAPage() throws {
        let out = try build(Fixture(siteFixture), today: "2025-03-20")
        let page = try #require(out.text("tickets/PYC-2025-001/index.html"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.lowercased().contains("javascript:"))
        #expect(page.contains("<a href=\"https://example.gov.vn/qd\">quy định</a>"))
        for (path, bytes) in out.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            // Text such as "alert('x')" may remain as escaped text; no element or handler may.
            #expect(html.components(separatedBy: "<script").count == 2, "\(path)")
            #expect(!html.contains("onerror"), "\(path)")
            #expect(!html.lowercased().contains("javascript:"), "\(path)")
            #expect(html.contains("Content-Security-Policy"), "\(path)")
        }
    }

    @Test func confidentialRequestShowsNoPersonalData() throws {
        let out = try build(Fixture(siteFixture), today: "2025-03-20")
        for (path, bytes) in out.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Sai thông tin trên trích lục"), "title leaked in \(path)")
            #expect(!text.contains("012345678901"), "body leaked in \(path)")
            #expect(!text.contains("HYPERLINK"), "name leaked in \(path)")
        }
        let page = try #require(out.text("tickets/PYC-2025-002/index.html"))
        #expect(page.contains("Nội dung được bảo mật"))
        #expect(page.contains("PYC-2025-002"))
    }

    @Test func csvHasBOMAndNeutralisesFormulas() throws {
        var fixture = Fixture(siteFixture)
        fixture.files["tickets/2025/PYC-2025-004.md"] = Array("""
        ---
        title: "=1+2 công thức"
        kind: improvement
        source: other
        unit: tthcc
        opened: 2025-03-01
        reported_by: "@Nguyễn"
        ---

        """.utf8)
        let out = try build(fixture, today: "2025-03-20")
        let csv = try #require(out.files["tickets.csv"])
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("\"Số phiếu\",\"Tiêu đề\",\"Loại\",\"Nguồn\",\"Đơn vị\""))
        #expect(text.contains("\"PYC-2025-004\",\"'=1+2 công thức\",\"Đề xuất cải tiến\",\"Khác\",\"Trung tâm Phục vụ hành chính công\""))
        // The codes follow, for programs.
        #expect(text.components(separatedBy: "\r\n")[0].hasSuffix("\"kind\",\"source\",\"unit\",\"severity\",\"stage\",\"result\""))
        #expect(text.contains("\"improvement\",\"other\",\"tthcc\",\"minor\",\"open\",\"\"\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 6) // header, 4 rows, trailing empty
    }

    @Test func icsFoldsAt75OctetsOnCharacterBoundaries() throws {
        let out = try build(Fixture(siteFixture), today: "2025-03-06")
        let ics = try #require(out.text("deadlines.ics"))
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.contains("UID:request-PYC-2025-001-due@caitien\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20250310\r\n"))
        for line in ics.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
        }
        // A folded line, unfolded, gives back the Vietnamese text whole.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("Hồ sơ khai sinh trả kết quả trễ hạn"))
        #expect(foldICSLine(String(repeating: "ệ", count: 40)).split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func pagesUseVietnameseDatesAndNumbers() throws {
        let out = try build(Fixture(siteFixture), today: "2025-03-20")
        let page = try #require(out.text("tickets/PYC-2025-001/index.html"))
        #expect(page.contains("03/02/2025"))
        #expect(page.contains("BM.CTCL.01"))
        #expect(page.contains("Phiếu yêu cầu hành động khắc phục/cải tiến"))
        #expect(page.contains("20/03/2025"))
        #expect(page.contains("abc123"))
        #expect(formatPercent(0.956, locale: "vi") == "95,6%")
        #expect(formatPercent(0.956, locale: "en") == "95.6%")
    }

    @Test func englishLocale() throws {
        let fixture = Fixture(siteFixture.replacingOccurrences(of: "organisation: UBND phường Ninh Hòa", with: "organisation: UBND phường Ninh Hòa\nlocale: en"))
        let out = try build(fixture, today: "2025-03-20")
        let page = try #require(out.text("index.html"))
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("Overdue"))
    }

    @Test func aTemplateNamingAnUnknownKeyIsABuildError() throws {
        var theme = Theme.builtIn
        theme.templates["units"] = "<h1>{{t.nav_units}}</h1>{{#units}}{{nmae}}{{/units}}"
        let renderer = try Renderer(theme: theme)
        #expect(throws: BuildError.self) { try renderer.render("units", ["units": [["name": "A"] as View], "t": StringTable(table: ["nav_units": "x"])]) }
        #expect(throws: BuildError.self) { try renderer.render("nope", [:]) }
        theme.templates["units"] = "{{t.nav_unitz}}"
        #expect(throws: BuildError.self) { try Renderer(theme: theme).render("units", ["t": StringTable(table: ["nav_units": "x"])]) }
    }

    @Test func builtInThemeMatchesThemeFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let disk = try Theme.load(overridesIn: nil, fileSystem: DiskFileSystem())
        let folder = root.appendingPathComponent("theme").path
        let fromDisk = try Theme.load(overridesIn: folder, fileSystem: DiskFileSystem())
        #expect(disk.templates == fromDisk.templates, "run scripts/embed-theme after editing theme/")
        #expect(disk.assets == fromDisk.assets, "run scripts/embed-theme after editing theme/")
        #expect(disk.strings == fromDisk.strings, "run scripts/embed-theme after editing theme/")
    }
}

/// The staged, atomic output on a real disk.
@Suite struct OutputTests {
    func buildOnDisk(_ folder: String) throws -> Bool {
        try buildFolder(folder, today: "2025-03-20").written != nil
    }


    @Test func deletedRecordPageVanishesAndFailedBuildKeepsOldOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        #expect(try buildOnDisk(folder))
        #expect(FileManager.default.fileExists(atPath: folder + "/public/tickets/PYC-2025-003/index.html"))

        try FileManager.default.removeItem(atPath: folder + "/content/tickets/2025/PYC-2025-003.md")
        // The review names PYC-2025-003: remove that decision too, so the content stays valid.
        let reviewPath = folder + "/content/reviews/2025-02-20.md"
        let review = try String(contentsOfFile: reviewPath, encoding: .utf8).replacingOccurrences(of: ", ticket: PYC-2025-003", with: "")
        try review.write(toFile: reviewPath, atomically: true, encoding: .utf8)
        #expect(try buildOnDisk(folder))
        #expect(!FileManager.default.fileExists(atPath: folder + "/public/tickets/PYC-2025-003/index.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/public/tickets/PYC-2025-001/index.html"))

        let before = try snapshot(folder + "/public")
        try "---\ntitle: x\nstatus: closed\n---\n".write(toFile: folder + "/content/tickets/2025/PYC-2025-009.md", atomically: true, encoding: .utf8)
        #expect(try !buildOnDisk(folder))
        #expect(try snapshot(folder + "/public") == before)
        // No staging folder is left; the previous generation is kept for the next build.
        // (and the page keys of the two generations, .public.pages-INODE, the parsed requests and the lock).
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix(".") && !$0.hasPrefix(".public.pages-") }
        #expect(leftovers.sorted() == [".public.lock", ".public.parsed", ".public.previous"])
    }

    @Test func unchangedPagesAreKeptAndChangedOnesRebuilt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        for _ in 0..<3 { #expect(try buildOnDisk(folder)) }
        let before = try snapshot(folder + "/public")
        // Builds with nothing changed find the output already holding their site: nothing is
        // swapped, so there is one generation and its manifest.
        #expect(try buildFolder(folder, today: "2025-03-20").written?.changed == false)
        #expect(try snapshot(folder + "/public") == before)
        let manifests = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".public.pages-") }
        #expect(manifests.count == 1)

        // Change one record: its page changes in both generations as they take turns.
        let path = folder + "/content/tickets/2025/PYC-2025-001.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Hồ sơ khai sinh trả kết quả trễ hạn", with: "Hồ sơ khai sinh trả kết quả chậm")
            .write(toFile: path, atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            #expect(try buildOnDisk(folder))
            let page = try String(contentsOfFile: folder + "/public/tickets/PYC-2025-001/index.html", encoding: .utf8)
            #expect(page.contains("Hồ sơ khai sinh trả kết quả chậm"))
            #expect(!page.contains("Hồ sơ khai sinh trả kết quả trễ hạn"))
        }
        // The unchanged pages are as before.
        let after = try snapshot(folder + "/public")
        #expect(after["tickets/PYC-2025-003/index.html"] == before["tickets/PYC-2025-003/index.html"])
        #expect(after["tickets/PYC-2025-001/index.html"] != before["tickets/PYC-2025-001/index.html"])
    }

    @Test func refusesToWriteOverContent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        #expect(throws: BuildError.self) { try buildFolder(folder, output: folder + "/content", today: "2025-03-20") }
        #expect(throws: BuildError.self) { try buildFolder(folder, output: folder, today: "2025-03-20") }
        #expect(FileManager.default.fileExists(atPath: folder + "/content/site.yml"))
    }

    @Test func sameContentGivesByteIdenticalOutputWhateverTheThreads() throws {
        let a = try build(Fixture(siteFixture), today: "2025-03-20", threads: 1)
        let b = try build(Fixture(siteFixture), today: "2025-03-20")
        #expect(a.files == b.files)
        // The sample content: 48 requests, parsed and rendered on one thread and on all cores.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = checkSite(content: root.appendingPathComponent("content").path, today: Day(parsing: "2026-11-25"))
        let sequential = readContent(from: root.appendingPathComponent("content").path, fileSystem: DiskFileSystem())
        #expect(sequential.content.requests.map(\.id) == site.content.requests.map(\.id))
        let figures = computeFigures(site.content, today: site.today)
        let theme = Theme.builtIn
        let model = SiteModel(content: site.content, figures: figures, localizer: try Localizer(theme: theme, locale: "vi"), commit: nil)
        let one = MemoryOutput(), many = MemoryOutput()
        try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: one, threads: 1)
        try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: many)
        #expect(one.files == many.files)
        #expect(one.files.count > 60)
    }

    @Test func compiledTemplatesRenderLikeSwiftMustache() throws {
        let fast = try build(Fixture(siteFixture), today: "2025-03-20")
        let reference = try build(Fixture(siteFixture), today: "2025-03-20", swiftMustache: true)
        #expect(fast.files.keys.sorted() == reference.files.keys.sorted())
        for (path, bytes) in fast.files where path.hasSuffix(".html") {
            #expect(String(decoding: bytes, as: UTF8.self) == reference.text(path), "\(path) differs from swift-mustache")
        }
    }
}
