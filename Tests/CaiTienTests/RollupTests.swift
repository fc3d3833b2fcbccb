import CaiTienModel
@testable import CaiTienRender
@testable import CaiTienRollup
import CaiTienSite
import Foundation
import Testing
import TestSupport

/// Runs git in `folder` with a fixed author and no user configuration; returns what it prints.
@discardableResult
func runGitForTest(_ arguments: [String], in folder: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "Nguyễn Văn A" }
    for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "a@phuong.vn" }
    for key in ["GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"] { environment[key] = "2025-06-02T10:00:00+07:00" }
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite struct DataJSONHeadTests {
    /// A province reads who a file is from, where the ward's site is and which commit it shows.
    @Test func dataJSONStatesOrganisationBaseURLAndCommitFirst() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        try runGitForTest(["init", "-q", "-b", "main"], in: folder)
        try runGitForTest(["add", "-A"], in: folder)
        try runGitForTest(["-c", "commit.gpgsign=false", "commit", "-q", "-m", "Lập hồ sơ"], in: folder)
        let commit = try runGitForTest(["log", "-1", "--format=%h", "--abbrev=12"], in: folder)
        try buildFolder(folder, today: "2025-03-20", baseURL: "https://ninhhoa.khanhhoa.gov.vn/caitien/")
        let data = try String(contentsOfFile: folder + "/public/data.json", encoding: .utf8)
        #expect(data.hasPrefix("{\"schema\":1,\"organisation\":\"UBND phường Ninh Hòa\",\"base_url\":\"https://ninhhoa.khanhhoa.gov.vn/caitien/\",\"commit\":\"\(commit)\",\"today\":\"2025-03-20\",\"kpis\":{"),
                "\(data.prefix(200))")
    }

    @Test func outsideGitTheCommitIsNull() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        try buildFolder(folder, today: "2025-03-20")
        let data = try String(contentsOfFile: folder + "/public/data.json", encoding: .utf8)
        #expect(data.hasPrefix("{\"schema\":1,\"organisation\":\"UBND phường Ninh Hòa\",\"base_url\":\"/\",\"commit\":null,\"today\":\"2025-03-20\","))
    }
}

// MARK: - caitien rollup

/// A second ward: a commune in the highlands, names with Đ and tones, one overdue request, one
/// recurring nonconformity with no corrective action (four open, same category), CRLF lines (the
/// last line of a file has none: a `\r\n` is one Character, and Fixture splits at "\n").
let highlandWard = """
-- site.yml --
organisation: UBND xã Đắk Ơ
units:
  - code: mot-cua
    name: Bộ phận Một cửa
    head: Điểu Thị Lan
-- tickets/2025/PYC-2025-001.md --
---\r
title: Hồ sơ đất đai của hộ ông K'Bròng trả chậm\r
kind: nonconformity\r
source: feedback\r
unit: mot-cua\r
category: trả kết quả trễ hạn\r
opened: 02/01/2025\r
reported_by: Y Niê\r
assigned_to: Điểu Văn Sơn\r
assigned_on: 2025-01-05\r
approved_on: 2025-01-06\r
due: 2025-02-01\r
---\r
Hồ sơ của hộ ông K'Bròng quá hạn 12 ngày.
-- tickets/2025/PYC-2025-002.md --
---
title: Trả kết quả trễ hạn lần hai ở thôn Bu Prăng
kind: nonconformity
source: internal_audit
unit: mot-cua
category: trả kết quả trễ hạn
opened: 2025-02-10
reported_by: Y Niê
---
-- tickets/2025/PYC-2025-003.md --
---
title: Trả kết quả trễ hạn lần ba, hồ sơ bà H'Hen
kind: nonconformity
source: internal_audit
unit: mot-cua
category: trả kết quả trễ hạn
opened: 2025-02-20
reported_by: Y Niê
---
-- tickets/2025/PYC-2025-004.md --
---
title: Trả kết quả trễ hạn lần bốn, hồ sơ ông Điểu Kré
kind: nonconformity
source: internal_audit
unit: mot-cua
category: trả kết quả trễ hạn
opened: 2025-03-01
reported_by: Y Niê
confidential: true
---
Công dân Điểu Kré, CCCD 067012345678.
"""

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Three built wards in a temporary folder: the sample content of this repository, the small
/// ward of the site tests renamed, and the highland commune.
private struct Wards {
    let folder: String
    var sample: String { folder + "/sample/public" }
    var lowland: String { folder + "/lowland/public" }
    var highland: String { folder + "/highland/public" }

    init(sampleDay: String = "2026-11-25", lowlandDay: String = "2025-03-20", highlandDay: String = "2025-03-20") throws {
        folder = try temporaryFolder("caitien-rollup")
        var timings = Timings()
        let built = try build(BuildOptions(content: repository + "/content", output: folder + "/sample/public",
                                           today: Day(parsing: sampleDay)!, baseURL: "https://ninhhoa.khanhhoa.gov.vn/caitien/"),
                              timings: &timings)
        #expect(built.written != nil, "\(built.site.diagnostics.prefix(3).map(\.text))")
        var lowland = Fixture(siteFixture)
        lowland.files["site.yml"] = Array(String(decoding: lowland.files["site.yml"]!, as: UTF8.self)
            .replacingOccurrences(of: "UBND phường Ninh Hòa", with: "UBND phường Hòa Thắng").utf8)
        try lowland.write(to: folder + "/lowland")
        #expect(try buildFolder(folder + "/lowland", today: lowlandDay).written != nil)
        try Fixture(highlandWard).write(to: folder + "/highland")
        let highland = try buildFolder(folder + "/highland", today: highlandDay)
        #expect(highland.written != nil, "\(highland.site.diagnostics.map(\.text))")
    }

    func clean() { try? FileManager.default.removeItem(atPath: folder) }
}

/// A JSON file as Foundation reads it: the independent reading the roll-up is checked against.
private func jsonObject(_ path: String) throws -> [String: Any] {
    let data = try #require(FileManager.default.contents(atPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// Runs the roll-up as the command does, into `output`.
@discardableResult
private func runRollup(_ sources: [RollupSource], into output: String, today: String, strings: RollupStrings = .vi) async throws -> RollupResult {
    try await rollup(RollupOptions(sources: sources, output: output, today: Day(parsing: today)!, strings: strings), fetcher: nil)
}

/// The text of each cell of the table row whose header holds `name`, tags removed.
private func cells(of name: String, in page: String) -> [String]? {
    guard let table = page.range(of: "<table id=\"wards\"") else { return nil }
    let html = String(page[table.lowerBound...])
    guard let start = html.range(of: ">" + name + "<"),
          let rowStart = html.range(of: "<tr", options: .backwards, range: html.startIndex..<start.lowerBound),
          let rowEnd = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
    let row = String(html[rowStart.lowerBound..<rowEnd.lowerBound])
    return row.components(separatedBy: "<td").dropFirst().map { cell in
        let inner = cell.drop { $0 != ">" }.dropFirst()
        let text = String(inner.prefix { _ in true }).components(separatedBy: "</td>")[0]
        return text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    }
}

/// Every string value under `value` (the tickets' titles, names, notes…).
private func strings(in value: Any) -> [String] {
    if let s = value as? String { return [s] }
    if let list = value as? [Any] { return list.flatMap(strings(in:)) }
    if let object = value as? [String: Any] { return object.values.flatMap(strings(in:)) }
    return []
}

@Suite struct RollupTests {
    @Test func eachWardShowsTheOpenAndOverdueCountsOfItsDataJSON() async throws {
        let wards = try Wards()
        defer { wards.clean() }
        let output = wards.folder + "/province"
        // A folder, a data.json path and a folder with a trailing slash: the three local forms.
        let result = try await runRollup([RollupSource(wards.sample), RollupSource(wards.lowland + "/data.json"), RollupSource(wards.highland + "/")],
                                         into: output, today: "2026-11-26")
        #expect(result.rollup.rows.count == 3)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        let province = try jsonObject(output + "/data.json")
        let rows = try #require(province["wards"] as? [[String: Any]])
        var openSum = 0, overdueSum = 0
        for path in [wards.sample, wards.lowland, wards.highland] {
            let ward = try jsonObject(path + "/data.json")
            let tickets = try #require((ward["kpis"] as? [String: Any])?["tickets"] as? [String: Any])
            let open = try #require(tickets["open"] as? Int)
            let overdue = try #require(tickets["overdue"] as? [Any]).count
            openSum += open; overdueSum += overdue
            let organisation = try #require(ward["organisation"] as? String)
            let row = try #require(rows.first { $0["organisation"] as? String == organisation }, "\(organisation)")
            let figures = try #require(row["figures"] as? [String: Any])
            #expect(figures["open"] as? Int == open, "\(organisation)")
            #expect(figures["overdue"] as? Int == overdue, "\(organisation)")
            #expect(row["today"] as? String == ward["today"] as? String)
            // The duties of SPEC §5 travel as figures too (the sample keeps audits, inspections and
            // legal documents; a ward without them has no such keys, and no figure).
            let kpis = try #require(ward["kpis"] as? [String: Any])
            let duties = (kpis["audits"] as? [String: Any], kpis["inspections"] as? [String: Any], kpis["legal"] as? [String: Any])
            #expect(figures["audit_due"] as? Bool == duties.0?["due"] as? Bool, "\(organisation)")
            #expect(figures["inspection_reports_overdue"] as? Int == (duties.1?["reports_overdue"] as? [Any])?.count, "\(organisation)")
            #expect(figures["legal_overdue"] as? Int == (duties.2?["overdue"] as? [Any])?.count, "\(organisation)")
            if path == wards.sample { #expect(((duties.2?["overdue"] as? [Any])?.count ?? 0) > 0, "the sample has an overdue legal update") }
            let shown = try #require(cells(of: organisation, in: html), "\(organisation) has no row")
            #expect(shown[0] == String(open) && shown[1] == String(overdue), "\(organisation): \(shown)")
        }
        // The wards differ, so a mix-up of rows would show.
        #expect(Set(rows.compactMap { ($0["figures"] as? [String: Any])?["open"] as? Int }).count == 3)
        let totals = try #require(province["totals"] as? [String: Any])
        #expect(totals["open"] as? Int == openSum)
        #expect(totals["overdue"] as? Int == overdueSum)
        #expect(html.contains("<tfoot><tr><th scope=\"row\">Tổng cộng</th><td class=\"num\">\(openSum)</td><td class=\"num\">\(overdueSum)</td>"))
        // The commune: three requests of one category opened after no effective action, none with
        // action_needed: a recurring nonconformity that needs a corrective action.
        let highland = try #require(cells(of: "UBND xã Đắk Ơ", in: html))
        #expect(highland[3] == "1", "\(highland)")
        // A ward with an absolute base_url is linked; one with base_url "/" is not (it says nothing
        // about where the ward publishes).
        #expect(html.contains("<a href=\"https://ninhhoa.khanhhoa.gov.vn/caitien/\">UBND phường Ninh Hòa</a>"))
        #expect(!html.contains("<a href=\"/\">"))
    }

    @Test func aWardOlderThanAWeekIsMarkedStale() async throws {
        // The lowland ward's figures are 8 days old, the commune's exactly 7: only the first is stale.
        let wards = try Wards(lowlandDay: "2025-03-12", highlandDay: "2025-03-13")
        defer { wards.clean() }
        let output = wards.folder + "/province"
        let result = try await runRollup([RollupSource(wards.lowland), RollupSource(wards.highland)], into: output, today: "2025-03-20")
        #expect(result.rollup.totals.stale == 1 && result.rollup.totals.current == 1)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        let lowland = try #require(cells(of: "UBND phường Hòa Thắng", in: html))
        #expect(lowland.last == "12/03/2025 cũ 8 ngày", "\(lowland)")
        let highland = try #require(cells(of: "UBND xã Đắk Ơ", in: html))
        #expect(highland.last == "13/03/2025", "\(highland)")
        let rows = try #require(try jsonObject(output + "/data.json")["wards"] as? [[String: Any]])
        #expect(rows.map { $0["status"] as? String } == ["stale", "current"])
        #expect(rows.map { $0["age_days"] as? Int } == [8, 7])
    }

    @Test func aSourceThatCannotBeReadIsARowWithTheReasonNeverAFailedRollup() async throws {
        let wards = try Wards()
        defer { wards.clean() }
        let real = try #require(FileManager.default.contents(atPath: wards.lowland + "/data.json"))
        let broken = wards.folder + "/broken"
        try FileManager.default.createDirectory(atPath: broken + "/no-site", withIntermediateDirectories: true)
        // Cut in the middle of the records, inside the first request: the head is whole, the file is not.
        let marker = Array(#""tickets":[{"#.utf8)
        let cut = try #require((0...(real.count - marker.count)).first { real[real.startIndex + $0 ..< real.startIndex + $0 + marker.count].elementsEqual(marker) }) + marker.count
        try real.prefix(cut).write(to: URL(fileURLWithPath: broken + "/truncated.json"))
        try Data().write(to: URL(fileURLWithPath: broken + "/empty.json"))
        try Data("<!doctype html><p>404</p>".utf8).write(to: URL(fileURLWithPath: broken + "/page.json"))
        let sources = [RollupSource(wards.highland), RollupSource(broken + "/missing"), RollupSource(broken + "/no-site", name: "UBND xã Ea Tam"),
                       RollupSource(broken + "/truncated.json"), RollupSource(broken + "/empty.json"), RollupSource(broken + "/page.json"),
                       RollupSource("ftp://phuong.gov.vn/data.json"), RollupSource("http://phuong.gov.vn/")]
        let output = wards.folder + "/province"
        let result = try await runRollup(sources, into: output, today: "2025-03-20")
        #expect(result.rollup.totals.unreachable == 7 && result.rollup.totals.current == 1)
        let rows = try #require(try jsonObject(output + "/data.json")["wards"] as? [[String: Any]])
        func error(_ source: String) -> String? { rows.first { $0["source"] as? String == source }?["error"] as? String }
        #expect(error(broken + "/missing") == "cannot read \(broken)/missing: No such file or directory")
        #expect(error(broken + "/no-site")?.hasPrefix("\(broken)/no-site holds no data.json") == true)
        #expect(error(broken + "/truncated.json")?.hasPrefix("not valid JSON at line 1, byte \(cut): the file ends too early, inside an object") == true,
                "\(error(broken + "/truncated.json") ?? "")")
        #expect(error(broken + "/empty.json") == "data.json is empty")
        #expect(error(broken + "/page.json") == "not a data.json: it does not start with {")
        #expect(error("ftp://phuong.gov.vn/data.json")?.hasPrefix("ftp:// is not a source") == true)
        #expect(error("http://phuong.gov.vn/")?.hasPrefix("only https:// addresses are fetched") == true)
        #expect(rows.filter { $0["status"] as? String == "unreachable" }.count == 7)
        // The name from the list stands for a ward that cannot be read.
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        let named = try #require(cells(of: "UBND xã Ea Tam", in: html))
        #expect(named.last?.hasPrefix("Không đọc được số liệu: ") == true, "\(named)")
        #expect(named.dropLast().allSatisfy { $0 == "—" })
        // Only the readable ward is counted.
        let highland = try jsonObject(wards.highland + "/data.json")
        let open = ((highland["kpis"] as? [String: Any])?["tickets"] as? [String: Any])?["open"] as? Int
        #expect(result.rollup.totals.open == open)
    }

    @Test func anUnknownSchemaIsAClearErrorOnItsRowOnly() async throws {
        let wards = try Wards()
        defer { wards.clean() }
        let text = try String(contentsOfFile: wards.lowland + "/data.json", encoding: .utf8)
        #expect(text.hasPrefix("{\"schema\":1,"))
        let newer = wards.folder + "/newer.json", older = wards.folder + "/older.json"
        try text.replacingOccurrences(of: "{\"schema\":1,", with: "{\"schema\":2,").write(toFile: newer, atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "{\"schema\":1,", with: "{\"schema\":0,").write(toFile: older, atomically: true, encoding: .utf8)
        let output = wards.folder + "/province"
        let result = try await runRollup([RollupSource(newer), RollupSource(older), RollupSource(wards.highland)], into: output, today: "2025-03-20")
        #expect(result.rollup.totals.unknownSchema == 2 && result.rollup.totals.current == 1)
        let rows = try #require(try jsonObject(output + "/data.json")["wards"] as? [[String: Any]])
        let newerRow = try #require(rows.first { $0["source"] as? String == newer })
        #expect(newerRow["status"] as? String == "unknown_schema")
        #expect(newerRow["schema"] as? Int == 2)
        #expect(newerRow["error"] as? String == "data.json schema 2 is newer than this caitien reads (1); update caitien to the ward's version or newer")
        let olderRow = try #require(rows.first { $0["source"] as? String == older })
        #expect(olderRow["error"] as? String == "data.json schema 0 is not one caitien has written (it reads 1–1)")
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        // The page says it in its own language; data.json keeps English for programs.
        #expect(html.contains("<strong>Phiên bản data.json chưa hỗ trợ</strong>: data.json phiên bản (schema) 2 mới hơn bản caitien này đọc được (1); cập nhật caitien"))
    }

    @Test func theTableIsSortableAndSearchableWithoutTonesAndPlainWithoutScript() async throws {
        let wards = try Wards()
        defer { wards.clean() }
        let output = wards.folder + "/province"
        try await runRollup([RollupSource(wards.sample), RollupSource(wards.highland), RollupSource(wards.lowland)], into: output, today: "2026-11-26")
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        // Rows in the order of their names without tones: "ubnd phuong hoa thang", "ubnd phuong ninh hoa", "ubnd xa dak o".
        let table = String(html[html.range(of: "<tbody>")!.lowerBound...])
        let order = ["UBND phường Hòa Thắng", "UBND phường Ninh Hòa", "UBND xã Đắk Ơ"].map { table.range(of: ">" + $0 + "<")!.lowerBound }
        #expect(order == order.sorted())
        #expect(html.contains("data-search=\"ubnd xa dak o "))
        #expect(html.contains("<th scope=\"row\" data-sort=\"ubnd xa dak o\">"))
        #expect(html.contains("<table id=\"wards\" class=\"sortable\">"))
        #expect(html.contains("<th scope=\"col\" data-type=\"number\">Quá hạn</th>"))
        // The search box shows only with the script; without it the page says how the table is sorted.
        #expect(html.contains("<form id=\"search\" role=\"search\" hidden>"))
        #expect(html.contains("<noscript>"))
        #expect(html.components(separatedBy: "<script").count == 2 && html.contains("<script src=\"assets/rollup.js\"></script>"))
        let script = try String(contentsOfFile: output + "/assets/rollup.js", encoding: .utf8)
        #expect(script.contains("normalize(\"NFD\")") && script.contains("searchParams"))
        // The charts are drawn at build time.
        #expect(html.contains("<svg class=\"chart\"") && html.contains("aria-labelledby=\"chart-overdue-title\""))
        #expect(foldVietnamese("Trả KẾT QUẢ trễ hạn ở Đắk Ơ") == "tra ket qua tre han o dak o")
        // NFD text (typed on a Mac) folds the same.
        #expect(foldVietnamese("Ho\u{0300}a") == "hoa")
    }

    @Test func noTicketTextFromAWardReachesTheRollup() async throws {
        let wards = try Wards()
        defer { wards.clean() }
        let output = wards.folder + "/province"
        try await runRollup([RollupSource(wards.sample), RollupSource(wards.lowland), RollupSource(wards.highland)], into: output, today: "2026-11-26")
        let written = try snapshot(output).filter { !$0.key.hasPrefix("assets/") }
        #expect(Set(written.keys) == ["index.html", "data.json", ".caitien-output"])
        var texts = Set<String>()
        for path in [wards.sample, wards.lowland, wards.highland] {
            let ward = try jsonObject(path + "/data.json")
            for key in ["tickets", "reviews", "objectives"] {
                for text in strings(in: ward[key] as Any) where text.count >= 12 && Day(parsing: text) == nil { texts.insert(text) }
            }
        }
        // Titles, people, categories of every ward are there to be leaked.
        #expect(texts.contains("Hồ sơ đất đai của hộ ông K'Bròng trả chậm"))
        #expect(texts.contains("Hồ sơ khai sinh trả kết quả trễ hạn"))
        #expect(texts.count > 50)
        for (path, bytes) in written {
            let text = String(decoding: bytes, as: UTF8.self)
            let escaped = text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            for leaked in texts where escaped.contains(leaked) || text.contains(leaked) { Issue.record("\(path) holds \"\(leaked)\"") }
        }
    }

    @Test func theOutputFolderIsCaitiensOrRefused() async throws {
        let wards = try Wards()
        defer { wards.clean() }
        let foreign = wards.folder + "/docs"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("# Tài liệu".utf8).write(to: URL(fileURLWithPath: foreign + "/README.md"))
        await #expect(throws: BuildError.self) { try await runRollup([RollupSource(wards.highland)], into: foreign, today: "2025-03-20") }
        #expect(try snapshot(foreign).keys.sorted() == ["README.md"])
        #expect(!FileManager.default.fileExists(atPath: wards.folder + "/.docs.lock"))
        // Nor into a ward's own site.
        await #expect(throws: BuildError.self) { try await runRollup([RollupSource(wards.highland)], into: wards.highland, today: "2025-03-20") }
        // Its own folder is replaced; the same roll-up again changes nothing.
        let output = wards.folder + "/province"
        #expect(try await runRollup([RollupSource(wards.highland)], into: output, today: "2025-03-20").changed)
        #expect(try await runRollup([RollupSource(wards.highland)], into: output, today: "2025-03-20").changed == false)
        #expect(try await runRollup([RollupSource(wards.highland), RollupSource(wards.lowland)], into: output, today: "2025-03-20").changed)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8).contains("UBND phường Hòa Thắng"))
    }

    @Test func englishPage() async throws {
        let wards = try Wards()
        defer { wards.clean() }
        let output = wards.folder + "/province"
        try await runRollup([RollupSource(wards.highland)], into: output, today: "2025-03-20", strings: .en)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(html.contains("<th scope=\"col\" data-type=\"text\">Ward</th>"))
        #expect(html.contains("<time datetime=\"2025-03-20\">2025-03-20</time>"))
    }
}

@Suite struct RollupReadingTests {
    /// The scanner against Foundation's reading of the same file, keys in another order, escapes,
    /// and records that must be skipped whole (a quote after backslashes, nested lists).
    @Test func readsTheHeadAndSkipsRecordsWhateverTheirText() throws {
        let text = #"""
        {"tickets":[{"id":"PYC-2025-001","title":"Trả \"kết quả\" trễ \\","notes":["a\\\"b",{"x":[[[]]],"y":-1.5e3}],"ok":true,"n":null}],
         "kpis":{"tickets":{"open":7,"total":9,"overdue":["PYC-2025-001","PYC-2025-004"],"due_soon":[],"leader_queue":{"ids":["PYC-2025-002"],"alert":false}},
                 "recurring":[{"unit":"mot-cua","category":null,"run":4,"covered_by":null},{"unit":"x","category":"y","run":5,"covered_by":"PYC-2025-009"}],
                 "objectives":{"2024":{"objectives":3,"evaluated":2,"met":1,"attainment":0.5},"2025":{"objectives":4,"evaluated":4,"met":3,"attainment":0.75,"by_unit":{}}},
                 "reviews":{"last":"2025-01-10","due":false},"audits":{"due":true},"inspections":{"reports_overdue":["2025-02-01"]},"legal":{"overdue":[]},
                 "future_key":{"anything":[1,2,3]}},
         "today":"2025-03-20","organisation":"UBND x\u00e3 \u0110\u1eafk \u01a0 \"m\u1edbi\"","base_url":"https://dako.gov.vn/","commit":null,"schema":1}
        """#
        let f = try readWardFigures(Array(text.utf8)).get()
        #expect(f.organisation == "UBND xã Đắk Ơ \"mới\"")
        #expect(f.baseURL == "https://dako.gov.vn/" && f.commit == nil && f.today == Day(parsing: "2025-03-20"))
        #expect(f.open == 7 && f.total == 9 && f.overdue == 2 && f.dueSoon == 0 && f.awaitingLeader == 1)
        #expect(f.recurring == 2 && f.recurringUncovered == 1)
        #expect(f.objectives[2025] == ObjectiveCounts(objectives: 4, evaluated: 4, met: 3, attainment: 0.75))
        #expect(f.lastReview == Day(parsing: "2025-01-10") && f.reviewDue == false)
        #expect(f.auditDue == true && f.inspectionReportsOverdue == 1 && f.legalOverdue == 0)
        // With a BOM and CRLF line ends, as a file copied by hand may be.
        let bom = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try readWardFigures(bom).get() == f)
    }

    @Test func figuresAWardDoesNotCarryAreAbsentNotZero() throws {
        let f = try readWardFigures(Array(#"{"schema":1,"today":"2025-03-20","kpis":{"tickets":{"open":0,"overdue":[]}}}"#.utf8)).get()
        #expect(f.awaitingLeader == nil && f.auditDue == nil && f.inspectionReportsOverdue == nil && f.legalOverdue == nil && f.reviewDue == nil)
        #expect(f.organisation == nil)
    }

    @Test func damagedFilesAreRefusedWithWhereAndWhat() {
        func problem(_ text: String) -> String {
            if case .failure(let p) = readWardFigures(Array(text.utf8)) { return p.description }
            return "read"
        }
        let head = #"{"schema":1,"today":"2025-03-20","kpis":{"tickets":{"open":1,"overdue":[]}}"#
        let quote = (head + #","tickets":[{"title":"#).utf8.count
        #expect(problem(head + #","tickets":[{"title":"Trả kết quả"#) == "not valid JSON at line 1, byte \(quote): the file ends too early, inside text")
        #expect(problem(head + #","tickets":[{"title":"x"}]"#) == "not valid JSON at line 1, byte \(quote + 5): the file ends too early, inside an object")
        #expect(problem(head + "}\n}") == "not valid JSON at line 2, byte \(head.utf8.count + 2): unexpected text after the end of the document")
        #expect(problem(head + #","tickets":[1 2]}"#).contains("expected , or ]"))
        #expect(problem(head + #","tickets":[tru]}"#).contains("expected a value"))
        #expect(problem(#"{"schema":1,"today":"20/03/2025","kpis":{}}"#).contains("`today` is not a date YYYY-MM-DD"))
        #expect(problem(#"{"today":"2025-03-20","kpis":{"tickets":{"open":1,"overdue":[]}}}"#) == "not a data.json written by caitien: it has no `schema`")
        #expect(problem(#"{"schema":1,"today":"2025-03-20","kpis":{"tickets":{"open":-1,"overdue":[]}}}"#).contains("expected a whole number from 0"))
        #expect(problem(#"{"schema":1,"today":"2025-03-20","kpis":{}}"#) == "data.json has no `kpis.tickets.open` and `overdue`")
        #expect(problem(#"{"schema":1,"document":"rollup","today":"2025-03-20"}"#) == "this is a province roll-up's data.json, not a ward's")
        #expect(problem(String(repeating: "[", count: 100_000)) == "not a data.json: it does not start with {")
        #expect(problem(#"{"schema":1,"x":"# + String(repeating: "[", count: 100_000)).contains("nested too deeply"))
    }

    @Test func sourcesFromAList() {
        let list = "\u{FEFF}# Các phường, xã của tỉnh\r\nhttps://ninhhoa.khanhhoa.gov.vn/caitien/   UBND phường Ninh Hòa\r\n\n  wards/dak-o/public # đã chuyển\nhttps://x.gov.vn/#/data.json\n\t\n"
        let sources = parseSourceList(list)
        #expect(sources.map(\.text) == ["https://ninhhoa.khanhhoa.gov.vn/caitien/", "wards/dak-o/public", "https://x.gov.vn/#/data.json"])
        #expect(sources.map(\.name) == ["UBND phường Ninh Hòa", nil, nil])
        #expect(sources[0].dataURL == "https://ninhhoa.khanhhoa.gov.vn/caitien/data.json")
        #expect(sources[0].siteURL == "https://ninhhoa.khanhhoa.gov.vn/caitien/")
        #expect(RollupSource("https://x.gov.vn").dataURL == "https://x.gov.vn/data.json")
        #expect(RollupSource("https://x.gov.vn/export/ward.json").dataURL == "https://x.gov.vn/export/ward.json")
        #expect(RollupSource("http://127.0.0.1:8080/site").location == .url("http://127.0.0.1:8080/site"))
        #expect(RollupSource("http://localhost/").location == .url("http://localhost/"))
        #expect(RollupSource("http://[::1]:9/").location == .url("http://[::1]:9/"))
        if case .refused = RollupSource("http://127.0.0.1.evil.vn/").location {} else { Issue.record("a look-alike host is fetched") }
        if case .refused = RollupSource("HTTP://phuong.gov.vn").location {} else { Issue.record("plain http is fetched") }
        #expect(RollupSource("wards/a b/public").location == .path("wards/a b/public"))
    }

    @Test func onlyWebAddressesAreLinked() {
        #expect(webAddress("https://ninhhoa.gov.vn/") == "https://ninhhoa.gov.vn/")
        #expect(webAddress("/") == nil)
        #expect(webAddress("javascript:alert(1)") == nil)
        #expect(webAddress("https://x.vn/\" onmouseover=\"alert(1)") == nil)
    }

    @Test func todayInVietnamIsUTCPlusSeven() {
        // 2025-12-31 17:00 UTC is already 1 January in Hà Nội.
        #expect(todayInVietnam(secondsSince1970: 1_767_200_400) == Day(parsing: "2026-01-01"))
        #expect(todayInVietnam(secondsSince1970: 1_767_200_399) == Day(parsing: "2025-12-31"))
    }
}
