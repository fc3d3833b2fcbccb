import CaiTienAnalysis
import CaiTienModel
import CaiTienSite
import Foundation
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

// Recurring nonconformities, objectives, management reviews and the shape of the `kpis` JSON
// (SPEC §2, §3). Helpers are in FiguresTests.swift.

@Suite struct FiguresTests2 {

    // MARK: - Recurring nonconformities

    static let category = "trả kết quả trễ hạn"

    /// Nonconformities of tthcc with the same content written six ways. Every date on or before 15/05/2025.
    /// - RC-00 corrective action (action_needed true), verified effective 15/02
    /// - RC-01 corrective action verified effective 01/03 — the latest: the run counts after 01/03
    /// - RC-02 opened 01/02, closed without action: before the run
    /// - RC-03 opened 01/03, the day of verification: not after it, so not in the run
    /// - RC-04 opened 02/03 ("Trả kết quả trễ hạn " with a trailing space), RC-05 opened 01/04 (NFD),
    ///   RC-06 opened 01/05 ("  TRẢ KẾT QUẢ TRỄ HẠN"), open with action_needed true: the run, 3 long
    static let recurrenceEarly =
        figTicket("RC-00", kind: "nonconformity", source: "internal_audit", category: category, opened: "2025-01-05", """
            action_needed: true
            decided_on: 2025-01-05
            verified_on: 2025-02-15
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2025-02-16
            """)
        + figTicket("RC-01", kind: "nonconformity", source: "internal_audit", category: "Trả kết quả trễ hạn", opened: "2025-01-10", """
            action_needed: true
            decided_on: 2025-01-10
            verified_on: 2025-03-01
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2025-03-02
            """)
        + figTicket("RC-02", kind: "nonconformity", source: "internal_audit", category: category, opened: "2025-02-01", """
            action_needed: false
            decided_on: 2025-02-01
            disposition: repair
            closed: 2025-02-05
            """)
        + figTicket("RC-03", kind: "nonconformity", source: "internal_audit", category: "TRẢ KẾT QUẢ TRỄ HẠN", opened: "2025-03-01")
        + figTicket("RC-04", kind: "nonconformity", source: "internal_audit", category: "\"Trả kết quả trễ hạn \"", opened: "2025-03-02")
        + figTicket("RC-05", kind: "nonconformity", source: "internal_audit",
                    category: category.decomposedStringWithCanonicalMapping, opened: "2025-04-01")
        + figTicket("RC-06", kind: "nonconformity", source: "internal_audit", category: "\"  TRẢ KẾT QUẢ TRỄ HẠN\"", opened: "2025-05-01", """
            action_needed: true
            decided_on: 2025-05-02
            """)

    /// RC-07 opened 01/06/2025, nothing else yet: the run becomes 4.
    static let recurrenceMid = recurrenceEarly
        + figTicket("RC-07", kind: "nonconformity", source: "internal_audit", category: category, opened: "2025-06-01")

    /// By the year's end: RC-07 was a corrective action verified *ineffective* (does not end the run)
    /// with follow-up RC-08, verified effective without `action_needed` (not a corrective action, does
    /// not end the run either). Other groups:
    /// - van-phong "sai sót thông tin": RV-01 … RV-04, no effective corrective action (RV-01 was
    ///   ineffective) → the run is all 4; RV-01, the only NC with action_needed true, is closed → not
    ///   covered. RV-05 is a *potential* NC with the same content: not in the group, and covers nothing.
    /// - "hồ sơ thiếu thành phần": 2 in tthcc, 2 in van-phong → 4 if units were merged, 2 each.
    /// - van-phong "trả kết quả trễ hạn": one, not counted with tthcc's.
    static let recurrenceLate = recurrenceEarly
        + figTicket("RC-07", kind: "nonconformity", source: "internal_audit", category: category, opened: "2025-06-01", """
            action_needed: true
            decided_on: 2025-06-01
            verified_on: 2025-07-01
            verified_by: Nguyễn Thị Hồng Hải
            result: ineffective
            closed: 2025-07-02
            follow_up: RC-08
            """)
        + figTicket("RC-08", kind: "nonconformity", source: "previous_action", category: category, opened: "2025-07-02", """
            completed_on: 2025-07-20
            verified_on: 2025-08-01
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            """)
        + figTicket("RV-01", kind: "nonconformity", unit: "van-phong", category: "Sai sót thông tin", opened: "2025-01-15", """
            action_needed: true
            decided_on: 2025-01-15
            verified_on: 2025-02-01
            verified_by: Nguyễn Thị Hồng Hải
            result: ineffective
            closed: 2025-02-02
            follow_up: RV-02
            """)
        + figTicket("RV-02", kind: "nonconformity", unit: "van-phong", category: "sai sót thông tin", opened: "2025-02-02", """
            action_needed: false
            decided_on: 2025-02-02
            disposition: repair
            closed: 2025-02-10
            """)
        + figTicket("RV-03", kind: "nonconformity", unit: "van-phong", category: "sai sót thông tin", opened: "2025-03-01", """
            action_needed: false
            decided_on: 2025-03-01
            """)
        + figTicket("RV-04", kind: "nonconformity", unit: "van-phong", category: "sai sót thông tin", opened: "2025-04-01")
        + figTicket("RV-05", kind: "potential", unit: "van-phong", category: "sai sót thông tin", opened: "2025-04-02", """
            action_needed: true
            decided_on: 2025-04-02
            """)
        + figTicket("RU-01", kind: "nonconformity", unit: "tthcc", category: "hồ sơ thiếu thành phần", opened: "2025-01-01")
        + figTicket("RU-02", kind: "nonconformity", unit: "tthcc", category: "hồ sơ thiếu thành phần", opened: "2025-02-01")
        + figTicket("RU-03", kind: "nonconformity", unit: "van-phong", category: "hồ sơ thiếu thành phần", opened: "2025-03-01")
        + figTicket("RU-04", kind: "nonconformity", unit: "van-phong", category: "hồ sơ thiếu thành phần", opened: "2025-04-01")
        + figTicket("RU-05", kind: "nonconformity", unit: "van-phong", category: category, opened: "2025-04-01")

    @Test func categoriesAreNormalisedOnLoad() {
        // The fixture really holds an NFD category (more scalars than the NFC text).
        #expect(FiguresTests2.category.decomposedStringWithCanonicalMapping.unicodeScalars.count
                > FiguresTests2.category.unicodeScalars.count)
        let site = Fixture(standardSite + FiguresTests2.recurrenceEarly).check(today: "2025-05-15")
        #expect(site.diagnostics.filter { $0.severity == .error }.isEmpty)
        let nfc = Array(FiguresTests2.category.precomposedStringWithCanonicalMapping.unicodeScalars)
        for request in site.content.requests {
            #expect(request.category.map { Array($0.unicodeScalars) } == nfc, "\(request.id)")
        }
    }

    @Test func runOfThreeIsNotRecurring() throws {
        let f = figFigures(standardSite + FiguresTests2.recurrenceEarly, today: "2025-05-15")
        // Run after RC-01's 01/03: RC-04, RC-05, RC-06 = 3, not more than 3. (Counting after RC-00's
        // 15/02 would give 4, with RC-03.)
        #expect(f.recurring.isEmpty)
        #expect(f.kpis["recurring"] == .array([]))
    }

    @Test func runOfFourIsRecurring() throws {
        let f = figFigures(standardSite + FiguresTests2.recurrenceMid, today: "2025-06-15")
        // Run: RC-04, RC-05, RC-06, RC-07 = 4 > 3. RC-06 is open with action_needed true → covered by it.
        let groups = try #require(f.kpis["recurring"])
        guard case .array(let items) = groups else { Issue.record("recurring is not an array"); return }
        try #require(items.count == 1)
        #expect(items[0]["unit"] == .string("tthcc"))
        #expect(items[0]["run"] == .int(4))
        #expect(items[0]["covered_by"] == .string("RC-06"))
        // Given normalised: NFC scalars, trimmed, lower-case (Swift's == would accept NFD too, so compare scalars).
        guard case .string(let category)? = items[0]["category"] else { Issue.record("no category"); return }
        #expect(Array(category.unicodeScalars) == Array(FiguresTests2.category.precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(f.recurring.first?.ids == ["RC-04", "RC-05", "RC-06", "RC-07"])
        #expect(f.recurring.first?.lastEffective == "RC-01")
    }

    @Test(arguments: ["2025-12-31", "2026-06-30"])
    func recurringGroupsAtYearEnd(today: String) throws {
        let f = figFigures(standardSite + FiguresTests2.recurrenceLate, today: today)
        // tthcc: run RC-04 … RC-08 = 5 (neither the ineffective RC-07 nor RC-08 without action_needed
        // ends it), covered by RC-06. van-phong "sai sót thông tin": no effective corrective action →
        // all 4 NCs, covered by none. "hồ sơ thiếu thành phần": 2 + 2, no group over 3. Sorted by unit.
        #expect(f.kpis["recurring"] == .array([
            .object([("unit", .string("tthcc")), ("category", .string(FiguresTests2.category)), ("run", .int(5)),
                     ("covered_by", .string("RC-06")), ("ids", .strings(["RC-04", "RC-05", "RC-06", "RC-07", "RC-08"])),
                     ("last_effective", .string("RC-01"))]),
            .object([("unit", .string("van-phong")), ("category", .string("sai sót thông tin")), ("run", .int(4)),
                     ("covered_by", .null), ("ids", .strings(["RV-01", "RV-02", "RV-03", "RV-04"])),
                     ("last_effective", .null)]),
        ]))
    }

    @Test func recurrenceThresholdSetting() throws {
        // Threshold 4: the run of 4 (15/06/2025) is not recurring.
        let four = figFigures(figSite(settings: "  recurrence_threshold: 4") + FiguresTests2.recurrenceMid, today: "2025-06-15")
        #expect(four.kpis["recurring"] == .array([]))
        // Threshold 2: the run of 3 (15/05/2025) is.
        let two = figFigures(figSite(settings: "  recurrence_threshold: 2") + FiguresTests2.recurrenceEarly, today: "2025-05-15")
        #expect(two.recurring.map(\.run) == [3])
        #expect(two.recurring.map(\.coveredBy) == ["RC-06"])
    }

    // MARK: - Objectives

    /// 2024: tthcc approved 30/01 (on time), evaluated 31/12 (on time): MT1 100 ≥ 100 met, MT2 at_most
    /// 6 ≤ 5 not met. van-phong approved 31/01 (late), evaluated 01/01/2025 (late): 95 ≥ 90 met.
    /// The ward (`phuong`, no unit): not approved, not evaluated, one objective without actual.
    /// 2025: tthcc approved 15/01, not evaluated: MT1 no actual, MT2 at_most 5 ≤ 5 met, MT3 79.9 ≥ 80
    /// not met. Ward approved 10/02 (late): MT1 at_most 12 ≤ 10 not met, MT2 3 ≥ 3 met. No van-phong plan.
    static let objectivesOne = standardSite
        + figPlan("2024/tthcc", """
            year: 2024
            unit: tthcc
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2024-01-30
            evaluated_on: 2024-12-31
            objectives:
              - {code: MT1, text: Hồ sơ giải quyết đúng hạn, measure: "%", target: 100, actual: 100}
              - {code: MT2, text: Số phản ánh, target: 5, direction: at_most, actual: 6}
            """)
        + figPlan("2024/van-phong", """
            year: 2024
            unit: van-phong
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2024-01-31
            evaluated_on: 2025-01-01
            objectives:
              - {code: MT1, text: Văn bản đúng hạn, target: 90, actual: 95}
            """)
        + figPlan("2024/phuong", """
            year: 2024
            objectives:
              - {code: MT1, text: Mức hài lòng, target: 1}
            """)
        + figPlan("2025/tthcc", """
            year: 2025
            unit: tthcc
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-01-15
            objectives:
              - {code: MT1, text: Hồ sơ giải quyết đúng hạn, target: 100}
              - {code: MT2, text: Số phản ánh, target: 5, direction: at_most, actual: 5}
              - {code: MT3, text: Hồ sơ trực tuyến, target: 80, actual: "79,9"}
            """)
        + figPlan("2025/phuong", """
            year: 2025
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-02-10
            objectives:
              - {code: MT1, text: Số ngày xử lý, target: 10, direction: at_most, actual: 12}
              - {code: MT2, text: Số cuộc đối thoại, target: 3, actual: 3}
            """)

    @Test func objectivesMidYear() throws {
        let years = try #require(figFigures(FiguresTests2.objectivesOne, today: "2025-06-15").kpis["objectives"])
        #expect(figKeys(years) == ["2024", "2025"])
        let y2024 = years["2024"], y2025 = years["2025"]
        // 2024: objectives 2 + 1 + 1 = 4; evaluated 2 + 1 + 0 = 3; met 1 + 1 = 2; 2/3 → 0.6667.
        #expect(figAttainment(y2024) == [.int(4), .int(3), .int(2), .double(0.6667)])
        // By unit: ward 1/0/0/null; tthcc 2/2/1/0.5; van-phong 1/1/1/1.
        #expect(figKeys(y2024?["by_unit"]) == ["_ward", "tthcc", "van-phong"])
        #expect(figAttainment(y2024?["by_unit"]?["_ward"]) == [.int(1), .int(0), .int(0), .null])
        #expect(figAttainment(y2024?["by_unit"]?["tthcc"]) == [.int(2), .int(2), .int(1), .double(0.5)])
        #expect(figAttainment(y2024?["by_unit"]?["van-phong"]) == [.int(1), .int(1), .int(1), .double(1)])
        // Approved 31/01 is late, 30/01 is not; evaluated 01/01 next year is late, 31/12 is not; the ward's
        // 2024 plan is neither approved nor evaluated, and 2024 is over.
        #expect(figStrings(y2024?["late_plans"]) == ["2024/van-phong"])
        #expect(figStrings(y2024?["unapproved_plans"]) == ["2024/phuong"])
        #expect(figStrings(y2024?["late_evaluations"]) == ["2024/van-phong"])
        #expect(figStrings(y2024?["missing_evaluations"]) == ["2024/phuong"])
        #expect(figStrings(y2024?["missing_plans"]) == [])
        // 2025: objectives 3 + 2 = 5; evaluated 2 + 2 = 4 (tthcc MT1 has no actual); met 1 + 1 = 2; 0.5.
        #expect(figAttainment(y2025) == [.int(5), .int(4), .int(2), .double(0.5)])
        #expect(figAttainment(y2025?["by_unit"]?["_ward"]) == [.int(2), .int(2), .int(1), .double(0.5)])
        #expect(figAttainment(y2025?["by_unit"]?["tthcc"]) == [.int(3), .int(2), .int(1), .double(0.5)])
        #expect(figStrings(y2025?["late_plans"]) == ["2025/phuong"])
        #expect(figStrings(y2025?["unapproved_plans"]) == [])
        #expect(figStrings(y2025?["late_evaluations"]) == [])
        // 2025 is not over: no evaluation is missing yet.
        #expect(figStrings(y2025?["missing_evaluations"]) == [])
        // van-phong had a 2024 plan and has none for 2025, and 30/01/2025 is past.
        #expect(figStrings(y2025?["missing_plans"]) == ["van-phong"])
    }

    @Test func objectivesAfterTheYearEnd() throws {
        let years = try #require(figFigures(FiguresTests2.objectivesOne, today: "2026-01-01").kpis["objectives"])
        // 2025 is over: tthcc's and the ward's 2025 plans have no evaluated_on. 2026 has no plan and
        // 30/01/2026 has not passed: no 2026 entry.
        #expect(figStrings(years["2025"]?["missing_evaluations"]) == ["2025/phuong", "2025/tthcc"])
        #expect(figKeys(years) == ["2024", "2025"])
    }

    /// 2025 plans approved on time: tthcc not evaluated (99 ≥ 100 not met), van-phong evaluated
    /// 31/12 (60 ≥ 50 met), the ward not evaluated, no actual. Every date on or before 31/12/2025.
    static let objectivesTwo = standardSite + objectivesTwoBody
    static let objectivesTwoBody =
        figPlan("2025/tthcc", """
            year: 2025
            unit: tthcc
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-01-10
            objectives:
              - {code: MT1, text: Hồ sơ đúng hạn, target: 100, actual: 99}
            """)
        + figPlan("2025/van-phong", """
            year: 2025
            unit: van-phong
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-01-10
            evaluated_on: 2025-12-31
            objectives:
              - {code: MT1, text: Văn bản đúng hạn, target: 50, actual: 60}
            """)
        + figPlan("2025/phuong", """
            year: 2025
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-01-10
            objectives:
              - {code: MT1, text: Mức hài lòng, target: 1}
            """)

    @Test(arguments: [
        // (today, missing 2025 evaluations, 2026 present)
        ("2025-12-31", [String](), false),               // 31/12 is the deadline itself: not over
        ("2026-01-01", ["2025/phuong", "2025/tthcc"], false),
        ("2026-01-30", ["2025/phuong", "2025/tthcc"], false),  // 30/01: next year's plans not yet missing
        ("2026-01-31", ["2025/phuong", "2025/tthcc"], true),
    ])
    func objectivesAroundTheDeadlines(today: String, missingEvaluations: [String], nextYear: Bool) throws {
        let years = try #require(figFigures(FiguresTests2.objectivesTwo, today: today).kpis["objectives"])
        // 2025: 3 objectives, evaluated 2 (99, 60), met 1 (60 ≥ 50) → 0.5. Approved 10/01: none late.
        #expect(figAttainment(years["2025"]) == [.int(3), .int(2), .int(1), .double(0.5)])
        #expect(figStrings(years["2025"]?["late_plans"]) == [])
        #expect(figStrings(years["2025"]?["late_evaluations"]) == [])
        #expect(figStrings(years["2025"]?["missing_evaluations"]) == missingEvaluations)
        if nextYear {
            // After 30/01/2026 every 2025 plan (ward, tthcc, van-phong) lacks its 2026 successor; nothing to
            // evaluate → attainment null.
            #expect(figKeys(years) == ["2025", "2026"])
            #expect(figAttainment(years["2026"]) == [.int(0), .int(0), .int(0), .null])
            #expect(figStrings(years["2026"]?["missing_plans"]) == ["_ward", "tthcc", "van-phong"])
        } else {
            #expect(figKeys(years) == ["2025"])
        }
    }

    // MARK: - Management review

    static let allInputs = """
          previous_actions: Đã thực hiện.
          context_changes: Không có.
          customer_feedback: 3 phản ánh.
          objectives: Đạt 9/10.
          nonconformities: 5 KPH.
          satisfaction_measurement: 95%.
          audit_results: Đánh giá nội bộ tháng 10.
          provider_performance: Tốt.
          resources: Đủ.
          risk_actions: Đã cập nhật.
          improvement_opportunities: Số hoá hồ sơ.
        """

    /// Reviews: 2024-12-15 (meeting, complete, three decisions: PYC-V1, no ticket, PYC-V2) and
    /// `2024-bao-cao` (a report dated 01/06/2024 — its id sorts after `2024-12-15` but its date is
    /// earlier; context_changes absent, objectives blank, provider_performance empty; decisions: no
    /// ticket, PYC-V3). PYC-V1 open, due 01/06/2025; PYC-V2 closed; PYC-V3 open, due 31/12/2025.
    /// Every date on or before 15/12/2025.
    static let reviewsSite = standardSite + reviewsBody
    static let reviewsBody = """

        -- reviews/2024-12-15.md --
        ---
        date: 2024-12-15
        format: meeting
        chair: Nguyễn Thị Hồng Hải
        secretary: Lê Văn C
        attendees:
          - Trần Văn B
        inputs:
        \(allInputs)
        decisions:
          - {type: improvement, text: Cải tiến tiếp nhận, owner: Lê Văn C, due: 2025-06-01, ticket: PYC-V1}
          - {type: qms_change, text: Sửa sổ tay chất lượng}
          - {type: resources, text: Bổ sung máy scan, ticket: PYC-V2}
        ---
        Biên bản.
        -- reviews/2024-bao-cao.md --
        ---
        date: 2024-06-01
        format: report
        approved_by: Nguyễn Thị Hồng Hải
        approved_on: 2024-06-05
        inputs:
          provider_performance: ""
          previous_actions: Đã thực hiện.
          customer_feedback: 3 phản ánh.
          objectives: "   "
          nonconformities: 5 KPH.
          satisfaction_measurement: 95%.
          audit_results: Đánh giá nội bộ.
          resources: Đủ.
          risk_actions: Đã cập nhật.
          improvement_opportunities: Số hoá.
        decisions:
          - {type: resources, text: Bổ sung nhân lực}
          - {type: improvement, text: Số hoá hồ sơ, ticket: PYC-V3}
        ---
        Báo cáo.
        """
        + figTicket("PYC-V1", source: "management_review", opened: "2024-12-20", """
            review: 2024-12-15
            assigned_to: Trần Văn B
            assigned_on: 2024-12-20
            due: 2025-06-01
            """)
        + figTicket("PYC-V2", source: "management_review", opened: "2024-12-20", """
            review: 2024-12-15
            due: 2025-03-01
            verified_on: 2025-03-31
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2025-04-01
            """)
        + figTicket("PYC-V3", source: "management_review", opened: "2024-06-10", """
            review: 2024-bao-cao
            assigned_to: Trần Văn B
            assigned_on: 2024-06-10
            due: 2025-12-31
            """)

    @Test(arguments: [
        // (today, days since 15/12/2024, due, decisions overdue)
        ("2025-12-15", 365, false, ["PYC-V1"]),           // 365 days: still within the interval
        ("2025-12-16", 366, true, ["PYC-V1"]),            // 366 > 365: due
        ("2026-01-01", 382, true, ["PYC-V1", "PYC-V3"]),  // 365 + 17; PYC-V3's 31/12 has passed
    ])
    func reviews(today: String, days: Int, due: Bool, overdue: [String]) throws {
        let r = try #require(figFigures(FiguresTests2.reviewsSite, today: today).kpis["reviews"])
        // The last review by date, not by id.
        #expect(r["last"] == .string("2024-12-15"))
        #expect(r["days_since_last"] == .int(days))
        #expect(r["due"] == .bool(due))
        // Missing inputs in the order of 5.8.1.1 (not the order written): context_changes, objectives,
        // provider_performance.
        #expect(r["incomplete"] == .object([("2024-bao-cao", .strings(["context_changes", "objectives", "provider_performance"]))]))
        // Decisions without a ticket: the qms_change of 15/12 and the resources of the report.
        #expect(r["decisions_without_ticket"] == .int(2))
        // PYC-V2 is closed (though it was late); PYC-V1 is open past its due.
        #expect(figStrings(r["decisions_overdue"]) == overdue)
    }

    @Test func reviewIntervalSetting() throws {
        let site = figSite(settings: "  review_interval_days: 366") + FiguresTests2.reviewsBody
        // 366 days since 15/12/2024 on 16/12/2025: within 366, not due; due the day after.
        #expect(figFigures(site, today: "2025-12-16").kpis["reviews"]?["due"] == .bool(false))
        #expect(figFigures(site, today: "2025-12-17").kpis["reviews"]?["due"] == .bool(true))
    }

    // MARK: - Records that may be disposed of

    /// K-1 closed 15/06/2022; K-2 closed 29/02/2024 (a leap day); K-3 cancelled 10/01/2022.
    static let retentionBody =
        figTicket("K-1", kind: "nonconformity", opened: "2022-06-01", """
            action_needed: false
            decided_on: 2022-06-01
            disposition: accept
            closed: 2022-06-15
            """)
        + figTicket("K-2", kind: "nonconformity", opened: "2024-02-01", """
            action_needed: false
            decided_on: 2024-02-01
            disposition: accept
            closed: 2024-02-29
            """)
        + figTicket("K-3", opened: "2022-01-01", """
            cancelled: 2022-01-10
            cancel_reason: Trùng
            """)

    @Test(arguments: [
        // retention_years 3 (default): K-1's three years end 15/06/2025; K-2's end 28/02/2027 (no 29/02).
        ("2025-06-15", [String]()),        // exactly three years: not more
        ("2025-06-16", ["K-1"]),
        ("2027-02-28", ["K-1"]),
        ("2027-03-01", ["K-1", "K-2"]),
    ])
    func disposable(today: String, expected: [String]) throws {
        let k = figFigures(standardSite + FiguresTests2.retentionBody, today: today).kpis
        // K-3 was cancelled, never closed: not listed.
        #expect(figStrings(k["tickets"]?["disposable"]) == expected)
    }

    @Test func retentionYearsSetting() throws {
        let site = figSite(settings: "  retention_years: 1") + FiguresTests2.retentionBody
        // One year after 29/02/2024 is 28/02/2025.
        #expect(figStrings(figFigures(site, today: "2025-02-28").kpis["tickets"]?["disposable"]) == ["K-1"])
        #expect(figStrings(figFigures(site, today: "2025-03-01").kpis["tickets"]?["disposable"]) == ["K-1", "K-2"])
    }

    // MARK: - The kpis JSON

    @Test func keyNamesAsInSpec() throws {
        let k = figFigures(standardSite + FiguresTests2.recurrenceLate + FiguresTests2.objectivesTwoBody,
                           today: "2025-12-31").kpis
        func has(_ json: JSON?, _ keys: [String], sourceLocation: SourceLocation = #_sourceLocation) {
            let present = Set(figKeys(json))
            #expect(keys.filter { !present.contains($0) } == [], sourceLocation: sourceLocation)
        }
        has(k, ["tickets", "recurring", "objectives", "reviews"])
        has(k["tickets"], ["total", "open", "closed", "cancelled", "by_stage", "by_kind", "by_source", "by_unit", "per_month",
                           "overdue", "due_soon", "actions_overdue", "missing_progress", "awaiting_verification", "undecided",
                           "closed_on_time_rate", "effectiveness_rate", "days_to_close", "age_buckets"])
        #expect(figKeys(k["tickets"]?["by_stage"]) == ["open", "assigned", "in_progress", "verifying", "closed", "cancelled"])
        #expect(figKeys(k["tickets"]?["days_to_close"]) == ["median", "p90"])
        #expect(figKeys(k["tickets"]?["age_buckets"]) == ["0-30", "31-90", "91-180", "181+"])
        guard case .array(let months)? = k["tickets"]?["per_month"] else { Issue.record("per_month"); return }
        #expect(months.count == 12)
        #expect(months.allSatisfy { figKeys($0) == ["month", "opened", "closed"] })
        guard case .array(let groups)? = k["recurring"], let group = groups.first else { Issue.record("recurring"); return }
        has(group, ["unit", "category", "run", "covered_by"])
        has(k["objectives"]?["2025"], ["objectives", "evaluated", "met", "attainment", "by_unit", "late_plans", "unapproved_plans",
                                       "late_evaluations", "missing_evaluations"])
        has(k["reviews"], ["last", "days_since_last", "due", "incomplete", "decisions_without_ticket", "decisions_overdue"])
    }

    @Test(arguments: ["2025-06-20", "2025-07-01"])
    func idListsAreSorted(today: String) throws {
        // Files in folders whose order differs from the ids' order: tickets/a/PYC-2025-010,
        // tickets/m/PYC-2024-100, tickets/z/PYC-2025-002. All open, undecided NCs due 01/06/2025 with an
        // action due then: overdue on both days.
        let body = """
            due: 2025-06-01
            actions:
              - {what: Rà soát, due: 2025-06-01}
            """
        let site = standardSite
            + figTicket("PYC-2025-010", kind: "nonconformity", opened: "2025-05-01", folder: "tickets/a", body)
            + figTicket("PYC-2024-100", kind: "nonconformity", opened: "2024-12-01", folder: "tickets/m", body)
            + figTicket("PYC-2025-002", kind: "nonconformity", opened: "2025-01-01", folder: "tickets/z", body)
        let t = try #require(figFigures(site, today: today).kpis["tickets"])
        let sorted = ["PYC-2024-100", "PYC-2025-002", "PYC-2025-010"]
        #expect(figStrings(t["overdue"]) == sorted)
        #expect(figStrings(t["actions_overdue"]) == sorted)
        #expect(figStrings(t["undecided"]) == sorted)
    }

    @Test func serialisedSmallObject() {
        let json: JSON = .object([
            ("rate", .double(0.6667)), ("whole", .double(1)), ("count", .int(3)), ("none", .null), ("due", .bool(true)),
            ("ids", .strings(["A-1", "B-2"])), ("empty", .array([])), ("nested", .object([("a", .string("x<\"y\""))])),
        ])
        #expect(json.serialized() == #"{"rate":0.6667,"whole":1,"count":3,"none":null,"due":true,"ids":["A-1","B-2"],"empty":[],"nested":{"a":"x\u003c\"y\""}}"#)
        #expect(JSON.object([("a", .array([.int(1)])), ("b", .object([]))]).serialized(indent: 2) == """
            {
              "a": [
                1
              ],
              "b": {}
            }
            """)
    }

    @Test func serialisedFigures() throws {
        let f = figFigures(FiguresTests.ratesSite, today: "2025-12-31")
        // Rates as fractions: on time 2/3 → 0.6667, effective 3/4 → 0.75; days 4, 9, 10, 19.
        let t = try #require(f.kpis["tickets"])
        #expect(t["closed_on_time_rate"]?.serialized() == "0.6667")
        #expect(t["effectiveness_rate"]?.serialized() == "0.75")
        #expect(t["days_to_close"]?.serialized() == #"{"median":9.5,"p90":19}"#)
        // Open: R-05 opened 11/04 → 264 days (Apr 19 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31
        // + Nov 30 + Dec 31 = 264): 181+.
        #expect(t["age_buckets"]?.serialized() == #"{"0-30":0,"31-90":0,"91-180":0,"181+":1}"#)
    }
}
