import CaiTienModel

/// A content folder read and parsed, before the rules that need `today`.
public struct ParsedContent: Sendable {
    public var content: Content
    public var diagnostics: [Diagnostic]
    /// Ids of every request file, parsed or not, so a reference to a broken record is not also "unknown".
    public var requestIDs: Set<String>
    public var reviewIDs: Set<String>
    /// Ids of every audit and inspection file, parsed or not (SPEC §5).
    public var auditIDs = Set<String>()
    public var inspectionIDs = Set<String>()

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
    var duties = DutyRecords()
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
                diagnostics.append(Diagnostic(earlier.id == id ? .duplicateID : .duplicateIDCase, file.path, line: 1,
                                              ["id": .value(id), "other": .value(earlier.path), "otherID": .value(earlier.id)]))
                continue
            }
            first[key] = (file.path, id)
            if file.kind != .objectives, file.kind != .legal, OutputLayout.isReserved(id) {
                let (folder, example) = file.kind == .request ? (OutputLayout.requestFolder, "PYC-2025-001.md")
                    : file.kind == .review ? (OutputLayout.reviewFolder, "2025-12-15.md") : duties.layout(of: file.kind)
                diagnostics.append(Diagnostic(.reservedID, file.path, line: 1, ["id": .value(id), "folder": .value(folder),
                                              "names": .codes(OutputLayout.reservedNames.sorted()), "example": .value(example)]))
                continue
            }
            if file.kind == .request { requestIDs.insert(id) } else if file.kind == .review { reviewIDs.insert(id) } else { duties.ids[file.kind, default: []].insert(id) }
        }
        switch record {
        case .site(let s): site = s
        case .request(let r): requests.append(r)
        case .review(let r): reviews.append(r)
        case .plan(let p): plans.append(p)
        case .duty(let d): duties.add(d)
        case .invalid: break
        }
    }
    var content = Content(site: site ?? SiteConfig(organisation: ""), requests: requests, reviews: reviews, plans: plans)
    duties.put(into: &content)
    var result = ParsedContent(content: content, diagnostics: diagnostics, requestIDs: requestIDs, reviewIDs: reviewIDs)
    result.auditIDs = duties.ids[.audit] ?? []
    result.inspectionIDs = duties.ids[.inspection] ?? []
    return result
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

    for r in content.requests {
        func report(_ rule: Rule, at key: String, _ arguments: [String: Phrase] = [:]) { out.append(Diagnostic(rule, r.path, r.position(of: key), arguments)) }
        func report(_ rule: Rule, line: Int, _ arguments: [String: Phrase]) { out.append(Diagnostic(rule, r.path, line: line, arguments)) }
        let opened = Phrase.value(r.opened.vietnamese)

        if !units.isEmpty && !units.contains(r.unit) { report(.unknownUnit, at: "unit", unknownUnit(r.unit)) }

        // Every milestone lies between `opened` and today.
        let milestones: [(String, Day?)] = [
            ("decided_on", r.decidedOn), ("assigned_on", r.assignedOn), ("approved_on", r.approvedOn),
            ("completed_on", r.completedOn), ("verified_on", r.verifiedOn), ("closed", r.closed), ("cancelled", r.cancelled),
        ]
        if r.opened > today { report(.futureDate, at: "opened", ["what": .key("opened"), "date": opened, "today": todayText]) }
        for (key, day) in milestones {
            guard let day else { continue }
            let date = Phrase.value(day.vietnamese)
            if day < r.opened { report(.beforeOpened, at: key, ["what": .key(key), "date": date, "opened": opened]) }
            if day > today { report(.futureDate, at: key, ["what": .key(key), "date": date, "today": todayText]) }
        }
        if let due = r.due, due < r.opened { report(.beforeOpened, at: "due", ["what": .key("due"), "date": .value(due.vietnamese), "opened": opened]) }
        for action in r.actions {
            if let done = action.done {
                let what = Phrase.actionDone(action.what), date = Phrase.value(done.vietnamese)
                if done > today { report(.futureDate, line: action.line, ["what": what, "date": date, "today": todayText]) }
                if done < r.opened { report(.beforeOpened, line: action.line, ["what": what, "date": date, "opened": opened]) }
            }
        }
        for (key, notes) in [("progress", r.progress), ("changes", r.changes)] {
            for note in notes {
                let what = Phrase.entryDated(key), date = Phrase.value(note.date.vietnamese)
                if note.date > today { report(.futureDate, line: note.line, ["what": what, "date": date, "today": todayText]) }
                if note.date < r.opened { report(.beforeOpened, line: note.line, ["what": what, "date": date, "opened": opened]) }
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
                if r.disposition == nil && r.kind == .nonconformity { report(.closedWithoutDisposition, at: "closed") }
            } else {
                if r.verifiedOn == nil {
                    // Once the unit head decided that action is needed (5.2.2), verification (5.6) is the only way to close.
                    let alternative: Phrase = r.actionNeeded == true ? .empty : .orNoActionNeeded(nonconformity: r.kind == .nonconformity)
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
        if r.disposition != nil && r.kind != .nonconformity { report(.dispositionNotNC, at: "disposition") }
        if r.actionNeeded != nil && r.decidedOn == nil { report(.undatedDecision, at: "action_needed") }
        if r.assignedTo != nil && r.due == nil && r.stage.isOpen { report(.assignedWithoutDue, at: "assigned_to") }
        if r.cancelled != nil && r.cancelReason == nil { report(.cancelWithoutReason, at: "cancelled") }
    }

    out += followUpRules(content.requests)
    out += validateDuties(parsed, today: today)

    for review in content.reviews {
        if review.date > today {
            out.append(Diagnostic(.futureDate, review.path, review.positions["date"] ?? top,
                                  ["what": .key("date"), "date": .value(review.date.vietnamese), "today": todayText]))
        }
        if let approved = review.approvedOn, approved > today {
            out.append(Diagnostic(.futureDate, review.path, review.positions["approved_on"] ?? top,
                                  ["what": .key("approved_on"), "date": .value(approved.vietnamese), "today": todayText]))
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

    var planKeys: [String: String] = [:]
    for plan in content.plans {
        // Without a valid site.yml there are no units to check against (site.yml has its own error).
        if let unit = plan.unit, !units.isEmpty, !units.contains(unit) {
            out.append(Diagnostic(.unknownUnit, plan.path, plan.positions["unit"] ?? top, unknownUnit(unit)))
        }
        let folderYear = plan.id.split(separator: "/").first.flatMap { Int($0) }
        if let folderYear, folderYear != plan.year {
            out.append(Diagnostic(.yearFolder, plan.path, plan.positions["year"] ?? top, ["year": .value(plan.year), "folder": .value(folderYear)]))
        }
        let key = "\(plan.year)/\(plan.unit ?? "_ward")"
        if let first = planKeys[key] {
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
