import CaiTienAnalysis
import CaiTienModel
import CaiTienSite
import Foundation
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

// The figures of SPEC §2, each checked on a small content folder written inline, at two or more
// reference days. Every expectation is worked out by hand in the comment above it; the fixtures
// are valid records (no errors) at every day they are used with.

// MARK: - Helpers

/// One request file in a fixture. Required keys are filled in; `yaml` adds more, one key a line.
func figTicket(_ id: String, kind: String = "improvement", source: String = "other", unit: String = "tthcc",
               category: String? = nil, opened: String, folder: String = "tickets", _ yaml: String = "") -> String {
    var lines = ["", "-- \(folder)/\(id).md --", "---", "title: Phiếu \(id)", "kind: \(kind)", "source: \(source)",
                 "unit: \(unit)", "opened: \(opened)", "reported_by: Lê Văn C"]
    if let category { lines.append("category: \(category)") } else if kind == "nonconformity" { lines.append("category: chung") }
    if !yaml.isEmpty { lines.append(yaml) }
    lines += ["---", "Nội dung."]
    return lines.joined(separator: "\n")
}

/// One objectives plan, `objectives/PATH.md`.
func figPlan(_ path: String, _ yaml: String) -> String {
    "\n-- objectives/\(path).md --\n---\n\(yaml)\n---\n"
}

/// `standardSite` with a `settings:` block (lines indented by two spaces).
func figSite(settings: String) -> String {
    standardSite + "\nsettings:\n" + settings
}

/// Checks the fixture at `today`, requires it to hold no error, and computes the figures.
func figFigures(_ text: String, today: String, sourceLocation: SourceLocation = #_sourceLocation) -> Figures {
    let site = Fixture(text).check(today: today)
    let errors = site.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "fixture has errors at \(today): \(errors.map(\.text))", sourceLocation: sourceLocation)
    return computeFigures(site.content, today: site.today)
}

/// `{"a": 1, …}` → `["a": 1]`; nil when not an object of integers.
func figInts(_ json: JSON?) -> [String: Int]? {
    guard case .object(let pairs)? = json else { return nil }
    var out: [String: Int] = [:]
    for (key, value) in pairs {
        guard case .int(let i) = value else { return nil }
        out[key] = i
    }
    return out
}

/// The non-zero entries of an object of counts (SPEC does not say whether zero keys are present).
func figNonZero(_ json: JSON?) -> [String: Int]? { figInts(json)?.filter { $0.value != 0 } }

func figKeys(_ json: JSON?) -> [String] {
    guard case .object(let pairs)? = json else { return [] }
    return pairs.map(\.0)
}

func figStrings(_ json: JSON?) -> [String]? {
    guard case .array(let items)? = json else { return nil }
    var out: [String] = []
    for item in items {
        guard case .string(let s) = item else { return nil }
        out.append(s)
    }
    return out
}

/// `per_month` as `"YYYY-MM opened/closed"` lines.
func figMonths(_ json: JSON?) -> [String] {
    guard case .array(let items)? = json else { return [] }
    return items.map { item in
        guard case .string(let month)? = item["month"], case .int(let opened)? = item["opened"], case .int(let closed)? = item["closed"] else {
            return "bad item \(item.serialized())"
        }
        return "\(month) \(opened)/\(closed)"
    }
}

/// objectives, evaluated, met, attainment of an objectives entry.
func figAttainment(_ json: JSON?) -> [JSON?] {
    [json?["objectives"], json?["evaluated"], json?["met"], json?["attainment"]]
}

@Suite struct FiguresTests {

    // MARK: - Counts, stages, per month

    /// Nine requests; every stage is reached by the first-match rule of SPEC §1:
    /// - S-01 nothing filled in                                → open
    /// - S-02 assigned_to                                      → assigned
    /// - S-03 assigned_to and approved_on                      → in_progress (approved_on before assigned)
    /// - S-04 actions, one not done, no approved_on            → in_progress because actions exist
    /// - S-05 actions, all done, no completed_on               → verifying because all actions are done
    /// - S-06 completed_on                                     → verifying
    /// - S-07 verified and closed                              → closed
    /// - S-08 approved_on, closed and cancelled                → cancelled (cancelled is matched first)
    /// - S-09 closed, completed_on and all actions done        → closed (closed before verifying)
    /// Every date is on or before 2025-06-15.
    static let countsSite = standardSite
        + figTicket("S-01", kind: "nonconformity", source: "internal_audit", opened: "2024-06-30")
        + figTicket("S-02", kind: "potential", source: "feedback", opened: "2024-07-01", """
            assigned_to: Trần Văn B
            assigned_on: 2024-07-02
            due: 2025-12-31
            """)
        + figTicket("S-03", source: "stakeholder", unit: "van-phong", opened: "2025-01-31", """
            assigned_to: Trần Văn B
            assigned_on: 2025-01-31
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-02-01
            due: 2025-12-31
            """)
        + figTicket("S-04", source: "other", unit: "van-phong", opened: "2025-02-01", """
            actions:
              - {what: Rà soát quy trình, due: 2025-03-01, done: 2025-02-20}
              - {what: Cập nhật biểu mẫu, due: 2025-12-01}
            """)
        + figTicket("S-05", kind: "nonconformity", source: "internal_audit", unit: "van-phong", opened: "2025-03-01", """
            actions:
              - {what: Sửa hồ sơ, due: 2025-03-15, done: 2025-03-10}
              - {what: Đào tạo lại, due: 2025-03-31, done: 2025-03-20}
            """)
        + figTicket("S-06", kind: "potential", source: "data_analysis", opened: "2025-03-31", """
            assigned_to: Trần Văn B
            assigned_on: 2025-04-01
            due: 2025-12-31
            completed_on: 2025-04-30
            """)
        + figTicket("S-07", kind: "nonconformity", source: "internal_audit", opened: "2025-04-01", """
            action_needed: true
            decided_on: 2025-04-02
            completed_on: 2025-05-20
            verified_on: 2025-05-30
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2025-05-31
            """)
        + figTicket("S-08", source: "feedback", opened: "2025-05-01", """
            approved_on: 2025-05-02
            approved_by: Nguyễn Thị Hồng Hải
            closed: 2025-06-01
            cancelled: 2025-06-01
            cancel_reason: Trùng với phiếu khác
            """)
        + figTicket("S-09", kind: "nonconformity", source: "nonconforming_activity", unit: "van-phong", opened: "2025-06-01", """
            action_needed: false
            decided_on: 2025-06-02
            disposition: rework
            actions:
              - {what: Làm lại hồ sơ, done: 2025-06-05}
            completed_on: 2025-06-10
            closed: 2025-06-15
            """)

    @Test func stagesFollowTheFirstMatchRule() throws {
        let site = Fixture(FiguresTests.countsSite).check(today: "2025-06-15")
        #expect(site.diagnostics.filter { $0.severity == .error }.isEmpty)
        let stages = Dictionary(uniqueKeysWithValues: site.content.requests.map { ($0.id, $0.stage) })
        #expect(stages == [
            "S-01": .open, "S-02": .assigned, "S-03": .inProgress, "S-04": .inProgress, "S-05": .verifying,
            "S-06": .verifying, "S-07": .closed, "S-08": .cancelled, "S-09": .closed,
        ])
    }

    @Test(arguments: ["2025-06-15", "2026-01-10"])
    func countsByStageKindSourceUnit(today: String) throws {
        let t = try #require(figFigures(FiguresTests.countsSite, today: today).kpis["tickets"])
        // Counts do not depend on the day. 9 requests; closed S-07, S-09; cancelled S-08; the 6 others are open.
        #expect(t["total"] == .int(9))
        #expect(t["open"] == .int(6))
        #expect(t["closed"] == .int(2))
        #expect(t["cancelled"] == .int(1))
        // open S-01 · assigned S-02 · in_progress S-03, S-04 · verifying S-05, S-06 · closed S-07, S-09 · cancelled S-08.
        #expect(figKeys(t["by_stage"]) == ["open", "assigned", "in_progress", "verifying", "closed", "cancelled"])
        #expect(figInts(t["by_stage"]) == ["open": 1, "assigned": 1, "in_progress": 2, "verifying": 2, "closed": 2, "cancelled": 1])
        // nonconformity S-01, S-05, S-07, S-09 · potential S-02, S-06 · improvement S-03, S-04, S-08.
        #expect(figNonZero(t["by_kind"]) == ["nonconformity": 4, "potential": 2, "improvement": 3])
        // internal_audit S-01, S-05, S-07 · feedback S-02, S-08 · stakeholder S-03 · other S-04 ·
        // data_analysis S-06 · nonconforming_activity S-09.
        #expect(figNonZero(t["by_source"]) == [
            "internal_audit": 3, "feedback": 2, "stakeholder": 1, "other": 1, "data_analysis": 1, "nonconforming_activity": 1,
        ])
        // Any key present is a known source.
        #expect(Set(figKeys(t["by_source"])).isSubset(of: Set(Source.allCases.map(\.rawValue))))
        // tthcc S-01, S-02, S-06, S-07, S-08 · van-phong S-03, S-04, S-05, S-09.
        #expect(figNonZero(t["by_unit"]) == ["tthcc": 5, "van-phong": 4])
    }

    @Test func perMonthAtMidYear() throws {
        let t = try #require(figFigures(FiguresTests.countsSite, today: "2025-06-15").kpis["tickets"])
        // 12 months ending with June 2025: 2024-07 … 2025-06. S-01 (opened 30/06/2024) is the day before
        // the window. Opened: 2024-07 S-02; 2025-01 S-03 (31/01); 2025-02 S-04 (01/02); 2025-03 S-05 (01/03)
        // and S-06 (31/03); 2025-04 S-07; 2025-05 S-08; 2025-06 S-09. Closed: S-07 on 31/05, S-09 on 15/06;
        // S-08 is cancelled, so its `closed` date does not count it as closed.
        #expect(figMonths(t["per_month"]) == [
            "2024-07 1/0", "2024-08 0/0", "2024-09 0/0", "2024-10 0/0", "2024-11 0/0", "2024-12 0/0",
            "2025-01 1/0", "2025-02 1/0", "2025-03 2/0", "2025-04 1/0", "2025-05 1/1", "2025-06 1/1",
        ])
    }

    @Test func perMonthAcrossTheYearEnd() throws {
        let t = try #require(figFigures(FiguresTests.countsSite, today: "2026-01-10").kpis["tickets"])
        // 12 months ending with January 2026: 2025-02 … 2026-01. S-03 (31/01/2025) falls out, S-04
        // (01/02/2025) is the first month's.
        #expect(figMonths(t["per_month"]) == [
            "2025-02 1/0", "2025-03 2/0", "2025-04 1/0", "2025-05 1/1", "2025-06 1/1", "2025-07 0/0",
            "2025-08 0/0", "2025-09 0/0", "2025-10 0/0", "2025-11 0/0", "2025-12 0/0", "2026-01 0/0",
        ])
    }

    // MARK: - Overdue, due soon, actions overdue

    /// Opened 01/05/2025; every milestone on or before 15/06/2025.
    static let deadlinesSite = standardSite + deadlinesBody
    static let deadlinesBody =
        figTicket("D-01", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-01
            due: 2025-06-14
            actions:
              - {what: Rà soát, due: 2025-06-14}
            """)
        + figTicket("D-02", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-01
            due: 2025-06-15
            """)
        + figTicket("D-03", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-01
            due: 2025-06-29
            actions:
              - {what: Rà soát, due: 2025-06-15}
              - {what: Cập nhật, due: 2025-06-10, done: 2025-06-12}
            """)
        + figTicket("D-04", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-01
            due: 2025-06-30
            actions:
              - {what: Rà soát, due: 2025-06-14}
            """)
        + figTicket("D-05", kind: "nonconformity", opened: "2025-05-01", """
            action_needed: false
            decided_on: 2025-05-02
            disposition: accept
            due: 2025-06-01
            actions:
              - {what: Rà soát, due: 2025-05-10}
            closed: 2025-06-10
            """)
        + figTicket("D-06", opened: "2025-05-01", """
            due: 2025-06-10
            cancelled: 2025-06-10
            cancel_reason: Không còn cần thiết
            """)
        + figTicket("D-07", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-01
            actions:
              - {what: Không hạn}
            """)

    @Test func deadlinesOnTheDay() throws {
        let t = try #require(figFigures(FiguresTests.deadlinesSite, today: "2025-06-15").kpis["tickets"])
        // today 15/06, today+14 = 29/06. D-01 due 14/06 < today → overdue. D-02 due == today and D-03 due
        // == today+14 → due soon; D-04 due 30/06 = today+15 → neither. D-05 (closed) and D-06 (cancelled)
        // are not open; D-07 has no due.
        #expect(figStrings(t["overdue"]) == ["D-01"])
        #expect(figStrings(t["due_soon"]) == ["D-02", "D-03"])
        // Actions without done and due < today in open requests: D-01 (14/06), D-04 (14/06). D-03's open
        // action is due today (not overdue), its other is done; D-05's overdue action is in a closed
        // request; D-07's action has no due.
        #expect(figStrings(t["actions_overdue"]) == ["D-01", "D-04"])
    }

    @Test func deadlinesFiveDaysLater() throws {
        let t = try #require(figFigures(FiguresTests.deadlinesSite, today: "2025-06-20").kpis["tickets"])
        // today 20/06, today+14 = 04/07. Overdue: D-01 (14/06), D-02 (15/06). Due soon: D-03 (29/06),
        // D-04 (30/06). Actions overdue: D-01, D-03 (action due 15/06 not done), D-04.
        #expect(figStrings(t["overdue"]) == ["D-01", "D-02"])
        #expect(figStrings(t["due_soon"]) == ["D-03", "D-04"])
        #expect(figStrings(t["actions_overdue"]) == ["D-01", "D-03", "D-04"])
    }

    @Test func dueSoonDaysSetting() throws {
        let site = figSite(settings: "  due_soon_days: 0") + FiguresTests.deadlinesBody
        let t = try #require(figFigures(site, today: "2025-06-15").kpis["tickets"])
        // due_soon_days 0: only due == today (D-02) is due soon.
        #expect(figStrings(t["due_soon"]) == ["D-02"])
        #expect(figStrings(t["overdue"]) == ["D-01"])
    }

    // MARK: - Missing monthly progress

    /// long_action_days 30, progress_interval_days 31 (defaults). Every date on or before 15/06/2025.
    /// Plan length = due − (assigned_on, else opened); last report = latest progress, else approved_on,
    /// else assigned_on, else opened.
    static let progressBody =
        // 01/05 → 31/05 = 30 days: not a long action, though nothing was reported for 45 days.
        figTicket("M-01", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-01
            due: 2025-05-31
            """)
        // 01/05 → 01/06 = 31 > 30: long. Last = assigned_on 01/05.
        + figTicket("M-02", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-01
            due: 2025-06-01
            """)
        // No assigned_on: plan from opened 01/05 → 01/06 = 31: long. Last = opened 01/05.
        + figTicket("M-03", opened: "2025-05-01", """
            assigned_to: Trần Văn B
            due: 2025-06-01
            """)
        // assigned_on 15/05 → due 14/06 = 30: not long (74 days from opened, which must not be used).
        + figTicket("M-04", opened: "2025-04-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-15
            due: 2025-06-14
            """)
        // Long (01/01 → 31/12). Latest progress 14/05 (written first).
        + figTicket("M-05", opened: "2025-01-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-01-01
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-02-01
            due: 2025-12-31
            progress:
              - {date: 2025-05-14, note: Đã rà soát xong}
              - {date: 2025-04-01, note: Đang rà soát}
            """)
        // Long. Latest progress 15/05, listed before an older one (the latest counts, not the last).
        + figTicket("M-06", opened: "2025-01-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-01-01
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-02-01
            due: 2025-12-31
            progress:
              - {date: 2025-05-15, note: Đã rà soát xong}
              - {date: 2025-03-01, note: Đang rà soát}
            """)
        // Long (02/01 → 31/12). No progress: approved_on 15/05 counts, not assigned_on 02/01.
        + figTicket("M-07", opened: "2025-01-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-01-02
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-05-15
            due: 2025-12-31
            """)
        // Long. approved_on 14/05.
        + figTicket("M-08", opened: "2025-01-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-01-02
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-05-14
            due: 2025-12-31
            """)
        // Verifying: not counted whatever its dates.
        + figTicket("M-09", opened: "2025-01-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-01-01
            due: 2025-12-31
            completed_on: 2025-02-01
            """)
        // Stage open (no assigned_to): not counted.
        + figTicket("M-10", opened: "2025-01-01", """
            due: 2025-12-31
            """)
        // In progress because of an action; long (14/05 → 31/12); last = assigned_on 14/05.
        + figTicket("M-11", opened: "2025-01-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-05-14
            due: 2025-12-31
            actions:
              - {what: Rà soát, due: 2025-12-01}
            """)
        // No due: not counted.
        + figTicket("M-12", opened: "2025-01-01", """
            assigned_to: Trần Văn B
            assigned_on: 2025-01-01
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-01-02
            """)

    @Test func missingProgressAtTheBoundary() throws {
        let t = try #require(figFigures(standardSite + FiguresTests.progressBody, today: "2025-06-15").kpis["tickets"])
        // today 15/06: since 01/05 = 45, since 14/05 = 32 (> 31), since 15/05 = 31 (not > 31).
        // M-02 (45), M-03 (45), M-05 (32), M-08 (32), M-11 (32); M-06, M-07 at 31 are not yet missing.
        #expect(figStrings(t["missing_progress"]) == ["M-02", "M-03", "M-05", "M-08", "M-11"])
    }

    @Test func missingProgressOneDayLater() throws {
        let t = try #require(figFigures(standardSite + FiguresTests.progressBody, today: "2025-06-16").kpis["tickets"])
        // today 16/06: since 15/05 = 32 > 31, so M-06 and M-07 join.
        #expect(figStrings(t["missing_progress"]) == ["M-02", "M-03", "M-05", "M-06", "M-07", "M-08", "M-11"])
    }

    @Test func progressSettings() throws {
        let site = figSite(settings: "  long_action_days: 60\n  progress_interval_days: 40") + FiguresTests.progressBody
        let t = try #require(figFigures(site, today: "2025-06-24").kpis["tickets"])
        // long_action_days 60: M-02, M-03 (31 days) are no longer long. progress_interval_days 40, today 24/06:
        // since 14/05 = 41 > 40 → M-05, M-08, M-11; since 15/05 = 40 → not M-06, M-07.
        #expect(figStrings(t["missing_progress"]) == ["M-05", "M-08", "M-11"])
    }

    // MARK: - Awaiting verification, undecided

    static let decisionsSite = standardSite
        + figTicket("U-01", kind: "nonconformity", opened: "2025-05-01")
        + figTicket("U-02", kind: "potential", opened: "2025-05-01")
        + figTicket("U-03", kind: "improvement", opened: "2025-05-01")
        + figTicket("U-04", kind: "nonconformity", opened: "2025-05-01", """
            action_needed: false
            decided_on: 2025-05-02
            """)
        + figTicket("U-05", kind: "nonconformity", opened: "2025-05-01", """
            disposition: reject
            closed: 2025-05-10
            action_needed: false
            decided_on: 2025-05-02
            """)
        + figTicket("U-06", kind: "potential", opened: "2025-05-01", """
            cancelled: 2025-05-10
            cancel_reason: Trùng
            """)
        + figTicket("U-07", kind: "nonconformity", opened: "2025-05-01", """
            completed_on: 2025-06-01
            """)
        + figTicket("U-08", kind: "improvement", opened: "2025-05-01", """
            actions:
              - {what: Rà soát, due: 2025-05-30, done: 2025-05-20}
            """)
        + figTicket("U-09", kind: "potential", opened: "2025-05-01", """
            action_needed: true
            decided_on: 2025-05-02
            assigned_to: Trần Văn B
            assigned_on: 2025-05-02
            due: 2025-12-31
            completed_on: 2025-06-10
            """)

    @Test(arguments: ["2025-06-15", "2026-06-15"])
    func awaitingVerificationAndUndecided(today: String) throws {
        let t = try #require(figFigures(FiguresTests.decisionsSite, today: today).kpis["tickets"])
        // Verifying: U-07 (completed_on), U-08 (all actions done), U-09 (completed_on).
        #expect(figStrings(t["awaiting_verification"]) == ["U-07", "U-08", "U-09"])
        // NC or potential, open, no action_needed: U-01, U-02, U-07. Not U-03 (improvement), U-04 and
        // U-09 (decided), U-05 (closed), U-06 (cancelled), U-08 (improvement).
        #expect(figStrings(t["undecided"]) == ["U-01", "U-02", "U-07"])
    }

    // MARK: - Rates and days to close

    static let ratesSite = standardSite
        // Closed on the due day (on time), 01/03 → 10/03 = 9 days, effective.
        + figTicket("R-01", kind: "nonconformity", opened: "2025-03-01", """
            action_needed: true
            decided_on: 2025-03-01
            due: 2025-03-10
            completed_on: 2025-03-05
            verified_on: 2025-03-08
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2025-03-10
            """)
        // Closed a day after due (late), 01/04 → 11/04 = 10 days, ineffective.
        + figTicket("R-02", kind: "nonconformity", opened: "2025-04-01", """
            action_needed: true
            decided_on: 2025-04-01
            due: 2025-04-10
            verified_on: 2025-04-11
            verified_by: Nguyễn Thị Hồng Hải
            result: ineffective
            closed: 2025-04-11
            follow_up: R-05
            """)
        // On time, 01/05 → 20/05 = 19 days, effective.
        + figTicket("R-03", opened: "2025-05-01", """
            due: 2025-06-01
            verified_on: 2025-05-19
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2025-05-20
            """)
        // Closed without due and without verification, 01/06 → 05/06 = 4 days.
        + figTicket("R-04", kind: "nonconformity", opened: "2025-06-01", """
            action_needed: false
            decided_on: 2025-06-01
            disposition: accept
            closed: 2025-06-05
            """)
        // Verified effective but not closed yet (verifying).
        + figTicket("R-05", kind: "nonconformity", opened: "2025-04-11", """
            action_needed: true
            decided_on: 2025-04-11
            completed_on: 2025-07-01
            verified_on: 2025-07-02
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            """)
        // Cancelled with a past due: in no rate.
        + figTicket("R-06", opened: "2025-02-01", """
            due: 2025-02-05
            cancelled: 2025-02-10
            cancel_reason: Trùng
            """)

    @Test(arguments: ["2025-12-31", "2026-03-01"])
    func ratesAndDaysToClose(today: String) throws {
        let t = try #require(figFigures(FiguresTests.ratesSite, today: today).kpis["tickets"])
        // Closed with due: R-01, R-02, R-03; closed ≤ due: R-01 (equal), R-03 → 2/3 = 0.6666… → 0.6667.
        #expect(t["closed_on_time_rate"] == .double(0.6667))
        // Verified: R-01 eff, R-02 ineff, R-03 eff, R-05 eff → 3/4 = 0.75 (a fraction, not 75).
        #expect(t["effectiveness_rate"] == .double(0.75))
        // Days to close: R-04 4, R-01 9, R-02 10, R-03 19 → even count: median (9 + 10) / 2 = 9.5;
        // p90 nearest rank ⌈0.9 × 4⌉ = 4th → 19.
        #expect(t["days_to_close"]?["median"] == .double(9.5))
        #expect(t["days_to_close"]?["p90"] == .int(19))
        #expect(t["days_to_close"]?.serialized() == #"{"median":9.5,"p90":19}"#)
    }

    /// Nonconformities closed without action (`action_needed: false`), opened 01/01/2025 and closed
    /// `days` later.
    static func closedAfter(_ days: [(id: String, closed: String)]) -> String {
        standardSite + days.map { item in
            figTicket(item.id, kind: "nonconformity", opened: "2025-01-01", """
                action_needed: false
                decided_on: 2025-01-01
                disposition: repair
                closed: \(item.closed)
                """)
        }.joined()
    }

    @Test(arguments: ["2025-03-01", "2025-12-31"])
    func daysToCloseOddCount(today: String) throws {
        // 01/01 → 02/01 = 1, 03/01 = 2, 04/01 = 3, 08/01 = 7, 20/02 = 30 + 20 = 50.
        let site = FiguresTests.closedAfter([("C-1", "2025-01-02"), ("C-2", "2025-01-03"), ("C-3", "2025-01-04"),
                                             ("C-4", "2025-01-08"), ("C-5", "2025-02-20")])
        let t = try #require(figFigures(site, today: today).kpis["tickets"])
        // Sorted 1, 2, 3, 7, 50: median the 3rd = 3; p90 ⌈0.9 × 5⌉ = ⌈4.5⌉ = 5th = 50.
        #expect(t["days_to_close"]?["median"] == .double(3))
        #expect(t["days_to_close"]?["p90"] == .int(50))
        // No due and nothing verified: both rates are null.
        #expect(t["closed_on_time_rate"] == .null)
        #expect(t["effectiveness_rate"] == .null)
    }

    @Test(arguments: ["2025-02-01", "2025-12-31"])
    func daysToCloseNearestRankOfTen(today: String) throws {
        // Ten requests closed 1 … 10 days after opening (02/01 … 11/01).
        let items: [(id: String, closed: String)] = [
            ("C-01", "2025-01-02"), ("C-02", "2025-01-03"), ("C-03", "2025-01-04"), ("C-04", "2025-01-05"), ("C-05", "2025-01-06"),
            ("C-06", "2025-01-07"), ("C-07", "2025-01-08"), ("C-08", "2025-01-09"), ("C-09", "2025-01-10"), ("C-10", "2025-01-11"),
        ]
        let t = try #require(figFigures(FiguresTests.closedAfter(items), today: today).kpis["tickets"])
        // Median (5 + 6) / 2 = 5.5; p90 nearest rank ⌈0.9 × 10⌉ = 9th = 9 (not 9.1 as interpolation gives, not 10).
        #expect(t["days_to_close"]?["median"] == .double(5.5))
        #expect(t["days_to_close"]?["p90"] == .int(9))
    }

    // MARK: - Age buckets

    /// Open requests opened 0, 30, 31, 90, 91, 180, 181 days before 31/12/2025, and a closed and a
    /// cancelled one opened long before (not counted).
    static let agesSite = standardSite
        + figTicket("A-000", opened: "2025-12-31")
        + figTicket("A-030", opened: "2025-12-01")
        + figTicket("A-031", opened: "2025-11-30")
        + figTicket("A-090", opened: "2025-10-02")
        + figTicket("A-091", opened: "2025-10-01")
        + figTicket("A-180", opened: "2025-07-04")
        + figTicket("A-181", opened: "2025-07-03")
        + figTicket("A-closed", kind: "nonconformity", opened: "2024-01-01", """
            action_needed: false
            decided_on: 2024-01-01
            disposition: accept
            closed: 2024-02-01
            """)
        + figTicket("A-cancelled", opened: "2024-01-01", """
            cancelled: 2024-02-01
            cancel_reason: Trùng
            """)

    @Test func ageBucketsBoundaries() throws {
        let t = try #require(figFigures(FiguresTests.agesSite, today: "2025-12-31").kpis["tickets"])
        // 31/12 − 30 = 01/12; − 31 = 30/11; − 90 = 02/10 (Dec 30 + Nov 30 + Oct 30 days); − 91 = 01/10;
        // − 180 = 04/07 (91 + Sep 30 + Aug 31 + 28 days of July); − 181 = 03/07.
        // 0–30: A-000, A-030 · 31–90: A-031, A-090 · 91–180: A-091, A-180 · 181+: A-181.
        #expect(figKeys(t["age_buckets"]) == ["0-30", "31-90", "91-180", "181+"])
        #expect(figInts(t["age_buckets"]) == ["0-30": 2, "31-90": 2, "91-180": 2, "181+": 1])
    }

    @Test func ageBucketsNextDay() throws {
        let t = try #require(figFigures(FiguresTests.agesSite, today: "2026-01-01").kpis["tickets"])
        // Every age + 1: A-000 1 · A-030 31, A-031 32 · A-090 91, A-091 92 · A-180 181, A-181 182.
        #expect(figInts(t["age_buckets"]) == ["0-30": 1, "31-90": 2, "91-180": 2, "181+": 2])
    }

    // MARK: - Null without a denominator

    @Test(arguments: ["2025-06-15", "2026-02-01"])
    func nullsWithoutDenominators(today: String) throws {
        let site = standardSite + figTicket("N-01", opened: "2025-06-01")
        let k = figFigures(site, today: today).kpis
        // One open request: nothing closed, nothing verified, no review held.
        #expect(k["tickets"]?["closed_on_time_rate"] == .null)
        #expect(k["tickets"]?["effectiveness_rate"] == .null)
        #expect(k["tickets"]?["days_to_close"]?["median"] == .null)
        #expect(k["tickets"]?["days_to_close"]?["p90"] == .null)
        #expect(k["recurring"] == .array([]))
        #expect(k["reviews"]?["last"] == .null)
        #expect(k["reviews"]?["days_since_last"] == .null)
        #expect(k["reviews"]?["due"] == .bool(true))
        #expect(k["reviews"]?["incomplete"] == .object([]))
        #expect(k["reviews"]?["decisions_without_ticket"] == .int(0))
        #expect(k["reviews"]?["decisions_overdue"] == .array([]))
    }
}
