import CaiTienAnalysis
import CaiTienModel
import Testing
import TestSupport

// Who must act and how late (SPEC §2 "Who must act"), on one small ward at two reference days.
// Helpers are in FiguresTests.swift. Every expectation is worked out by hand in the comments.

@Suite struct FiguresWhoMustActTests {

    /// tthcc has a head in site.yml, van-phong has none.
    static let site = """
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        units:
          - code: tthcc
            name: Trung tâm Phục vụ hành chính công
            head: Võ Thị Kim Oanh
          - code: van-phong
            name: Văn phòng HĐND và UBND
        settings:
          due_soon_days: 14
        """

    /// One request for each way a step is owned. Every date is on or before 30/09/2025.
    /// - W-01 NC of tthcc, nothing decided                      → decide (5.2.2), Võ Thị Kim Oanh, since 01/09
    /// - W-02 NC of van-phong, nothing decided                  → decide, unit head without a name, since 10/09
    /// - W-03 improvement, nothing decided                      → assign (5.3), ISO committee, since opened 05/09
    /// - W-04 NC decided action_needed: true on 03/09           → assign, ISO committee, since 03/09
    /// - W-05 NC decided action_needed: false on 04/09, open    → close (5.7), ISO committee, since 04/09
    /// - W-06 assigned to Trần Văn Bình on 08/09                → propose (5.4), the assignee, no deadline
    /// - W-07 approved 05/09, due 30/11; A1 done, A2 Phan Văn Đức due 15/10, A3 without owner due 10/10
    ///                                                          → implement (5.5): A3 is first (10/10) and has
    ///                                                            no owner, so the assignee Trần Văn Bình
    /// - W-08 confidential, A1 Lê Thị Hoa due 05/10, A2 undated → implement, Lê Thị Hoa (withheld in JSON)
    /// - W-09 completed 20/09, due 30/09                        → verify (5.6), head of the agency, deadline 30/09
    /// - W-10 completed 25/09 after its due 15/09               → verify, deadline 25/09 (the completion)
    /// - W-11 verified 28/09, not closed                        → close, ISO committee, since 28/09
    /// - W-12 closed                                            → no step
    static let requests = site
        + figTicket("W-01", kind: "nonconformity", opened: "2025-09-01")
        + figTicket("W-02", kind: "nonconformity", unit: "van-phong", opened: "2025-09-10")
        + figTicket("W-03", opened: "2025-09-05")
        + figTicket("W-04", kind: "nonconformity", opened: "2025-09-02", """
            action_needed: true
            decided_by: Võ Thị Kim Oanh
            decided_on: 2025-09-03
            """)
        + figTicket("W-05", kind: "nonconformity", opened: "2025-09-02", """
            action_needed: false
            decided_by: Võ Thị Kim Oanh
            decided_on: 2025-09-04
            disposition: repair
            """)
        + figTicket("W-06", opened: "2025-09-07", """
            assigned_to: Trần Văn Bình
            assigned_on: 2025-09-08
            """)
        + figTicket("W-07", opened: "2025-09-01", """
            assigned_to: Trần Văn Bình
            assigned_on: 2025-09-01
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 2025-09-05
            due: 2025-11-30
            actions:
              - {what: Rà soát quy trình, owner: Lê Thị Hoa, due: 2025-09-30, done: 2025-09-28}
              - {what: Tập huấn công chức, owner: Phan Văn Đức, due: 2025-10-15}
              - {what: Cập nhật biểu mẫu, due: 2025-10-10}
            """)
        + figTicket("W-08", unit: "van-phong", opened: "2025-09-02", """
            confidential: true
            due: 2025-12-31
            actions:
              - {what: Niêm phong hồ sơ của công dân, owner: Lê Thị Hoa, due: 2025-10-05}
              - {what: Báo cáo Ban ISO, owner: Phan Văn Đức}
            """)
        + figTicket("W-09", opened: "2025-09-01", """
            assigned_to: Trần Văn Bình
            assigned_on: 2025-09-02
            approved_on: 2025-09-03
            due: 2025-09-30
            completed_on: 2025-09-20
            """)
        + figTicket("W-10", opened: "2025-09-01", """
            assigned_to: Trần Văn Bình
            assigned_on: 2025-09-02
            approved_on: 2025-09-03
            due: 2025-09-15
            completed_on: 2025-09-25
            """)
        + figTicket("W-11", opened: "2025-09-01", """
            completed_on: 2025-09-20
            verified_on: 2025-09-28
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            """)
        + figTicket("W-12", opened: "2025-09-01", """
            completed_on: 2025-09-10
            verified_on: 2025-09-12
            verified_by: Nguyễn Thị Hồng Hải
            result: effective
            closed: 2025-09-13
            """)
        + """

        -- reviews/2025-09-15.md --
        ---
        date: 2025-09-15
        format: meeting
        chair: Nguyễn Thị Hồng Hải
        secretary: Ngô Thanh Hùng
        attendees: [Nguyễn Thị Hồng Hải]
        inputs:
        \(allInputs)
        decisions:
          - {type: improvement, text: Số hóa hồ sơ, ticket: W-04}
          - {type: resources, text: Mua máy quét, owner: Ngô Thanh Hùng, due: 2025-10-10}
          - {type: qms_change, text: Sửa quy trình}
        ---
        """

    /// (step, role, name, since, deadline, action) of every open request.
    static func steps(_ f: Figures) -> [String: String] {
        f.requests.nextSteps.mapValues { s in
            "\(s.step.rawValue) \(s.role.rawValue) \(s.name ?? "-") \(s.wait.since.iso) \(s.wait.deadline?.iso ?? "-") \(s.action.map(String.init) ?? "-")"
        }
    }

    @Test func everyOpenRequestHasItsStepAndOwner() {
        let f = figFigures(Self.requests, today: "2025-10-01")
        #expect(Self.steps(f) == [
            "W-01": "decide unit_head Võ Thị Kim Oanh 2025-09-01 - -",
            "W-02": "decide unit_head - 2025-09-10 - -",
            "W-03": "assign iso_committee - 2025-09-05 - -",
            "W-04": "assign iso_committee - 2025-09-03 - -",
            "W-05": "close iso_committee - 2025-09-04 - -",
            "W-06": "propose assignee Trần Văn Bình 2025-09-08 - -",
            "W-07": "implement assignee Trần Văn Bình 2025-09-05 2025-10-10 2",
            "W-08": "implement action_owner Lê Thị Hoa 2025-09-02 2025-10-05 0",
            "W-09": "verify agency_head - 2025-09-20 2025-09-30 -",
            "W-10": "verify agency_head - 2025-09-25 2025-09-25 -",
            "W-11": "close iso_committee - 2025-09-28 - -",
        ])
    }

    /// At 01/10: W-07 has 9 days left (10/10), W-08 4 (05/10), W-09 is 1 day late (30/09) after
    /// waiting 11 days (since 20/09), W-10 6 late and 6 waiting (25/09), W-01 waits 30 days.
    /// At 20/10: W-07 is 10 days late, W-08 15, W-09 20 (waiting 30), W-10 25.
    @Test func howLateEachStepIs() {
        let early = figFigures(Self.requests, today: "2025-10-01")
        let late = figFigures(Self.requests, today: "2025-10-20")
        func timing(_ f: Figures, _ id: String) -> Timing? { f.requests.nextSteps[id]?.wait.timing(f.today) }
        #expect(timing(early, "W-07") == .left(9))
        #expect(timing(early, "W-08") == .left(4))
        #expect(timing(early, "W-09") == .late(1))
        #expect(early.requests.nextSteps["W-09"]?.wait.daysWaiting(early.today) == 11)
        #expect(timing(early, "W-10") == .late(6))
        #expect(timing(early, "W-01") == .waiting(30))
        #expect(timing(late, "W-07") == .late(10))
        #expect(timing(late, "W-08") == .late(15))
        #expect(timing(late, "W-09") == .late(20))
        #expect(late.requests.nextSteps["W-09"]?.wait.daysWaiting(late.today) == 30)
        #expect(timing(late, "W-10") == .late(25))
        #expect(timing(late, "W-11") == .waiting(22))
    }

    @Test func deadlineTodayHasZeroDaysLeft() {
        let wait = Wait(since: Day(parsing: "2025-09-01")!, deadline: Day(parsing: "2025-10-10")!)
        #expect(wait.timing(Day(parsing: "2025-10-10")!) == .left(0))
        #expect(wait.timing(Day(parsing: "2025-10-11")!) == .late(1))
    }

    /// Late actions carry their own owner and due, not the request's: none at 01/10; at 20/10
    /// W-07's A2 (15/10, 5 late) and A3 (10/10, 10 late) and W-08's A1 (05/10, 15 late).
    @Test func lateActionsHaveTheirOwnOwnerAndDue() {
        #expect(figFigures(Self.requests, today: "2025-10-01").requests.lateActions.isEmpty)
        let f = figFigures(Self.requests, today: "2025-10-20")
        #expect(f.requests.lateActions.map { "\($0.id)#\($0.index) \($0.owner ?? "-") \($0.due.iso)" } == [
            "W-07#1 Phan Văn Đức 2025-10-15", "W-07#2 - 2025-10-10", "W-08#0 Lê Thị Hoa 2025-10-05",
        ])
        #expect(f.requests.actionsOverdue == ["W-07", "W-08"])
        guard case .array(let items)? = f.kpis["tickets"]?["actions_late"] else { Issue.record("no actions_late"); return }
        #expect(items.map { $0.serialized() } == [
            #"{"id":"W-07","action":2,"owner":"Phan Văn Đức","due":"2025-10-15","days_late":5}"#,
            #"{"id":"W-07","action":3,"owner":null,"due":"2025-10-10","days_late":10}"#,
            // Confidential: the owner's name is a person of the record.
            #"{"id":"W-08","action":1,"owner":null,"due":"2025-10-05","days_late":15}"#,
        ])
    }

    /// Missing progress (W-07: 90-day action, last = approval 05/09; W-08: 120 days, last = opened
    /// 02/09): none at 01/10 (26 and 29 days ≤ 31); at 20/10 W-07 due 06/10 → 14 late, owner the
    /// assignee; W-08 due 03/10 → 17 late, no assignee.
    @Test func lateProgressSaysWhoReportsAndSinceWhen() {
        #expect(figFigures(Self.requests, today: "2025-10-01").requests.lateProgress.isEmpty)
        let f = figFigures(Self.requests, today: "2025-10-20")
        #expect(f.requests.missingProgress == ["W-07", "W-08"])
        guard case .array(let items)? = f.kpis["tickets"]?["progress_late"] else { Issue.record("no progress_late"); return }
        #expect(items.map { $0.serialized() } == [
            #"{"id":"W-07","owner":"Trần Văn Bình","last":"2025-09-05","deadline":"2025-10-06","days_late":14}"#,
            #"{"id":"W-08","owner":null,"last":"2025-09-02","deadline":"2025-10-03","days_late":17}"#,
        ])
    }

    /// The leader's queue: decide (W-01, W-02) and verify (W-09, W-10). W-11, verified and
    /// waiting to be closed, is the ISO committee's. Longest wait: W-01, 30 days at 01/10.
    @Test func leaderQueueHoldsDecisionsAndVerifications() {
        let f = figFigures(Self.requests, today: "2025-10-01")
        #expect(f.requests.leaderQueue == ["W-01", "W-02", "W-09", "W-10"])
        #expect(f.requests.leaderQueueLongestWait == 30)
        #expect(f.requests.leaderQueueAlert)
        #expect(f.kpis["tickets"]?["leader_queue"]?.serialized()
                == #"{"ids":["W-01","W-02","W-09","W-10"],"longest_wait":30,"alert":true}"#)
    }

    /// Red only once something waits *more* than due_soon_days (14): W-09 alone, completed 20/09.
    @Test func leaderQueueTurnsRedAfterDueSoonDays() {
        let one = Self.site + figTicket("W-09", opened: "2025-09-01", """
            assigned_to: Trần Văn Bình
            assigned_on: 2025-09-02
            approved_on: 2025-09-03
            due: 2025-12-30
            completed_on: 2025-09-20
            """)
        #expect(figFigures(one, today: "2025-10-04").requests.leaderQueueLongestWait == 14)
        #expect(!figFigures(one, today: "2025-10-04").requests.leaderQueueAlert)
        #expect(figFigures(one, today: "2025-10-05").requests.leaderQueueAlert)
        let empty = figFigures(Self.site, today: "2025-10-05")
        #expect(empty.requests.leaderQueue.isEmpty && empty.requests.leaderQueueLongestWait == nil && !empty.requests.leaderQueueAlert)
    }

    /// In data.json a confidential request's step keeps its role but not the name its record gives;
    /// a unit head's name (from site.yml) stays.
    @Test func nextStepsInKpis() {
        let f = figFigures(Self.requests, today: "2025-10-20")
        guard case .array(let items)? = f.kpis["tickets"]?["next_steps"] else { Issue.record("no next_steps"); return }
        #expect(items.count == 11)
        #expect(items.compactMap { $0["id"] } == (1...11).map { .string(String(format: "W-%02d", $0)) })
        let byID = Dictionary(uniqueKeysWithValues: items.map { item -> (String, JSON) in
            guard case .string(let id)? = item["id"] else { return ("?", item) }
            return (id, item)
        })
        #expect(byID["W-01"]?.serialized() ==
                #"{"id":"W-01","unit":"tthcc","step":"decide","clause":"5.2.2","owner":"Võ Thị Kim Oanh","owner_role":"unit_head","action":null,"since":"2025-09-01","deadline":null,"days_late":null,"days_left":null,"days_waiting":49}"#)
        #expect(byID["W-07"]?.serialized() ==
                #"{"id":"W-07","unit":"tthcc","step":"implement","clause":"5.5","owner":"Trần Văn Bình","owner_role":"assignee","action":3,"since":"2025-09-05","deadline":"2025-10-10","days_late":10,"days_left":null,"days_waiting":45}"#)
        #expect(byID["W-08"]?.serialized() ==
                #"{"id":"W-08","unit":"van-phong","step":"implement","clause":"5.5","owner":null,"owner_role":"action_owner","action":1,"since":"2025-09-02","deadline":"2025-10-05","days_late":15,"days_left":null,"days_waiting":48}"#)
    }

    /// Decisions without a request: the second (Ngô Thanh Hùng, due 10/10) and the third (no owner,
    /// no due). At 01/10: 9 days left, and 16 days waiting since the review of 15/09; at 20/10:
    /// 10 days late, 35 waiting.
    @Test func decisionsWithoutRequestWait() {
        let early = figFigures(Self.requests, today: "2025-10-01")
        #expect(early.reviews.decisionsWithoutTicket == 2)
        #expect(early.reviews.decisionsWaiting.map { "\($0.review)#\($0.index) \($0.owner ?? "-")" } == ["2025-09-15#1 Ngô Thanh Hùng", "2025-09-15#2 -"])
        #expect(early.reviews.decisionsWaiting.map { $0.wait.timing(early.today) } == [.left(9), .waiting(16)])
        let late = figFigures(Self.requests, today: "2025-10-20")
        #expect(late.reviews.decisionsWaiting.map { $0.wait.timing(late.today) } == [.late(10), .waiting(35)])
        guard case .array(let items)? = late.kpis["reviews"]?["decisions_waiting"] else { Issue.record("no decisions_waiting"); return }
        #expect(items.first?.serialized() ==
                #"{"review":"2025-09-15","decision":2,"owner":"Ngô Thanh Hùng","since":"2025-09-15","deadline":"2025-10-10","days_late":10,"days_left":null,"days_waiting":35}"#)
    }
}
