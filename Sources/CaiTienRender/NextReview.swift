import CaiTienAnalysis
import CaiTienModel

extension SiteModel {
    /// The report of 5.8.2.1 for the period since the last review, pre-filled with what the
    /// records can give; headed blanks for what they cannot (context, resources, providers).
    func nextReviewView() -> View {
        let depth = 2
        let held = content.reviews.filter { $0.date <= today }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let last = held.last
        let start = last.map { $0.date.adding(days: 1) } ?? today.adding(days: -364)
        let length = today.days(since: start) + 1
        let previousStart = start.adding(days: -length)
        let inPeriod = { (d: Day?) -> Bool in d.map { $0 >= start && $0 <= today } ?? false }
        let inPrevious = { (d: Day?) -> Bool in d.map { $0 >= previousStart && $0 < start } ?? false }

        // One pass over the requests: (opened in period, opened in the period before, closed in period) per key.
        var tallies: [String: (Int, Int, Int)] = [:]
        for r in content.requests {
            let a = inPeriod(r.opened) ? 1 : 0, b = inPrevious(r.opened) ? 1 : 0
            let c = r.stage == .closed && inPeriod(r.closed) ? 1 : 0
            guard a + b + c > 0 else { continue }
            for key in ["unit:" + r.unit, "source:" + r.source.rawValue] {
                let t = tallies[key] ?? (0, 0, 0)
                tallies[key] = (t.0 + a, t.1 + b, t.2 + c)
            }
        }
        func counts(_ prefix: String, _ labels: [(String, String)]) -> [View] {
            labels.compactMap { code, label -> View? in
                guard let (opened, before, closed) = tallies[prefix + code] else { return nil }
                let trend = opened > before ? "↑" : opened < before ? "↓" : "="
                return ["label": label, "opened": opened, "previous": before, "closed": closed, "trend": trend]
            }
        }
        let periodRequests = content.requests.filter { inPeriod($0.opened) }.sorted { $0.id < $1.id }
        // At most 200 a list, with the number left out: the report stays printable.
        func items(_ filter: (Request) -> Bool) -> View {
            let all = periodRequests.filter(filter)
            return ["items": all.prefix(200).map { requestItem($0, depth: depth) }, "count": all.count,
                    "more": all.count > 200 ? all.count - 200 : nil as Int? as Any, "empty": all.isEmpty]
        }
        let closedInPeriod = content.requests.filter { $0.stage == .closed && inPeriod($0.closed) }
        let verified = content.requests.filter { inPeriod($0.verifiedOn) && $0.result != nil }
        let effective = verified.filter { $0.result == .effective }.count

        let objectiveYears = figures.objectives.filter { $0.year == today.year || $0.year == today.year - 1 }.map { y -> View in
            ["year": y.year, "objectives": y.total.objectives, "evaluated": y.total.evaluated, "met": y.total.met,
             "attainment": l.percent(y.total.attainment),
             "units": y.byUnit.map { ["unit": unitName($0.0 == "_ward" ? nil : $0.0), "attainment": l.percent($0.1.attainment),
                                      "met": $0.1.met, "evaluated": $0.1.evaluated] as View }]
        }
        return [
            "from": l.date(start), "to": l.date(today), "has_last": last != nil,
            "last_id": last?.id ?? "", "last_date": l.date(last?.date), "last_href": last.map { rootPrefix(depth) + "reviews/\($0.id)/index.html" } ?? "",
            "last_decisions": (last?.decisions ?? []).map { decisionView($0, depth: depth) },
            "has_last_decisions": !(last?.decisions ?? []).isEmpty,
            "by_unit": counts("unit:", content.site.units.map { ($0.code, $0.name) }),
            "by_source": counts("source:", Source.allCases.map { ($0.rawValue, l.source($0)) }),
            "opened": periodRequests.count, "closed": closedInPeriod.count,
            "nonconformities": periodRequests.filter { $0.kind == .nonconformity }.count,
            "verified": verified.count, "effective": effective, "effectiveness": l.percent(rate(effective, verified.count)),
            "overdue": requestItems(figures.requests.overdue.prefix(200), depth: depth), "has_overdue": !figures.requests.overdue.isEmpty,
            "overdue_more": figures.requests.overdue.count > 200 ? figures.requests.overdue.count - 200 : nil as Int? as Any,
            "recurring": figures.recurring.map { g -> View in
                ["unit": unitName(g.unit), "category": g.category ?? l.t("confidential_notice"), "run": g.run, "required": g.coveredBy == nil, "covered_by": g.coveredBy as Any]
            },
            "has_recurring": !figures.recurring.isEmpty,
            "objective_years": objectiveYears, "has_objectives": !objectiveYears.isEmpty,
            "audit": items { $0.source == .internalAudit }, "feedback": items { $0.source == .feedback },
            "risk": items { $0.source == .riskAnalysis }, "improvement": items { $0.kind == .improvement },
            "doc": documentHeader(title: l.t("form_report"), subtitle: "\(l.t("next_review_intro")) \(l.t("period_from")) \(l.date(start)) \(l.t("period_to")) \(l.date(today))",
                                  code: "BM.CTCL.02", day: nil),
            "signatures": [signature(l.t("sign_report_writer"), for: l.t("sign_report_writer_for"), name: nil, on: nil),
                           signature(l.t("sign_report_approver"), for: l.t("sign_report_approver_for"), name: nil, on: nil)],
            "blanks": ["context_changes", "satisfaction_measurement", "provider_performance", "resources"].map { ["label": l.t("input_" + $0)] as View },
        ]
    }
}
