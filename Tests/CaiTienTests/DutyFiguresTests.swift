import CaiTienAnalysis
import CaiTienModel
import Testing

// The figures of SPEC §5 as pure functions of records built here, each worked out by hand in
// the comment above it, at the due day itself and the day after (a date is late when it is
// after its due day). Settings are the defaults: audit_interval_days 365,
// finding_request_days 30, inspection_report_months 2, legal_update_months 3.

private func day(_ text: String) -> Day { Day(parsing: text)! }

private func finding(_ unit: String, _ type: FindingType, ticket: String? = nil) -> Audit.Finding {
    Audit.Finding(unit: unit, clause: "8.5.1", type: type, text: "Phát hiện tại \(unit)", ticket: ticket)
}

/// The two internal audits of the sample ward.
private func twoAudits() -> [Audit] {
    // Audit of 24–26/11/2025: NC with its request, NC without, an observation, an opportunity.
    var november = Audit(id: "2025-11-24", date: day("2025-11-24"), leadAuditor: "Ngô Thanh Hùng")
    november.end = day("2025-11-26")
    november.scope = ["van-phong", "tthcc"]
    november.findings = [
        finding("van-phong", .nonconformity, ticket: "PYC-2025-008"), finding("tthcc", .nonconformity),
        finding("tthcc", .observation), finding("van-phong", .opportunity),
    ]
    // Audit of 22–24/06/2026: NC with its request, two NCs without, an observation.
    var june = Audit(id: "2026-06-22", date: day("2026-06-22"), leadAuditor: "Ngô Thanh Hùng")
    june.end = day("2026-06-24")
    june.scope = ["cong-an", "tthcc"]
    june.findings = [
        finding("cong-an", .nonconformity, ticket: "PYC-2026-019"), finding("tthcc", .nonconformity),
        finding("cong-an", .nonconformity), finding("tthcc", .observation),
    ]
    return [june, november]
}

@Suite struct AuditFigureTests {
    let settings = Settings()

    @Test func lastAuditAndWhenTheNextIsDue() {
        // The last audit ended 24/06/2026; 24/06/2026 + 365 days = 24/06/2027 (no 29/02 between).
        // On 24/06/2027, 365 days since: not due ("more than" 365). On 25/06/2027, 366: due.
        let onTheDay = auditFigures(twoAudits(), settings: settings, today: day("2027-06-24"))
        #expect(onTheDay.last == day("2026-06-24"))
        #expect(onTheDay.lastID == "2026-06-22")
        #expect(onTheDay.daysSinceLast == 365)
        #expect(onTheDay.due == false)
        #expect(onTheDay.nextDue == day("2027-06-24"))
        let dayAfter = auditFigures(twoAudits(), settings: settings, today: day("2027-06-25"))
        #expect(dayAfter.daysSinceLast == 366)
        #expect(dayAfter.due == true)
        // No audit at all: due, and no last.
        let none = auditFigures([], settings: settings, today: day("2026-01-10"))
        #expect(none.due == true)
        #expect(none.last == nil)
        #expect(none.daysSinceLast == nil)
    }

    @Test func lastIsTheEndOfTheLatestAuditElseItsDate() {
        // A one-day audit on 30/06/2026 ends after the 22–24/06 audit: last = its date.
        var audits = twoAudits()
        audits.append(Audit(id: "2026-06-30", date: day("2026-06-30"), leadAuditor: "Lê Thị Hạnh"))
        let f = auditFigures(audits, settings: settings, today: day("2026-07-10"))
        #expect(f.last == day("2026-06-30"))
        #expect(f.lastID == "2026-06-30")
        #expect(f.daysSinceLast == 10)
    }

    @Test func findingsByType() {
        // 2 + 3 nonconformities, 1 + 1 observations, 1 opportunity.
        let f = auditFigures(twoAudits(), settings: settings, today: day("2026-07-01"))
        #expect(f.findings.map { "\($0.0.rawValue)=\($0.1)" } == ["nonconformity=5", "observation=2", "opportunity=1"])
    }

    @Test func unansweredFindingsAfterFindingRequestDays() {
        // November audit ended 26/11/2025: requests due by 26/12/2025, so its finding #2 is
        // unanswered from 27/12/2025. June audit ended 24/06/2026: due by 24/07/2026.
        let onNovembersDueDay = auditFigures(twoAudits(), settings: settings, today: day("2025-12-26"))
        #expect(onNovembersDueDay.unansweredFindings == [])
        let dayAfterNovember = auditFigures(twoAudits(), settings: settings, today: day("2025-12-27"))
        #expect(dayAfterNovember.unansweredFindings == ["2025-11-24#2"])
        // On 24/07/2026, June's #2 and #3 are waiting, not yet unanswered.
        let onJunesDueDay = auditFigures(twoAudits(), settings: settings, today: day("2026-07-24"))
        #expect(onJunesDueDay.unansweredFindings == ["2025-11-24#2"])
        #expect(onJunesDueDay.awaitingRequest.map(\.finding) == ["2026-06-22#2", "2026-06-22#3"])
        #expect(onJunesDueDay.awaitingRequest.map(\.requestDue) == [day("2026-07-24"), day("2026-07-24")])
        let dayAfterJune = auditFigures(twoAudits(), settings: settings, today: day("2026-07-25"))
        #expect(dayAfterJune.unansweredFindings == ["2025-11-24#2", "2026-06-22#2", "2026-06-22#3"])
        #expect(dayAfterJune.awaitingRequest.isEmpty)
        // With finding_request_days 0 the audit's last day itself is the due day.
        var quick = Settings()
        quick.findingRequestDays = 0
        #expect(auditFigures(twoAudits(), settings: quick, today: day("2026-06-24")).unansweredFindings == ["2025-11-24#2"])
        #expect(auditFigures(twoAudits(), settings: quick, today: day("2026-06-25")).unansweredFindings
                == ["2025-11-24#2", "2026-06-22#2", "2026-06-22#3"])
    }

    @Test func findingIDsSortAsText() {
        // Eleven nonconformities without requests: `#10` and `#11` sort between `#1` and `#2`,
        // as every list of ids in kpis sorts (ascending text).
        var audit = Audit(id: "2026-05-20", date: day("2026-05-20"), leadAuditor: "Ngô Thanh Hùng")
        audit.findings = (1...11).map { _ in finding("tthcc", .nonconformity) }
        let f = auditFigures([audit], settings: settings, today: day("2026-06-20"))
        #expect(f.unansweredFindings.prefix(4) == ["2026-05-20#1", "2026-05-20#10", "2026-05-20#11", "2026-05-20#2"])
    }
}

@Suite struct InspectionFigureTests {
    let settings = Settings()

    func inspection(_ id: String, mode: InspectionMode = .onSite, findings: Int = 1, reports: [String] = []) -> Inspection {
        var i = Inspection(id: id, date: day(id), by: "Sở Khoa học và Công nghệ", mode: mode)
        i.findings = (0..<findings).map { Inspection.Finding(text: "Vấn đề tồn tại \($0 + 1)") }
        i.reports = reports.map { Inspection.Report(date: day($0), ref: "Báo cáo số 15/BC-UBND") }
        return i
    }

    @Test func reportOverdueFromTheDayAfterItsDueDay() {
        // Record signed 12/03/2026, two findings, no report: due 12/05/2026.
        let march = inspection("2026-03-12", findings: 2)
        let onTheDay = inspectionFigures([march], settings: settings, today: day("2026-05-12"))
        #expect(onTheDay.reportsOverdue == [])
        #expect(onTheDay.reportsDue.map(\.id) == ["2026-03-12"])
        #expect(onTheDay.reportsDue.map(\.due) == [day("2026-05-12")])
        let dayAfter = inspectionFigures([march], settings: settings, today: day("2026-05-13"))
        #expect(dayAfter.reportsOverdue == ["2026-03-12"])
        #expect(dayAfter.last == day("2026-03-12"))
        // Without findings there is nothing to report: never overdue.
        let clean = inspectionFigures([inspection("2026-03-12", findings: 0)], settings: settings, today: day("2026-12-31"))
        #expect(clean.reportsOverdue == [])
        #expect(clean.reportsDue.isEmpty)
    }

    @Test func reportLateWhenSentAfterItsDueDay() {
        // Signed 31/12/2025: due 28/02/2026 (February 2026 has 28 days).
        // Sent 28/02/2026: on time. Sent 01/03/2026: late.
        let onTime = inspection("2025-12-31", mode: .documents, reports: ["2026-02-28"])
        var late = inspection("2025-12-31", mode: .documents, reports: ["2026-03-01"])
        late.id = "2025-12-31-b"
        let f = inspectionFigures([onTime, late], settings: settings, today: day("2026-06-01"))
        #expect(f.reportsLate == ["2025-12-31-b"])
        #expect(f.reportsOverdue == [])
        #expect(f.reportsDue.isEmpty)
        // Only the first report counts: a second one later does not make an on-time report late.
        let twice = inspection("2025-12-31", reports: ["2026-02-20", "2026-05-02"])
        #expect(inspectionFigures([twice], settings: settings, today: day("2026-06-01")).reportsLate == [])
    }

    @Test func rejectedResponseReopensUntilANewReport() {
        // Signed 10/09/2025, report 05/11/2025 (due 10/11/2025: on time), answered "không chấp
        // nhận" on 01/12/2025: open until a report dated after 01/12/2025.
        var september = inspection("2025-09-10", reports: ["2025-11-05"])
        september.response = .rejected
        september.responseOn = day("2025-12-01")
        #expect(inspectionFigures([september], settings: settings, today: day("2026-01-15")).rejectedOpen == ["2025-09-10"])
        // A report on the day of the answer is not after it: still open.
        september.reports.append(Inspection.Report(date: day("2025-12-01")))
        #expect(inspectionFigures([september], settings: settings, today: day("2026-01-15")).rejectedOpen == ["2025-09-10"])
        september.reports.append(Inspection.Report(date: day("2025-12-02")))
        let answered = inspectionFigures([september], settings: settings, today: day("2026-01-15"))
        #expect(answered.rejectedOpen == [])
        #expect(answered.reportsLate == [])
        // Accepted: nothing open.
        september.reports.removeLast(2)
        september.response = .accepted
        #expect(inspectionFigures([september], settings: settings, today: day("2026-01-15")).rejectedOpen == [])
    }

    @Test func settingChangesTheDueDay() {
        // inspection_report_months 1: signed 31/01/2026, due 28/02/2026; overdue on 01/03/2026.
        var oneMonth = Settings()
        oneMonth.inspectionReportMonths = 1
        let january = inspection("2026-01-31")
        #expect(inspectionFigures([january], settings: oneMonth, today: day("2026-02-28")).reportsOverdue == [])
        #expect(inspectionFigures([january], settings: oneMonth, today: day("2026-03-01")).reportsOverdue == ["2026-01-31"])
        // With the default two months, due 31/03/2026: not overdue on 01/03/2026.
        #expect(inspectionFigures([january], settings: settings, today: day("2026-03-31")).reportsOverdue == [])
        #expect(inspectionFigures([january], settings: settings, today: day("2026-04-01")).reportsOverdue == ["2026-01-31"])
    }
}

@Suite struct LegalFigureTests {
    let settings = Settings()

    func document(_ id: String, effective: String, updated: String? = nil) -> LegalDocument {
        var d = LegalDocument(id: id, title: "Văn bản \(id)", effectiveOn: day(effective))
        d.updatedOn = updated.map(day)
        return d
    }

    /// On time (updated on its due day), late (the day after), pending, not yet in effect.
    var documents: [LegalDocument] {
        [
            // Effective 01/01/2026, due 01/04/2026, updated that day: on time.
            document("ND-118-2025", effective: "2026-01-01", updated: "2026-04-01"),
            // Effective 31/08/2025, due 30/11/2025, updated 01/12/2025: late.
            document("QD-25-2025", effective: "2025-08-31", updated: "2025-12-01"),
            // Effective 15/06/2026, due 15/09/2026, not updated: pending.
            document("TT-05-2026", effective: "2026-06-15"),
            // Effective 01/12/2026, due 01/03/2027: pending, not yet in effect.
            document("QD-40-2026", effective: "2026-12-01"),
        ]
    }

    @Test func pendingOverdueLateAndTheRate() {
        let onTheDay = legalFigures(documents, settings: settings, today: day("2026-09-15"))
        #expect(onTheDay.pending == ["QD-40-2026", "TT-05-2026"])
        #expect(onTheDay.overdue == [])
        #expect(onTheDay.late == ["QD-25-2025"])
        // One of the two updated was on time.
        #expect(onTheDay.onTimeRate == 0.5)
        #expect(onTheDay.dueSoon.map(\.id) == ["TT-05-2026", "QD-40-2026"])
        let dayAfter = legalFigures(documents, settings: settings, today: day("2026-09-16"))
        #expect(dayAfter.overdue == ["TT-05-2026"])
        #expect(dayAfter.pending == ["QD-40-2026", "TT-05-2026"])
        #expect(dayAfter.dueSoon.map(\.id) == ["QD-40-2026"])
    }

    @Test func rateIsNullWithoutUpdatesAndRoundedToFourPlaces() {
        #expect(legalFigures([document("TT-05-2026", effective: "2026-06-15")], settings: settings, today: day("2026-07-01")).onTimeRate == nil)
        // 2 of 3 on time: 0.6667.
        let three = [
            document("A", effective: "2026-01-01", updated: "2026-02-01"), document("B", effective: "2026-01-01", updated: "2026-03-01"),
            document("C", effective: "2026-01-01", updated: "2026-04-02"),
        ]
        let f = legalFigures(three, settings: settings, today: day("2026-06-01"))
        #expect(f.onTimeRate == 0.6667)
        #expect(f.late == ["C"])
    }

    @Test func settingChangesTheDueDay() {
        // legal_update_months 1: effective 15/06/2026, due 15/07/2026.
        var oneMonth = Settings()
        oneMonth.legalUpdateMonths = 1
        let pending = [document("TT-05-2026", effective: "2026-06-15")]
        #expect(legalFigures(pending, settings: oneMonth, today: day("2026-07-15")).overdue == [])
        #expect(legalFigures(pending, settings: oneMonth, today: day("2026-07-16")).overdue == ["TT-05-2026"])
    }
}

@Suite struct DutyKpisTests {
    @Test func kpisCarryTheKeysOfSpec5() {
        // The sample's shape: figures for 25/11/2026.
        var content = Content(site: SiteConfig(organisation: "UBND phường Ninh Hòa"))
        content.audits = twoAudits()
        var march = Inspection(id: "2026-03-12", date: day("2026-03-12"), by: "Sở Khoa học và Công nghệ", mode: .onSite)
        march.findings = [Inspection.Finding(text: "Chưa cập nhật danh mục tài liệu bên ngoài")]
        content.inspections = [march]
        content.legal = [LegalDocument(id: "QD-12-2026", title: "Quyết định 12/2026/QĐ-UBND", effectiveOn: day("2026-09-01"))]
        let kpis = computeFigures(content, today: day("2026-11-25")).kpis
        // 24/06/2026 → 25/11/2026: 6 + 31 + 31 + 30 + 31 + 25 = 154 days.
        #expect(kpis["audits"]?.serialized() == """
        {"last":"2026-06-24","days_since_last":154,"due":false,"findings":{"nonconformity":5,"observation":2,"opportunity":1},\
        "unanswered_findings":["2025-11-24#2","2026-06-22#2","2026-06-22#3"],"last_id":"2026-06-22","next_due":"2027-06-24"}
        """)
        // Report due 12/05/2026, none sent: overdue. QĐ 12 effective 01/09/2026, due 01/12/2026: pending.
        #expect(kpis["inspections"]?.serialized() == """
        {"last":"2026-03-12","reports_overdue":["2026-03-12"],"reports_late":[],"rejected_open":[],"last_id":"2026-03-12",\
        "reports_due":{"2026-03-12":"2026-05-12"}}
        """)
        #expect(kpis["legal"]?.serialized() == #"{"pending":["QD-12-2026"],"overdue":[],"late":[],"on_time_rate":null}"#)
    }
}
