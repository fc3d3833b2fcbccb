import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport

/// Inputs that must be refused or reported rather than read as something else (SPEC §1: ids,
/// files, numbers, follow-ups, dates).
@Suite struct RefusedInputTests {
    let today = "2025-06-01"

    // MARK: Ids

    @Test func idsThatDifferOnlyInCaseCollide() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-002.md") + ticket("tickets/2025/pyc-2025-002.md")
                           + ticket("tickets/2024/Pyc-2025-002.md")
                           + meeting("reviews/2025-12-15-hop.md") + meeting("reviews/2025/2025-12-15-HOP.md") + """
        -- objectives/2025/tthcc.md --
        ---
        year: 2025
        unit: tthcc
        objectives:
          - {code: MT1, text: 100% hồ sơ đúng hạn, target: 100}
        ---
        -- objectives/2025/TTHCC.md --
        ---
        year: 2025
        objectives:
          - {code: MT1, text: 100% hồ sơ đúng hạn, target: 100}
        ---
        """)
        // Read in name order: `tickets/2024/` first, `reviews/2025/` before `reviews/2025-…`, upper case before lower.
        #expect(fixture.diagnostics(today: "2026-01-10") == [
            "objectives/2025/tthcc.md:1:1: error: duplicate id `2025/tthcc`: content/objectives/2025/TTHCC.md has the same name but for upper and lower case (`2025/TTHCC`), and the two collide on Windows, on macOS and in a zip — rename one [duplicate-id-case]",
            "reviews/2025-12-15-hop.md:1:1: error: duplicate id `2025-12-15-hop`: content/reviews/2025/2025-12-15-HOP.md has the same name but for upper and lower case (`2025-12-15-HOP`), and the two collide on Windows, on macOS and in a zip — rename one [duplicate-id-case]",
            "tickets/2025/PYC-2025-002.md:1:1: error: duplicate id `PYC-2025-002`: content/tickets/2024/Pyc-2025-002.md has the same name but for upper and lower case (`Pyc-2025-002`), and the two collide on Windows, on macOS and in a zip — rename one [duplicate-id-case]",
            "tickets/2025/pyc-2025-002.md:1:1: error: duplicate id `pyc-2025-002`: content/tickets/2024/Pyc-2025-002.md has the same name but for upper and lower case (`Pyc-2025-002`), and the two collide on Windows, on macOS and in a zip — rename one [duplicate-id-case]",
        ])
        let content = fixture.check(today: "2026-01-10").content
        #expect(content.requests.map(\.id) == ["Pyc-2025-002"])
        #expect(content.reviews.map(\.id) == ["2025-12-15-HOP"])
        #expect(content.plans.map(\.id) == ["2025/TTHCC"])
    }

    @Test func newTicketNeverTakesANumberThatCollidesInAnotherCase() throws {
        #expect(Scaffold.nextRequestID(year: 2025, existing: ["PYC-2025-001", "pyc-2025-002"]) == "PYC-2025-003")
        #expect(Scaffold.nextRequestID(year: 2025, existing: ["Pyc-2025-0041"]) == "PYC-2025-0042")
        // A number too large to be a request's is not one.
        #expect(Scaffold.nextRequestID(year: 2025, existing: ["PYC-2025-99999999999999999999", "PYC-2025-9223372036854775807"]) == "PYC-2025-001")

        let folder = try temporaryFolder("caitien-refused")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ward(ticket("tickets/2025/pyc-2025-001.md")).write(to: folder)
        let path = try Scaffold.newTicket(content: folder + "/content", unit: "tthcc", kind: .improvement, source: .feedback,
                                          title: "Niêm yết thủ tục hành chính mới", category: nil, by: "Phạm Thị D",
                                          today: Day(parsing: today))
        #expect(path == folder + "/content/tickets/2025/PYC-2025-002.md")
        #expect(checkSite(content: folder + "/content", today: Day(parsing: today)).diagnostics.map(\.text) == [])
    }

    @Test func idsThatAreNamesOfTheOutputAreRefused() {
        let fixture = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
          - code: index
            name: Bộ phận tổng hợp

        """ + ticket("tickets/index.html.md") + ticket("tickets/2025/page.md") + ticket("tickets/2025/Index.md")
            + ticket("tickets/2025/assets.md") + ticket("tickets/2025/index.js.md") + ticket("tickets/2025/PYC-2025-001.md")
            + meeting("reviews/next.md") + meeting("reviews/2025/INDEX.HTML.md"))
        let reserved = "(`assets`, `index`, `index.html`, `index.js`, `next`, `page`)"
        #expect(fixture.diagnostics(today: "2026-01-10") == [
            "reviews/2025/INDEX.HTML.md:1:1: error: the file name gives the id `INDEX.HTML`, a name the site uses itself in reviews/ \(reserved); rename the file, e.g. 2025-12-15.md [reserved-id]",
            "reviews/next.md:1:1: error: the file name gives the id `next`, a name the site uses itself in reviews/ \(reserved); rename the file, e.g. 2025-12-15.md [reserved-id]",
            "site.yml:5:11: error: unit code `index` is a name the site uses itself in units/; choose another, e.g. `van-phong` [reserved-code]",
            "tickets/2025/Index.md:1:1: error: the file name gives the id `Index`, a name the site uses itself in tickets/ \(reserved); rename the file, e.g. PYC-2025-001.md [reserved-id]",
            "tickets/2025/assets.md:1:1: error: the file name gives the id `assets`, a name the site uses itself in tickets/ \(reserved); rename the file, e.g. PYC-2025-001.md [reserved-id]",
            "tickets/2025/index.js.md:1:1: error: the file name gives the id `index.js`, a name the site uses itself in tickets/ \(reserved); rename the file, e.g. PYC-2025-001.md [reserved-id]",
            "tickets/2025/page.md:1:1: error: the file name gives the id `page`, a name the site uses itself in tickets/ \(reserved); rename the file, e.g. PYC-2025-001.md [reserved-id]",
            "tickets/index.html.md:1:1: error: the file name gives the id `index.html`, a name the site uses itself in tickets/ \(reserved); rename the file, e.g. PYC-2025-001.md [reserved-id]",
        ])
    }

    /// Every folder the renderer writes a record or unit into, and every name it writes there
    /// itself, is covered by the reserved names.
    @Test func theReservedNamesCoverEveryPathOfTheOutput() {
        let own = [OutputLayout.requestTable(page: 1), OutputLayout.requestTable(page: 2), OutputLayout.reviewsIndex,
                   OutputLayout.nextReview, OutputLayout.unitsIndex, OutputLayout.requestIndex]
        for path in own {
            let parts = path.split(separator: "/")
            #expect(OutputLayout.isReserved(String(parts[1])), "\(path)")
        }
        #expect(OutputLayout.request("PYC-2025-001") == "tickets/PYC-2025-001/index.html")
        #expect(!OutputLayout.isReserved("PYC-2025-001") && !OutputLayout.isReserved("2025-12-15"))
    }

    // MARK: Files

    @Test func filesThatLookLikeRecordsButAreNotMarkdownAreNamed() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md") + ticket("tickets/2025/PYC-2025-002.MD")
                           + ticket("tickets/2025/PYC-2025-003.Md") + ticket("tickets/2025/PYC-2025-004.markdown")
                           + ticket("tickets/2025/PYC-2025-005.md.txt") + meeting("reviews/2025-12-15.txt") + """
        -- objectives/2025/tthcc.MD --
        ---
        year: 2025
        ---
        -- tickets/2025/PYC-2025-001-bien-ban.pdf --
        %PDF-1.4
        -- tickets/2025/PYC-2025-001-anh-chup.jpg --
        JFIF
        -- tickets/2025/_nhap.MD --
        bản nháp, để riêng
        """)
        func warning(_ path: String, _ name: String, _ fixed: String) -> String {
            "\(path):1:1: warning: `\(name)` is not read: only a file whose name ends in `.md` (lower case) is a record — rename it `\(fixed)`, or start its name with `_` to keep it aside [not-read]"
        }
        #expect(fixture.diagnostics(today: "2026-01-10") == [
            warning("objectives/2025/tthcc.MD", "tthcc.MD", "tthcc.md"),
            warning("reviews/2025-12-15.txt", "2025-12-15.txt", "2025-12-15.md"),
            warning("tickets/2025/PYC-2025-002.MD", "PYC-2025-002.MD", "PYC-2025-002.md"),
            warning("tickets/2025/PYC-2025-003.Md", "PYC-2025-003.Md", "PYC-2025-003.md"),
            warning("tickets/2025/PYC-2025-004.markdown", "PYC-2025-004.markdown", "PYC-2025-004.md"),
            warning("tickets/2025/PYC-2025-005.md.txt", "PYC-2025-005.md.txt", "PYC-2025-005.md"),
        ])
        #expect(fixture.check(today: "2026-01-10").content.requests.map(\.id) == ["PYC-2025-001"])
    }

    @Test func anObjectivesPlanIDFromAnNFDFileNameIsNFC() throws {
        let nfd = "objectives/2025/văn-phòng.md".decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(nfd.precomposedStringWithCanonicalMapping.utf8))
        let fixture = ward("""
        -- \(nfd) --
        ---
        year: 2025
        unit: van-phong
        objectives:
          - {code: MT1, text: 100% văn bản đến được xử lý đúng hạn, target: 100}
        ---
        """)
        let site = fixture.check(today: "2025-03-01")
        #expect(site.diagnostics.map(\.text) == [])
        let plan = try #require(site.content.plans.first)
        #expect(Array(plan.id.utf8) == Array("2025/v\u{0103}n-ph\u{00F2}ng".utf8))
        let kpis = computeFigures(site.content, today: site.today).kpis.serialized()
        #expect(kpis.contains("\"unapproved_plans\":[\"2025/v\u{0103}n-ph\u{00F2}ng\"]"))
        #expect(!kpis.utf8.contains(0xCC))  // no combining mark (U+0300 is CC 80 in UTF-8)
    }

    // MARK: Numbers

    @Test func aThreeDigitFractionIsAmbiguousAndRefused() throws {
        let fixture = ward("""
        -- objectives/2025/tthcc.md --
        ---
        year: 2025
        unit: tthcc
        approved_by: Nguyễn Thị Hồng Hải
        approved_on: 2025-01-20
        objectives:
          - {code: MT1, text: Hồ sơ tiếp nhận trong năm, measure: hồ sơ, target: 1.000}
          - {code: MT2, text: Lượt tra cứu trực tuyến, measure: lượt, target: "1,000", direction: at_least}
          - code: MT3
            text: Tỷ lệ hồ sơ đúng hạn
            target: 98,7
            actual: 98.7
          - {code: MT4, text: Tỷ lệ hài lòng, measure: "%", target: 95.25, actual: "96,40"}
          - {code: MT5, text: Tỷ lệ hồ sơ phải bổ sung, measure: tỷ lệ, target: 0.125, direction: at_most}
          - code: MT6
            text: Số phản ánh được giải quyết
            target: 12
            measurements:
              - {date: 2025-06-30, value: -2.500}
              - {date: 2025-09-30, value: 1.000.000}
        ---
        """)
        #expect(fixture.diagnostics(today: "2025-10-01") == [
            "objectives/2025/tthcc.md:7:74: error: `target`: \"1.000\" could be one thousand or a number with three decimals; write `1000` without a separator, or give another number of decimals [ambiguous-number]",
            "objectives/2025/tthcc.md:8:71: error: `target`: \"1,000\" could be one thousand or a number with three decimals; write `1000` without a separator, or give another number of decimals [ambiguous-number]",
            "objectives/2025/tthcc.md:19:35: error: `value`: \"-2.500\" could be one thousand or a number with three decimals; write `-2500` without a separator, or give another number of decimals [ambiguous-number]",
            "objectives/2025/tthcc.md:20:35: error: `value`: \"1.000.000\" is not a number (write 98.7 or 98,7) [bad-number]",
        ])
        let plan = try #require(fixture.check(today: "2025-10-01").content.plans.first)
        #expect(plan.objectives.map(\.code) == ["MT3", "MT4", "MT5", "MT6"])
        #expect(plan.objectives.map(\.target) == [98.7, 95.25, 0.125, 12])
        #expect(plan.objectives.map(\.actual) == [98.7, 96.4, nil, nil])
    }

    // MARK: Follow-ups

    /// A request closed with an ineffective result, verified on `verified`, naming `followUp`.
    private func ineffective(_ id: String, opened: String, verified: String, followUp: String) -> String {
        """
        -- tickets/2025/\(id).md --
        ---
        title: Hồ sơ chứng thực trả trễ hạn
        kind: nonconformity
        source: internal_audit
        unit: tthcc
        category: trả kết quả trễ hạn
        opened: \(opened)
        reported_by: Lê Văn Cường
        action_needed: true
        decided_on: \(opened)
        verified_on: \(verified)
        verified_by: Nguyễn Thị Hồng Hải
        result: ineffective
        closed: \(verified)
        follow_up: \(followUp)
        ---

        """
    }

    @Test func followUpsThatGoRoundInACircleAreErrors() {
        // All three on one day, so that no date rule catches the circle.
        let fixture = ward(ineffective("PYC-2025-001", opened: "10/03/2025", verified: "10/03/2025", followUp: "PYC-2025-002")
                           + ineffective("PYC-2025-002", opened: "10/03/2025", verified: "10/03/2025", followUp: "PYC-2025-003")
                           + ineffective("PYC-2025-003", opened: "10/03/2025", verified: "10/03/2025", followUp: "PYC-2025-001")
                           // Leads into the circle without being part of it.
                           + ineffective("PYC-2025-004", opened: "01/03/2025", verified: "05/03/2025", followUp: "PYC-2025-005")
                           + ineffective("PYC-2025-005", opened: "05/03/2025", verified: "10/03/2025", followUp: "PYC-2025-001"))
        let hint = "a follow-up is the new request opened after this one was found ineffective (5.7), so name that one [follow-up-cycle]"
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-001.md:15:12: error: `follow_up` goes round in a circle: PYC-2025-001 → PYC-2025-002 → PYC-2025-003 → PYC-2025-001; \(hint)",
            "tickets/2025/PYC-2025-002.md:15:12: error: `follow_up` goes round in a circle: PYC-2025-002 → PYC-2025-003 → PYC-2025-001 → PYC-2025-002; \(hint)",
            "tickets/2025/PYC-2025-003.md:15:12: error: `follow_up` goes round in a circle: PYC-2025-003 → PYC-2025-001 → PYC-2025-002 → PYC-2025-003; \(hint)",
        ])
    }

    @Test func aFollowUpOpenedBeforeTheVerificationIsAnError() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md")
                           + ineffective("PYC-2025-002", opened: "05/03/2025", verified: "20/03/2025", followUp: "PYC-2025-001")
                           // Opened on the day of the verification: in order.
                           + ineffective("PYC-2025-004", opened: "05/03/2025", verified: "20/03/2025", followUp: "PYC-2025-005")
                           + ineffective("PYC-2025-005", opened: "20/03/2025", verified: "25/03/2025", followUp: "PYC-2025-006")
                           + ticket("tickets/2025/PYC-2025-006.md"))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-002.md:15:12: error: `follow_up` PYC-2025-001 was opened on 04/03/2025, before `verified_on` 20/03/2025 found the action ineffective; name the request opened after the verification (5.7) [follow-up-before-verification]",
            "tickets/2025/PYC-2025-005.md:15:12: error: `follow_up` PYC-2025-006 was opened on 04/03/2025, before `verified_on` 25/03/2025 found the action ineffective; name the request opened after the verification (5.7) [follow-up-before-verification]",
        ])
    }

    // MARK: Days at the ends of the calendar

    /// A ward whose records reach the first and last days a record may hold, with every
    /// setting at its largest, so that every figure counts as far back and ahead as it can.
    static let extremeWard = """
    -- site.yml --
    organisation: UBND phường Ninh Hòa
    units:
      - {code: tthcc, name: Trung tâm Phục vụ hành chính công}
    settings:
      recurrence_threshold: 1
      due_soon_days: 36500
      long_action_days: 1
      progress_interval_days: 1
      review_interval_days: 36500
      retention_years: 36500
    -- tickets/1900/PYC-1900-001.md --
    ---
    title: Hồ sơ lưu trữ từ năm 1900
    kind: nonconformity
    source: qms_records
    unit: tthcc
    category: thất lạc hồ sơ
    opened: 01/01/1900
    reported_by: Lê Văn Cường
    action_needed: true
    decided_on: 01/01/1900
    assigned_to: Võ Thị Kim Oanh
    due: 31/12/9999
    actions:
      - {what: Tìm lại hồ sơ, due: 9999-12-31}
    ---
    -- tickets/1900/PYC-1900-002.md --
    ---
    title: Hồ sơ lưu trữ từ năm 1900, lần hai
    kind: nonconformity
    source: qms_records
    unit: tthcc
    category: thất lạc hồ sơ
    opened: 1900-01-01
    reported_by: Lê Văn Cường
    closed: 1900-01-01
    action_needed: false
    disposition: accept
    ---
    -- reviews/1900-01-01.md --
    ---
    date: 01/01/1900
    format: report
    approved_by: Chủ tịch UBND phường
    approved_on: 01/01/1900
    inputs: {previous_actions: Không có.}
    decisions:
      - {type: improvement, text: Số hóa kho lưu trữ, due: 31/12/9999, ticket: PYC-1900-001}
    ---
    -- objectives/1900/tthcc.md --
    ---
    year: 1900
    unit: tthcc
    objectives:
      - {code: MT1, text: Hồ sơ được lưu trữ, target: 100, measurements: [{date: 1900-01-01, value: 1}]}
    ---
    -- objectives/9999/tthcc.md --
    ---
    year: 9999
    unit: tthcc
    objectives:
      - {code: MT1, text: Hồ sơ được lưu trữ, target: 100, plan: [{what: Kiểm kê, due: 9999-12-31}]}
    ---
    """

    /// Every figure, the stats text and every page and export, for one day: none may trap.
    private func wholePipeline(_ fixture: Fixture, today: Day) throws -> [String: [UInt8]] {
        let site = checkSite(content: Fixture.root, today: today, fileSystem: fixture.fileSystem)
        let figures = computeFigures(site.content, today: site.today)
        _ = figures.kpis.serialized(indent: 2)
        _ = statsText(figures, content: site.content)
        let theme = Theme.builtIn
        let model = SiteModel(content: site.content, figures: figures,
                              localizer: try Localizer(theme: theme, locale: "vi"), commit: nil)
        let output = MemoryOutput()
        try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: output)
        return output.files
    }

    @Test func theFirstAndLastDaysNeverTrap() throws {
        let fixture = Fixture(Self.extremeWard)
        for today in ["1900-01-01", "9899-12-31"] {
            #expect(fixture.diagnostics(today: today).filter { $0.contains("error") } == [], "\(today)")
            let files = try wholePipeline(fixture, today: Day(parsing: today)!)
            #expect(files["index.html"] != nil && files["deadlines.ics"] != nil)
        }
        // Beyond the days `--today` accepts, the library still computes (with errors for the
        // records "after today") and never traps, on the first and on the last day.
        for today in [Day(year: 1, month: 1, day: 1)!, Day(year: 9999, month: 12, day: 31)!] {
            let files = try wholePipeline(fixture, today: today)
            #expect(files["data.json"] != nil)
        }
    }

    @Test func recordDatesOutsideTheYears1900To9999AreErrors() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md", """
        assigned_to: Võ Thị Kim Oanh
        assigned_on: 01/01/0001
        due: 31/12/9999
        completed_on: 0001-01-01
        ---
        """) + meeting("reviews/0001-01-01.md", date: "01/01/0001"))
        #expect(fixture.diagnostics(today: today) == [
            "reviews/0001-01-01.md:2:7: error: `date`: \"01/01/0001\" is not in the years 1900 to 9999; check the year [date-out-of-range]",
            "tickets/2025/PYC-2025-001.md:10:14: error: `assigned_on`: \"01/01/0001\" is not in the years 1900 to 9999; check the year [date-out-of-range]",
            "tickets/2025/PYC-2025-001.md:12:15: error: `completed_on`: \"0001-01-01\" is not in the years 1900 to 9999; check the year [date-out-of-range]",
        ])
    }

    @Test func aTodayOutsideTheCalendarIsAUsageError() throws {
        let folder = try temporaryFolder("caitien-today")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(Self.extremeWard).write(to: folder)
        for today in ["0001-01-01", "9999-06-01", "1899-12-31", "9900-01-01"] {
            for command in [["check"], ["stats"], ["stats", "--json"], ["build"], ["serve", "--port", "0"]] {
                let result = try runCaitien(command + ["--today", today], in: folder)
                #expect(result.status == 2, "\(command) --today \(today)")
                let day = try #require(Day(parsing: today))
                #expect(result.errors == "caitien: --today \(day.vietnamese) nằm ngoài khoảng 01/01/1900 … 31/12/9899; cho một ngày trong khoảng đó\n")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/public"))
        for today in ["1900-01-01", "9899-12-31"] {
            for command in [["check"], ["stats"], ["stats", "--json"], ["build"]] {
                let result = try runCaitien(command + ["--today", today], in: folder)
                #expect(result.status == 0, "\(command) --today \(today): \(result.errors)")
            }
        }
    }

    // MARK: One diagnostic, one line

    @Test func aValueCannotPrintALineOfItsOwn() {
        let forged = "tthcc\\n::error file=site.yml,line=1::Phiếu đã được duyệt\\r\\u001B[2K\\u2028x"
        // A file name may hold a line break too (written through `bytes:`, as a fixture's
        // `-- path --` line cannot).
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md").replacingOccurrences(of: "unit: tthcc", with: "unit: \"\(forged)\""),
                           bytes: ["tickets/2025/PYC-2025-002\n::warning file=x::giả.md": Array((ncHeader + "\n---\n").utf8)])
        let diagnostics = fixture.check(today: today).diagnostics
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-001.md:5:7: error: unknown unit `tthcc\\n::error file=site.yml,line=1::Phiếu đã được duyệt\\r\\u{1B}[2K\\u{2028}x`; site.yml lists `tthcc`, `van-phong` [unknown-unit]",
            "tickets/2025/PYC-2025-002\\n::warning file=x::giả.md:1:1: error: the file name \"PYC-2025-002\\n::warning file=x::giả.md\" gives the id; use only letters, digits, `-`, `_` and `.` (e.g. PYC-2025-001.md) [bad-id]",
        ])
        for format in DiagnosticFormat.allCases where format != .json {
            let lines = formatDiagnostics(diagnostics, as: format, language: .vi).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == diagnostics.count + 1, "\(format)")
            #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\u{1B}") || format == .github }, "\(format)")
            #expect(lines.filter { $0.hasPrefix("::") }.count == (format == .github ? 2 : 0), "\(format)")
        }
    }

    // MARK: Every error of a file at once

    @Test func everyErrorOfARecordIsReportedTogether() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-001.md --
        ---
        title: Trả kết quả khai sinh trễ hạn
        kind: nonconformty
        source: internal_audit
        unit: tthc
        category: trả kết quả trễ hạn
        opened: 2025/03/04
        reported_by: Lê Văn Cường
        disposition: repair
        assigned_on: 2025-06-02
        follow_up: PYC-2025-09
        ---
        \(String(repeating: "> ", count: 40))trích biên bản
        -- reviews/2025-05-20.md --
        ---
        date: 20/5/2025 họp
        format: meeting
        chair: Chủ tịch UBND phường
        secretary: Thư ký ISO
        attendees: [Ban ISO]
        inputs: {previous_actions: Không có.}
        approved_on: 2025-07-01
        decisions:
          - {type: resources, text: Bổ sung máy quét, ticket: PYC-2025-002}
        ---
        -- objectives/2025/tthcc.md --
        ---
        year: hai nghìn
        unit: tthc
        approved_on: 2025-07-01
        objectives:
          - {code: MT1, text: Hồ sơ đúng hạn, target: 100}
        ---
        """)
        let site = fixture.check(today: today)
        #expect(fixture.diagnostics(today: today).filter { !$0.contains("[missing-inputs]") } == [
            "objectives/2025/tthcc.md:2:7: error: `year`: \"hai nghìn\" must be a whole number from 1900 to 9999 [bad-integer]",
            "objectives/2025/tthcc.md:3:7: error: unknown unit `tthc`; site.yml lists `tthcc`, `van-phong` — did you mean `tthcc`? [unknown-unit]",
            "objectives/2025/tthcc.md:4:14: warning: `approved_on` without `approved_by`: who approved the plan? [approved-without-approver]",
            "objectives/2025/tthcc.md:4:14: error: `approved_on` 01/07/2025 is after today (01/06/2025); fill it in once it has happened [future-date]",
            "reviews/2025-05-20.md:2:7: error: `date`: \"20/5/2025 họp\" is not a date; write YYYY-MM-DD or dd/mm/yyyy (e.g. 2025-05-20 or 20/05/2025), and check the day exists [bad-date]",
            "reviews/2025-05-20.md:8:14: error: `approved_on` 01/07/2025 is after today (01/06/2025); fill it in once it has happened [future-date]",
            "reviews/2025-05-20.md:10:1: error: decision \"Bổ sung máy quét\": no request `PYC-2025-002` exists; open it first, or correct the id — did you mean `PYC-2025-001`? [unknown-request]",
            "tickets/2025/PYC-2025-001.md:3:7: error: `kind`: \"nonconformty\" is not allowed; use one of `nonconformity`, `potential`, `improvement` — did you mean `nonconformity`? [bad-value]",
            "tickets/2025/PYC-2025-001.md:5:7: error: unknown unit `tthc`; site.yml lists `tthcc`, `van-phong` — did you mean `tthcc`? [unknown-unit]",
            "tickets/2025/PYC-2025-001.md:7:9: error: `opened`: \"2025/03/04\" is not a date; write YYYY-MM-DD or dd/mm/yyyy (e.g. 2025-03-04 or 04/03/2025), and check the day exists [bad-date]",
            "tickets/2025/PYC-2025-001.md:10:14: error: `assigned_on` 02/06/2025 is after today (01/06/2025); fill it in once it has happened [future-date]",
            "tickets/2025/PYC-2025-001.md:11:12: error: `follow_up`: no request `PYC-2025-09` exists; open it first, or correct the id [unknown-request]",
            "tickets/2025/PYC-2025-001.md:13:1: error: Markdown nested 40 levels deep at this line; cmark would take seconds — flatten the list or quote (at most 32 levels) [markdown-nesting]",
        ])
        // Reported, never counted or shown.
        #expect(site.content.requests.isEmpty && site.content.reviews.isEmpty && site.content.plans.isEmpty)
    }
}
