import CaiTienModel

/// How a step stands on the reference day: past its deadline, before it, or — for steps the
/// procedure gives no deadline — how long it has waited.
public enum Timing: Sendable, Equatable {
    /// "quá hạn N ngày": the deadline was N days ago.
    case late(Int)
    /// "còn N ngày": the deadline is N days away (0: today).
    case left(Int)
    /// "chờ N ngày": no deadline; waiting N days.
    case waiting(Int)
}

/// A step someone must take, from the day it began to wait, with the deadline if the records
/// set one.
public struct Wait: Sendable, Equatable {
    public var since: Day
    public var deadline: Day?

    public init(since: Day, deadline: Day?) { self.since = since; self.deadline = deadline }

    public func timing(_ today: Day) -> Timing {
        guard let deadline else { return .waiting(today.days(since: since)) }
        return deadline < today ? .late(today.days(since: deadline)) : .left(deadline.days(since: today))
    }

    /// Days since the step began to wait.
    public func daysWaiting(_ today: Day) -> Int { today.days(since: since) }

    public func daysLate(_ today: Day) -> Int? {
        if case .late(let n) = timing(today) { return n }
        return nil
    }

    public func daysLeft(_ today: Day) -> Int? {
        if case .left(let n) = timing(today) { return n }
        return nil
    }
}

/// Who must act on an open request, and on which step of QT.CTCL (SPEC §2 "Who must act").
public struct NextStep: Sendable, Equatable {
    public enum Step: String, Sendable, CaseIterable {
        /// 5.2.2: the unit head decides whether a corrective action is needed.
        case decide
        /// 5.3: the ISO committee's leader reviews the request and assigns it.
        case assign
        /// 5.4: the assignee finds the cause and proposes a solution; the ISO committee approves it.
        case propose
        /// 5.5: the actions are carried out.
        case implement
        /// 5.6: the head of the agency checks the evidence (kiểm tra xác nhận).
        case verify
        /// 5.7: the ISO committee closes the request.
        case close

        /// The clause of the procedure.
        public var clause: String {
            switch self {
            case .decide: "5.2.2"
            case .assign: "5.3"
            case .propose: "5.4"
            case .implement: "5.5"
            case .verify: "5.6"
            case .close: "5.7"
            }
        }
    }

    /// In what capacity the owner acts.
    public enum Role: String, Sendable, CaseIterable {
        case unitHead = "unit_head", isoCommittee = "iso_committee", assignee
        case actionOwner = "action_owner", agencyHead = "agency_head"

        /// Whether the name comes from the request itself (and is withheld when it is confidential);
        /// a unit head's name comes from site.yml.
        public var namedByRecord: Bool { self == .assignee || self == .actionOwner }
    }

    public var id: String
    public var unit: String
    public var step: Step
    public var role: Role
    /// The person, when a record names one: the unit head of site.yml, the assignee, the owner of
    /// the action. Nil when only the role is known (the ISO committee, the head of the agency).
    public var name: String?
    public var wait: Wait
    /// The request's own deadline (`due`), counted from its opening: how late the request is.
    public var request: Wait
    /// For `implement`: the action (0-based) whose owner acts first.
    public var action: Int?
    /// The request holds citizens' personal data: names from it are not shown.
    public var confidential: Bool
}

/// An action without `done` past its own `due`, in an open request.
public struct LateAction: Sendable, Equatable {
    public var id: String
    /// Position in the request's `actions` (0-based).
    public var index: Int
    public var owner: String?
    public var due: Day
    public var confidential: Bool

    public func timing(_ today: Day) -> Timing { Wait(since: due, deadline: due).timing(today) }
}

/// A request missing its monthly progress report (5.5): the assignee reports.
public struct LateProgress: Sendable, Equatable {
    public var id: String
    public var owner: String?
    /// The latest report, else the approval, assignment or opening it is counted from.
    public var last: Day
    /// The day the next report was due.
    public var deadline: Day
    public var confidential: Bool

    public func timing(_ today: Day) -> Timing { Wait(since: last, deadline: deadline).timing(today) }
}

/// A decision of a management review for which no request has been opened (5.8.1.2: the ISO
/// committee opens the requests after the meeting).
public struct DecisionWaiting: Sendable, Equatable {
    public var review: String
    /// Position in the review's `decisions` (0-based).
    public var index: Int
    /// The decision's owner, else nil (the ISO committee).
    public var owner: String?
    public var wait: Wait
}

/// The step an open request waits for; nil for closed and cancelled ones. `unitHead` is the
/// head of the request's unit in site.yml.
public func nextStep(_ r: Request, unitHead: String?) -> NextStep? { nextStep(r, stage: r.stage, unitHead: unitHead) }

/// The actions of an open request past their own due day, in their order.
public func lateActions(of r: Request, today: Day) -> [LateAction] {
    guard r.isOpen else { return [] }
    var late: [LateAction] = []
    for (i, action) in r.actions.enumerated() where action.done == nil {
        guard let due = action.due, due < today else { continue }
        late.append(LateAction(id: r.id, index: i, owner: action.owner, due: due, confidential: r.confidential))
    }
    return late
}

/// The monthly progress report a request lacks (SPEC §2 "missing monthly progress"), if it lacks one.
public func lateProgress(of r: Request, settings: Settings, today: Day) -> LateProgress? {
    let stage = r.stage
    guard stage == .assigned || stage == .inProgress, let due = r.due else { return nil }
    guard due.days(since: r.assignedOn ?? r.opened) > settings.longActionDays else { return nil }
    let last = r.progress.map(\.date).max() ?? r.approvedOn ?? r.assignedOn ?? r.opened
    guard today.days(since: last) > settings.progressIntervalDays else { return nil }
    return LateProgress(id: r.id, owner: r.assignedTo, last: last, deadline: last.adding(days: settings.progressIntervalDays),
                        confidential: r.confidential)
}

/// How many days after its `due` a closed request was closed: 0 when on time, nil without a `due`
/// or when not closed.
public func daysClosedLate(_ r: Request) -> Int? {
    guard r.stage == .closed, let closed = r.closed, let due = r.due else { return nil }
    return max(0, closed.days(since: due))
}

func nextStep(_ r: Request, stage: Stage, unitHead: String?) -> NextStep? {
    func make(_ step: NextStep.Step, _ role: NextStep.Role, _ name: String?, since: Day, deadline: Day? = nil, action: Int? = nil) -> NextStep {
        NextStep(id: r.id, unit: r.unit, step: step, role: role, name: name, wait: Wait(since: since, deadline: deadline),
                 request: Wait(since: r.opened, deadline: r.due), action: action, confidential: r.confidential)
    }
    switch stage {
    case .closed, .cancelled:
        return nil
    case .open:
        // Improvements go straight to the ISO committee: "undecided" (SPEC §2) is for nonconformities.
        if r.actionNeeded == nil && r.kind != .improvement {
            return make(.decide, .unitHead, unitHead, since: r.opened)
        }
        if r.actionNeeded == false {
            return make(.close, .isoCommittee, nil, since: r.decidedOn ?? r.opened)
        }
        return make(.assign, .isoCommittee, nil, since: r.decidedOn ?? r.opened)
    case .assigned:
        // The deadline is set with the solution (5.4); a `due` written earlier still counts.
        return make(.propose, .assignee, r.assignedTo, since: r.assignedOn ?? r.opened, deadline: r.due)
    case .inProgress:
        let since = r.approvedOn ?? r.assignedOn ?? r.opened
        // The earliest pending action acts first: the earliest overdue one, else the next one.
        var first: (index: Int, due: Day?)?
        for (i, a) in r.actions.enumerated() where a.done == nil {
            guard let current = first else { first = (i, a.due); continue }
            if let due = a.due, current.due.map({ due < $0 }) ?? true { first = (i, due) }
        }
        let deadline = [first?.due, r.due].compactMap { $0 }.min()
        if let first, let owner = r.actions[first.index].owner, !owner.isEmpty {
            return make(.implement, .actionOwner, owner, since: since, deadline: deadline, action: first.index)
        }
        if let assignee = r.assignedTo {
            return make(.implement, .assignee, assignee, since: since, deadline: deadline, action: first?.index)
        }
        return make(.implement, .unitHead, unitHead, since: since, deadline: deadline, action: first?.index)
    case .verifying:
        if let verified = r.verifiedOn {
            return make(.close, .isoCommittee, nil, since: verified)
        }
        let since = r.completedOn ?? r.actions.compactMap(\.done).max() ?? r.opened
        // Verification is due at the request's deadline (5.6), and never before the work was
        // reported done: a late completion is the assignee's delay, not the verifier's.
        return make(.verify, .agencyHead, nil, since: since, deadline: r.due.map { max($0, since) })
    }
}
