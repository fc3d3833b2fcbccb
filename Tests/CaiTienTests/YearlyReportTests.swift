import CaiTienAnalysis
import CaiTienModel
import Testing

// The yearly report of TT 26/2014 Điều 36 (SPEC §5) on records built here, each figure worked
// out by hand in the comment above it: a finished year (2025) and the running one (2026).

private func day(_ text: String) -> Day { Day(parsing: text)! }

private func request(_ id: String, _ kind: Kind, source: Source = .internalAudit, opened: String, due: String? = nil,
                     verified: String? = nil, result: VerificationResult? = nil, closed: String? = nil) -> Request {
    var r = Request(id: id, title: "Phiếu \(id)", kind: kind, source: source, unit: "tthcc", opened: day(opened), reportedBy: "Lê Văn Cường")
    r.due = due.map(day)
    r.verifiedOn = verified.map(day)
    r.result = result
    r.closed = closed.map(day)
    return r
}

private func document(_ id: String, effective: String, updated: String? = nil) -> LegalDocument {
    var d = LegalDocument(id: id, title: "Văn bản \(id)", effectiveOn: day(effective))
    d.updatedOn = updated.map(day)
    return d
}

/// Two years of a ward's records.
private func ward() -> Content {
    var site = SiteConfig(organisation: "UBND phường Ninh Hòa")
    site.units = [Unit(code: "tthcc", name: "Trung tâm Phục vụ hành chính công"), Unit(code: "van-phong", name: "Văn phòng HĐND và UBND")]
    site.qms.announcedOn = day("2024-03-15")
    site.qms.announcementRef = "Quyết định số 45/QĐ-UBND"
    site.qms.scopeChangedOn = day("2025-07-01")
    site.qms.effectivenessConfirmedOn = day("2025-12-20")
    var content = Content(site: site)
    content.requests = [
        // A: nonconformity, closed 06/03/2025 after an effective verification on 05/03/2025.
        request("PYC-2025-001", .nonconformity, opened: "2025-02-10", due: "2025-03-10", verified: "2025-03-05", result: .effective, closed: "2025-03-06"),
        // B: nonconformity, due 15/12/2025, still open.
        request("PYC-2025-008", .nonconformity, opened: "2025-11-25", due: "2025-12-15"),
        // C: improvement from feedback, verified effective 30/05/2025, closed 01/06/2025.
        request("PYC-2025-004", .improvement, source: .feedback, opened: "2025-05-01", verified: "2025-05-30", result: .effective, closed: "2025-06-01"),
        // D: potential NC from a stakeholder in 2026, verified ineffective, closed 01/02/2026.
        request("PYC-2026-002", .potential, source: .stakeholder, opened: "2026-01-10", verified: "2026-01-31", result: .ineffective, closed: "2026-02-01"),
        // E: nonconformity opened 20/12/2025, verified 04/01/2026, closed 05/01/2026.
        request("PYC-2025-013", .nonconformity, opened: "2025-12-20", verified: "2026-01-04", result: .effective, closed: "2026-01-05"),
    ]
    var review = Review(id: "2025-12-18", date: day("2025-12-18"), format: .meeting)
    review.decisions = [Review.Decision(type: .improvement, text: "Số hóa sổ hộ tịch"), Review.Decision(type: .resources, text: "Máy quét"),
                        Review.Decision(type: .improvement, text: "Đánh giá hài lòng bằng mã QR")]
    content.reviews = [review]
    var tthcc = ObjectivePlan(id: "2025/tthcc", year: 2025, unit: "tthcc")
    tthcc.approvedOn = day("2025-01-20")
    tthcc.evaluatedOn = day("2025-12-20")
    tthcc.objectives = [ObjectivePlan.Objective(code: "MT1", text: "Hồ sơ đúng hạn", target: 100, actual: 100),
                        ObjectivePlan.Objective(code: "MT2", text: "Hài lòng", target: 95, actual: 90)]
    var office = ObjectivePlan(id: "2025/van-phong", year: 2025, unit: "van-phong")
    office.approvedOn = day("2025-02-05")
    office.objectives = [ObjectivePlan.Objective(code: "MT1", text: "Văn bản đúng hạn", target: 100)]
    content.plans = [office, tthcc]
    var november = Audit(id: "2025-11-24", date: day("2025-11-24"), leadAuditor: "Ngô Thanh Hùng")
    november.end = day("2025-11-26")
    november.scope = ["tthcc", "van-phong"]
    november.findings = [Audit.Finding(unit: "tthcc", type: .nonconformity, text: "Trả kết quả trễ hạn", ticket: "PYC-2025-008"),
                         Audit.Finding(unit: "van-phong", type: .nonconformity, text: "Biểu mẫu cũ"),
                         Audit.Finding(unit: "tthcc", type: .observation, text: "Ghế chờ")]
    var june = Audit(id: "2026-06-22", date: day("2026-06-22"), leadAuditor: "Ngô Thanh Hùng")
    june.findings = [Audit.Finding(unit: "tthcc", type: .opportunity, text: "Số hóa")]
    content.audits = [june, november]
    var september = Inspection(id: "2025-09-10", date: day("2025-09-10"), by: "Sở Khoa học và Công nghệ", mode: .documents)
    september.reports = [Inspection.Report(date: day("2025-11-05"))]
    content.inspections = [Inspection(id: "2026-03-12", date: day("2026-03-12"), by: "Sở Khoa học và Công nghệ", mode: .onSite), september]
    content.legal = [
        // L1: effective 01/01/2025, due 01/04/2025, taken in 20/03/2025: on time in 2025.
        document("L1", effective: "2025-01-01", updated: "2025-03-20"),
        // L2: effective 31/08/2025, due 30/11/2025, taken in 01/12/2025: late in 2025.
        document("L2", effective: "2025-08-31", updated: "2025-12-01"),
        // L3: effective 15/10/2025, due 15/01/2026, never taken in.
        document("L3", effective: "2025-10-15"),
        // L4: effective 01/11/2025, due 01/02/2026, taken in 20/01/2026.
        document("L4", effective: "2025-11-01", updated: "2026-01-20"),
        // L5: takes effect 01/01/2027.
        document("L5", effective: "2027-01-01"),
    ]
    return content
}

@Suite struct YearlyReportTests {
    @Test func aReportForEveryYearWithRecordsUpToToday() {
        // Records fall in 2025 and 2026; L5's 2027 is after today; the 2024 announcement is a
        // fact of site.yml, not a record.
        #expect(reportYears(ward(), today: day("2026-11-25")) == [2025, 2026])
        // On 31/12/2025 the records of 2026 lie ahead: no report for 2026 yet.
        #expect(reportYears(ward(), today: day("2025-12-31")) == [2025])
    }

    @Test func aFinishedYear() {
        let r = yearlyReport(ward(), year: 2025, today: day("2026-11-25"))
        #expect(r.provisional == false)
        #expect(r.asOf == day("2025-12-31"))
        // 1a, 2b, 2c, 2đ: the change of scope on 01/07/2025 came after the only announcement
        // (15/03/2024): no re-announcement. The head confirmed effectiveness on 20/12/2025.
        #expect(r.units == ["tthcc", "van-phong"])
        #expect(r.scopeChangedOn == day("2025-07-01"))
        #expect(r.reannounced == false)
        #expect(r.effectivenessConfirmedOn == day("2025-12-20"))
        #expect(r.announcedOn == day("2024-03-15") && r.announcementRef == "Quyết định số 45/QĐ-UBND")
        // 1c: tthcc approved 20/01 (on time), evaluated 20/12 (on time), 1 of 2 met; van-phong
        // approved 05/02 (late), not evaluated.
        #expect(r.plans.map(\.id) == ["2025/tthcc", "2025/van-phong"])
        #expect(r.plans.map(\.approvedOnTime) == [true, false])
        #expect(r.plans.map(\.evaluatedOnTime) == [true, nil])
        #expect([r.objectives.objectives, r.objectives.evaluated, r.objectives.met] == [3, 2, 1])
        // 1đ: one review, one audit with 2 nonconformities (one without a request 30 days after
        // 26/11, i.e. after 26/12/2025) and an observation, one inspection.
        #expect(r.reviews == ["2025-12-18"])
        #expect(r.audits == ["2025-11-24"])
        #expect(r.findings.map(\.1) == [2, 1, 0])
        #expect(r.unansweredFindings == ["2025-11-24#2"])
        #expect(r.inspections == ["2025-09-10"])
        // Corrective requests opened in 2025: A, B, E; closed in 2025: A (E closed in 2026).
        #expect(r.correctiveOpened == ["PYC-2025-001", "PYC-2025-008", "PYC-2025-013"])
        #expect(r.correctiveClosed == ["PYC-2025-001"])
        // Open on 31/12/2025 past their deadline: B (due 15/12/2025).
        #expect(r.overdue == ["PYC-2025-008"])
        // Verified in 2025: A and C, both effective.
        #expect(r.verified == 2 && r.effective == 2 && r.effectivenessRate == 1)
        // 1e, 1g: C came from feedback and was closed; C is the improvement; decisions 1 and 3.
        #expect(r.feedback == ["PYC-2025-004"] && r.feedbackClosed == 1)
        #expect(r.improvements == ["PYC-2025-004"])
        #expect(r.improvementDecisions.map { "\($0.review)#\($0.number)" } == ["2025-12-18#1", "2025-12-18#3"])
        // 2d: L1 on time, L2 late; L3 (due 15/01/2026) and L4 (taken in 2026) wait at the year's
        // end, not yet due; L5 is not in effect in 2025.
        #expect(r.legal == ["L1", "L2", "L3", "L4"])
        #expect(r.legalOnTime == ["L1"] && r.legalLate == ["L2"])
        #expect(r.legalPending == ["L3", "L4"] && r.legalOverdue == [])
        #expect(r.legalOnTimeRate == 0.5)
    }

    @Test func theRunningYearIsProvisional() {
        let r = yearlyReport(ward(), year: 2026, today: day("2026-11-25"))
        #expect(r.provisional == true)
        #expect(r.asOf == day("2026-11-25"))
        #expect(r.scopeChangedOn == nil && r.reannounced == nil && r.effectivenessConfirmedOn == nil)
        // The announcement of 2024 is still the one in force.
        #expect(r.announcedOn == day("2024-03-15"))
        #expect(r.plans.isEmpty && r.objectives.objectives == 0)
        #expect(r.reviews == [] && r.improvementDecisions.isEmpty)
        #expect(r.audits == ["2026-06-22"] && r.findings.map(\.1) == [0, 0, 1])
        #expect(r.inspections == ["2026-03-12"])
        // D opened in 2026; D and E closed in 2026; B still open and overdue.
        #expect(r.correctiveOpened == ["PYC-2026-002"])
        #expect(r.correctiveClosed == ["PYC-2025-013", "PYC-2026-002"])
        #expect(r.overdue == ["PYC-2025-008"])
        // Verified in 2026: D (ineffective), E (effective): 1 of 2.
        #expect(r.verified == 2 && r.effective == 1 && r.effectivenessRate == 0.5)
        #expect(r.feedback == ["PYC-2026-002"] && r.feedbackClosed == 1)
        // 2d: L3 overdue since 15/01/2026; L4 taken in 20/01/2026, before 01/02/2026: on time.
        #expect(r.legal == ["L3", "L4"])
        #expect(r.legalOverdue == ["L3"] && r.legalOnTime == ["L4"] && r.legalLate == [] && r.legalPending == [])
        // L5 takes effect in 2027: seen in 2027's report (pending, due 01/04/2027), with L3 still overdue.
        let next = yearlyReport(ward(), year: 2027, today: day("2027-01-02"))
        #expect(next.legalPending == ["L5"] && next.legalOverdue == ["L3"])
    }

    @Test func reannouncedWhenTheAnnouncementFollowsTheChangeOfScope() {
        var content = ward()
        content.site.qms.announcedOn = day("2025-08-15")
        let r = yearlyReport(content, year: 2025, today: day("2026-11-25"))
        #expect(r.reannounced == true)
        // Announced on the day of the change itself counts too; seen from 2025's running year
        // before the announcement, not yet.
        #expect(yearlyReport(content, year: 2025, today: day("2025-08-14")).reannounced == false)
        #expect(yearlyReport(content, year: 2025, today: day("2025-08-14")).announcedOn == nil)
    }

    @Test func periodInputsOfTheNextReview() {
        // From 19/12/2025 (after the review of 18/12/2025) to 25/11/2026: the June audit, the
        // March inspection; legal documents that took effect, were taken in, or still wait:
        // L3 (waiting), L4 (taken in 20/01/2026). L5 takes effect after the period.
        let p = duties(ward(), from: day("2025-12-19"), to: day("2026-11-25"))
        #expect(p.audits == ["2026-06-22"])
        #expect(p.findings.map(\.1) == [0, 0, 1])
        #expect(p.inspections == ["2026-03-12"])
        #expect(p.legal == ["L3", "L4"])
    }
}
