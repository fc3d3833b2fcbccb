import CaiTienContent
import CaiTienModel
import Foundation
import FrontMatter
import Markdown
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

// MARK: - Day

@Suite struct DayTests {
    @Test func parsesBothForms() {
        let march4 = Day(year: 2025, month: 3, day: 4)
        #expect(march4 != nil)
        #expect(Day(parsing: "2025-03-04") == march4)
        #expect(Day(parsing: "04/03/2025") == march4)  // dd/mm/yyyy: 4 March, not 3 April
        #expect(Day(parsing: "4/3/2025") == march4)
        #expect(Day(parsing: "04/3/2025") == march4)
        #expect(Day(parsing: "31/12/2025") == Day(year: 2025, month: 12, day: 31))
        #expect(Day(parsing: Substring("ngày 2025-03-04").dropFirst(5)) == march4)
    }

    @Test(arguments: [
        "2025-3-4", "2025/03/04", "04-03-2025", "04.03.2025", "04/03/25", "25-03-04", "004/03/2025", "2025-003-04",
        "", "2025-03-04T00:00", " 04/03/2025", "04/03/2025 ", "+2025-03-04", "2025-03--4", "04//2025", "4/3/2025/1",
        "２０２５-03-04", "٠٤/٠٣/٢٠٢٥", "ngày 4/3/2025", "0000-01-01",
    ])
    func rejectsOtherForms(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test(arguments: ["31/02/2025", "2025-13-01", "29/02/2025", "2025-02-29", "29/02/1900", "31/04/2025", "2025-06-31",
                      "00/01/2025", "2025-00-10", "32/01/2025", "2025-01-00", "10000-01-01"])
    func rejectsDaysThatDoNotExist(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func leapYears() {
        #expect(Day(parsing: "29/02/2024") == Day(year: 2024, month: 2, day: 29))
        #expect(Day(parsing: "2000-02-29") != nil)  // divisible by 400
        #expect(Day(parsing: "2100-02-29") == nil)  // divisible by 100
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 2025) == 28)
        #expect(Day.daysIn(month: 2, year: 1900) == 28)
        #expect(Day.daysIn(month: 2, year: 2000) == 29)
        #expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map { Day.daysIn(month: $0, year: 2025) } == [31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(Day(year: 2024, month: 12, day: 31)!.days(since: Day(year: 2024, month: 1, day: 1)!) == 365)
        #expect(Day(year: 2025, month: 12, day: 31)!.days(since: Day(year: 2025, month: 1, day: 1)!) == 364)
    }

    @Test func arithmetic() {
        let d = Day(year: 2025, month: 3, day: 4)!
        #expect(Day(ordinal: 0) == Day(year: 1970, month: 1, day: 1))
        #expect(d.adding(days: 28) == Day(year: 2025, month: 4, day: 1))
        #expect(d.adding(days: -4) == Day(year: 2025, month: 2, day: 28))
        #expect(Day(year: 2024, month: 2, day: 28)!.adding(days: 1) == Day(year: 2024, month: 2, day: 29))
        #expect(Day(year: 2025, month: 2, day: 28)!.adding(days: 1) == Day(year: 2025, month: 3, day: 1))
        #expect(Day(year: 2025, month: 12, day: 31)!.adding(days: 1) == Day(year: 2026, month: 1, day: 1))
        #expect(Day(year: 2025, month: 4, day: 1)!.days(since: d) == 28)
        #expect(d.days(since: Day(year: 2025, month: 4, day: 1)!) == -28)
        #expect(Day(year: 1969, month: 12, day: 31)!.ordinal == -1)
        #expect(d < d.adding(days: 1))
        #expect(!(d < d))
        #expect([Day(year: 2025, month: 3, day: 5)!, d, Day(year: 2024, month: 12, day: 31)!].sorted().map(\.iso)
                == ["2024-12-31", "2025-03-04", "2025-03-05"])
    }

    @Test func componentsRoundTrip() {
        for ordinal in stride(from: -719_162, through: 2_932_896, by: 997) {  // 0001-01-01 … 9999-12-31
            let day = Day(ordinal: ordinal)
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
        }
        #expect(Day(year: 1, month: 1, day: 1)?.iso == "0001-01-01")
        #expect(Day(year: 9999, month: 12, day: 31)?.vietnamese == "31/12/9999")
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
    }

    @Test func formatting() {
        let d = Day(year: 2025, month: 3, day: 4)!
        #expect(d.iso == "2025-03-04")
        #expect(d.vietnamese == "04/03/2025")
        #expect(d.monthKey == "2025-03")
        #expect(d.description == "2025-03-04")
        #expect(d.year == 2025)
        #expect(d.month == 3)
        #expect(Day(year: 987, month: 11, day: 9)?.iso == "0987-11-09")
        #expect(Day(parsing: d.vietnamese) == d)
        #expect(Day(parsing: d.iso) == d)
    }
}

// MARK: - Text

@Suite struct DecodeTextTests {
    func decoded(_ bytes: [UInt8]) -> String? { try? decodeText(bytes).get() }

    @Test func plainUTF8() {
        #expect(decoded(Array("Hồ sơ trễ hạn 😀\n".utf8)).map { Array($0.utf8) } == Array("Hồ sơ trễ hạn 😀\n".utf8))
        #expect(decoded([]) == "")
    }

    @Test func dropsTheBOMOnlyAtTheStart() {
        #expect(decoded([0xEF, 0xBB, 0xBF] + Array("---\n".utf8)).map { Array($0.utf8) } == Array("---\n".utf8))
        #expect(decoded([0xEF, 0xBB, 0xBF]) == "")
        #expect(decoded(Array("a".utf8) + [0xEF, 0xBB, 0xBF]).map { Array($0.unicodeScalars) } == ["a", "\u{FEFF}"])
    }

    @Test func crlfBecomesLF() {
        #expect(decoded(Array("a\r\nb\r\n\r\nc".utf8)).map { Array($0.utf8) } == Array("a\nb\n\nc".utf8))
        // A lone CR is not a line ending here; it is kept.
        #expect(decoded(Array("a\rb".utf8)).map { Array($0.utf8) } == Array("a\rb".utf8))
    }

    @Test func normalisesToNFC() {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Mai — Ho\u{0302}\u{0300} so\u{031B}"
        let nfc = "Nguy\u{1EC5}n Th\u{1ECB} Mai — H\u{1ED3} s\u{01A1}"
        #expect(decoded(Array(nfd.utf8)).map { Array($0.unicodeScalars) } == Array(nfc.unicodeScalars))
        // Combining marks in the wrong order are reordered canonically.
        #expect(decoded(Array("e\u{0300}\u{0323}".utf8)).map { Array($0.unicodeScalars) } == ["\u{1EB9}", "\u{0300}"])
        // Hangul jamo compose too.
        #expect(decoded(Array("\u{1100}\u{1161}".utf8)).map { Array($0.unicodeScalars) } == ["\u{AC00}"])
    }

    @Test func invalidBytesNameTheirOffsetAndLine() {
        func failure(_ bytes: [UInt8]) -> TextError? {
            if case .failure(let e) = decodeText(bytes) { return e }
            return nil
        }
        #expect(failure([0x61, 0xFF])?.offset == 1)
        #expect(failure([0x61, 0xFF])?.line == 1)
        #expect(failure([0x61, 0xFF])?.invalidByte == 0xFF)
        #expect(failure(Array("a\nb\r\n".utf8) + [0x80])?.offset == 5)
        #expect(failure(Array("a\nb\r\n".utf8) + [0x80])?.line == 3)
        #expect(failure(Array("a\n".utf8) + [0x05, 0x00]).map { [$0.offset, $0.line] } == [3, 2])
        #expect(failure(Array("a\n".utf8) + [0x05, 0x00]).map { $0.invalidByte == nil } == true)
        #expect(failure([0xC0, 0xAF])?.invalidByte == 0xC0)  // overlong "/"
        #expect(failure([0x20, 0xE0, 0x80, 0xAF])?.offset == 1)  // overlong, 3 bytes
        #expect(failure([0xED, 0xA0, 0x80])?.offset == 0)  // UTF-16 surrogate
        #expect(failure([0xF4, 0x90, 0x80, 0x80])?.offset == 0)  // past U+10FFFF
        #expect(failure([0xF5, 0x80, 0x80, 0x80])?.offset == 0)
        #expect(failure(Array("Hồ".utf8) + [0xE1, 0xBB])?.offset == 4)  // cut short at the end
        #expect(failure([0xE1, 0x41, 0x80])?.invalidByte == 0xE1)
        // With a BOM the offset still counts from the first byte of the file.
        #expect(failure([0xEF, 0xBB, 0xBF, 0x61, 0xFE])?.offset == 4)
    }
}

@Suite struct SplitFrontMatterTests {
    @Test func splitsAtTheFirstTwoFences() throws {
        let split = try splitFrontMatter("---\ntitle: A\nkind: improvement\n---\n## Nội dung yêu cầu\n---\nx\n").get()
        #expect(split.frontMatter == "title: A\nkind: improvement\n")
        #expect(split.frontMatterLine == 2)
        #expect(split.body == "## Nội dung yêu cầu\n---\nx\n")
        #expect(split.bodyLine == 5)
    }

    @Test func fencesMayHaveTrailingSpaces() throws {
        let split = try splitFrontMatter("--- \ntitle: A\n---\t\nBody").get()
        #expect(split.frontMatter == "title: A\n")
        #expect(split.body == "Body")
        #expect(split.bodyLine == 4)
    }

    @Test func emptyFrontMatterAndBody() throws {
        let empty = try splitFrontMatter("---\n---\n").get()
        #expect(empty.frontMatter == "")
        #expect(empty.body == "")
        #expect(empty.bodyLine == 3)
        let noNewline = try splitFrontMatter("---\na: 1\n---").get()
        #expect(noNewline.frontMatter == "a: 1\n")
        #expect(noNewline.body == "")
    }

    @Test func failures() {
        #expect(throws: SplitError.missingOpening) { try splitFrontMatter("").get() }
        #expect(throws: SplitError.missingOpening) { try splitFrontMatter("title: A\n---\n").get() }
        #expect(throws: SplitError.missingOpening) { try splitFrontMatter("\n---\na: 1\n---\n").get() }
        #expect(throws: SplitError.missingOpening) { try splitFrontMatter(" ---\na: 1\n---\n").get() }
        #expect(throws: SplitError.missingOpening) { try splitFrontMatter("----\na: 1\n----\n").get() }
        #expect(throws: SplitError.missingClosing) { try splitFrontMatter("---\ntitle: A\n").get() }
        #expect(throws: SplitError.missingClosing) { try splitFrontMatter("---").get() }
        #expect(throws: SplitError.missingClosing) { try splitFrontMatter("---\na: 1\n----\n").get() }
    }
}

// MARK: - YAML

@Suite struct YAMLTests {
    func pairs(_ node: YAMLNode) -> [YAMLNode.Pair] {
        if case .mapping(let pairs) = node.value { return pairs }
        return []
    }
    func items(_ node: YAMLNode) -> [YAMLNode] {
        if case .sequence(let items) = node.value { return items }
        return []
    }
    func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        pairs(node).first { $0.key.scalar == key }?.value
    }
    func isPlain(_ node: YAMLNode?) -> Bool? {
        if case .scalar(_, let plain)? = node?.value { return plain }
        return nil
    }

    @Test func positionsOfKeysAndValues() throws {
        let root = try parseYAML("""
        # Phiếu yêu cầu
        title: Hồ sơ trễ hạn
        actions:
          - what: Rà soát quy trình
            due: 2025-03-31
        ghi_chu: [Hồ, sơ]
        """)
        #expect(root.mark == Mark(line: 2, column: 1))
        #expect(pairs(root).map(\.key.scalar) == ["title", "actions", "ghi_chu"])
        #expect(pairs(root).map(\.key.mark) == [Mark(line: 2, column: 1), Mark(line: 3, column: 1), Mark(line: 6, column: 1)])
        #expect(value(root, "title")?.mark == Mark(line: 2, column: 8))
        let actions = try #require(value(root, "actions"))
        #expect(actions.mark == Mark(line: 4, column: 3))
        let action = try #require(items(actions).first)
        #expect(action.mark == Mark(line: 4, column: 5))
        #expect(value(action, "due")?.mark == Mark(line: 5, column: 10))
        #expect(value(action, "due")?.scalar == "2025-03-31")
        // Columns count characters, not bytes: "Hồ, " is four characters.
        #expect(items(try #require(value(root, "ghi_chu"))).map(\.mark) == [Mark(line: 6, column: 11), Mark(line: 6, column: 15)])
    }

    @Test func plainAndQuotedScalars() throws {
        let root = try parseYAML("""
        plain: true
        quoted: "true"
        single: '04/03/2025'
        empty:
        tilde: ~
        null_word: null
        quoted_null: "null"
        quoted_empty: ""
        block: |
          Dòng 1
          Dòng 2
        folded: >
          Một
          câu
        """)
        #expect(isPlain(value(root, "plain")) == true)
        #expect(isPlain(value(root, "quoted")) == false)
        #expect(value(root, "quoted")?.scalar == "true")
        #expect(isPlain(value(root, "single")) == false)
        #expect(value(root, "single")?.scalar == "04/03/2025")
        #expect(value(root, "empty")?.isNull == true)
        #expect(value(root, "tilde")?.isNull == true)
        #expect(value(root, "null_word")?.isNull == true)
        #expect(value(root, "quoted_null")?.isNull == false)
        #expect(value(root, "quoted_empty")?.isNull == false)
        #expect(value(root, "quoted_empty")?.scalar == "")
        #expect(isPlain(value(root, "block")) == false)
        #expect(value(root, "block")?.scalar == "Dòng 1\nDòng 2\n")
        #expect(value(root, "folded")?.scalar == "Một câu")  // the last line has no line break to keep
        #expect(value(root, "plain")?.isNull == false)
    }

    @Test func emptyDocumentIsAnEmptyMapping() throws {
        #expect(pairs(try parseYAML("")).isEmpty)
        let comments = try parseYAML("# chỉ có ghi chú\n")
        #expect(pairs(comments).isEmpty)
        #expect(comments.mark == Mark(line: 1, column: 1))
    }

    @Test func anchorsAliasesAndTagsAreRefused() {
        #expect(throws: YAMLError(.specialFirstCharacter(character: "&", key: "a", value: "&x 1"), at: Mark(line: 1, column: 4))) {
            try parseYAML("a: &x 1\nb: *x\n")
        }
        #expect(throws: YAMLError(.specialFirstCharacter(character: "*", key: "b", value: "*x"), at: Mark(line: 2, column: 4))) {
            try parseYAML("a: 1\nb: *x\n")
        }
        #expect(throws: YAMLError(.specialFirstCharacter(character: "&", key: "a", value: "&m"), at: Mark(line: 1, column: 4))) {
            try parseYAML("a: &m\n  b: 1\n")
        }
        #expect(throws: YAMLError(.specialFirstCharacter(character: "&", key: "a", value: "&s [1, 2]"), at: Mark(line: 1, column: 4))) {
            try parseYAML("a: &s [1, 2]\n")
        }
        // A tag would silently drop its word: `!Quan trọng` reads as `trọng`.
        #expect(throws: YAMLError(.specialFirstCharacter(character: "!", key: "title", value: "!Quan trọng"), at: Mark(line: 1, column: 8))) {
            try parseYAML("title: !Quan trọng\n")
        }
    }

    @Test func depthLimit() throws {
        #expect(throws: YAMLError(.tooDeep(limit: 3), at: Mark(line: 1, column: 6))) {
            try parseYAML("a: [[[1]]]", maxDepth: 3)
        }
        _ = try parseYAML("a: [[[1]]]", maxDepth: 4)
        let ok = "a: " + String(repeating: "[", count: 15) + "1" + String(repeating: "]", count: 15)
        _ = try parseYAML(ok)
        let tooDeep = "a: " + String(repeating: "[", count: 16) + "1" + String(repeating: "]", count: 16)
        #expect(throws: YAMLError(.tooDeep(limit: 16), at: Mark(line: 1, column: 19))) { try parseYAML(tooDeep) }
        // A hostile file far deeper than the stack could take fails cleanly too.
        let hostile = "a: " + String(repeating: "[", count: 100_000)
        #expect(throws: YAMLError.self) { try parseYAML(hostile) }
    }

    @Test func oneDocumentOnly() {
        #expect(throws: YAMLError(.multipleDocuments, at: Mark(line: 2, column: 1))) {
            try parseYAML("a: 1\n---\nb: 2\n")
        }
    }

    @Test func syntaxErrorsAreReadAsMistakes() {
        #expect(throws: YAMLError(.colonInValue(key: "category", value: "trễ: hạn"), at: Mark(line: 2, column: 14))) {
            try parseYAML("a: 1\ncategory: trễ: hạn\n")
        }
        #expect(throws: YAMLError(.unclosedQuote(quote: "\""), at: Mark(line: 2, column: 8))) {
            try parseYAML("a: 1\ntitle: \"Hồ sơ\nb: 2\n")
        }
        #expect(throws: YAMLError(.tabIndent, at: Mark(line: 2, column: 1))) {
            try parseYAML("actions:\n\t- a\n")
        }
    }
}

// MARK: - Markdown

@Suite struct MarkdownTests {
    @Test func rawHTMLIsDropped() {
        let html = renderMarkdown("""
        <script>alert("xss")</script>

        Xem <img src=x onerror="alert(1)"> hồ sơ <b>đậm</b>.

        <div onclick="alert(1)">Khối HTML</div>
        """)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<div"))
        #expect(html.contains("<p>Xem <!-- raw HTML omitted --> hồ sơ <!-- raw HTML omitted -->đậm<!-- raw HTML omitted -->.</p>"))
    }

    @Test(arguments: [
        "[bấm vào đây](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "![ảnh](data:image/svg+xml;base64,PHN2Zz4=)",
        "<javascript:alert(1)>",
    ])
    func dangerousURLsAreRemoved(_ markdown: String) {
        let html = renderMarkdown(markdown)
        // Every link and image lost its URL; the text stays as text.
        let attributes = html.components(separatedBy: "href=\"").dropFirst() + html.components(separatedBy: "src=\"").dropFirst()
        #expect(!attributes.isEmpty, "\(html)")
        #expect(attributes.allSatisfy { $0.hasPrefix("\"") }, "\(html)")
    }

    @Test func safeLinksAreKept() {
        #expect(renderMarkdown("[Cổng DVC](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html)")
                == "<p><a href=\"https://dichvucong.gov.vn/p/home/dvc-trang-chu.html\">Cổng DVC</a></p>\n")
        #expect(renderMarkdown("[thư](mailto:ubnd@ninhhoa.gov.vn)") == "<p><a href=\"mailto:ubnd@ninhhoa.gov.vn\">thư</a></p>\n")
        #expect(renderMarkdown("[phiếu trước](../PYC-2025-001/)") == "<p><a href=\"../PYC-2025-001/\">phiếu trước</a></p>\n")
    }

    @Test func allowedURLs() {
        for url in ["https://a.vn", "HTTP://a.vn", "mailto:a@b.vn", "../PYC-2025-001/", "#muc-2", "?q=a:b", "a/b:c", "", "bieu-mau.pdf"] {
            #expect(isAllowedURL(url), "\(url)")
        }
        for url in ["javascript:alert(1)", " javascript:x", "JAVASCRIPT:x", "data:text/html,x", "vbscript:x", "file:///etc", "java\tscript:x", "\u{1}javascript:x"] {
            #expect(!isAllowedURL(url), "\(url)")
        }
    }

    @Test func blocksCarryTheirFileLine() {
        let blocks = renderMarkdownBlocks("Mở đầu.\n\n## Nguyên nhân\n\n- một\n- hai\n", firstLine: 10)
        #expect(blocks.map(\.line) == [10, 12, 14])
        #expect(blocks.map(\.heading) == [nil, "Nguyên nhân", nil])
        #expect(renderMarkdownBlocks("### Nguyên nhân\n").first?.heading == nil)
        #expect(renderMarkdownBlocks("## **Kết quả** `kiểm tra`\n").first?.heading == "Kết quả kiểm tra")
    }
}

// MARK: - Input forms, through whole sites

@Suite struct InputFormTests {
    let today = "2025-06-01"

    @Test func nfdTextIsNormalisedToNFC() throws {
        let title = "Trả kết quả hộ tịch trễ hạn tại Bộ phận Một cửa"
        let category = "Trả kết quả trễ hạn"
        let nfd = { (s: String) in s.decomposedStringWithCanonicalMapping }
        #expect(Array(nfd(title).utf8) != Array(title.utf8))  // the fixture really is NFD
        let fixture = ward("""
        -- tickets/PYC-2025-001.md --
        ---
        title: \(nfd(title))
        kind: nonconformity
        source: feedback
        unit: tthcc
        category: \(nfd(category))
        opened: 2025-03-04
        reported_by: \(nfd("Nguyễn Thị Mai"))
        severity: \(nfd("nghiêm trọng"))
        \(nfd("ghi_chú")): x
        ---
        """ + "\n" + ticket("tickets/PYC-2025-002.md"))
        let site = fixture.check(today: today)
        let lines = fixture.diagnostics(today: today)
        #expect(lines == [
            "tickets/PYC-2025-001.md:10:1: error: unknown key `ghi_chú` in a request (keys starting with `x_` are free for local use) [unknown-key]",
        ])
        // Byte for byte NFC, also in messages.
        #expect(lines.allSatisfy { Array($0.utf8) == Array($0.precomposedStringWithCanonicalMapping.utf8) })
        let requests = site.content.requests.sorted { $0.id < $1.id }
        let nfdRequest = try #require(requests.first)
        #expect(Array(nfdRequest.title.utf8) == Array(title.utf8))
        #expect(Array(nfdRequest.reportedBy.utf8) == Array("Nguyễn Thị Mai".utf8))
        // A Vietnamese value written in NFD is read as its code.
        #expect(nfdRequest.severity == .major)
        // The same category as the NFC record, for recurrence (5.2.2).
        #expect(nfdRequest.category.map { Array($0.utf8) } == Array("trả kết quả trễ hạn".utf8))
        #expect(nfdRequest.category.map { Array($0.utf8) } == requests.last?.category.map { Array($0.utf8) })
    }

    @Test func crlfLineEndings() throws {
        let text = ncHeader + "\nasigned_to: Nguyễn Thị Mai\ndue: 30/02/2025\ncategory: lặp\n---\n## Nguyên nhân\n\nDo thiếu người.\n"
        let fixture = ward("", bytes: ["tickets/PYC-2025-001.md": Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)])
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:9:1: error: unknown key `asigned_to` in a request — did you mean `assigned_to`? (keys starting with `x_` are free for local use) [unknown-key]",
            "tickets/PYC-2025-001.md:10:6: error: `due`: \"30/02/2025\" is not a date; write YYYY-MM-DD or dd/mm/yyyy (e.g. 2025-03-04 or 04/03/2025), and check the day exists [bad-date]",
            "tickets/PYC-2025-001.md:11:1: error: `category` is given twice (first on line 6); keep one [duplicate-key]",
        ])
        let request = try #require(fixture.request("PYC-2025-001"))
        #expect(!request.title.contains("\r"))
        #expect(request.boxes.causeAndActions == "<p>Do thiếu người.</p>\n")
        // A YAML error in a CRLF file is at its line too.
        let broken = ward("", bytes: ["tickets/PYC-2025-002.md": Array("---\r\ntitle: A\r\nkind: x: y\r\n---\r\n".utf8)])
        #expect(broken.diagnostics(today: today) == ["tickets/PYC-2025-002.md:3:8: error: the value of `kind` holds a colon and a space (`: `) — put the whole value in double quotes: `kind: \"x: y\"` [yaml]"])
    }

    @Test func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let site = bom + Array("organisation: UBND phường Ninh Hòa\nunits:\n  - code: tthcc\n    name: Trung tâm Phục vụ hành chính công\n".utf8)
        let record = bom + Array((ncHeader + "\nstatus: mở\n---\n").utf8)
        let fixture = Fixture("", bytes: ["site.yml": site, "tickets/PYC-2025-001.md": record])
        let checked = fixture.check(today: today)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:9:1: error: there is no `status` key: the stage is worked out from the dates filled in; fill in the date of the step reached: `assigned_on`, `approved_on`, `completed_on`, `verified_on` or `closed`, then delete `status` [no-status]",
        ])
        #expect(checked.content.site.organisation == "UBND phường Ninh Hòa")
        #expect(checked.content.requests.first?.title == "Trả kết quả đăng ký khai sinh trễ hạn tại Bộ phận Một cửa")
    }

    @Test func dateForms() throws {
        let fixture = ward("""
        -- tickets/PYC-2025-001.md --
        ---
        title: Hồ sơ đăng ký kết hôn trả kết quả trễ hạn
        kind: nonconformity
        source: process_monitoring
        unit: tthcc
        category: trả kết quả trễ hạn
        opened: 04/03/2025
        reported_by: Lê Văn Cường
        decided_on: 5/3/2025
        action_needed: true
        assigned_to: Nguyễn Thị Mai
        assigned_on: '06/03/2025'
        due: "2025-04-30"
        approved_on: "10/3/2025"
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [])
        let r = try #require(fixture.request("PYC-2025-001"))
        #expect(r.opened == Day(year: 2025, month: 3, day: 4))
        #expect(r.decidedOn == Day(year: 2025, month: 3, day: 5))
        #expect(r.assignedOn == Day(year: 2025, month: 3, day: 6))
        #expect(r.due == Day(year: 2025, month: 4, day: 30))
        #expect(r.approvedOn == Day(year: 2025, month: 3, day: 10))
        #expect(r.positions["opened"] == Position(line: 7, column: 9))
    }

    @Test func bodyIsSplitIntoTheThreeBoxes() throws {
        let fixture = ward(ticket("tickets/PYC-2025-001.md", """
        ---
        Phản ánh của bà Nguyễn Thị Mai qua đường dây nóng.

        ## 2. NGUYÊN NHÂN VÀ BIỆN PHÁP

        Công chức chưa kiểm tra hạn trả kết quả.

        ## Phân công

        Giao bà Võ Thị Kim Oanh.

        ### Kết quả kiểm tra xác nhận

        Mục cấp 3 ở lại hộp 2.

        ## III. Kết quả kiểm tra xác nhận:

        Đã kiểm tra 40 hồ sơ tháng 5.

        ## nội dung YÊU CẦU

        Phản ánh thứ hai.
        """))
        let boxes = try #require(fixture.request("PYC-2025-001")).boxes
        #expect(boxes.request == "<p>Phản ánh của bà Nguyễn Thị Mai qua đường dây nóng.</p>\n<p>Phản ánh thứ hai.</p>\n")
        #expect(boxes.causeAndActions == "<p>Công chức chưa kiểm tra hạn trả kết quả.</p>\n<h2>Phân công</h2>\n<p>Giao bà Võ Thị Kim Oanh.</p>\n<h3>Kết quả kiểm tra xác nhận</h3>\n<p>Mục cấp 3 ở lại hộp 2.</p>\n")
        #expect(boxes.verification == "<p>Đã kiểm tra 40 hồ sơ tháng 5.</p>\n")
    }

    @Test func englishAndSetextHeadingsAndUnsafeBody() throws {
        let fixture = ward(ticket("tickets/PYC-2025-001.md", """
        ---
        ## Request

        Hồ sơ trễ hạn <script>alert(1)</script> [xem](javascript:alert(1)).

        Cause and actions
        -----------------

        Thiếu người.

        ## VERIFICATION

        Đạt.
        """))
        let boxes = try #require(fixture.request("PYC-2025-001")).boxes
        #expect(boxes.request == "<p>Hồ sơ trễ hạn <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> <a href=\"\">xem</a>.</p>\n")
        #expect(boxes.causeAndActions == "<p>Thiếu người.</p>\n")
        #expect(boxes.verification == "<p>Đạt.</p>\n")
    }

    @Test(arguments: [
        ("Nội dung yêu cầu", 1), ("1. Nội dung yêu cầu", 1), ("NỘI DUNG YÊU CẦU", 1), ("I. Nội dung yêu cầu", 1), ("Request", 1),
        ("Nguyên nhân và biện pháp", 2), ("2. NGUYÊN NHÂN VÀ BIỆN PHÁP", 2), ("II) Nguyên nhân và biện pháp:", 2),
        ("Cause and actions", 2), ("Nguyên nhân", 2), ("Biện pháp", 2), ("Thay đổi", 2), ("THAY ĐỔI", 2),
        ("Kết quả kiểm tra xác nhận", 3), ("3 - Kết quả kiểm tra xác nhận", 3), ("Verification", 3), ("verification", 3),
    ])
    func boxHeadings(_ heading: String, _ box: Int) {
        #expect(boxNumber(heading) == box)
        #expect(boxNumber(heading.decomposedStringWithCanonicalMapping) == box)
    }

    @Test(arguments: ["Kết quả", "Ghi chú", "Phân công", "Verification of data", "Requests", "Nguyên nhân gốc", ""])
    func otherHeadings(_ heading: String) {
        #expect(boxNumber(heading) == nil)
    }

    @Test func stageIsDerivedFromTheMilestones() {
        let fixture = ward(
            ticket("tickets/open.md")
            + ticket("tickets/assigned.md", "assigned_to: Nguyễn Thị Mai\ndue: 2025-04-30\n---")
            + ticket("tickets/approved.md", "assigned_to: Nguyễn Thị Mai\ndue: 2025-04-30\napproved_on: 2025-03-10\n---")
            + ticket("tickets/acting.md", "actions:\n  - {what: Rà soát, done: 2025-03-20}\n  - {what: Tập huấn}\n---")
            + ticket("tickets/all-done.md", "actions:\n  - {what: Rà soát, done: 2025-03-20}\n  - {what: Tập huấn, done: 2025-03-21}\n---")
            + ticket("tickets/completed.md", "approved_on: 2025-03-10\ndue: 2025-04-30\ncompleted_on: 2025-04-10\n---")
            + ticket("tickets/closed.md", RequestValidationTests.ineffective.replacingOccurrences(of: "ineffective", with: "effective") + "\n---")
            + ticket("tickets/cancelled.md", "approved_on: 2025-03-10\ncancelled: 2025-03-20\ncancel_reason: Trùng với phiếu khác\nclosed: 2025-03-21\n---")
        )
        let site = fixture.check(today: today)
        #expect(site.diagnostics.map(\.text) == [])
        let stages = Dictionary(uniqueKeysWithValues: site.content.requests.map { ($0.id, $0.stage) })
        #expect(stages == [
            "open": .open, "assigned": .assigned, "approved": .inProgress, "acting": .inProgress, "all-done": .verifying,
            "completed": .verifying, "closed": .closed, "cancelled": .cancelled,
        ])
        #expect(site.content.requests.filter(\.isOpen).map(\.id).sorted() == ["acting", "all-done", "approved", "assigned", "completed", "open"])
    }
}
