import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

/// Reading the content folder: files, encodings, front-matter blocks and YAML, as diagnostics.
@Suite struct LoadingTests {
    let today = "2025-06-01"

    // MARK: Files

    @Test func symbolicLinksAreErrorsAndNeverFollowed() {
        // `tickets/2025/PYC-2025-002.md` holds a valid record, but as a link it is not read.
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md") + ticket("tickets/2025/PYC-2025-002.md"),
                           symlinks: ["tickets/2025/PYC-2025-002.md", "tickets/2024"])
        let site = fixture.check(today: today)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2024:1:1: error: is a symbolic link; links are never followed in content — replace it with the file or folder itself [symlink]",
            "tickets/2025/PYC-2025-002.md:1:1: error: is a symbolic link; links are never followed in content — replace it with the file or folder itself [symlink]",
        ])
        #expect(site.content.requests.map(\.id) == ["PYC-2025-001"])
    }

    @Test func linkedSiteFileAndFolders() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md") + meeting("reviews/2025-12-15.md"),
                           symlinks: ["site.yml", "reviews"])
        #expect(fixture.diagnostics(today: "2026-01-10") == [
            "reviews:1:1: error: is a symbolic link; links are never followed in content — replace it with the file or folder itself [symlink]",
            "site.yml:1:1: error: is a symbolic link; links are never followed in content — replace it with the file or folder itself [symlink]",
        ])
        #expect(fixture.check(today: "2026-01-10").content.reviews.isEmpty)
    }

    @Test func underscoreAndDotFilesAreSkipped() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md") + """
        -- tickets/_mau-phieu.md --
        ---
        title: <tiêu đề>
        status: mở
        -- tickets/.PYC-2025-001.md.swp --
        rác của trình soạn thảo
        -- tickets/.nhap/PYC-2025-099.md --
        không có front-matter
        -- tickets/_luu-tru/PYC-2020-001.md --
        không có front-matter
        -- tickets/2025/PYC-2025-001-bien-ban.pdf --
        %PDF-1.4 bằng chứng, không phải phiếu.
        -- reviews/_mau-bien-ban.md --
        ---
        date: dd/mm/yyyy
        ---
        -- objectives/.DS_Store --
        \u{0}\u{0}
        """)
        let site = fixture.check(today: today)
        #expect(fixture.diagnostics(today: today) == [])
        #expect(site.content.requests.map(\.id) == ["PYC-2025-001"])
        #expect(site.content.reviews.isEmpty)
    }

    @Test func recordsOverOneMebibyte() {
        let head = Array((ncHeader + "\n---\n").utf8)
        func record(size: Int) -> [UInt8] {
            head + [UInt8](repeating: UInt8(ascii: "a"), count: size - head.count - 1) + [0x0A]
        }
        let fixture = ward("", bytes: ["tickets/2025/PYC-2025-001.md": record(size: 1 << 20),
                                       "tickets/2025/PYC-2025-002.md": record(size: (1 << 20) + 1)])
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-002.md:1:1: error: file is 1048577 bytes, over the limit of 1048576 bytes; a record is at most 1 MiB — move attachments out of the record [too-large]",
        ])
        #expect(fixture.check(today: today).content.requests.map(\.id) == ["PYC-2025-001"])
    }

    @Test func duplicateIDsAcrossFolders() {
        let fixture = ward(ticket("tickets/2024/PYC-001.md") + ticket("tickets/2025/PYC-001.md")
                           + meeting("reviews/2025-12-15.md") + meeting("reviews/2025/2025-12-15.md")
                           + ticket("tickets/2025-12-15.md"))
        // Folders are read in name order: `reviews/2025/` before `reviews/2025-12-15.md`.
        #expect(fixture.diagnostics(today: "2026-01-10") == [
            "reviews/2025-12-15.md:1:1: error: duplicate id `2025-12-15`: content/reviews/2025/2025-12-15.md has the same file name; ids are unique across folders — rename one [duplicate-id]",
            "tickets/2025/PYC-001.md:1:1: error: duplicate id `PYC-001`: content/tickets/2024/PYC-001.md has the same file name; ids are unique across folders — rename one [duplicate-id]",
        ])
        let site = fixture.check(today: "2026-01-10")
        #expect(site.content.requests.map(\.path) == ["content/tickets/2024/PYC-001.md", "content/tickets/2025-12-15.md"])
    }

    @Test func fileNamesAreSafeIDs() {
        let fixture = ward(ticket("tickets/2025/Phiếu 01.md"))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/Phiếu 01.md:1:1: error: the file name \"Phiếu 01.md\" gives the id; use only letters, digits, `-`, `_` and `.` (e.g. PYC-2025-001.md) [bad-id]",
        ])
    }

    // MARK: Encoding

    @Test func invalidUTF8NamesTheByteOffset() {
        // "Nguyễn" saved as Latin-1/Windows-1258 by an old editor: ê is the single byte 0xEA.
        let latin1 = Array("---\ntitle: Đơn của ông Nguy".utf8) + [0xEA] + Array("n Văn An\nkind: improvement\n---\n".utf8)
        // A BOM and CRLF count in the offset; the line is still the third.
        let crlf = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n".utf8) + [0xC3, 0x28] + Array("\r\n---\r\n".utf8)
        let truncated = Array(ncHeader.utf8) + Array("\n---\nHồ sơ ".utf8) + [0xE1, 0xBB]
        let site = Array("organisation: UBND phường Ninh H".utf8) + [0xF2] + Array("a\n".utf8)
        let fixture = ward("", bytes: ["tickets/PYC-2025-001.md": latin1, "tickets/PYC-2025-002.md": crlf,
                                       "tickets/PYC-2025-003.md": truncated])
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:2:1: error: invalid UTF-8 (byte 0xEA at byte offset 32); save the file as UTF-8 [encoding]",
            "tickets/PYC-2025-002.md:3:1: error: invalid UTF-8 (byte 0xC3 at byte offset 18); save the file as UTF-8 [encoding]",
            "tickets/PYC-2025-003.md:10:1: error: invalid UTF-8 (byte 0xE1 at byte offset \(truncated.count - 2)); save the file as UTF-8 [encoding]",
        ])
        #expect(Fixture("", bytes: ["site.yml": site]).diagnostics(today: today) == [
            "site.yml:1:1: error: invalid UTF-8 (byte 0xF2 at byte offset 35); save the file as UTF-8 [encoding]",
        ])
    }

    @Test func nulByte() {
        let bytes = Array("---\ntitle: Hồ sơ".utf8) + [0x00] + Array("\n---\n".utf8)
        let fixture = ward("", bytes: ["tickets/PYC-2025-001.md": bytes])
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:2:1: error: NUL byte at byte offset 19: this is not a text file [nul-byte]",
        ])
    }

    // MARK: Front-matter

    @Test func frontMatterBlock() {
        let fixture = ward("""
        -- tickets/PYC-2025-001.md --
        # Phiếu yêu cầu hành động khắc phục
        title: Hồ sơ trễ hạn
        -- tickets/PYC-2025-002.md --
        ---
        title: Hồ sơ trễ hạn
        kind: nonconformity

        Nội dung phản ánh.
        -- tickets/PYC-2025-004.md --

        ---
        title: Dòng trống trước front-matter
        ---
        """, bytes: ["tickets/PYC-2025-003.md": []])
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:1:1: error: missing front-matter: the first line must be `---`, followed by the `key: value` lines and another `---` [no-front-matter]",
            "tickets/PYC-2025-002.md:3:1: error: front-matter is not closed: add a line `---` after line 3 [front-matter-not-closed]",
            "tickets/PYC-2025-003.md:1:1: error: empty file: a record starts with a line `---`, its front-matter, and another `---` [empty-file]",
            "tickets/PYC-2025-004.md:1:1: error: missing front-matter: the first line must be `---`, followed by the `key: value` lines and another `---` [no-front-matter]",
        ])
    }

    @Test func emptyFrontMatter() {
        let fixture = ward("""
        -- tickets/PYC-2025-001.md --
        ---
        ---
        Chỉ có nội dung.
        -- tickets/PYC-2025-002.md --
        ---
        - title
        - kind
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:2:1: error: `kind:` is required — `nonconformity`, `potential` or `improvement` [missing-key]",
            "tickets/PYC-2025-001.md:2:1: error: `opened:` is required — the day the request was opened (5.2.1) [missing-key]",
            "tickets/PYC-2025-001.md:2:1: error: `reported_by:` is required — who opened the request [missing-key]",
            "tickets/PYC-2025-001.md:2:1: error: `source:` is required — the input that raised it (5.1.2), e.g. `internal_audit` [missing-key]",
            "tickets/PYC-2025-001.md:2:1: error: `title:` is required — a short statement of the request (5.2.1) [missing-key]",
            "tickets/PYC-2025-001.md:2:1: error: `unit:` is required — the code of the unit concerned, as listed in site.yml [missing-key]",
            "tickets/PYC-2025-002.md:2:1: error: a request must be a mapping of `key: value` lines [not-a-mapping]",
        ])
    }

    // MARK: YAML

    @Test func yamlAnchorsAndAliasesAreRefused() {
        let fixture = ward("""
        -- tickets/PYC-2025-001.md --
        ---
        title: &tieu-de Hồ sơ đất đai trễ hạn
        kind: nonconformity
        ---
        -- tickets/PYC-2025-002.md --
        ---
        title: Hồ sơ đất đai trễ hạn
        kind: nonconformity
        source: internal_audit
        unit: tthcc
        category: trả kết quả trễ hạn
        opened: 2025-03-04
        reported_by: *nguoi-lap
        ---
        -- tickets/PYC-2025-003.md --
        ---
        title: Hồ sơ đất đai trễ hạn
        actions:
          - &viec
            what: Rà soát
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:2:8: error: the value starts with `&`, which YAML reads as syntax — put the whole value in double quotes: `title: \"&tieu-de Hồ sơ đất đai trễ hạn\"` [yaml]",
            "tickets/PYC-2025-002.md:8:14: error: the value starts with `*`, which YAML reads as syntax — put the whole value in double quotes: `reported_by: \"*nguoi-lap\"` [yaml]",
            "tickets/PYC-2025-003.md:4:5: error: the value starts with `&`, which YAML reads as syntax — put the whole value in double quotes: `\"&viec\"` [yaml]",
        ])
    }

    @Test func yamlSyntaxErrorsAtTheirLine() {
        let fixture = ward("""
        -- tickets/PYC-2025-001.md --
        ---
        title: Hồ sơ đất đai trễ hạn
        kind: nonconformity
        source: internal_audit
        unit: tthcc
        category: trễ hạn: hồ sơ đất đai
        opened: 2025-03-04
        ---
        -- tickets/PYC-2025-002.md --
        ---
        title: "Hồ sơ đất đai trễ hạn
        kind: nonconformity
        source: internal_audit
        ---
        -- tickets/PYC-2025-003.md --
        ---
        title: Hồ sơ đất đai trễ hạn
        actions: [Rà soát, Tập huấn
        kind: nonconformity
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:6:18: error: the value of `category` holds a colon and a space (`: `) — put the whole value in double quotes: `category: \"trễ hạn: hồ sơ đất đai\"` [yaml]",
            // An unclosed quote is reported where it opens, not at the end of the front-matter.
            "tickets/PYC-2025-002.md:2:8: error: the double quote `\"` opened here is never closed — add `\"` at the end of the value, on the same line (a value holding `\"` goes in single quotes `'…'`) [yaml]",
            // A bracket not closed: at the end of the line that opened it.
            "tickets/PYC-2025-003.md:3:28: error: the `[` opened on this line is never closed — add `]` at the end of the line; each `[…]` opens and closes on one line [yaml]",
        ])
    }

    @Test func tabs() {
        let fixture = ward("""
        -- tickets/PYC-2025-001.md --
        ---
        title: Hồ sơ đất đai trễ hạn
        \tkind: nonconformity
        ---
        -- tickets/PYC-2025-002.md --
        ---
        title: Hồ sơ đất đai trễ hạn
        actions:
        \t- what: Rà soát
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:3:1: error: indented with a tab: the front-matter is indented with spaces only — replace the tab at the start of the line with spaces (2 per level) [yaml]",
            "tickets/PYC-2025-002.md:4:1: error: indented with a tab: the front-matter is indented with spaces only — replace the tab at the start of the line with spaces (2 per level) [yaml]",
        ])
    }

    @Test func yamlNestedTooDeep() {
        let deep = String(repeating: "[", count: 16) + "x" + String(repeating: "]", count: 16)
        let fixture = ward(ticket("tickets/PYC-2025-001.md", "actions: \(deep)\n---"))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/PYC-2025-001.md:9:25: error: the front-matter is nested deeper than 16 levels — check the indentation [yaml]",
        ])
    }

    // MARK: One run

    /// SPEC §4: every error in every file in one run, sorted by file and line.
    @Test func everyErrorOfEveryFileInOneRun() {
        let fixture = ward("""
        -- objectives/2025/tthcc.md --
        ---
        year: 2024
        unit: tthcc
        objectives:
          - {code: MT1, text: Từ 98% hồ sơ trả kết quả đúng hạn, target: 98}
        ---
        -- reviews/2025-12-20.md --
        ---
        date: 2025-12-20
        format: report
        inputs:
        \(allInputs)
        ---
        -- tickets/2025/PYC-2025-001.md --
        # Phiếu yêu cầu hành động khắc phục
        title: Hồ sơ trễ hạn

        """
        + ticket("tickets/2024/PYC-2025-002.md")
        + ticket("tickets/2025/PYC-2025-002.md", "asigned_to: Nguyễn Thị Mai\n---")
        + ticket("tickets/2025/PYC-2025-003.md", "status: done\n---")
        + ticket("tickets/2025/PYC-2025-004.md", """
        action_needed: true
        decided_on: 2025-03-05
        completed_on: 2025-04-10
        verified_on: 2025-04-08
        verified_by: Trần Quốc Bảo
        result: effective
        closed: 2025-04-07
        ---
        """)
        + """
        -- tickets/2025/PYC-2025-006.md --
        ---
        title: Chậm cập nhật hồ sơ đất đai trên Cổng dịch vụ công
        kind: improvement
        source: data_analysis
        unit: tthc
        opened: 2025-04-02
        reported_by: Phạm Văn Lộc
        ---

        """
        + ticket("tickets/2025/PYC-2025-007.md", """
        action_needed: true
        decided_on: 2025-03-05
        completed_on: 2025-04-10
        closed: 2025-04-15
        ---
        """)
        + """
        -- tickets/2025/PYC-2025-008.md --
        ---
        title: Hồ sơ đất đai trễ hạn
        kind: nonconformity
        source: internal_audit
        unit: tthcc
        category: trễ hạn: hồ sơ đất đai
        ---
        -- tickets/2025/PYC-2025-010.md --
        ---
        title: Phản ánh về thái độ tiếp dân tại Bộ phận Một cửa
        kind: potential
        source: feedback
        unit: tthcc
        opened: 2026-02-01
        reported_by: Đường dây nóng UBND phường
        ---
        -- tickets/2025/x.md --
        """,
        bytes: ["tickets/2025/PYC-2025-005.md": Array("---\ntitle: Đơn của ông Nguy".utf8) + [0xEA] + Array("n\n---\n".utf8),
                "tickets/2025/PYC-2025-009.md": []],
        symlinks: ["tickets/2025/x.md"])

        let expected = [
            "objectives/2025/tthcc.md:2:7: error: `year: 2024` but the file is in objectives/2025/; move it or correct the year [year-folder]",
            "reviews/2025-12-20.md:2:1: error: `approved_by:` is required — the report is approved by the head of the agency (5.8.2) [missing-key]",
            "reviews/2025-12-20.md:2:1: error: `approved_on:` is required — the day the notice was approved (5.8.2) [missing-key]",
            "tickets/2025/PYC-2025-001.md:1:1: error: missing front-matter: the first line must be `---`, followed by the `key: value` lines and another `---` [no-front-matter]",
            "tickets/2025/PYC-2025-002.md:1:1: error: duplicate id `PYC-2025-002`: content/tickets/2024/PYC-2025-002.md has the same file name; ids are unique across folders — rename one [duplicate-id]",
            "tickets/2025/PYC-2025-002.md:9:1: error: unknown key `asigned_to` in a request — did you mean `assigned_to`? (keys starting with `x_` are free for local use) [unknown-key]",
            "tickets/2025/PYC-2025-003.md:9:1: error: there is no `status` key: the stage is worked out from the dates filled in; to close it, fill in `closed: <date>` (with `verified_on`, `verified_by` and `result`), then delete `status` [no-status]",
            "tickets/2025/PYC-2025-004.md:12:14: error: `verified_on` 08/04/2025 is before `completed_on` 10/04/2025; verification follows completion (5.6) [verified-before-completed]",
            "tickets/2025/PYC-2025-004.md:15:9: error: `closed` 07/04/2025 is before `verified_on` 08/04/2025; a request is closed after verification (5.7) [closed-before-verified]",
            "tickets/2025/PYC-2025-005.md:2:1: error: invalid UTF-8 (byte 0xEA at byte offset 32); save the file as UTF-8 [encoding]",
            "tickets/2025/PYC-2025-006.md:5:7: error: unknown unit `tthc`; site.yml lists `tthcc`, `van-phong` — did you mean `tthcc`? [unknown-unit]",
            "tickets/2025/PYC-2025-007.md:12:9: error: closed without `result`: write `result: effective` or `result: ineffective` (5.6) [closed-without-result]",
            "tickets/2025/PYC-2025-007.md:12:9: error: closed without verification: fill in `verified_on`, `verified_by` and `result` (5.6) [closed-without-verification]",
            "tickets/2025/PYC-2025-008.md:6:18: error: the value of `category` holds a colon and a space (`: `) — put the whole value in double quotes: `category: \"trễ hạn: hồ sơ đất đai\"` [yaml]",
            "tickets/2025/PYC-2025-009.md:1:1: error: empty file: a record starts with a line `---`, its front-matter, and another `---` [empty-file]",
            "tickets/2025/PYC-2025-010.md:6:9: error: `opened` 01/02/2026 is after today (10/01/2026); fill it in once it has happened [future-date]",
            "tickets/2025/x.md:1:1: error: is a symbolic link; links are never followed in content — replace it with the file or folder itself [symlink]",
        ]
        let site = fixture.check(today: "2026-01-10")
        #expect(fixture.diagnostics(today: "2026-01-10") == expected)
        #expect(site.diagnostics == site.diagnostics.sorted())
        #expect(Set(site.diagnostics.map(\.path)).count == 13)
        // The valid records around the broken ones are still read.
        #expect(site.content.requests.map(\.id).sorted() == ["PYC-2025-002", "PYC-2025-003", "PYC-2025-004", "PYC-2025-006", "PYC-2025-007", "PYC-2025-010"])
    }
}
