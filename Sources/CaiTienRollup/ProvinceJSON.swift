import CaiTienModel

/// The province's own data.json: `{"schema": 1, "document": "rollup", "today", "stale_after_days",
/// "year", "totals": {…}, "wards": [{"source", "name", "status", "error", "organisation",
/// "base_url", "commit", "today", "schema", "figures": {…}}]}`. Figures only, as the page.
public enum RollupDocument {
    public static let name = "rollup"
    /// Grows as a ward's data.json schema does (README, "data.json schema").
    public static let schema = 1
}

public func provinceJSON(_ r: Rollup) -> String {
    func count(_ n: Int?) -> JSON { n.map(JSON.int) ?? .null }
    func fraction(_ d: Double?) -> JSON { d.map(JSON.double) ?? .null }
    let t = r.totals
    let totals: JSON = .object([
        ("wards", .int(t.wards)), ("current", .int(t.current)), ("stale", .int(t.stale)),
        ("unreachable", .int(t.unreachable)), ("unknown_schema", .int(t.unknownSchema)),
        ("open", .int(t.open)), ("overdue", .int(t.overdue)), ("awaiting_leader", count(t.awaitingLeader)),
        ("recurring_uncovered", .int(t.recurringUncovered)),
        ("objectives_evaluated", .int(t.objectivesEvaluated)), ("objectives_met", .int(t.objectivesMet)),
        ("attainment", fraction(t.attainment)),
        ("review_due", .int(t.reviewDue)), ("audit_due", count(t.auditDue)),
        ("inspection_reports_overdue", count(t.inspectionReportsOverdue)), ("legal_overdue", count(t.legalOverdue)),
    ])
    var out = JSON.object([
        ("schema", .int(RollupDocument.schema)), ("document", .string(RollupDocument.name)),
        ("today", .day(r.today)), ("year", .int(r.year)), ("stale_after_days", .int(r.staleAfterDays)),
        ("totals", totals),
    ]).serialized()
    out.removeLast()
    out += ",\"wards\":["
    for (i, row) in r.rows.enumerated() {
        var pairs: [(String, JSON)] = [("source", .string(row.source.text)), ("name", .string(row.name)),
                                       ("status", .string(r.status(row).rawValue))]
        switch row.result {
        case .failure(let problem):
            pairs.append(("error", .string(problem.description)))
            if case .unknownSchema(let n) = problem { pairs.append(("schema", .int(n))) }
        case .success(let f):
            let year = f.objectives[r.year]
            pairs += [
                ("error", .null), ("schema", .int(f.schema)), ("organisation", .text(f.organisation)),
                ("base_url", .text(f.baseURL)), ("commit", .text(f.commit)), ("today", .day(f.today)),
                ("age_days", .int(r.age(f))),
                ("figures", .object([
                    ("total", count(f.total)), ("open", .int(f.open)), ("overdue", .int(f.overdue)), ("due_soon", count(f.dueSoon)),
                    ("awaiting_leader", count(f.awaitingLeader)),
                    ("recurring", .int(f.recurring)), ("recurring_uncovered", .int(f.recurringUncovered)),
                    ("objectives", count(year?.objectives)), ("objectives_evaluated", count(year?.evaluated)),
                    ("objectives_met", count(year?.met)), ("attainment", fraction(year?.attainment)),
                    ("review_last", .day(f.lastReview)), ("review_due", f.reviewDue.map(JSON.bool) ?? .null),
                    ("audit_due", f.auditDue.map(JSON.bool) ?? .null),
                    ("inspection_reports_overdue", count(f.inspectionReportsOverdue)), ("legal_overdue", count(f.legalOverdue)),
                ])),
            ]
        }
        out += (i == 0 ? "" : ",") + JSON.object(pairs).serialized()
    }
    out += "]}\n"
    return out
}
