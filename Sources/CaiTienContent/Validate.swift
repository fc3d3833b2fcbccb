import CaiTienModel

/// A content folder read and parsed, before the rules that need `today`.
public struct ParsedContent: Sendable {
    public var content: Content
    public var diagnostics: [Diagnostic]
    /// Ids of every record file of each type, parsed or not, so a reference to a broken record
    /// is not also "unknown".
    public var ids: [RecordKind: Set<String>]
    public var requestIDs: Set<String> { ids[.request] ?? [] }
    public var reviewIDs: Set<String> { ids[.review] ?? [] }
    public var auditIDs: Set<String> { ids[.audit] ?? [] }
    public var inspectionIDs: Set<String> { ids[.inspection] ?? [] }
    /// Records with errors in some keys, each with the keys that could not be read: the rules
    /// still look at the others, so that every error of a file is reported at once.
    public var incompleteRequests: [(record: Request, unknown: Set<String>)] = []
    public var incompleteReviews: [(record: Review, unknown: Set<String>)] = []
    public var incompletePlans: [(record: ObjectivePlan, unknown: Set<String>)] = []

    /// Requests whose `unit:` names a unit by its name: read into the code with site.yml, so not
    /// a function of their file alone.
    public var unitsByName: Set<String> = []

    /// The requests worth caching (the parse cache): those whose file gave no diagnostic and
    /// that were read from their file alone.
    public var cleanRequests: LazyFilterSequence<[Request]> {
        let noisy = Set(diagnostics.map(\.path)).union(unitsByName)
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
    var duties = DutyRecords()
    requests.reserveCapacity(files.count)
    var ids: [RecordKind: Set<String>] = [:]
    // Kind and id folded to lower case → the first file with that id: ids that differ only in
    // case collide on macOS, on Windows and in a zip.
    var first: [String: (path: String, id: String)] = [:]
    var incomplete: (requests: [(Request, Set<String>)], reviews: [(Review, Set<String>)], plans: [(ObjectivePlan, Set<String>)]) = ([], [], [])
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
        if let type = file.kind.recordType {
            let id = recordID(file.relativePath, type: type)
            let key = "\(file.kind.rawValue)/\(id.lowercased())"
            if let earlier = first[key] {
                diagnostics.append(Diagnostic(earlier.id == id ? .duplicateID : .duplicateIDCase, file.path, line: 1,
                                              ["id": .value(id), "other": .value(earlier.path), "otherID": .value(earlier.id)]))
                continue
            }
            first[key] = (file.path, id)
            if let folder = type.pageFolder, OutputLayout.isReserved(id) {
                diagnostics.append(Diagnostic(.reservedID, file.path, line: 1, ["id": .value(id), "folder": .value(folder),
                                              "names": .codes(OutputLayout.reservedNames.sorted()), "example": .value(type.exampleFile)]))
                continue
            }
            ids[file.kind, default: []].insert(id)
        }
        switch record {
        case .site(let s): site = s
        case .request(let r): requests.append(r)
        case .review(let r): reviews.append(r)
        case .plan(let p): plans.append(p)
        case .incomplete(.request(let r), let unknown): incomplete.requests.append((r, unknown))
        case .incomplete(.review(let r), let unknown): incomplete.reviews.append((r, unknown))
        case .incomplete(.plan(let p), let unknown): incomplete.plans.append((p, unknown))
        case .duty(let d): duties.add(d)
        case .invalid, .incomplete: break
        }
    }
    let siteConfig = site ?? SiteConfig(organisation: "")
    let unitsByName = resolveUnitNames(siteConfig, &requests, &plans, &incomplete.requests, &incomplete.plans)
    var content = Content(site: siteConfig, requests: requests, reviews: reviews, plans: plans)
    duties.put(into: &content)
    var result = ParsedContent(content: content, diagnostics: diagnostics, ids: ids)
    result.incompleteRequests = incomplete.requests
    result.incompleteReviews = incomplete.reviews
    result.incompletePlans = incomplete.plans
    result.unitsByName = unitsByName
    return result
}

/// `unit:` may name a unit by its name as well as its code (SPEC §1): records are read into the
/// code. Returns the paths of the requests read so.
func resolveUnitNames(_ site: SiteConfig, _ requests: inout [Request], _ plans: inout [ObjectivePlan],
                      _ incompleteRequests: inout [(Request, Set<String>)], _ incompletePlans: inout [(ObjectivePlan, Set<String>)]) -> Set<String> {
    let codes = Set(site.units.map(\.code))
    guard !codes.isEmpty else { return [] }
    var resolved = Set<String>()
    var byName: [String: String] = [:]
    for unit in site.units {
        byName[foldValue(unit.name)] = unit.code
        byName[foldValue(unit.code)] = unit.code
    }
    func code(_ written: String) -> String? { codes.contains(written) ? nil : byName[foldValue(written)] }
    for i in requests.indices { if let c = code(requests[i].unit) { requests[i].unit = c; resolved.insert(requests[i].path) } }
    for i in incompleteRequests.indices { if let c = code(incompleteRequests[i].0.unit) { incompleteRequests[i].0.unit = c } }
    for i in plans.indices { if let u = plans[i].unit, let c = code(u) { plans[i].unit = c } }
    for i in incompletePlans.indices { if let u = incompletePlans[i].0.unit, let c = code(u) { incompletePlans[i].0.unit = c } }
    return resolved
}

/// The rules of SPEC §1 that relate records to each other and to `today`.
public func validate(_ parsed: ParsedContent, today: Day) -> [Diagnostic] {
    let content = parsed.content
    var out: [Diagnostic] = []
    let units = Set(content.site.units.map(\.code))
    let unitList: Phrase = units.isEmpty ? .noUnits : .codes(content.site.units.map(\.code))
    let top = Position(line: 1, column: 1)
    let todayText = Phrase.value(today.vietnamese)

    func unknownUnit(_ code: String) -> [String: Phrase] {
        ["code": .value(code), "units": unitList, "suggestion": .didYouMean(closest(code, in: content.site.units.map(\.code)))]
    }

    // Sorted, so that "did you mean" is the same on every run.
    let requestIDs = parsed.requestIDs.sorted(), reviewIDs = parsed.reviewIDs.sorted()
    func unknownRequest(_ id: String, where place: Phrase, besides own: String? = nil) -> [String: Phrase] {
        ["where": place, "id": .value(id), "suggestion": .didYouMean(closest(id, in: requestIDs.filter { $0 != own }))]
    }

    /// The rules of one request; those about a key in `unknown` (missing or unreadable, already
    /// reported) are skipped.
    func check(_ r: Request, unknown: Set<String>) {
        func known(_ key: String) -> Bool { unknown.isEmpty || !unknown.contains(key) }
        func report(_ rule: Rule, at key: String, _ arguments: [String: Phrase] = [:]) { out.append(Diagnostic(rule, r.path, r.position(of: key), arguments)) }
        func report(_ rule: Rule, line: Int, _ arguments: [String: Phrase]) { out.append(Diagnostic(rule, r.path, line: line, arguments)) }
        // The texts of a message are made only when there is one: most records have none.
        func text(_ day: Day) -> Phrase { .value(day.vietnamese) }
        let opened = r.opened

        if known("unit") && !units.isEmpty && !units.contains(r.unit) { report(.unknownUnit, at: "unit", unknownUnit(r.unit)) }
        let hasOpened = known("opened")

        // Every milestone lies between `opened` and today.
        let milestones: [(String, Day?)] = [
            ("decided_on", r.decidedOn), ("assigned_on", r.assignedOn), ("approved_on", r.approvedOn),
            ("completed_on", r.completedOn), ("verified_on", r.verifiedOn), ("closed", r.closed), ("cancelled", r.cancelled),
        ]
        if hasOpened && opened > today { report(.futureDate, at: "opened", ["what": .key("opened"), "date": text(opened), "today": todayText]) }
        for (key, day) in milestones {
            guard let day else { continue }
            if hasOpened && day < opened { report(.beforeOpened, at: key, ["what": .key(key), "date": text(day), "opened": text(opened)]) }
            if day > today { report(.futureDate, at: key, ["what": .key(key), "date": text(day), "today": todayText]) }
        }
        if hasOpened, let due = r.due, due < opened { report(.beforeOpened, at: "due", ["what": .key("due"), "date": text(due), "opened": text(opened)]) }
        for action in r.actions {
            guard let done = action.done else { continue }
            if done > today { report(.futureDate, line: action.line, ["what": .actionDone(action.what), "date": text(done), "today": todayText]) }
            if hasOpened && done < opened { report(.beforeOpened, line: action.line, ["what": .actionDone(action.what), "date": text(done), "opened": text(opened)]) }
        }
        for (key, notes) in [("progress", r.progress), ("changes", r.changes)] {
            for note in notes {
                if note.date > today { report(.futureDate, line: note.line, ["what": .entryDated(key), "date": text(note.date), "today": todayText]) }
                if hasOpened && note.date < opened { report(.beforeOpened, line: note.line, ["what": .entryDated(key), "date": text(note.date), "opened": text(opened)]) }
            }
        }
        if let verified = r.verifiedOn, let completed = r.completedOn, verified < completed {
            report(.verifiedBeforeCompleted, at: "verified_on", ["verified": .value(verified.vietnamese), "completed": .value(completed.vietnamese)])
        }
        if let closed = r.closed, let verified = r.verifiedOn, closed < verified {
            report(.closedBeforeVerified, at: "closed", ["closed": .value(closed.vietnamese), "verified": .value(verified.vietnamese)])
        }
        if r.closed != nil && r.cancelled == nil {
            if r.actionNeeded == false {
                // `disposition` is only for nonconformities; a potential NC or an improvement
                // judged to need no action is closed with neither.
                if known("kind") && r.disposition == nil && r.kind == .nonconformity { report(.closedWithoutDisposition, at: "closed") }
            } else {
                if r.verifiedOn == nil {
                    // Once the unit head decided that action is needed (5.2.2), verification (5.6) is the only way to close.
                    let alternative: Phrase = r.actionNeeded == true ? .empty : .orNoActionNeeded(nonconformity: !known("kind") || r.kind == .nonconformity)
                    report(.closedWithoutVerification, at: "closed", ["alternative": alternative])
                }
                if r.result == nil { report(.closedWithoutResult, at: "closed") }
            }
        }
        if r.result != nil && r.verifiedOn == nil { report(.resultWithoutVerification, at: "result") }
        if r.verifiedOn != nil && r.result == nil && r.closed == nil { report(.verifiedWithoutResult, at: "verified_on") }
        if r.result == .ineffective, r.closed != nil, r.followUp == nil { report(.ineffectiveWithoutFollowUp, at: "result") }
        if let followUp = r.followUp, !parsed.requestIDs.contains(followUp) {
            report(.unknownRequest, at: "follow_up", unknownRequest(followUp, where: .key("follow_up"), besides: r.id))
        }
        if r.followUp == r.id { report(.selfReference, at: "follow_up") }
        if let review = r.review, !parsed.reviewIDs.contains(review) {
            report(.unknownReview, at: "review", ["id": .value(review), "suggestion": .didYouMean(closest(review, in: reviewIDs))])
        }
        if known("kind") && r.disposition != nil && r.kind != .nonconformity { report(.dispositionNotNC, at: "disposition") }
        if r.actionNeeded != nil && r.decidedOn == nil { report(.undatedDecision, at: "action_needed") }
        // The deadline is set with the solution (5.4), not when the request is assigned (5.3).
        if r.approvedOn != nil && r.due == nil && r.stage.isOpen { report(.approvedWithoutDue, at: "approved_on") }
        if r.cancelled != nil && r.cancelReason == nil { report(.cancelWithoutReason, at: "cancelled") }
    }
    for r in content.requests { check(r, unknown: []) }
    for (r, unknown) in parsed.incompleteRequests { check(r, unknown: unknown) }

    out += followUpRules(content.requests)
    out += validateDuties(parsed, today: today)

    func check(_ review: Review, unknown: Set<String>) {
        if !unknown.contains("date") && review.date > today {
            out.append(Diagnostic(.futureDate, review.path, review.positions["date"] ?? top,
                                  ["what": .key("date"), "date": .value(review.date.vietnamese), "today": todayText]))
        }
        for (key, day) in [("approved_on", review.approvedOn), ("report_approved_on", review.reportApprovedOn)] {
            if let day, day > today {
                out.append(Diagnostic(.futureDate, review.path, review.positions[key] ?? top,
                                      ["what": .key(key), "date": .value(day.vietnamese), "today": todayText]))
            }
        }
        // The notice is compiled from the comments on the approved report (5.8.2): it cannot come first.
        if let report = review.reportApprovedOn, let notice = review.approvedOn, report > notice {
            out.append(Diagnostic(.reportAfterNotice, review.path, review.positions["report_approved_on"] ?? top,
                                  ["report": .value(report.vietnamese), "notice": .value(notice.vietnamese)]))
        }
        let missing = review.missingInputs
        // Without an `inputs:` mapping at all, the parse error already says so.
        if !missing.isEmpty, let inputsPosition = review.positions["inputs"] {
            out.append(Diagnostic(.missingInputs, review.path, inputsPosition, ["keys": .value(missing.joined(separator: ", "))]))
        }
        for decision in review.decisions {
            if let ticket = decision.ticket, !parsed.requestIDs.contains(ticket) {
                out.append(Diagnostic(.unknownRequest, review.path, line: decision.line, unknownRequest(ticket, where: .decision(decision.text))))
            }
        }
    }
    for review in content.reviews { check(review, unknown: []) }
    for (review, unknown) in parsed.incompleteReviews { check(review, unknown: unknown) }

    var planKeys: [String: String] = [:]
    func check(_ plan: ObjectivePlan, unknown: Set<String>) {
        let hasYear = !unknown.contains("year")
        // Without a valid site.yml there are no units to check against (site.yml has its own error).
        if let unit = plan.unit, !units.isEmpty, !units.contains(unit) {
            out.append(Diagnostic(.unknownUnit, plan.path, plan.positions["unit"] ?? top, unknownUnit(unit)))
        }
        let folderYear = plan.id.split(separator: "/").first.flatMap { Int($0) }
        if hasYear, let folderYear, folderYear != plan.year {
            out.append(Diagnostic(.yearFolder, plan.path, plan.positions["year"] ?? top, ["year": .value(plan.year), "folder": .value(folderYear)]))
        }
        let key = "\(plan.year)/\(plan.unit ?? "_ward")"
        if !hasYear {
            // Which year it holds is not known: no duplicate to look for.
        } else if let first = planKeys[key] {
            out.append(Diagnostic(.duplicatePlan, plan.path, plan.positions["unit"] ?? top,
                                  ["other": .value(first), "year": .value(plan.year), "whose": .planOf(unit: plan.unit)]))
        } else {
            planKeys[key] = plan.path
        }
        for (name, day) in [("approved_on", plan.approvedOn), ("evaluated_on", plan.evaluatedOn)] {
            if let day, day > today {
                out.append(Diagnostic(.futureDate, plan.path, plan.positions[name] ?? top, ["what": .key(name), "date": .value(day.vietnamese), "today": todayText]))
            }
        }
        if plan.approvedOn != nil && plan.approvedBy == nil {
            out.append(Diagnostic(.approvedWithoutApprover, plan.path, plan.positions["approved_on"] ?? top))
        }
        if plan.evaluatedOn != nil {
            for objective in plan.objectives where objective.actual == nil {
                out.append(Diagnostic(.evaluatedWithoutActual, plan.path, line: objective.line, ["code": .value(objective.code)]))
            }
        }
        for objective in plan.objectives {
            for action in objective.plan {
                if let done = action.done, done > today {
                    out.append(Diagnostic(.futureDate, plan.path, line: action.line,
                                          ["what": .planActionDone(action.what), "date": .value(done.vietnamese), "today": todayText]))
                }
            }
        }
    }
    for plan in content.plans { check(plan, unknown: []) }
    for (plan, unknown) in parsed.incompletePlans { check(plan, unknown: unknown) }
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
        out.append(Diagnostic(.followUpBeforeVerification, r.path, r.position(of: "follow_up"),
                              ["id": .value(f), "opened": .value(day.vietnamese), "verified": .value(verified.vietnamese)]))
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
                out.append(Diagnostic(.followUpCycle, r.path, r.position(of: "follow_up"), ["round": .value(round)]))
            }
        }
        done.formUnion(path)
    }
    return out
}
