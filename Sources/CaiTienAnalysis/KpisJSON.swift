import CaiTienModel

extension Figures {
    /// `since`, `deadline`, and the three ways of saying how the step stands.
    func waitJSON(_ w: Wait) -> [(String, JSON)] {
        [("since", .day(w.since)), ("deadline", .day(w.deadline)),
         ("days_late", w.daysLate(today).map(JSON.int) ?? .null), ("days_left", w.daysLeft(today).map(JSON.int) ?? .null),
         ("days_waiting", .int(w.daysWaiting(today)))]
    }

    /// One open request's next step. A name the request itself gives is withheld when it is confidential.
    func nextStepJSON(_ s: NextStep) -> JSON {
        let name = s.confidential && s.role.namedByRecord ? nil : s.name
        return .object([
            ("id", .string(s.id)), ("unit", .string(s.unit)), ("step", .string(s.step.rawValue)), ("clause", .string(s.step.clause)),
            ("owner", .text(name)), ("owner_role", .string(s.role.rawValue)),
            ("action", s.action.map { JSON.int($0 + 1) } ?? .null),
        ] + waitJSON(s.wait))
    }

    /// The `kpis` object of data.json (SPEC §3), also printed by `caitien stats --json`.
    public var kpis: JSON {
        let r = requests
        let tickets: JSON = .object([
            ("total", .int(r.total)), ("open", .int(r.open)), ("closed", .int(r.closed)), ("cancelled", .int(r.cancelled)),
            ("by_stage", .object(r.byStage.map { ($0.0.rawValue, .int($0.1)) })),
            ("by_kind", .object(r.byKind.map { ($0.0.rawValue, .int($0.1)) })),
            ("by_source", .object(r.bySource.map { ($0.0.rawValue, .int($0.1)) })),
            ("by_unit", .object(r.byUnit.map { ($0.0, .int($0.1)) })),
            ("per_month", .array(r.perMonth.map {
                .object([("month", .string($0.month)), ("opened", .int($0.opened)), ("closed", .int($0.closed))])
            })),
            ("overdue", .strings(r.overdue)),
            ("due_soon", .strings(r.dueSoon)),
            ("actions_overdue", .strings(r.actionsOverdue)),
            ("missing_progress", .strings(r.missingProgress)),
            ("awaiting_verification", .strings(r.awaitingVerification)),
            ("undecided", .strings(r.undecided)),
            ("closed_on_time_rate", r.closedOnTimeRate.map(JSON.double) ?? .null),
            ("effectiveness_rate", r.effectivenessRate.map(JSON.double) ?? .null),
            ("days_to_close", .object([
                ("median", r.daysToCloseMedian.map(JSON.double) ?? .null),
                ("p90", r.daysToCloseP90.map(JSON.int) ?? .null),
            ])),
            ("age_buckets", .object(zip(["0-30", "31-90", "91-180", "181+"], r.ageBuckets).map { ($0, .int($1)) })),
            ("disposable", .strings(r.disposable)),
            ("next_steps", .array(r.nextSteps.keys.sorted().map { nextStepJSON(r.nextSteps[$0]!) })),
            ("actions_late", .array(r.lateActions.map { a in
                .object([("id", .string(a.id)), ("action", .int(a.index + 1)), ("owner", .text(a.confidential ? nil : a.owner)),
                         ("due", .day(a.due)), ("days_late", .int(today.days(since: a.due)))])
            })),
            ("progress_late", .array(r.lateProgress.map { p in
                .object([("id", .string(p.id)), ("owner", .text(p.confidential ? nil : p.owner)), ("last", .day(p.last)),
                         ("deadline", .day(p.deadline)), ("days_late", .int(today.days(since: p.deadline)))])
            })),
            ("leader_queue", .object([
                ("ids", .strings(r.leaderQueue)), ("longest_wait", r.leaderQueueLongestWait.map(JSON.int) ?? .null),
                ("alert", .bool(r.leaderQueueAlert)),
            ])),
        ])
        let recurringJSON: JSON = .array(recurring.map {
            .object([
                ("unit", .string($0.unit)), ("category", .text($0.category)), ("run", .int($0.run)),
                ("covered_by", .text($0.coveredBy)), ("ids", .strings($0.ids)), ("last_effective", .text($0.lastEffective)),
            ])
        })
        func attainment(_ a: Attainment) -> [(String, JSON)] {
            [("objectives", .int(a.objectives)), ("evaluated", .int(a.evaluated)), ("met", .int(a.met)),
             ("attainment", a.attainment.map(JSON.double) ?? .null)]
        }
        let objectivesJSON: JSON = .object(objectives.map { year in
            (String(year.year), .object(attainment(year.total) + [
                ("by_unit", .object(year.byUnit.map { ($0.0, .object(attainment($0.1))) })),
                ("late_plans", .strings(year.latePlans)),
                ("unapproved_plans", .strings(year.unapprovedPlans)),
                ("late_evaluations", .strings(year.lateEvaluations)),
                ("missing_evaluations", .strings(year.missingEvaluations)),
                ("missing_plans", .strings(year.missingPlans)),
                ("standing", .object(year.standings.map { ($0.0.rawValue, .int($0.1)) })),
                ("at_risk", .strings(year.atRisk)),
                ("not_met", .strings(year.notMet)),
            ]))
        })
        let v = reviews
        let reviewsJSON: JSON = .object([
            ("last", .day(v.last)), ("last_id", .text(v.lastID)),
            ("days_since_last", v.daysSinceLast.map(JSON.int) ?? .null),
            ("due", .bool(v.due)), ("next_due", .day(v.nextDue)),
            ("incomplete", .object(v.incomplete.map { ($0.0, .strings($0.1)) })),
            ("decisions_without_ticket", .int(v.decisionsWithoutTicket)),
            ("decisions_overdue", .strings(v.decisionsOverdue)),
            ("decisions_waiting", .array(v.decisionsWaiting.map { d in
                .object([("review", .string(d.review)), ("decision", .int(d.index + 1)), ("owner", .text(d.owner))] + waitJSON(d.wait))
            })),
        ])
        let trendsJSON: JSON = .object([
            ("since", .day(trends.since)),
            ("nc_pareto", .array(trends.categories.map {
                .object([("category", .text($0.category)), ("count", .int($0.count)), ("cumulative", .double($0.cumulative))])
            })),
            ("days_to_stage", .object(trends.stageTimes.map {
                ($0.milestone, .object([("median", $0.median.map(JSON.double) ?? .null), ("count", .int($0.count))]))
            })),
            ("open_by_unit_age", .object(trends.openByUnitAge.map {
                ($0.unit, .object(zip(["0-30", "31-90", "91-180", "181+"], $0.buckets).map { ($0, .int($1)) }))
            })),
        ])
        return .object([
            ("tickets", tickets), ("recurring", recurringJSON), ("trends", trendsJSON), ("objectives", objectivesJSON), ("reviews", reviewsJSON),
        ] + dutyKpis)
    }
}
