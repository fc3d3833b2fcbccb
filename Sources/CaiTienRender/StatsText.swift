import CaiTienAnalysis
import CaiTienModel

/// The figures as plain text for a terminal (`caitien stats`), in `language`: the lines of the
/// registry (`CommandMessage.stats…`) with the built-in theme's names of stages, kinds, sources
/// and finding types.
public func statsText(_ f: Figures, content: Content, language: Language = .en) -> String {
    let words = StatsWords(language)
    let r = f.requests
    var lines: [String] = []
    lines.append(words.say(.statsHeading, ["day": .day(f.today), "organisation": .value(content.site.organisation)]))
    lines.append("")
    lines.append(words.say(.statsRequests, ["total": .value(r.total), "open": .value(r.open), "closed": .value(r.closed), "cancelled": .value(r.cancelled)]))
    lines.append(words.say(.statsByStage, ["list": words.counts(r.byStage) { words.label?.stage($0) ?? $0.rawValue }]))
    lines.append(words.say(.statsByKind, ["list": words.counts(r.byKind) { words.label?.kind($0) ?? $0.rawValue }]))
    lines.append(words.say(.statsByUnit, ["list": words.counts(r.byUnit) { $0 }]))
    lines.append(words.say(.statsBySource, ["list": words.counts(r.bySource.filter { $0.1 > 0 }) { words.label?.source($0) ?? $0.rawValue }]))
    lines.append(words.say(.statsOverdue, ["ids": words.ids(r.overdue)]))
    lines.append(words.say(.statsDueSoon, ["ids": words.ids(r.dueSoon)]))
    lines.append(words.say(.statsActionsOverdue, ["ids": words.ids(r.actionsOverdue)]))
    lines.append(words.say(.statsMissingProgress, ["ids": words.ids(r.missingProgress)]))
    lines.append(words.say(.statsAwaitingVerification, ["ids": words.ids(r.awaitingVerification)]))
    lines.append(words.say(.statsUndecided, ["ids": words.ids(r.undecided)]))
    lines.append(words.say(.statsRates, ["onTime": words.percent(r.closedOnTimeRate), "effective": words.percent(r.effectivenessRate)]))
    lines.append(words.say(.statsDaysToClose, ["median": .value(r.daysToCloseMedian.map { formatNumber($0, locale: language.rawValue) } ?? "—"),
                                               "p90": .value(r.daysToCloseP90.map(String.init) ?? "—")]))
    lines.append(words.say(.statsAge, ["a": .value(r.ageBuckets[0]), "b": .value(r.ageBuckets[1]), "c": .value(r.ageBuckets[2]), "d": .value(r.ageBuckets[3])]))
    lines.append(words.say(.statsDisposable, ["ids": words.ids(r.disposable)]))
    lines.append("")
    lines.append(words.say(.statsRecurring, ["none": f.recurring.isEmpty ? .value(" " + words.say(.statsNone)) : .empty]))
    for g in f.recurring {
        let state = g.coveredBy.map { words.phrase(.statsCoveredBy, ["id": .value($0)]) } ?? words.phrase(.statsActionRequired)
        lines.append(words.say(.statsRecurringGroup, ["unit": .value(g.unit), "category": g.category.map(Phrase.value) ?? words.phrase(.statsConfidential),
                                                      "run": .value(g.run), "state": state]))
    }
    lines.append("")
    for y in f.objectives {
        lines.append(words.say(.statsObjectives, ["year": .value(y.year), "objectives": .value(y.total.objectives), "evaluated": .value(y.total.evaluated),
                                                  "met": .value(y.total.met), "attainment": words.percent(y.total.attainment)]))
        if !y.latePlans.isEmpty { lines.append(words.say(.statsPlansLate, ["ids": words.ids(y.latePlans)])) }
        if !y.unapprovedPlans.isEmpty { lines.append(words.say(.statsPlansUnapproved, ["ids": words.ids(y.unapprovedPlans)])) }
        if !y.lateEvaluations.isEmpty { lines.append(words.say(.statsEvaluationsLate, ["ids": words.ids(y.lateEvaluations)])) }
        if !y.missingEvaluations.isEmpty { lines.append(words.say(.statsEvaluationsMissing, ["ids": words.ids(y.missingEvaluations)])) }
        if !y.missingPlans.isEmpty { lines.append(words.say(.statsPlansMissing, ["ids": words.ids(y.missingPlans)])) }
    }
    lines.append("")
    let v = f.reviews
    lines.append(words.say(.statsReview, ["last": words.day(v.last), "ago": words.ago(v.daysSinceLast), "due": words.due(v.due, next: v.nextDue)]))
    for (id, missing) in v.incomplete { lines.append(words.say(.statsReviewIncomplete, ["id": .value(id), "inputs": .list(missing)])) }
    lines.append(words.say(.statsDecisions, ["count": .value(v.decisionsWithoutTicket), "ids": words.ids(v.decisionsOverdue)]))
    lines += dutyStatsLines(f, words)
    return lines.joined(separator: "\n")
}

/// The pieces the lines of `caitien stats` are made of, in one language.
struct StatsWords {
    let language: Language
    /// The built-in theme's names of values (always there; nil only if the theme lost a locale).
    let label: Localizer?

    init(_ language: Language) {
        self.language = language
        label = try? Localizer(theme: .builtIn, locale: language.rawValue)
    }

    func phrase(_ message: CommandMessage, _ arguments: [String: Phrase] = [:]) -> Phrase { .value(say(message, arguments)) }
    func say(_ message: CommandMessage, _ arguments: [String: Phrase] = [:]) -> String { message(arguments).text(language) }

    func ids(_ list: [String]) -> Phrase { list.isEmpty ? phrase(.statsNone) : .value("\(list.count): " + list.joined(separator: ", ")) }
    func percent(_ value: Double?) -> Phrase { .value(value.map { formatPercent($0, locale: language.rawValue) } ?? "—") }
    func day(_ day: Day?) -> Phrase { day.map(Phrase.day) ?? phrase(.statsNever) }
    func ago(_ days: Int?) -> Phrase { days.map { phrase(.statsDaysAgo, ["days": .value($0)]) } ?? .empty }
    func due(_ due: Bool, next: Day?) -> Phrase { due ? phrase(.statsDueNow) : phrase(.statsNextDue, ["day": next.map(Phrase.day) ?? .value("—")]) }
    /// "Mới mở 9; Đã phân công 2": semicolons, as a name may hold a comma ("Phản hồi, khiếu nại").
    func counts<T>(_ pairs: [(T, Int)], _ name: (T) -> String) -> Phrase { .value(pairs.map { "\(name($0.0)) \($0.1)" }.joined(separator: "; ")) }
}
