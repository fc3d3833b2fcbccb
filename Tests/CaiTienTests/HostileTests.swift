@testable import CaiTienContent
import CaiTienModel
import CaiTienSite
import Foundation
import FrontMatter
import Markdown
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

private func rep(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

/// The Markdown screen in front of Debian's cmark 0.30.2 (issue 5): the inputs known to cost cmark
/// seconds are refused at their line, and the Markdown wards write is not. Speed itself is not
/// tested here; `scripts/fuzz` runs with a 2 s timeout per input.
@Suite struct MarkdownScreenTests {
    static func depthMessage(_ depth: Int) -> String {
        "Markdown nested \(depth) levels deep at this line; cmark would take seconds — flatten the list or quote (at most 32 levels)"
    }

    static func lines(_ count: Int, _ line: (Int) -> String) -> String {
        (0..<count).map(line).joined()
    }

    /// Inputs measured slow on cmark 0.30.2 (seconds at 100 kB, minutes at 1 MiB): name → text
    /// (starting on line 9 of its file), the line and depth reported. By name, so that a test
    /// report does not print megabytes of arguments.
    static let deep: [String: (text: @Sendable () -> String, line: Int, depth: Int)] = [
        // A deep list, then empty lines: 6 s at 20 000 (issue 5). (`- - - …` alone is a thematic break.)
        "- × 20000, empty lines": ({ rep("- ", 20_000) + "x" + rep("\n", 20_000) }, 9, 20_000),
        "1. × 20000, empty lines": ({ rep("1. ", 20_000) + "x" + rep("\n", 20_000) }, 9, 20_000),
        "+ × 30000, empty lines": ({ rep("+ ", 30_000) + rep("\n", 30_000) }, 9, 30_000),
        // Emphasis inside a deep quote or list.
        "> × 40000, a* × 40000": ({ rep(">", 40_000) + rep("a*", 40_000) }, 9, 40_000),
        "- × 33, *a × 10000": ({ "Mở đầu.\n\n" + rep("- ", 33) + rep("*a", 10_000) }, 11, 33),
        // One level more on each line: indented with spaces, with tabs, quoted.
        "indented lists": ({ lines(40) { rep("  ", $0) + "- mục\n" } }, 41, 33),
        "tab-indented lists": ({ lines(40) { rep("\t", $0) + "1. mục\n" } }, 41, 33),
        "quotes": ({ lines(40) { rep("> ", $0 + 1) + "trích\n" } }, 41, 33),
        "quotes and lists": ({ "> - > - " + rep("> ", 30) + "a\n" }, 9, 34),
    ]

    @Test(arguments: deep.keys.sorted())
    func deepNestingIsRefused(_ name: String) throws {
        let (text, line, depth) = try #require(Self.deep[name])
        #expect(screenMarkdown(text(), firstLine: 9) == MarkdownProblem(line: line, kind: .nesting(depth: depth, limit: 32), message: Self.depthMessage(depth)))
    }

    @Test func manyLinesInsideDeepNestingAreRefused() {
        // 30 levels are allowed, but not followed by 70 000 lines inside them (2.1 million line-levels).
        let text = "Mở đầu.\n\n" + rep("1. ", 30) + "x" + rep("\n", 70_000) + "Kết thúc.\n"
        #expect(screenMarkdown(text, firstLine: 9) == MarkdownProblem(line: 11, kind: .longNesting(depth: 30), message:
            "Markdown nested 30 levels deep at this line and followed by too many lines inside the nesting; cmark would take seconds"
            + " — flatten the list or quote, or end it with a blank line and unindented text"))
        // The same lines after the list is closed cost nothing.
        #expect(screenMarkdown(rep("1. ", 30) + "x\n\nĐoạn văn.\n" + rep("\n", 70_000)) == nil)
        // A lazy line keeps the list open: the count goes on.
        #expect(screenMarkdown(rep("1. ", 30) + "x\ntiếp\n" + rep("\n", 70_000)) != nil)
    }

    @Test func imageOpenersBeforeLinksAreRefused() {
        // `![[]()` repeated: 2.5 s at 40 000 (issue 5); refused by the density rule first.
        let issue = screenMarkdown(rep("![[]()", 40_000), firstLine: 9)
        #expect(issue?.line == 9)
        #expect(issue?.message.hasPrefix("Markdown too dense") == true)
        // Fewer, still quadratic: 3000 open `![` times 3000 links.
        let message = "Markdown paragraph with 3000 image openers `![` and 3000 `]`; cmark would take seconds"
            + " — close each image as `![text](address)`, write `\\!` for a plain `!`, or split the paragraph"
        #expect(screenMarkdown("Mở đầu.\n\n" + rep("![[]()", 3000) + "\n\nKết thúc.", firstLine: 9)
                == MarkdownProblem(line: 11, kind: .imageOpeners(openers: 3000, closers: 3000), message: message))
        #expect(screenMarkdown("Mở đầu.\n\n" + rep("![x[]()\n", 3000), firstLine: 9)?.line == 11)
        // Split into paragraphs, the same openers are cheap.
        #expect(screenMarkdown(rep("![[]()\n\n", 3000)) == nil)
    }

    @Test func densityIsCountedOverTheRecord() {
        // Three marks a line (the line and two `_`): the 100 000th is passed on line 33 334.
        let line = "Hồ sơ số_1 và số_2\n"
        let problem = screenMarkdown(rep(line, 40_000))
        #expect(problem == MarkdownProblem(line: 33_334, kind: .dense(limit: 100_000), message:
            "Markdown too dense: more than 100000 lines and marks (`*`, `_`, `[`, `]`, `!`, `<`, `` ` ``, `&`, `\\`)"
            + " by this line; cmark would take too long — move bulk data out of the record"))
        // One screen for a record's texts: two halves pass alone, not together; a refused text counts nothing.
        var screen = MarkdownScreen()
        #expect(screen.check(rep(line, 20_000)) == nil)
        #expect(screen.marks == 60_000)
        #expect(screen.check(rep(">", 40) + " a") != nil)
        #expect(screen.marks == 60_000)
        #expect(screen.check(rep(line, 20_000), firstLine: 100)?.line == 100 + 13_333)
        #expect(screen.marks == 60_000)
    }

    /// The inputs of cmark's own test/pathological_tests.py at their sizes there (smaller where
    /// they exceed a record): each is either refused (the start of the message) or accepted, and
    /// then cmark 0.30.2 renders it in linear time.
    static let pathological: [String: (text: @Sendable () -> String, refusal: String?)] = [
        "nested strong emph": ({ rep("*a **a ", 65_000) + "b" + rep(" a** a*", 65_000) }, "Markdown too dense"),
        "many emph closers with no openers": ({ rep("a_ ", 65_000) }, nil),
        "many emph openers with no closers": ({ rep("_a ", 65_000) }, nil),
        "many link closers with no openers": ({ rep("a]", 65_000) }, nil),
        "many link openers with no closers": ({ rep("[a", 65_000) }, nil),
        "mismatched openers and closers": ({ rep("*a_ ", 50_000) }, "Markdown too dense"),
        "openers and closers multiple of 3": ({ "a**b" + rep("c* ", 50_000) }, nil),
        "link openers and emph closers": ({ rep("[ a_", 50_000) }, "Markdown too dense"),
        "pattern [ (]( repeated": ({ rep("[ (](", 80_000) }, "Markdown too dense"),
        "pattern ![[]() repeated": ({ rep("![[]()", 160_000) }, "Markdown too dense"),
        "nested brackets": ({ rep("[", 50_000) + "a" + rep("]", 50_000) }, "Markdown too dense"),
        "nested block quotes": ({ rep("> ", 50_000) + "a" }, "Markdown nested 50000 levels"),
        "deeply nested lists": ({ lines(1000) { rep("  ", $0) + "* a\n" } }, "Markdown nested 33 levels"),
        "backticks": ({ lines(1000) { "e" + rep("`", $0 + 1) } }, "Markdown too dense"),
        "unclosed links A": ({ rep("[a](<b", 50_000) }, "Markdown too dense"),
        "unclosed links B": ({ rep("[a](b", 50_000) }, "Markdown too dense"),
        "unclosed <!--": ({ "</" + rep("<!--", 300_000) }, "Markdown too dense"),
        "empty lines in deeply nested lists": ({ rep("- ", 16_000) + "x" + rep("\n", 16_000) }, "Markdown nested 16000 levels"),
        "empty lines in deeply nested lists in blockquote": ({ "> " + rep("- ", 16_000) + "x" + rep("\n", 16_000) }, "Markdown nested 16001 levels"),
        "emph in deep blockquote": ({ rep(">", 16_000) + rep("a*", 16_000) }, "Markdown nested 16000 levels"),
        "many references": ({ lines(15_000) { "[\($0 + 1)]: u\n" } + rep("[0] ", 15_000) }, nil),
    ]

    @Test(arguments: pathological.keys.sorted())
    func cmarkPathologicalInputs(_ name: String) throws {
        let (text, refusal) = try #require(Self.pathological[name])
        let problem = screenMarkdown(text())
        if let refusal {
            #expect(problem?.message.hasPrefix(refusal) == true, "\(String(describing: problem))")
        } else {
            #expect(problem == nil)
        }
    }

    @Test func wardMarkdownIsAccepted() {
        let text = """
        Ngày 04/03/2025, Bộ phận Một cửa trả kết quả đăng ký khai sinh cho **ông Nguyễn Văn An** trễ 02 ngày
        so với giấy hẹn; xem [quy trình](../quy-trinh.md) và ![ảnh chụp sổ](anh/so-theo-doi.jpg).

        ## Nguyên nhân và biện pháp

        1. Nguyên nhân:
           - Sổ theo dõi không được cập nhật *hằng ngày*;
             > Trích biên bản: "cán bộ nghỉ phép, không bàn giao".
           - Phần mềm một cửa chưa nhắc hạn.
        2. Biện pháp:
           - Rà soát quy trình tiếp nhận;
               - phân công `người dự phòng`.

        * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *
        - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -

        ```json
        {
                                                                                          "ma_ho_so": "000.00.25.H39-250304-0001"
        }
        ```

            mã thủ tục 1.001193   (khối mã thụt lề)
        """
        #expect(screenMarkdown(text, firstLine: 9) == nil)
        // Lone CR ends a line for cmark, and for the screen.
        #expect(screenMarkdown(rep(">", 20) + " a\r" + rep(">", 40) + " b", firstLine: 5)?.line == 6)
    }

    @Test func sampleContentIsAccepted() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (files, _) = loadContent(from: root.appendingPathComponent("content").path, fileSystem: DiskFileSystem())
        let records = files.filter { $0.kind != .site }
        #expect(records.count > 40)
        for file in records {
            let text = try #require(try? decodeText(file.bytes).get())
            let body = try #require(try? splitFrontMatter(text).get())
            #expect(screenMarkdown(body.body, firstLine: body.bodyLine) == nil, "\(file.path)")
            #expect(!parseRecord(file).diagnostics.contains { $0.rule.id.hasPrefix("markdown-") }, "\(file.path)")
        }
    }
}

/// A whole content folder of hostile files: every bad file is named with an error, the good
/// record among them is still read, and nothing crashes.
@Suite struct HostileSiteTests {
    let today = "2026-01-10"

    /// Path in the content folder → bytes; `links` are symbolic links.
    static func hostileFiles() -> (files: [String: [UInt8]], links: Set<String>, rules: [String: Set<String>]) {
        var files: [String: [UInt8]] = [:]
        var rules: [String: Set<String>] = [:]
        func add(_ path: String, _ text: String, _ expected: Set<String>) { files[path] = Array(text.utf8); rules[path] = expected }
        func bytes(_ path: String, _ data: [UInt8], _ expected: Set<String>) { files[path] = data; rules[path] = expected }
        let header = ncHeader + "\n---\n"   // a valid request; the body starts on line 10

        files["site.yml"] = Array(standardSite.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n").utf8)
        add("tickets/PYC-2025-001.md", header + "Hồ sơ trễ hạn.\n", [])
        add("tickets/alias-bomb.md", """
        ---
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        ---
        """, ["yaml"])
        add("tickets/nested-100.md", "---\ntitle: " + rep("[", 100) + "x" + rep("]", 100) + "\n---\n", ["yaml"])
        add("tickets/nested-100-block.md", "---\n" + (0..<100).map { rep("  ", $0) + "k\($0):\n" }.joined() + "---\n", ["yaml"])
        add("tickets/mapping-keys.md", ncHeader + "\n? [a, b]\n: c\n{x: y}: z\n---\n", ["bad-key"])
        add("tickets/duplicate-keys.md", ncHeader + "\ntitle: Lần hai\nunit: van-phong\n---\n", ["duplicate-key"])
        add("tickets/tabs.md", "---\ntitle: Hồ sơ\n\tkind: nonconformity\n---\n", ["yaml"])
        add("tickets/front-matter-3MB.md", "---\n" + rep("x_ghi_chu_dai: " + rep("a", 80) + "\n", 32_000) + "---\n", ["too-large"])
        add("tickets/over-1MiB.md", header + rep("Hồ sơ trễ hạn.\n", 70_000), ["too-large"])
        add("tickets/lone-fence.md", "---\n", ["front-matter-not-closed"])
        add("tickets/empty.md", "", ["empty-file"])
        bytes("tickets/invalid-utf8.md", Array("---\ntitle: Nguy".utf8) + [0xEA] + Array("n\n---\n".utf8), ["encoding"])
        bytes("tickets/nul.md", Array(header.utf8) + [0x00], ["nul-byte"])
        bytes("tickets/binary.md", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, ["nul-byte"])
        add("tickets/symlink.md", header, ["symlink"])
        // The Markdown screen: the record is read, its body refused.
        add("tickets/cmark-list-blanks.md", header + rep("1. ", 20_000) + rep("\n", 20_000), ["markdown-nesting"])
        add("tickets/cmark-images.md", header + "Mở đầu.\n\n" + rep("![[]()", 3000) + "\n", ["markdown-images"])
        add("tickets/cmark-emphasis.md", header + rep(">", 40_000) + rep("a*", 40_000) + "\n", ["markdown-nesting"])
        add("tickets/cmark-quotes.md", header + rep("> ", 50_000) + "a\n", ["markdown-nesting"])
        add("tickets/cmark-dense.md", header + rep("*a **a ", 65_000) + "b" + rep(" a** a*", 65_000) + "\n", ["markdown-dense"])
        add("reviews/2025-12-15.md", """
        ---
        date: 2025-12-15
        format: report
        approved_by: Nguyễn Thị Hồng Hải
        approved_on: 2025-12-20
        inputs:
          previous_actions: Đã hoàn thành.
          context_changes: Không.
          customer_feedback: "\(rep("> ", 40))a"
          objectives: Đạt.
          nonconformities: 12 phiếu.
          satisfaction_measurement: 96,4%.
          audit_results: 05 điểm.
          provider_performance: Tốt.
          resources: Đủ.
          risk_actions: 03/04.
          improvement_opportunities: Số hóa.
        ---
        \(rep("1. ", 40))

        """, ["markdown-nesting"])
        add("objectives/2025/tthcc.md", """
        ---
        year: 2025
        unit: tthcc
        objectives:
          - {code: MT1, text: Hồ sơ đúng hạn, target: 100}
        ---
        \(rep("![x[]()", 4000))

        """, ["markdown-images"])
        return (files, ["tickets/symlink.md"], rules)
    }

    func check(_ site: CheckedSite, rules: [String: Set<String>], root: String) {
        var found: [String: Set<String>] = [:]
        for d in site.diagnostics where d.severity == .error {
            found[String(d.path.dropFirst(root.count + 1)), default: []].insert(d.rule.id)
        }
        let expected = rules.filter { !$0.value.isEmpty }
        for path in Set(found.keys).union(expected.keys) { #expect(found[path] == expected[path], "\(path)") }
        // The screen's errors name the body's line.
        let refused = site.diagnostics.filter { $0.rule.id.hasPrefix("markdown-") }
        #expect(refused.map { "\($0.path.dropFirst(root.count + 1)):\($0.line)" }.sorted() == [
            "objectives/2025/tthcc.md:7", "reviews/2025-12-15.md:19", "reviews/2025-12-15.md:9",
            "tickets/cmark-dense.md:10", "tickets/cmark-emphasis.md:10", "tickets/cmark-images.md:12",
            "tickets/cmark-list-blanks.md:10", "tickets/cmark-quotes.md:10",
        ])
        #expect(refused.first { $0.line == 9 && $0.path.hasSuffix("2025-12-15.md") }?.message.hasPrefix("`inputs.customer_feedback`: Markdown nested 40 levels") == true)
        // Records whose Markdown is refused are still read, with nothing rendered.
        #expect(site.content.requests.map(\.id).sorted() == ["PYC-2025-001", "cmark-dense", "cmark-emphasis", "cmark-images",
                                                               "cmark-list-blanks", "cmark-quotes", "duplicate-keys", "mapping-keys"])
        #expect(site.content.requests.first { $0.id == "cmark-images" }?.boxes.request == "")
        #expect(site.content.requests.first { $0.id == "PYC-2025-001" }?.boxes.request == "<p>Hồ sơ trễ hạn.</p>\n")
        #expect(site.content.reviews.first?.inputsHTML["customer_feedback"] == "")
        #expect(site.content.reviews.first?.inputsHTML["objectives"] == "<p>Đạt.</p>\n")
        #expect(site.content.plans.first?.bodyHTML == "")
    }

    @Test func inMemory() {
        let (files, links, rules) = Self.hostileFiles()
        let fixture = Fixture("", bytes: files, symlinks: links)
        check(fixture.check(today: today), rules: rules, root: Fixture.root)
    }

    @Test func onDisk() throws {
        let (files, links, rules) = Self.hostileFiles()
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("caitien-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("content")
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if links.contains(path) {
                try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "PYC-2025-001.md")
            } else {
                try Data(data).write(to: url)
            }
        }
        let site = checkSite(content: root.path, today: Day(parsing: today)!)
        check(site, rules: rules, root: root.path)
    }
}

/// Found by `scripts/fuzz`: front-matter with many keys took time quadratic in their number
/// (48 000 keys: 11 s in parseYAML, as each key copied the mapping built so far; then 4 s in
/// `Fields`, which compared each key with every earlier one), and thousands of unknown keys cost
/// an edit distance against every known key each (40 000: 1.3 s).
@Suite struct HostileFrontMatterTests {
    @Test func manyKeysAndItemsAreReadInOrder() throws {
        let count = 50_000
        let yaml = (0..<count).map { "x_k\($0): \($0)\n" }.joined() + "list:\n" + (0..<count).map { "  - \($0)\n" }.joined()
        let node = try parseYAML(yaml)
        guard case .mapping(let pairs) = node.value else { Issue.record("not a mapping"); return }
        #expect(pairs.count == count + 1)
        #expect(pairs[12_345].key.scalar == "x_k12345" && pairs[12_345].value.scalar == "12345")
        #expect(pairs[12_345].key.mark == Mark(line: 12_346, column: 1))
        guard case .sequence(let items) = pairs[count].value.value else { Issue.record("not a sequence"); return }
        #expect(items.map { $0.scalar ?? "" } == (0..<count).map(String.init))
        #expect(items.last?.mark == Mark(line: 2 * count + 1, column: 5))
    }

    @Test func duplicatesAmongManyKeys() throws {
        // 100 local keys (past the 32 compared one by one), then two repeated keys.
        let keys = (0..<100).map { "x_k\($0): \($0)" }.joined(separator: "\n")
        let fixture = ward(ticket("tickets/PYC-2025-001.md", keys + "\nx_k50: lặp\ntitle: Lần hai\nunit: van-phong\n---"))
        #expect(fixture.diagnostics(today: "2025-06-01") == [
            "tickets/PYC-2025-001.md:109:1: error: `x_k50` is given twice (first on line 59); keep one [duplicate-key]",
            "tickets/PYC-2025-001.md:110:1: error: `title` is given twice (first on line 2); keep one [duplicate-key]",
            "tickets/PYC-2025-001.md:111:1: error: `unit` is given twice (first on line 5); keep one [duplicate-key]",
        ])
        let request = try #require(fixture.request("PYC-2025-001"))
        #expect(request.unit == "tthcc")
        #expect(request.extra.count == 100)
        #expect(request.extra[50] == (key: "x_k50", value: "50"))
    }

    @Test func onlyTheFirstUnknownKeysGetASuggestion() {
        let keys = (1...25).map { "unit\($0): x" }.joined(separator: "\n")
        let diagnostics = ward(ticket("tickets/PYC-2025-001.md", keys + "\n---")).diagnostics(today: "2025-06-01")
        #expect(diagnostics.count == 25)
        #expect(diagnostics.filter { $0.contains("did you mean `unit`?") }.count == 20)
        #expect(diagnostics[0] == "tickets/PYC-2025-001.md:9:1: error: unknown key `unit1` in a request — did you mean `unit`? (keys starting with `x_` are free for local use) [unknown-key]")
        // A key far longer than any known one is no typo.
        #expect(closest(String(repeating: "unit", count: 1000), in: ["unit", "title"]) == nil)
    }
}
