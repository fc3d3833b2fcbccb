import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

/// Rules of management reviews (BM.CTCL.02), quality objectives and site.yml.
@Suite struct ReviewValidationTests {
    let today = "2026-01-10"

    @Test func aCompleteMeetingHasNoDiagnostics() {
        let site = ward(meeting("reviews/2025-12-15.md")).check(today: today)
        #expect(site.diagnostics.map(\.text) == [])
        #expect(site.content.reviews.first?.attendees.count == 2)
        #expect(site.content.reviews.first?.missingInputs == [])
    }

    @Test func aMeetingNeedsChairSecretaryAndAttendees() {
        let fixture = ward("""
        -- reviews/2025-12-15.md --
        ---
        date: 2025-12-15
        format: meeting
        inputs:
        \(allInputs)
        ---
        -- reviews/2025-12-16.md --
        ---
        date: 2025-12-16
        format: meeting
        chair: Nguyễn Thị Hồng Hải
        secretary: Ngô Thanh Hùng
        attendees: []
        inputs:
        \(allInputs)
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "reviews/2025-12-15.md:2:1: error: `attendees:` is required — list who attended the meeting [missing-key]",
            "reviews/2025-12-15.md:2:1: error: `chair:` is required — a meeting has a chair (5.8.1) [missing-key]",
            "reviews/2025-12-15.md:2:1: error: `secretary:` is required — a meeting has a secretary who writes the minutes [missing-key]",
            "reviews/2025-12-16.md:2:1: error: `attendees:` is required — list who attended the meeting [missing-key]",
        ])
    }

    @Test func aReportNeedsItsApproval() {
        let fixture = ward("""
        -- reviews/2025-12-20.md --
        ---
        date: 2025-12-20
        format: report
        inputs:
        \(allInputs)
        ---
        -- reviews/2025-12-22.md --
        ---
        date: 22/12/2025
        format: report
        approved_by: Nguyễn Thị Hồng Hải
        approved_on: 23/12/2025
        inputs:
        \(allInputs)
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "reviews/2025-12-20.md:2:1: error: `approved_by:` is required — the report is approved by the head of the agency (5.8.2) [missing-key]",
            "reviews/2025-12-20.md:2:1: error: `approved_on:` is required — the day the notice was approved (5.8.2) [missing-key]",
        ])
    }

    @Test func missingInputsAreNamedInTheOrderOfTheProcedure() {
        let fixture = ward("""
        -- reviews/2025-12-15.md --
        ---
        date: 2025-12-15
        format: meeting
        chair: Nguyễn Thị Hồng Hải
        secretary: Ngô Thanh Hùng
        attendees:
          - Nguyễn Thị Hồng Hải
        inputs:
          resources: Thiếu 01 máy quét tài liệu tại Bộ phận Một cửa.
          previous_actions: Đã hoàn thành 04/06 hành động.
          customer_feedback: ""
          objectives: 13/20 mục tiêu đạt.
          nonconformities: |
            12 phiếu BM.CTCL.01, đã đóng 07 phiếu.
          audit_results: 05 điểm không phù hợp.
          risk_actions:
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "reviews/2025-12-15.md:9:3: warning: inputs of 5.8.1.1 missing or empty: context_changes, customer_feedback, satisfaction_measurement, provider_performance, risk_actions, improvement_opportunities [missing-inputs]",
        ])
    }

    @Test func unknownInputKey() {
        let fixture = ward(meeting("reviews/2025-12-15.md").replacingOccurrences(of: "  customer_feedback:", with: "  customer_feedbacks:"))
        #expect(fixture.diagnostics(today: today) == [
            "reviews/2025-12-15.md:10:3: warning: inputs of 5.8.1.1 missing or empty: customer_feedback [missing-inputs]",
            "reviews/2025-12-15.md:12:3: error: unknown key `customer_feedbacks` in the review's inputs (5.8.1.1) — did you mean `customer_feedback`? (keys starting with `x_` are free for local use) [unknown-key]",
        ])
    }

    @Test func decisionsNameExistingRequests() {
        let fixture = ward("""
        -- reviews/2025-12-15.md --
        ---
        date: 2025-12-15
        format: meeting
        chair: Nguyễn Thị Hồng Hải
        secretary: Ngô Thanh Hùng
        attendees:
          - Nguyễn Thị Hồng Hải
        inputs:
        \(allInputs)
        decisions:
          - type: improvement
            text: Thay máy lấy số tự động tại Bộ phận Một cửa
            owner: Võ Thị Kim Oanh
            due: 2026-03-31
            ticket: PYC-2025-02
          - type: resource
            text: Bổ sung 01 máy quét tài liệu
          - type: qms_change
            text: Sửa đổi quy trình QT.CTCL, lần ban hành 02
            ticket: PYC-2025-012
        ---

        """ + ticket("tickets/2025/PYC-2025-012.md"))
        #expect(fixture.diagnostics(today: today) == [
            "reviews/2025-12-15.md:21:1: error: decision \"Thay máy lấy số tự động tại Bộ phận Một cửa\": no request `PYC-2025-02` exists; open it first, or correct the id — did you mean `PYC-2025-012`? [unknown-request]",
            "reviews/2025-12-15.md:26:11: error: `type`: \"resource\" is not allowed; use one of `improvement`, `qms_change`, `resources` — did you mean `resources`? [bad-value]",
        ])
    }

    @Test func aReviewIsRecordedOnceHeld() {
        let fixture = ward(meeting("reviews/2026-02-01.md", date: "2026-02-01"))
        #expect(fixture.diagnostics(today: today) == [
            "reviews/2026-02-01.md:2:7: error: `date` 01/02/2026 is after today (10/01/2026); fill it in once it has happened [future-date]",
        ])
    }

    @Test func dateAndFormatAreRequired() {
        let fixture = ward("""
        -- reviews/2025-12-15.md --
        ---
        format: hop
        inputs:
        \(allInputs)
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "reviews/2025-12-15.md:2:1: error: `date:` is required — the meeting date, or the date of the approved notice (5.8.2.2) [missing-key]",
            "reviews/2025-12-15.md:2:9: error: `format`: \"hop\" is not allowed; use one of `meeting`, `report` — did you mean `họp`? [bad-value]",
        ])
    }
}

@Suite struct ObjectivesValidationTests {
    let today = "2025-06-01"

    /// An objectives plan: lines 1–5, `objectives:` on line 6, the objectives from line 7.
    func plan(_ path: String, year: String = "2025", unit: String? = "tthcc", objectives: String) -> String {
        """
        -- objectives/\(path).md --
        ---
        year: \(year)
        \(unit.map { "unit: \($0)" } ?? "# kế hoạch của UBND phường")
        approved_by: Võ Thị Kim Oanh
        approved_on: 2025-01-24
        objectives:
        \(objectives)
        ---

        """
    }

    let mt1 = """
      - code: MT1
        text: Từ 98% hồ sơ TTHC trở lên được trả kết quả đúng hạn
        measure: "%"
        target: 98
    """

    @Test func aValidPlan() {
        let site = ward(plan("2025/tthcc", objectives: mt1 + """

          - code: MT2
            text: Không quá 10 hồ sơ trả kết quả trễ hạn trong năm
            measure: hồ sơ
            target: 10
            direction: at_most
            actual: "9,5"
            measurements:
              - {date: 30/04/2025, value: 4}
        """)).check(today: today)
        #expect(site.diagnostics.map(\.text) == [])
        let objectives = site.content.plans.first?.objectives ?? []
        #expect(objectives.map(\.code) == ["MT1", "MT2"])
        #expect(objectives.last?.actual == 9.5)
        #expect(objectives.last?.direction == .atMost)
        #expect(objectives.last?.measurements == [.init(date: Day(year: 2025, month: 4, day: 30)!, value: 4)])
    }

    @Test func unknownUnit() {
        let fixture = ward(plan("2025/van-phong", unit: "vanphong", objectives: mt1))
        #expect(fixture.diagnostics(today: today) == [
            "objectives/2025/van-phong.md:3:7: error: unknown unit `vanphong`; site.yml lists `tthcc`, `van-phong` — did you mean `van-phong`? [unknown-unit]",
        ])
    }

    @Test func yearAndFolderAgree() {
        let fixture = ward(plan("2025/tthcc", year: "2024", objectives: mt1))
        #expect(fixture.diagnostics(today: today) == [
            "objectives/2025/tthcc.md:2:7: error: `year: 2024` but the file is in objectives/2025/; move it or correct the year [year-folder]",
        ])
    }

    @Test func onePlanPerUnitAndYear() {
        let fixture = ward(plan("2025/tthcc", objectives: mt1) + plan("2025/tthcc-bo-sung", objectives: mt1)
                           + plan("2025/ubnd", unit: nil, objectives: mt1) + plan("2025/phuong", unit: nil, objectives: mt1)
                           + plan("2024/tthcc", year: "2024", objectives: mt1))
        // Files are read in name order: `tthcc-bo-sung.md` sorts before `tthcc.md`.
        #expect(fixture.diagnostics(today: today) == [
            "objectives/2025/tthcc.md:3:7: error: content/objectives/2025/tthcc-bo-sung.md already holds the 2025 objectives of unit `tthcc`; keep one plan per unit and year [duplicate-plan]",
            "objectives/2025/ubnd.md:1:1: error: content/objectives/2025/phuong.md already holds the 2025 objectives of the ward; keep one plan per unit and year [duplicate-plan]",
        ])
    }

    @Test func badNumbers() {
        let fixture = ward(plan("2025/tthcc", objectives: """
          - code: MT1
            text: Từ 98% hồ sơ TTHC trở lên được trả kết quả đúng hạn
            target: một trăm
            actual: 98%
        """) + plan("10000/van-phong", year: "10000", unit: "van-phong", objectives: mt1)
             + plan("1899/ubnd", year: "1899", unit: nil, objectives: mt1))
        // Year 10000 has no 30/01 for the approval deadline: accepted, it crashed `caitien stats`.
        #expect(fixture.diagnostics(today: today) == [
            "objectives/10000/van-phong.md:2:7: error: `year`: \"10000\" must be a whole number from 1900 to 9999 [bad-integer]",
            "objectives/1899/ubnd.md:2:7: error: `year`: \"1899\" must be a whole number from 1900 to 9999 [bad-integer]",
            "objectives/2025/tthcc.md:9:13: error: `target`: \"một trăm\" is not a number (write 98.7 or 98,7) [bad-number]",
            "objectives/2025/tthcc.md:10:13: error: `actual`: \"98%\" is not a number (write 98.7 or 98,7) [bad-number]",
        ])
    }

    @Test func duplicateObjectiveCode() {
        let fixture = ward(plan("2025/tthcc", objectives: mt1 + """

          - code: MT1
            text: Không quá 10 hồ sơ trả kết quả trễ hạn trong năm
            target: 10
            direction: at_most
        """))
        #expect(fixture.diagnostics(today: today) == [
            "objectives/2025/tthcc.md:11:11: error: objective `MT1` is already defined on line 7 [duplicate-objective]",
        ])
    }

    @Test func objectivesAreRequired() {
        let fixture = ward("""
        -- objectives/2025/tthcc.md --
        ---
        year: 2025
        unit: tthcc
        ---
        """)
        #expect(fixture.diagnostics(today: today) == [
            "objectives/2025/tthcc.md:2:1: error: `objectives:` is required — list the objectives, each with `code`, `text` and `target` [missing-key]",
        ])
    }
}

@Suite struct SiteConfigTests {
    let today = "2025-06-01"
    let request = ticket("tickets/2025/PYC-2025-001.md")

    @Test func missingOrganisation() {
        let fixture = Fixture("""
        -- site.yml --
        # Cấu hình site của UBND phường Ninh Hòa
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
        -- objectives/2025/tthcc.md --
        ---
        year: 2025
        unit: tthcc
        objectives:
          - {code: MT1, text: Trả kết quả đúng hạn, target: 98}
        ---
        """ + "\n" + request)
        // Only the cause: records naming units are not also reported against an empty unit list.
        #expect(fixture.diagnostics(today: today) == [
            "site.yml:2:1: error: `organisation:` is required — the organisation's name, e.g. `organisation: UBND phường Ninh Hòa` [missing-key]",
        ])
    }

    @Test func missingSiteFile() {
        let fixture = Fixture(request)
        #expect(fixture.diagnostics(today: today) == [
            "site.yml:1:1: error: site.yml is missing: it names the organisation and its units [no-site]",
        ])
    }

    @Test func missingUnits() {
        let fixture = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        """)
        #expect(fixture.diagnostics(today: today) == [
            "site.yml:1:1: error: `units:` is required — list the ward's units, each with `code:` and `name:` [missing-key]",
        ])
    }

    @Test func badAndDuplicateUnitCodes() {
        let fixture = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
          - code: Tư pháp
            name: Công chức Tư pháp - Hộ tịch
          - code: tthcc
            name: Bộ phận Một cửa
          - name: Công an phường
        """)
        #expect(fixture.diagnostics(today: today) == [
            "site.yml:5:11: error: unit code \"Tư pháp\" may use only lower-case letters a–z, digits, `-` and `_` [bad-code]",
            "site.yml:7:11: error: unit `tthcc` is already listed on line 3 [duplicate-unit]",
            "site.yml:9:5: error: `code:` is required — a short code used in records, e.g. `van-phong` [missing-key]",
        ])
    }

    @Test func settings() {
        let fixture = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
        settings:
          due_soon_day: 14
          retention_years: 9223372036854775807
          recurrence_threshold: 0
          review_interval_days: một năm
        """)
        #expect(fixture.diagnostics(today: today) == [
            "site.yml:6:3: error: unknown key `due_soon_day` in settings — did you mean `due_soon_days`? (keys starting with `x_` are free for local use) [unknown-key]",
            "site.yml:7:20: error: `retention_years`: \"9223372036854775807\" must be a whole number from 0 to 36500 [bad-integer]",
            "site.yml:8:25: error: `recurrence_threshold`: \"0\" must be a whole number from 1 to 36500 [bad-integer]",
            "site.yml:9:25: error: `review_interval_days`: \"một năm\" must be a whole number from 1 to 36500 [bad-integer]",
        ])
    }

    /// The largest values accepted still leave the figures' day arithmetic in range
    /// (`due_soon_days: 9223372036854775807` was accepted and overflowed in `computeFigures`).
    @Test func largestSettingsDoNotOverflowTheFigures() {
        let site = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
        settings:
          recurrence_threshold: 36500
          due_soon_days: 36500
          long_action_days: 36500
          progress_interval_days: 36500
          review_interval_days: 36500
          retention_years: 36500
        -- objectives/9999/ubnd.md --
        ---
        year: 9999
        objectives:
          - {code: MT1, text: Trả kết quả đúng hạn, target: 98}
        ---
        """ + "\n" + ticket("tickets/PYC-2025-001.md", "assigned_to: Nguyễn Thị Mai\ndue: 9999-12-31\n---")
          + ticket("tickets/PYC-2025-002.md", "action_needed: false\ndecided_on: 2025-03-05\ndisposition: accept\nclosed: 2025-03-06\n---"))
            .check(today: "9999-12-31")
        #expect(site.diagnostics.map(\.text) == [])
        let figures = computeFigures(site.content, today: site.today)
        #expect(figures.requests.dueSoon == ["PYC-2025-001"])
    }

    @Test func settingsAreRead() {
        let site = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        locale: en
        timezone: Asia/Bangkok
        base_url: /ninh-hoa
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
            head: Võ Thị Kim Oanh
        settings:
          recurrence_threshold: 2
          due_soon_days: 7
          x_ghi_chu: dùng cho năm 2025
        """).check(today: today)
        #expect(site.diagnostics.map(\.text) == [])
        #expect(site.content.site.locale == "en")
        #expect(site.content.site.timezone == "Asia/Bangkok")
        #expect(site.content.site.baseURL == "/ninh-hoa/")
        #expect(site.content.site.units == [Unit(code: "tthcc", name: "Trung tâm Phục vụ hành chính công", head: "Võ Thị Kim Oanh")])
        #expect(site.content.site.settings.recurrenceThreshold == 2)
        #expect(site.content.site.settings.dueSoonDays == 7)
        #expect(site.content.site.settings.longActionDays == 30)
    }

    @Test func localeAndTimeZone() {
        let fixture = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        locale: fr
        timezone: Hà Nội
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
        orgnisation: UBND phường Ninh Hòa
        """)
        #expect(fixture.diagnostics(today: today) == [
            "site.yml:2:9: error: `locale`: \"fr\" is not allowed; use one of `vi`, `en` [bad-value]",
            "site.yml:3:11: error: `timezone`: \"Hà Nội\" is not a time zone name such as `Asia/Ho_Chi_Minh` [bad-timezone]",
            "site.yml:7:1: error: unknown key `orgnisation` in site.yml — did you mean `organisation`? (keys starting with `x_` are free for local use) [unknown-key]",
        ])
    }

    @Test func yamlErrorInSiteFileIsAtItsLine() {
        let fixture = Fixture("""
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        units:
          - code: tthcc
          name: Trung tâm Phục vụ hành chính công
        """)
        #expect(fixture.diagnostics(today: today) == [
            "site.yml:4:3: error: this line is inside a list but not lined up — a key of an item lines up with the item's first key after `- ` (column 5); a new item starts with `- ` under the other dashes (column 3); a key outside the list lines up with the list's name [yaml]",
        ])
    }
}
