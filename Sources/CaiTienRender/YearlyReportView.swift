import CaiTienAnalysis
import CaiTienModel

// The yearly report of TT 26/2014 Điều 36 (`report/YEAR/`): one section per item, what the
// records of the year show with links to them, and a headed blank where they cannot say.

extension SiteModel {
    func reportsIndexView() -> View {
        let depth = 1
        return [
            "tabs": dutyTabs(current: "report", depth: depth),
            "years": reportYears(content, today: today).reversed().map { year -> View in
                ["year": year, "href": "\(year)/index.html", "provisional": year == today.year]
            },
            "has_years": !reportYears(content, today: today).isEmpty,
        ]
    }

    /// Requests as list items, at most 200 with the number left out, so the report stays printable.
    func reportRequests(_ ids: [String], depth: Int) -> View {
        ["items": requestItems(ids.prefix(200), depth: depth), "count": ids.count, "empty": ids.isEmpty,
         "more": ids.count > 200 ? ids.count - 200 : nil as Int? as Any]
    }

    func yearlyReportView(_ year: Int) -> View {
        let depth = 2
        let root = rootPrefix(depth)
        let r = yearlyReport(content, year: year, today: today)
        let months = content.site.settings.legalUpdateMonths
        let audits = Dictionary(content.audits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let inspections = Dictionary(content.inspections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reviews = Dictionary(content.reviews.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let legal = Dictionary(content.legal.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func legalRows(_ ids: [String], status: String) -> [View] {
            ids.compactMap { legal[$0] }.map { d in
                ["id": d.id, "title": d.title, "effective_on": l.date(d.effectiveOn), "update_due": l.date(d.updateDue(months: months)),
                 "updated_on": l.date(d.updatedOn.flatMap { $0 <= r.asOf ? $0 : nil }), "status": l.t("legal_" + status), "status_key": status,
                 "href": root + OutputLayout.legalIndex + "#" + d.id] as View
            }
        }
        let legalTable = legalRows(r.legalOverdue, status: "overdue") + legalRows(r.legalLate, status: "late")
            + legalRows(r.legalPending, status: "pending") + legalRows(r.legalOnTime, status: "on_time")
        return [
            "year": year, "provisional": r.provisional, "as_of": l.date(r.asOf),
            "title": "\(l.t("report_title")) \(year)",
            // 1a
            "units": content.site.units.map { ["name": $0.name, "code": $0.code, "href": root + OutputLayout.unit($0.code)] as View },
            "scope_changed_on": l.date(r.scopeChangedOn), "has_scope_change": r.scopeChangedOn != nil,
            // 1c
            "objectives_href": root + OutputLayout.objectives(year: year),
            "plans": r.plans.map { p -> View in
                ["unit": unitName(p.unit), "approved_on": l.date(p.approvedOn), "approved_late": p.approvedOnTime == false,
                 "not_approved": p.approvedOn == nil, "evaluated_on": l.date(p.evaluatedOn), "evaluated_late": p.evaluatedOnTime == false,
                 "not_evaluated": p.evaluatedOn == nil && !r.provisional, "met": p.met, "evaluated": p.evaluated, "objectives": p.objectives,
                 "attainment": l.percent(rate(p.met, p.evaluated))]
            },
            "has_plans": !r.plans.isEmpty,
            "attainment": l.percent(r.objectives.attainment), "met": r.objectives.met, "evaluated": r.objectives.evaluated,
            // 1đ
            "reviews": r.reviews.compactMap { reviews[$0] }.map { v -> View in
                ["date": l.date(v.date), "href": root + OutputLayout.review(v.id),
                 "format": l.t(v.format == .meeting ? "format_meeting" : "format_report"), "decisions": v.decisions.count]
            },
            "has_reviews": !r.reviews.isEmpty,
            "audits": r.audits.compactMap { audits[$0] }.map { a -> View in
                var counts: [FindingType: Int] = [:]
                for f in a.findings { counts[f.type, default: 0] += 1 }
                return ["period": auditPeriod(a), "href": root + OutputLayout.audit(a.id),
                        "scope": a.scope.map(unitName).joined(separator: ", "),
                        "counts": FindingType.allCases.map { "\(l.t("finding_" + $0.rawValue)): \(counts[$0] ?? 0)" }.joined(separator: "; ")]
            },
            "has_audits": !r.audits.isEmpty,
            "unanswered": r.unansweredFindings.map { id -> View in
                let hash = id.lastIndex(of: "#") ?? id.endIndex
                let number = hash < id.endIndex ? id[id.index(after: hash)...] : ""
                return ["id": id, "href": root + OutputLayout.audit(String(id[..<hash])) + "#finding-" + number]
            },
            "has_unanswered": !r.unansweredFindings.isEmpty,
            "inspections": r.inspections.compactMap { inspections[$0] }.map { i -> View in
                let status = reportStatus(i)
                return ["date": l.date(i.date), "href": root + OutputLayout.inspection(i.id), "by": i.by,
                        "mode": l.t("mode_" + i.mode.rawValue), "status": status.label, "status_key": status.key]
            },
            "has_inspections": !r.inspections.isEmpty,
            "corrective_opened": reportRequests(r.correctiveOpened, depth: depth),
            "corrective_closed": reportRequests(r.correctiveClosed, depth: depth),
            "overdue": reportRequests(r.overdue, depth: depth),
            "verified": r.verified, "effective": r.effective, "effectiveness": l.percent(r.effectivenessRate),
            // 1e
            "feedback": reportRequests(r.feedback, depth: depth), "feedback_closed": r.feedbackClosed,
            // 1g
            "improvements": reportRequests(r.improvements, depth: depth),
            "decisions": r.improvementDecisions.compactMap { ref -> View? in
                guard let review = reviews[ref.review], review.decisions.indices.contains(ref.number - 1) else { return nil }
                var view = decisionView(review.decisions[ref.number - 1], depth: depth)
                view["review_date"] = l.date(review.date)
                view["review_href"] = root + OutputLayout.review(review.id)
                return view
            },
            "has_decisions": !r.improvementDecisions.isEmpty,
            // 2b
            "confirmed_on": l.date(r.effectivenessConfirmedOn), "has_confirmation": r.effectivenessConfirmedOn != nil,
            // 2c
            "announced_on": l.date(r.announcedOn), "announcement_ref": r.announcementRef ?? "", "has_announcement": r.announcedOn != nil,
            // 2d
            "legal": legalTable, "has_legal": !legalTable.isEmpty, "legal_on_time_rate": l.percent(r.legalOnTimeRate),
            "legal_on_time": r.legalOnTime.count, "legal_late": r.legalLate.count, "legal_overdue": r.legalOverdue.count,
            "legal_pending": r.legalPending.count, "legal_href": root + OutputLayout.legalIndex,
            // 2đ
            "reannounced": r.reannounced == true, "not_reannounced": r.reannounced == false,
            "signatures": [signature(l.t("sign_report_head"), name: nil, on: nil)],
        ]
    }

    func reportPages() -> [DutyPage] {
        [DutyPage(path: OutputLayout.reportsIndex, template: "reports", title: l.t("nav_reports"), view: reportsIndexView)]
            + reportYears(content, today: today).map { year in
                DutyPage(path: OutputLayout.report(year: year), template: "report", title: "\(l.t("report_title")) \(year)",
                         view: { yearlyReportView(year) })
            }
    }
}

extension SiteModel {
    /// The inputs `audit_results` and `context_changes` (5.8.1.1) of the next management review
    /// from the period since the last one: its internal audits and inspections, and the legal
    /// documents that took effect, were taken into the QMS or still wait.
    func nextReviewDuties() -> View {
        let depth = 2
        let root = rootPrefix(depth)
        let last = content.reviews.filter { $0.date <= today }.max { ($0.date, $0.id) < ($1.date, $1.id) }
        let start = last.map { $0.date.adding(days: 1) } ?? today.adding(days: -364)
        let p = duties(content, from: start, to: today)
        let months = content.site.settings.legalUpdateMonths
        let g = figures.legal
        let audits = Dictionary(content.audits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let inspections = Dictionary(content.inspections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let legal = Dictionary(content.legal.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unanswered = figures.audits.unansweredFindings
        return [
            "period_audits": p.audits.compactMap { audits[$0] }.map { a -> View in
                var counts: [FindingType: Int] = [:]
                for f in a.findings { counts[f.type, default: 0] += 1 }
                let open = a.findings.indices.filter { unanswered.contains(a.findingID($0)) }.count
                return ["period": auditPeriod(a), "href": root + OutputLayout.audit(a.id), "scope": a.scope.map(unitName).joined(separator: ", "),
                        "counts": FindingType.allCases.map { "\(l.t("finding_" + $0.rawValue)): \(counts[$0] ?? 0)" }.joined(separator: "; "),
                        "unanswered": open, "has_unanswered": open > 0]
            },
            "has_period_audits": !p.audits.isEmpty,
            "period_inspections": p.inspections.compactMap { inspections[$0] }.map { i -> View in
                let status = reportStatus(i)
                return ["date": l.date(i.date), "href": root + OutputLayout.inspection(i.id), "by": i.by,
                        "status": status.label, "status_key": status.key,
                        "response": i.response.map { l.t("response_" + $0.rawValue) } ?? ""]
            },
            "has_period_inspections": !p.inspections.isEmpty,
            "period_legal": p.legal.compactMap { legal[$0] }.map { d -> View in
                let key = g.overdue.contains(d.id) ? "overdue" : g.late.contains(d.id) ? "late"
                    : d.updatedOn != nil ? "on_time" : d.effectiveOn > today ? "not_in_effect" : "pending"
                return ["title": d.title, "href": root + OutputLayout.legalIndex + "#" + d.id, "effective_on": l.date(d.effectiveOn),
                        "update_due": l.date(d.updateDue(months: months)), "status": l.t("legal_" + key), "status_key": key]
            },
            "has_period_legal": !p.legal.isEmpty,
        ]
    }
}
