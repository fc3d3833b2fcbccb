import CaiTienAnalysis
import CaiTienModel

/// The figures as plain text for a terminal (`caitien stats`).
public func statsText(_ f: Figures, content: Content) -> String {
    let r = f.requests
    func percent(_ value: Double?) -> String { value.map { formatPercent($0, locale: "en") } ?? "—" }
    func ids(_ list: [String]) -> String { list.isEmpty ? "none" : "\(list.count): " + list.joined(separator: ", ") }
    var lines: [String] = []
    lines.append("Figures for \(f.today.iso) — \(content.site.organisation)")
    lines.append("")
    lines.append("Requests: \(r.total) total, \(r.open) open, \(r.closed) closed, \(r.cancelled) cancelled")
    lines.append("  by stage: " + r.byStage.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
    lines.append("  by kind: " + r.byKind.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
    lines.append("  by unit: " + r.byUnit.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
    lines.append("  by source: " + r.bySource.filter { $0.1 > 0 }.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
    lines.append("  overdue: \(ids(r.overdue))")
    lines.append("  due soon: \(ids(r.dueSoon))")
    lines.append("  actions overdue: \(ids(r.actionsOverdue))")
    lines.append("  missing monthly progress: \(ids(r.missingProgress))")
    lines.append("  awaiting verification: \(ids(r.awaitingVerification))")
    lines.append("  undecided: \(ids(r.undecided))")
    lines.append("  closed on time: \(percent(r.closedOnTimeRate)); effective: \(percent(r.effectivenessRate))")
    lines.append("  days to close: median \(r.daysToCloseMedian.map { formatNumber($0, locale: "en") } ?? "—"), p90 \(r.daysToCloseP90.map(String.init) ?? "—")")
    lines.append("  age of open requests: 0–30: \(r.ageBuckets[0]), 31–90: \(r.ageBuckets[1]), 91–180: \(r.ageBuckets[2]), 181+: \(r.ageBuckets[3])")
    lines.append("  may be disposed of (retention over): \(ids(r.disposable))")
    lines.append("")
    lines.append("Recurring nonconformities: \(f.recurring.isEmpty ? "none" : "")")
    for g in f.recurring {
        lines.append("  \(g.unit) / \(g.category ?? "(confidential)"): \(g.run) in a row — " + (g.coveredBy.map { "covered by \($0)" } ?? "CORRECTIVE ACTION REQUIRED"))
    }
    lines.append("")
    for y in f.objectives {
        lines.append("Objectives \(y.year): \(y.total.objectives) objectives, \(y.total.evaluated) evaluated, \(y.total.met) met, attainment \(percent(y.total.attainment))")
        if !y.latePlans.isEmpty { lines.append("  plans approved late: \(ids(y.latePlans))") }
        if !y.unapprovedPlans.isEmpty { lines.append("  plans not approved: \(ids(y.unapprovedPlans))") }
        if !y.lateEvaluations.isEmpty { lines.append("  evaluations late: \(ids(y.lateEvaluations))") }
        if !y.missingEvaluations.isEmpty { lines.append("  evaluations missing: \(ids(y.missingEvaluations))") }
        if !y.missingPlans.isEmpty { lines.append("  plans missing: \(ids(y.missingPlans))") }
    }
    lines.append("")
    let v = f.reviews
    lines.append("Management review: last \(v.last?.iso ?? "never")\(v.daysSinceLast.map { ", \($0) days ago" } ?? ""); " + (v.due ? "DUE NOW" : "next due by \(v.nextDue?.iso ?? "—")"))
    for (id, missing) in v.incomplete { lines.append("  \(id) is missing inputs: \(missing.joined(separator: ", "))") }
    lines.append("  decisions without a request: \(v.decisionsWithoutTicket); decisions whose request is overdue: \(ids(v.decisionsOverdue))")
    lines += dutyStatsLines(f)
    return lines.joined(separator: "\n")
}
