import CaiTienModel

/// A content folder read and parsed, before the rules that need `today`.
public struct ParsedContent: Sendable {
    public var content: Content
    public var diagnostics: [Diagnostic]
    /// Ids of every request file, parsed or not, so a reference to a broken record is not also "unknown".
    public var requestIDs: Set<String>
    public var reviewIDs: Set<String>

    /// The requests worth caching (the parse cache): those whose file gave no diagnostic.
    public var cleanRequests: LazyFilterSequence<[Request]> {
        let noisy = Set(diagnostics.map(\.path))
        return content.requests.lazy.filter { !noisy.contains($0.path) }
    }
}

/// Loads and parses a content folder, one file at a time.
public func readContent(from root: String, fileSystem: FileSystem) -> ParsedContent {
    let (entries, listed) = listContent(from: root, fileSystem: fileSystem)
    return assembleContent(entries, listed: listed, parsed: entries.map { readAndParse($0, fileSystem: fileSystem) })
}

/// Reads and parses one listed file (a pure function of its bytes, so files parse in parallel,
/// and each file's bytes are freed as soon as it is parsed).
public func readAndParse(_ entry: ContentEntry, fileSystem: FileSystem) -> (record: ParsedRecord, diagnostics: [Diagnostic]) {
    switch readEntry(entry, fileSystem: fileSystem) {
    case .success(let file): return parseRecord(file)
    case .failure(let diagnostic): return (.invalid, [diagnostic])
    }
}

/// Puts parsed files together: duplicate ids, the site, the records by kind.
public func assembleContent(_ files: [ContentEntry], listed loadDiagnostics: [Diagnostic],
                            parsed: consuming [(record: ParsedRecord, diagnostics: [Diagnostic])]) -> ParsedContent {
    var diagnostics = loadDiagnostics
    var site: SiteConfig?
    var requests: [Request] = [], reviews: [Review] = [], plans: [ObjectivePlan] = []
    requests.reserveCapacity(files.count)
    var requestIDs = Set<String>(), reviewIDs = Set<String>()
    // Kind and id folded to lower case → the first file with that id: ids that differ only in
    // case collide on macOS, on Windows and in a zip.
    var first: [String: (path: String, id: String)] = [:]
    var parsed = parsed
    for (index, file) in files.enumerated() {
        // Moved out of `parsed`, not copied: 100,000 records otherwise cost 100,000 retains and
        // releases here. An empty record is left in its place.
        let (record, found) = parsed.withUnsafeMutableBufferPointer { buffer in
            let slot = buffer.baseAddress! + index
            defer { slot.initialize(to: (.invalid, [])) }
            return slot.move()
        }
        diagnostics += found
        if file.kind != .site {
            let id = recordID(file.relativePath, kind: file.kind)
            let key = "\(file.kind.rawValue)/\(id.lowercased())"
            if let earlier = first[key] {
                let message = earlier.id == id
                    ? "duplicate id `\(id)`: \(earlier.path) has the same file name; ids are unique across folders — rename one"
                    : "duplicate id `\(id)`: \(earlier.path) has the same name but for upper and lower case (`\(earlier.id)`), and the two collide on Windows, on macOS and in a zip — rename one"
                diagnostics.append(Diagnostic(.error, file.path, line: 1, rule: "duplicate-id", message))
                continue
            }
            first[key] = (file.path, id)
            if file.kind != .objectives, OutputLayout.isReserved(id) {
                let (folder, example) = file.kind == .request ? (OutputLayout.requestFolder, "PYC-2025-001.md") : (OutputLayout.reviewFolder, "2025-12-15.md")
                diagnostics.append(Diagnostic(.error, file.path, line: 1, rule: "reserved-id",
                                              "the file name gives the id `\(id)`, a name the site uses itself in \(folder)/ (\(OutputLayout.reservedNames.sorted().map { "`\($0)`" }.joined(separator: ", "))); rename the file, e.g. \(example)"))
                continue
            }
            if file.kind == .request { requestIDs.insert(id) } else if file.kind == .review { reviewIDs.insert(id) }
        }
        switch record {
        case .site(let s): site = s
        case .request(let r): requests.append(r)
        case .review(let r): reviews.append(r)
        case .plan(let p): plans.append(p)
        case .invalid: break
        }
    }
    let content = Content(site: site ?? SiteConfig(organisation: ""), requests: requests, reviews: reviews, plans: plans)
    return ParsedContent(content: content, diagnostics: diagnostics, requestIDs: requestIDs, reviewIDs: reviewIDs)
}

/// The rules of SPEC §1 that relate records to each other and to `today`.
public func validate(_ parsed: ParsedContent, today: Day) -> [Diagnostic] {
    let content = parsed.content
    var out: [Diagnostic] = []
    let units = Set(content.site.units.map(\.code))
    let unitList = content.site.units.map { "`\($0.code)`" }.joined(separator: ", ")

    func unknownUnit(_ code: String) -> String {
        var message = "unknown unit `\(code)`; site.yml lists \(unitList.isEmpty ? "no units" : unitList)"
        if let near = closest(code, in: content.site.units.map(\.code)) { message += " — did you mean `\(near)`?" }
        return message
    }

    // Sorted, so that "did you mean" is the same on every run.
    let requestIDs = parsed.requestIDs.sorted(), reviewIDs = parsed.reviewIDs.sorted()
    func unknownRequest(_ id: String, besides own: String? = nil) -> String {
        guard let near = closest(id, in: requestIDs.filter { $0 != own }) else { return "" }
        return " — did you mean `\(near)`?"
    }

    for r in content.requests {
        func error(_ key: String, _ rule: String, _ message: String) { out.append(.error(r.path, r.position(of: key), rule, message)) }
        func warning(_ key: String, _ rule: String, _ message: String) { out.append(.warning(r.path, r.position(of: key), rule, message)) }

        if !units.isEmpty && !units.contains(r.unit) { error("unit", "unknown-unit", unknownUnit(r.unit)) }

        // Every milestone lies between `opened` and today.
        let milestones: [(String, Day?)] = [
            ("decided_on", r.decidedOn), ("assigned_on", r.assignedOn), ("approved_on", r.approvedOn),
            ("completed_on", r.completedOn), ("verified_on", r.verifiedOn), ("closed", r.closed), ("cancelled", r.cancelled),
        ]
        if r.opened > today { error("opened", "future-date", "`opened` \(r.opened.vietnamese) is after today (\(today.vietnamese)); a record states what has happened") }
        for (key, day) in milestones {
            guard let day else { continue }
            if day < r.opened { error(key, "before-opened", "`\(key)` \(day.vietnamese) is before `opened` \(r.opened.vietnamese)") }
            if day > today { error(key, "future-date", "`\(key)` \(day.vietnamese) is after today (\(today.vietnamese)); fill it in once it has happened") }
        }
        if let due = r.due, due < r.opened { error("due", "before-opened", "`due` \(due.vietnamese) is before `opened` \(r.opened.vietnamese)") }
        for action in r.actions {
            if let done = action.done {
                let p = Position(line: action.line, column: 1)
                if done > today { out.append(.error(r.path, p, "future-date", "action \"\(action.what)\": `done` \(done.vietnamese) is after today; fill it in once done")) }
                if done < r.opened { out.append(.error(r.path, p, "before-opened", "action \"\(action.what)\": `done` \(done.vietnamese) is before `opened`")) }
            }
        }
        for (key, notes) in [("progress", r.progress), ("changes", r.changes)] {
            for note in notes {
                let p = Position(line: note.line, column: 1)
                if note.date > today { out.append(.error(r.path, p, "future-date", "`\(key)` entry dated \(note.date.vietnamese) is after today")) }
                if note.date < r.opened { out.append(.error(r.path, p, "before-opened", "`\(key)` entry dated \(note.date.vietnamese) is before `opened`")) }
            }
        }
        if let verified = r.verifiedOn, let completed = r.completedOn, verified < completed {
            error("verified_on", "order", "`verified_on` \(verified.vietnamese) is before `completed_on` \(completed.vietnamese); verification follows completion (5.6)")
        }
        if let closed = r.closed, let verified = r.verifiedOn, closed < verified {
            error("closed", "order", "`closed` \(closed.vietnamese) is before `verified_on` \(verified.vietnamese); a request is closed after verification (5.7)")
        }
        if r.closed != nil && r.cancelled == nil {
            if r.actionNeeded == false {
                // `disposition` is only for nonconformities; a potential NC or an improvement
                // judged to need no action is closed with neither.
                if r.disposition == nil && r.kind == .nonconformity {
                    error("closed", "closed-without-disposition", "closed with `action_needed: false`: fill in `disposition` (rework, repair, accept or reject) (5.1.1)")
                }
            } else {
                if r.verifiedOn == nil {
                    error("closed", "closed-without-verification", "closed without verification: fill in `verified_on`, `verified_by` and `result` (5.6), or set `action_needed: false` with a `disposition`")
                }
                if r.result == nil {
                    error("closed", "closed-without-result", "closed without `result`: write `result: effective` or `result: ineffective` (5.6)")
                }
            }
        }
        if r.result != nil && r.verifiedOn == nil { error("result", "result-without-verification", "`result` needs `verified_on`: the day the result was verified (5.6)") }
        if r.verifiedOn != nil && r.result == nil && r.closed == nil { warning("verified_on", "verified-without-result", "`verified_on` is set without `result`: write `result: effective` or `ineffective`") }
        if r.result == .ineffective, r.closed != nil {
            if let followUp = r.followUp {
                if !parsed.requestIDs.contains(followUp) {
                    error("follow_up", "unknown-request", "`follow_up`: no request `\(followUp)` exists; open the new request first (5.7)\(unknownRequest(followUp, besides: r.id))")
                }
            } else {
                error("result", "ineffective-without-follow-up", "closed with `result: ineffective`: open a new request and name it in `follow_up` (5.7)")
            }
        } else if let followUp = r.followUp, !parsed.requestIDs.contains(followUp) {
            error("follow_up", "unknown-request", "`follow_up`: no request `\(followUp)` exists\(unknownRequest(followUp, besides: r.id))")
        }
        if r.followUp == r.id { error("follow_up", "self-reference", "`follow_up` names the request itself; name the new request") }
        if let review = r.review, !parsed.reviewIDs.contains(review) {
            var message = "`review`: no management review `\(review)` exists in reviews/"
            if let near = closest(review, in: reviewIDs) { message += " — did you mean `\(near)`?" }
            error("review", "unknown-review", message)
        }
        if r.disposition != nil && r.kind != .nonconformity {
            error("disposition", "disposition-not-nc", "`disposition` applies only to `kind: nonconformity` (5.1.1); remove it")
        }
        if r.actionNeeded != nil && r.decidedOn == nil {
            warning("action_needed", "undated-decision", "`action_needed` is set without `decided_on`: add the day of the decision (5.2.2)")
        }
        if r.assignedTo != nil && r.due == nil && r.stage.isOpen {
            warning("assigned_to", "assigned-without-due", "assigned without `due`: add the deadline set with the solution (5.4)")
        }
        if r.cancelled != nil && r.cancelReason == nil {
            warning("cancelled", "cancel-without-reason", "`cancelled` without `cancel_reason`: say why the request was withdrawn")
        }
    }

    out += followUpRules(content.requests)

    for review in content.reviews {
        if review.date > today {
            out.append(.error(review.path, review.positions["date"] ?? Position(line: 1, column: 1), "future-date",
                              "`date` \(review.date.vietnamese) is after today; a review is recorded once held"))
        }
        if let approved = review.approvedOn, approved > today {
            out.append(.error(review.path, review.positions["approved_on"] ?? Position(line: 1, column: 1), "future-date",
                              "`approved_on` \(approved.vietnamese) is after today"))
        }
        let missing = review.missingInputs
        // Without an `inputs:` mapping at all, the parse error already says so.
        if !missing.isEmpty, let inputsPosition = review.positions["inputs"] {
            out.append(.warning(review.path, inputsPosition, "missing-inputs",
                                "inputs of 5.8.1.1 missing or empty: \(missing.joined(separator: ", "))"))
        }
        for decision in review.decisions {
            if let ticket = decision.ticket, !parsed.requestIDs.contains(ticket) {
                out.append(.error(review.path, Position(line: decision.line, column: 1), "unknown-request",
                                  "decision \"\(decision.text)\": no request `\(ticket)` exists; open it (5.8.1.2) or remove `ticket`\(unknownRequest(ticket))"))
            }
        }
    }

    var planKeys: [String: String] = [:]
    for plan in content.plans {
        let top = Position(line: 1, column: 1)
        // Without a valid site.yml there are no units to check against (site.yml has its own error).
        if let unit = plan.unit, !units.isEmpty, !units.contains(unit) {
            out.append(.error(plan.path, plan.positions["unit"] ?? top, "unknown-unit", unknownUnit(unit)))
        }
        let folderYear = plan.id.split(separator: "/").first.flatMap { Int($0) }
        if let folderYear, folderYear != plan.year {
            out.append(.error(plan.path, plan.positions["year"] ?? top, "year-folder",
                              "`year: \(plan.year)` but the file is in objectives/\(folderYear)/; move it or correct the year"))
        }
        let key = "\(plan.year)/\(plan.unit ?? "_ward")"
        if let first = planKeys[key] {
            out.append(.error(plan.path, plan.positions["unit"] ?? top, "duplicate-plan",
                              "\(first) already holds the \(plan.year) objectives of \(plan.unit.map { "unit `\($0)`" } ?? "the ward"); keep one plan per unit and year"))
        } else {
            planKeys[key] = plan.path
        }
        for (name, day) in [("approved_on", plan.approvedOn), ("evaluated_on", plan.evaluatedOn)] {
            if let day, day > today {
                out.append(.error(plan.path, plan.positions[name] ?? top, "future-date", "`\(name)` \(day.vietnamese) is after today"))
            }
        }
        if plan.approvedOn != nil && plan.approvedBy == nil {
            out.append(.warning(plan.path, plan.positions["approved_on"] ?? top, "approved-without-approver", "`approved_on` without `approved_by`: who approved the plan?"))
        }
        if plan.evaluatedOn != nil {
            for objective in plan.objectives where objective.actual == nil {
                out.append(.warning(plan.path, Position(line: objective.line, column: 1), "evaluated-without-actual",
                                    "objective `\(objective.code)`: the plan is evaluated but `actual` is missing"))
            }
        }
        for objective in plan.objectives {
            for action in objective.plan {
                if let done = action.done, done > today {
                    out.append(.error(plan.path, Position(line: action.line, column: 1), "future-date", "plan action \"\(action.what)\": `done` \(done.vietnamese) is after today"))
                }
            }
        }
    }
    return out
}

/// 5.7: the request opened because an action was found ineffective comes after that
/// verification, so follow-ups lead forward in time and never back to where they started.
func followUpRules(_ requests: [Request]) -> [Diagnostic] {
    var next: [String: String] = [:]
    for r in requests { if let f = r.followUp, f != r.id { next[r.id] = f } }
    if next.isEmpty { return [] }
    var out: [Diagnostic] = []
    let named = Set(next.values)
    var opened: [String: Day] = [:]
    var byID: [String: Request] = [:]
    for r in requests {
        if named.contains(r.id) { opened[r.id] = r.opened }
        if next[r.id] != nil { byID[r.id] = r }
    }
    for r in byID.values.sorted(by: { $0.id < $1.id }) where r.result == .ineffective {
        guard let verified = r.verifiedOn, let f = r.followUp, let day = opened[f], day < verified else { continue }
        out.append(.error(r.path, r.position(of: "follow_up"), "follow-up-before-verification",
                          "`follow_up` \(f) was opened on \(day.vietnamese), before `verified_on` \(verified.vietnamese) found the action ineffective; name the request opened after the verification (5.7)"))
    }
    // Each chain is walked once: `done` holds every request already seen on an earlier chain.
    var done = Set<String>()
    for start in next.keys.sorted() where !done.contains(start) {
        var path: [String] = []
        var index: [String: Int] = [:]
        var id = start
        while !done.contains(id), index[id] == nil {
            index[id] = path.count
            path.append(id)
            guard let f = next[id] else { break }
            id = f
        }
        if let from = index[id], next[path.last!] == id {
            let cycle = Array(path[from...])
            for (k, member) in cycle.enumerated() {
                guard let r = byID[member] else { continue }
                let round = (cycle[k...] + cycle[..<k] + [member]).joined(separator: " → ")
                out.append(.error(r.path, r.position(of: "follow_up"), "follow-up-cycle",
                                  "`follow_up` goes round in a circle: \(round); a follow-up is the new request opened after this one was found ineffective (5.7), so name that one"))
            }
        }
        done.formUnion(path)
    }
    return out
}
