import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

/// The rules of SPEC §1 for requests (form BM.CTCL.01): one small bad record per rule, with the
/// exact diagnostic line. Lines count from the first `---` (line 1); `ticket(…)` writes lines 1–8.
@Suite struct RequestValidationTests {
    let today = "2025-06-01"

    @Test func aCompleteClosedRequestHasNoDiagnostics() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md", """
        severity: major
        action_needed: true
        decided_by: Nguyễn Thị Hồng Hải
        decided_on: 2025-03-05
        assigned_to: Võ Thị Kim Oanh
        assigned_on: 2025-03-06
        approved_by: Nguyễn Thị Hồng Hải
        approved_on: 2025-03-10
        due: 2025-04-30
        actions:
          - what: Cấu hình cảnh báo hồ sơ sắp đến hạn trên phần mềm một cửa
            owner: Hồ Văn Sơn
            due: 2025-03-31
            done: 2025-03-28
          - {what: Tập huấn công chức Bộ phận Một cửa, owner: Võ Thị Kim Oanh, due: 2025-04-15, done: 2025-04-14}
        progress:
          - date: 2025-04-01
            note: Đã cấu hình cảnh báo; 0 hồ sơ trễ hạn trong tháng 3.
        changes:
          - {date: 2025-04-02, note: Dời buổi tập huấn sang 14/4 do trùng hội nghị.}
        completed_on: 2025-04-20
        verified_on: 2025-05-05
        verified_by: Nguyễn Thị Hồng Hải
        result: effective
        closed: 2025-05-06
        x_so_bien_ban: 12/BB-ISO
        ---
        ## Nội dung yêu cầu

        Đánh giá nội bộ phát hiện 06 hồ sơ đăng ký khai sinh trả kết quả trễ hạn.
        """))
        let site = fixture.check(today: today)
        #expect(site.diagnostics.map(\.text) == [])
        #expect(site.content.requests.first?.stage == .closed)
        #expect(site.content.requests.first?.extra.map(\.key) == ["x_so_bien_ban"])
    }

    // MARK: Required keys

    @Test func missingRequiredKeysOfANonconformity() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-002.md --
        ---
        title: Hồ sơ chứng thực bản sao bị thất lạc
        kind: nonconformity
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-002.md:2:1: error: `category:` is required — the NC content, the same words for the same nonconformity (5.2.2) [missing-key]",
            "tickets/2025/PYC-2025-002.md:2:1: error: `opened:` is required — the day the request was opened (5.2.1) [missing-key]",
            "tickets/2025/PYC-2025-002.md:2:1: error: `reported_by:` is required — who opened the request [missing-key]",
            "tickets/2025/PYC-2025-002.md:2:1: error: `source:` is required — the input that raised it (5.1.2), e.g. `internal_audit` [missing-key]",
            "tickets/2025/PYC-2025-002.md:2:1: error: `unit:` is required — the code of the unit concerned, as listed in site.yml [missing-key]",
        ])
    }

    @Test func missingTitleAndKind() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-003.md --
        ---
        # Phiếu lập từ hòm thư góp ý
        source: feedback
        unit: tthcc
        opened: 2025-03-04
        reported_by: Lê Văn Cường
        title: "  "
        ---
        """)
        // The mapping starts on line 3 (after the comment); a blank title counts as missing.
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-003.md:3:1: error: `kind:` is required — `nonconformity`, `potential` or `improvement` [missing-key]",
            "tickets/2025/PYC-2025-003.md:3:1: error: `title:` is required — a short statement of the request (5.2.1) [missing-key]",
        ])
    }

    @Test func categoryIsOnlyRequiredForANonconformity() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-004.md --
        ---
        title: Đề xuất bố trí ghế chờ cho người cao tuổi tại Bộ phận Một cửa
        kind: improvement
        source: stakeholder
        unit: tthcc
        opened: 2025-04-02
        reported_by: Võ Thị Kim Oanh
        ---
        -- tickets/2025/PYC-2025-005.md --
        ---
        title: Nguy cơ mất dữ liệu hộ tịch do máy chủ không được sao lưu
        kind: potential
        source: risk_analysis
        unit: van-phong
        opened: 2025-04-03
        reported_by: Hồ Văn Sơn
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [])
    }

    // MARK: Allowed values

    @Test func enumsListTheAllowedValues() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-006.md --
        ---
        title: Sai sót thông tin trên giấy khai sinh
        kind: nonconformance
        source: audit
        unit: tthcc
        category: sai sót giấy tờ hộ tịch
        severity: serious
        opened: 2025-03-04
        reported_by: Lê Văn Cường
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-006.md:3:7: error: `kind`: \"nonconformance\" is not allowed; use one of `nonconformity`, `potential`, `improvement` — did you mean `nonconformity`? [bad-value]",
            "tickets/2025/PYC-2025-006.md:4:9: error: `source`: \"audit\" is not allowed; use one of `nonconforming_activity`, `feedback`, `internal_audit`, `previous_action`, `management_review`, `data_analysis`, `process_monitoring`, `process_results`, `conformity_check`, `qms_records`, `risk_analysis`, `stakeholder`, `lessons_learned`, `other` [bad-value]",
            "tickets/2025/PYC-2025-006.md:7:11: error: `severity`: \"serious\" is not allowed; use one of `minor`, `major` [bad-value]",
        ])
    }

    /// Vietnamese words and page labels are read as the codes (SPEC §1); other values are not.
    @Test func optionalEnumsAndBooleans() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-007.md", """
        disposition: sửa chữa
        action_needed: có
        confidential: yes
        ---
        """) + ticket("tickets/2025/PYC-2025-009.md", """
        disposition: sửa chửa
        action_needed: cần
        severity: nghiem trong
        result: co hieu luc
        ---
        """) + """
        -- tickets/2025/PYC-2025-008.md --
        ---
        title: Đề xuất tiếp nhận hồ sơ hộ tịch qua Zalo
        kind: Improvement
        source: stakeholder
        unit: tthcc
        opened: 2025-04-02
        reported_by: Võ Thị Kim Oanh
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-007.md:10:16: warning: `action_needed` is set without `decided_on`: add the day of the decision (5.2.2) [undated-decision]",
            "tickets/2025/PYC-2025-009.md:9:14: error: `disposition`: \"sửa chửa\" is not allowed; use one of `rework`, `repair`, `accept`, `reject` — did you mean `sửa chữa`? [bad-value]",
            "tickets/2025/PYC-2025-009.md:10:16: error: `action_needed`: \"cần\" is not true or false — did you mean `có`? [bad-bool]",
            "tickets/2025/PYC-2025-009.md:11:11: error: `severity`: \"nghiem trong\" is not allowed; use one of `minor`, `major` — did you mean `nghiêm trọng`? [bad-value]",
            "tickets/2025/PYC-2025-009.md:12:9: error: `result`: \"co hieu luc\" is not allowed; use one of `effective`, `ineffective` — did you mean `có hiệu lực`? [bad-value]",
        ])
        let request = fixture.request("PYC-2025-007")
        #expect(request?.disposition == .repair && request?.actionNeeded == true && request?.confidential == true)
        #expect(fixture.request("PYC-2025-008")?.kind == .improvement)
    }

    // MARK: Keys

    @Test func unknownKeysNameTheClosestKnownKey() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-009.md", """
        x_so_ho_so: 000.00.23.H42-250304-0012
        asigned_to: Nguyễn Thị Mai
        ghi_chu: Hồ sơ của ông Trần Văn Bình
        actions:
          - what: Rà soát quy trình tiếp nhận hồ sơ hộ tịch
            ower: Nguyễn Thị Mai
            due: 2025-04-15
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-009.md:10:1: error: unknown key `asigned_to` in a request — did you mean `assigned_to`? (keys starting with `x_` are free for local use) [unknown-key]",
            "tickets/2025/PYC-2025-009.md:11:1: error: unknown key `ghi_chu` in a request (keys starting with `x_` are free for local use) [unknown-key]",
            "tickets/2025/PYC-2025-009.md:14:5: error: unknown key `ower` in an action — did you mean `owner`? (keys starting with `x_` are free for local use) [unknown-key]",
        ])
    }

    @Test func keysInAnotherStyleFindTheirSnakeCaseName() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-010.md", """
        assignedTo: Nguyễn Thị Mai
        Due: 2025-04-30
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-010.md:9:1: error: unknown key `assignedTo` in a request — did you mean `assigned_to`? (keys starting with `x_` are free for local use) [unknown-key]",
            "tickets/2025/PYC-2025-010.md:10:1: error: unknown key `Due` in a request — did you mean `due`? (keys starting with `x_` are free for local use) [unknown-key]",
        ])
    }

    @Test func statusIsExplained() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-011.md", """
        status: closed
        ---
        """) + ticket("tickets/2025/PYC-2025-012.md", """
        assigned_to: Nguyễn Thị Mai
        due: 2025-06-30
        status: đang thực hiện
        ---
        """) + ticket("tickets/2025/PYC-2025-013.md", """
        status: mở
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-011.md:9:1: error: there is no `status` key: the stage is worked out from the dates filled in; to close it, fill in `closed: <date>` (with `verified_on`, `verified_by` and `result`), then delete `status` [no-status]",
            "tickets/2025/PYC-2025-012.md:11:1: error: there is no `status` key: the stage is worked out from the dates filled in; when the solution is approved, fill in `approved_on: <date>` or list `actions`, then delete `status` [no-status]",
            "tickets/2025/PYC-2025-013.md:9:1: error: there is no `status` key: the stage is worked out from the dates filled in; fill in the date of the step reached: `assigned_on`, `approved_on`, `completed_on`, `verified_on` or `closed`, then delete `status` [no-status]",
        ])
    }

    @Test func duplicateKeys() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-014.md", """
        assigned_to: Nguyễn Thị Mai
        due: 2025-04-30
        assigned_to: Phạm Văn Lộc
        unit: van-phong
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-014.md:11:1: error: `assigned_to` is given twice (first on line 9); keep one [duplicate-key]",
            "tickets/2025/PYC-2025-014.md:12:1: error: `unit` is given twice (first on line 5); keep one [duplicate-key]",
        ])
        // The first value is kept.
        #expect(fixture.request("PYC-2025-014")?.assignedTo == "Nguyễn Thị Mai")
        #expect(fixture.request("PYC-2025-014")?.unit == "tthcc")
    }

    // MARK: Dates

    @Test func milestonesInOrder() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-015.md", """
        action_needed: true
        decided_on: 2025-03-05
        completed_on: 2025-04-10
        verified_on: 2025-04-08
        verified_by: Trần Quốc Bảo
        result: effective
        closed: 2025-04-07
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-015.md:12:14: error: `verified_on` 08/04/2025 is before `completed_on` 10/04/2025; verification follows completion (5.6) [verified-before-completed]",
            "tickets/2025/PYC-2025-015.md:15:9: error: `closed` 07/04/2025 is before `verified_on` 08/04/2025; a request is closed after verification (5.7) [closed-before-verified]",
        ])
    }

    @Test func milestonesOnTheSameDayAreInOrder() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-016.md", """
        action_needed: true
        decided_on: 2025-03-04
        completed_on: 2025-04-10
        verified_on: 2025-04-10
        verified_by: Trần Quốc Bảo
        result: effective
        closed: 2025-04-10
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [])
    }

    @Test func datesBeforeOpened() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-017.md", """
        assigned_to: Nguyễn Thị Mai
        assigned_on: 2025-03-01
        due: 2025-02-28
        progress:
          - date: 2025-03-02
            note: Đã rà soát 40 hồ sơ đăng ký khai sinh.
        actions:
          - what: Rà soát sổ theo dõi hồ sơ
            due: 2025-03-31
            done: 2025-03-03
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-017.md:10:14: error: `assigned_on` 01/03/2025 is before `opened` 04/03/2025; every step comes after the request is opened — check the date [before-opened]",
            "tickets/2025/PYC-2025-017.md:11:6: error: `due` 28/02/2025 is before `opened` 04/03/2025; every step comes after the request is opened — check the date [before-opened]",
            "tickets/2025/PYC-2025-017.md:13:1: error: `progress` entry dated 02/03/2025 is before `opened` 04/03/2025; every step comes after the request is opened — check the date [before-opened]",
            "tickets/2025/PYC-2025-017.md:16:1: error: action \"Rà soát sổ theo dõi hồ sơ\": `done` 03/03/2025 is before `opened` 04/03/2025; every step comes after the request is opened — check the date [before-opened]",
        ])
    }

    @Test func futureDates() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-018.md --
        ---
        title: Phản ánh về thái độ tiếp dân tại Bộ phận Một cửa
        kind: potential
        source: feedback
        unit: tthcc
        opened: 2025-06-02
        reported_by: Đường dây nóng UBND phường
        ---

        """ + ticket("tickets/2025/PYC-2025-019.md", """
        action_needed: true
        decided_on: 2025-03-05
        assigned_to: Nguyễn Thị Mai
        assigned_on: 2025-03-06
        due: 2025-06-30
        actions:
          - what: Cấu hình cảnh báo hồ sơ sắp đến hạn trên phần mềm một cửa
            due: 2025-05-31
            done: 2025-06-02
        changes:
          - date: 2025-06-10
            note: Bổ sung kinh phí nâng cấp phần mềm.
        completed_on: 2025-06-15
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-018.md:6:9: error: `opened` 02/06/2025 is after today (01/06/2025); fill it in once it has happened [future-date]",
            "tickets/2025/PYC-2025-019.md:15:1: error: action \"Cấu hình cảnh báo hồ sơ sắp đến hạn trên phần mềm một cửa\": `done` 02/06/2025 is after today (01/06/2025); fill it in once it has happened [future-date]",
            "tickets/2025/PYC-2025-019.md:19:1: error: `changes` entry dated 10/06/2025 is after today (01/06/2025); fill it in once it has happened [future-date]",
            "tickets/2025/PYC-2025-019.md:21:15: error: `completed_on` 15/06/2025 is after today (01/06/2025); fill it in once it has happened [future-date]",
        ])
        // Today itself is not in the future.
        #expect(fixture.diagnostics(today: "2025-06-15") == [])
    }

    @Test func invalidDatesAtTheirLine() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-020.md --
        ---
        title: Sai ngày sinh trên trích lục khai sinh
        kind: nonconformity
        source: feedback
        unit: tthcc
        category: sai sót giấy tờ hộ tịch
        opened: 31/02/2025
        reported_by: Nguyễn Thị Mai
        assigned_on: 2025-13-01
        due: 29/02/2025
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-020.md:7:9: error: `opened`: \"31/02/2025\" is not a date; write YYYY-MM-DD or dd/mm/yyyy (e.g. 2025-03-04 or 04/03/2025), and check the day exists [bad-date]",
            "tickets/2025/PYC-2025-020.md:9:14: error: `assigned_on`: \"2025-13-01\" is not a date; write YYYY-MM-DD or dd/mm/yyyy (e.g. 2025-03-04 or 04/03/2025), and check the day exists [bad-date]",
            "tickets/2025/PYC-2025-020.md:10:6: error: `due`: \"29/02/2025\" is not a date; write YYYY-MM-DD or dd/mm/yyyy (e.g. 2025-03-04 or 04/03/2025), and check the day exists [bad-date]",
        ])
    }

    // MARK: Closing

    /// Once the unit head decided that action is needed (5.2.2), verification (5.6) is the only
    /// way to close: the message no longer offers `action_needed: false`. Undecided, it does.
    @Test func closedWithoutVerificationOrResult() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-021.md", """
        action_needed: true
        decided_on: 2025-03-05
        completed_on: 2025-04-10
        closed: 2025-04-15
        ---
        """) + ticket("tickets/2025/PYC-2025-024.md", """
        closed: 2025-04-15
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-021.md:12:9: error: closed without `result`: write `result: effective` or `result: ineffective` (5.6) [closed-without-result]",
            "tickets/2025/PYC-2025-021.md:12:9: error: closed without verification: fill in `verified_on`, `verified_by` and `result` (5.6) [closed-without-verification]",
            "tickets/2025/PYC-2025-024.md:9:9: error: closed without `result`: write `result: effective` or `result: ineffective` (5.6) [closed-without-result]",
            "tickets/2025/PYC-2025-024.md:9:9: error: closed without verification: fill in `verified_on`, `verified_by` and `result` (5.6), or set `action_needed: false` with a `disposition` [closed-without-verification]",
        ])
        #expect(fixture.diagnostics(today: today, language: .vi).filter { $0.hasSuffix("[closed-without-verification]") } == [
            "tickets/2025/PYC-2025-021.md:12:9: error: phiếu đã đóng nhưng chưa kiểm tra xác nhận: ghi `verified_on`, `verified_by` và `result` (5.6) [closed-without-verification]",
            "tickets/2025/PYC-2025-024.md:9:9: error: phiếu đã đóng nhưng chưa kiểm tra xác nhận: ghi `verified_on`, `verified_by` và `result` (5.6), hoặc nếu lãnh đạo đơn vị xác định không cần HĐKP (5.2.2), ghi `action_needed: không` kèm hình thức xử lý `disposition` [closed-without-verification]",
        ])
    }

    @Test func closedWithoutActionNeedsADisposition() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-022.md", """
        action_needed: false
        decided_by: Nguyễn Thị Hồng Hải
        decided_on: 2025-03-05
        closed: 2025-03-10
        ---
        """) + ticket("tickets/2025/PYC-2025-023.md", """
        action_needed: false
        decided_by: Nguyễn Thị Hồng Hải
        decided_on: 2025-03-05
        disposition: repair
        closed: 2025-03-10
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-022.md:12:9: error: closed with `action_needed: false`: fill in `disposition` (rework, repair, accept or reject) (5.1.1) [closed-without-disposition]",
        ])
    }

    /// `disposition` is only for nonconformities, so a potential NC judged to need no action
    /// closes without one (and without verification).
    @Test func aPotentialNonconformityClosedWithoutActionNeedsNoDisposition() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-024.md --
        ---
        title: Nguy cơ mất dữ liệu hộ tịch do máy chủ không được sao lưu
        kind: potential
        source: risk_analysis
        unit: van-phong
        opened: 2025-03-04
        reported_by: Hồ Văn Sơn
        action_needed: false
        decided_by: Nguyễn Thị Hồng Hải
        decided_on: 2025-03-05
        closed: 2025-03-10
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [])
        #expect(fixture.request("PYC-2025-024")?.stage == .closed)
    }

    @Test func dispositionOnlyForNonconformities() {
        let fixture = ward("""
        -- tickets/2025/PYC-2025-025.md --
        ---
        title: Đề xuất bố trí ghế chờ cho người cao tuổi tại Bộ phận Một cửa
        kind: improvement
        source: stakeholder
        unit: tthcc
        opened: 2025-04-02
        reported_by: Võ Thị Kim Oanh
        disposition: repair
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-025.md:8:14: error: `disposition` applies only to `kind: nonconformity` (5.1.1); remove it [disposition-not-nc]",
        ])
    }

    static let ineffective = """
    action_needed: true
    decided_on: 2025-03-05
    completed_on: 2025-04-10
    verified_on: 2025-04-20
    verified_by: Trần Quốc Bảo
    result: ineffective
    closed: 2025-04-21
    """

    @Test func ineffectiveWithoutFollowUp() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-026.md", Self.ineffective + "\n---"))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-026.md:14:9: error: closed with `result: ineffective`: open a new request and name it in `follow_up` (5.7) [ineffective-without-follow-up]",
        ])
    }

    @Test func ineffectiveWithAnUnknownFollowUp() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-027.md", Self.ineffective + "\nfollow_up: PYC-2025-28\n---")
                           + ticket("tickets/2025/PYC-2025-028.md"))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-027.md:16:12: error: `follow_up`: no request `PYC-2025-28` exists; open it first, or correct the id — did you mean `PYC-2025-028`? [unknown-request]",
        ])
        // The follow-up is opened once the verification found the action ineffective (5.7).
        let fixed = ward(ticket("tickets/2025/PYC-2025-027.md", Self.ineffective + "\nfollow_up: PYC-2025-028\n---")
                         + ticket("tickets/2025/PYC-2025-028.md").replacingOccurrences(of: "opened: 2025-03-04", with: "opened: 2025-04-21"))
        #expect(fixed.diagnostics(today: today) == [])
    }

    @Test func followUpOfAnOpenRequestAndOfItself() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-029.md", """
        follow_up: pyc-2025-030
        ---
        """) + ticket("tickets/2025/PYC-2025-030.md", """
        follow_up: PYC-2025-030
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-029.md:9:12: error: `follow_up`: no request `pyc-2025-030` exists; open it first, or correct the id — did you mean `PYC-2025-030`? [unknown-request]",
            "tickets/2025/PYC-2025-030.md:9:12: error: `follow_up` names the request itself; name the new request [self-reference]",
        ])
    }

    // MARK: References

    @Test func unknownUnit() {
        func request(_ id: String, unit: String) -> String {
            """
            -- tickets/2025/\(id).md --
            ---
            title: Chậm cập nhật hồ sơ đất đai trên Cổng dịch vụ công
            kind: improvement
            source: data_analysis
            unit: \(unit)
            opened: 2025-04-02
            reported_by: Phạm Văn Lộc
            ---

            """
        }
        let fixture = ward(request("PYC-2025-031", unit: "tthc") + request("PYC-2025-032", unit: "tu-phap")
                           + request("PYC-2025-033", unit: "VAN-PHONG"))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-031.md:5:7: error: unknown unit `tthc`; site.yml lists `tthcc`, `van-phong` — did you mean `tthcc`? [unknown-unit]",
            "tickets/2025/PYC-2025-032.md:5:7: error: unknown unit `tu-phap`; site.yml lists `tthcc`, `van-phong` [unknown-unit]",
        ])
        // A unit's code in another case is the unit (as its name would be).
        #expect(fixture.request("PYC-2025-033")?.unit == "van-phong")
    }

    @Test func unknownReview() {
        let fixture = ward(meeting("reviews/2025-12-15.md") + ticket("tickets/2025/PYC-2025-034.md", """
        review: 2025-12-16
        ---
        """))
        #expect(fixture.diagnostics(today: "2026-01-10") == [
            "tickets/2025/PYC-2025-034.md:9:9: error: `review`: no management review `2025-12-16` exists in reviews/ — did you mean `2025-12-15`? [unknown-review]",
        ])
    }

    /// Two reviews equally near: the suggestion must not depend on hash order.
    @Test func didYouMeanIsTheSameOnEveryRun() {
        let fixture = ward(meeting("reviews/2025-12-16.md", date: "2025-12-16") + meeting("reviews/2025-12-14.md", date: "2025-12-14")
                           + ticket("tickets/2025/PYC-2025-035.md", "review: 2025-12-15\n---"))
        #expect(fixture.diagnostics(today: "2026-01-10") == [
            "tickets/2025/PYC-2025-035.md:9:9: error: `review`: no management review `2025-12-15` exists in reviews/ — did you mean `2025-12-14`? [unknown-review]",
        ])
    }

    // MARK: Warnings

    @Test func warningsAndLoneFields() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-036.md", """
        action_needed: true
        assigned_to: Nguyễn Thị Mai
        ---
        """) + ticket("tickets/2025/PYC-2025-040.md", """
        assigned_to: Nguyễn Thị Mai
        assigned_on: 2025-03-06
        approved_by: Nguyễn Thị Hồng Hải
        approved_on: 2025-03-10
        ---
        """) + ticket("tickets/2025/PYC-2025-041.md", """
        approved_on: 2025-03-10
        due: 2025-04-30
        ---
        """) + ticket("tickets/2025/PYC-2025-037.md", """
        cancelled: 2025-03-20
        ---
        """) + ticket("tickets/2025/PYC-2025-038.md", """
        result: effective
        ---
        """) + ticket("tickets/2025/PYC-2025-039.md", """
        completed_on: 2025-04-10
        verified_on: 2025-04-12
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-036.md:9:16: warning: `action_needed` is set without `decided_on`: add the day of the decision (5.2.2) [undated-decision]",
            "tickets/2025/PYC-2025-037.md:9:12: warning: `cancelled` without `cancel_reason`: say why the request was withdrawn [cancel-without-reason]",
            "tickets/2025/PYC-2025-038.md:9:9: error: `result` needs `verified_on`: the day the result was verified (5.6) [result-without-verification]",
            "tickets/2025/PYC-2025-039.md:10:14: warning: `verified_on` is set without `result`: write `result: effective` or `ineffective` [verified-without-result]",
            // Assigned (5.3) without a deadline is normal; approved (5.4) without one is not.
            "tickets/2025/PYC-2025-040.md:12:14: warning: the solution is approved without a deadline: add `due`, set with the solution (5.4) [approved-without-due]",
        ])
    }

    @Test func structureErrorsInLists() {
        let fixture = ward(ticket("tickets/2025/PYC-2025-040.md", """
        actions: Rà soát quy trình
        progress:
          - date: 2025-04-01
          - note: Chưa ghi ngày
        title2: x
        ---
        """))
        #expect(fixture.diagnostics(today: today) == [
            "tickets/2025/PYC-2025-040.md:9:10: error: `actions` must be a list (lines starting with `- `) [not-a-list]",
            "tickets/2025/PYC-2025-040.md:11:5: error: `note:` is required — what was done or changed [missing-key]",
            "tickets/2025/PYC-2025-040.md:12:5: error: `date:` is required — the date of the note [missing-key]",
            "tickets/2025/PYC-2025-040.md:13:1: error: unknown key `title2` in a request — did you mean `title`? (keys starting with `x_` are free for local use) [unknown-key]",
        ])
    }
}
