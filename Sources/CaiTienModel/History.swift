// The git history of the requests as values: what `CaiTienHistory` reads from git, what the
// lost-record rule checks and what a request page shows. No git here: these are plain data, so
// the rules and the views depend on the model only.

/// One commit that touched a request file, as git recorded it.
public struct HistoryCommit: Sendable, Hashable {
    /// The abbreviated hash, unique in the repository when read.
    public var shortHash: String
    public var author: String
    public var email: String
    /// Author date, the calendar day in the author's time zone.
    public var date: Day?
    /// The subject line of the message. It may name a citizen: pages show it only through
    /// `AuditTrail`, which withholds it where SPEC §3 says so.
    public var subject: String

    public init(shortHash: String, author: String, email: String, date: Day?, subject: String) {
        self.shortHash = shortHash; self.author = author; self.email = email
        self.date = date; self.subject = subject
    }
}

/// A request file deleted in a commit, whose id no request of the content has now.
public struct RequestDeletion: Sendable, Hashable {
    /// The request id: the file name without `.md`.
    public var id: String
    /// Index into `ContentHistory.commits` of the commit that deleted it.
    public var commit: Int
    /// Path inside the content folder, e.g. `tickets/2025/PYC-2025-014.md`.
    public var relativePath: String
    /// The revision that still holds the file, for `git checkout REVISION -- PATH`: the
    /// deleting commit's first parent (`abc1234^`), or the parent of a merge that kept it
    /// (`abc1234^2`).
    public var source: String
    /// The file's bytes in `source`; nil when git could not give them.
    public var lastContent: [UInt8]?

    public init(id: String, commit: Int, relativePath: String, source: String, lastContent: [UInt8]?) {
        self.id = id; self.commit = commit; self.relativePath = relativePath
        self.source = source; self.lastContent = lastContent
    }
}

/// The commits of every request file and the deletions of the requests that are gone.
public struct ContentHistory: Sendable {
    /// The content folder as given to the reader; paths of deleted files are joined to it.
    public var contentRoot: String
    /// Every commit that touched a request file, newest first (children before parents).
    public var commits: [HistoryCommit]
    /// Request id → indices into `commits`, newest first; each commit once. A merge is listed
    /// where it changed the file against every parent.
    public var byRequest: [String: [Int32]]
    /// Request id → the merges that only carried a change of its file over from one parent.
    public var carriedBy: [String: [Int32]]
    /// For each id git deleted and no request of the content has now, its newest deletion; by id.
    public var deletions: [RequestDeletion]

    public init(contentRoot: String, commits: [HistoryCommit] = [], byRequest: [String: [Int32]] = [:],
                carriedBy: [String: [Int32]] = [:], deletions: [RequestDeletion] = []) {
        self.contentRoot = contentRoot; self.commits = commits
        self.byRequest = byRequest; self.carriedBy = carriedBy; self.deletions = deletions
    }

    /// The audit trail for pages. The subject of every commit that touched one of `withheld`
    /// is withheld, on every request's page: a commit that closed a confidential request and
    /// an ordinary one names the citizen on both. A merge that carried a change of one over
    /// from a branch touched it too: its message may sum that change up.
    public func auditTrail(withholdingCommitsOf withheld: some Sequence<String>) -> AuditTrail {
        var hidden = [Bool](repeating: false, count: commits.count)
        for id in withheld {
            for c in byRequest[id] ?? [] { hidden[Int(c)] = true }
            for c in carriedBy[id] ?? [] { hidden[Int(c)] = true }
        }
        let entries = commits.indices.map { i in
            AuditEntry(commit: commits[i].shortHash, author: commits[i].author, date: commits[i].date,
                       message: hidden[i] ? nil : commits[i].subject)
        }
        return AuditTrail(entries: entries, byRequest: byRequest)
    }
}

/// One commit of a request's audit trail (its page's "Lịch sử thay đổi").
public struct AuditEntry: Sendable, Hashable {
    /// The abbreviated hash.
    public var commit: String
    public var author: String
    public var date: Day?
    /// The commit's subject line; nil when withheld because the commit touched a confidential
    /// request (the page says "Nội dung được bảo mật" instead).
    public var message: String?

    public init(commit: String, author: String, date: Day?, message: String?) {
        self.commit = commit; self.author = author; self.date = date; self.message = message
    }
}

/// The audit trail of every request, messages already withheld where SPEC §3 says so.
/// Built only by `ContentHistory.auditTrail(withholdingCommitsOf:)`.
public struct AuditTrail: Sendable {
    private var entries: [AuditEntry]
    private var byRequest: [String: [Int32]]

    fileprivate init(entries: [AuditEntry], byRequest: [String: [Int32]]) {
        self.entries = entries; self.byRequest = byRequest
    }

    /// The commits that changed request `id`'s file, newest first: everything its page shows
    /// of the history, so also what its page key hashes.
    public func entries(forRequest id: String) -> [AuditEntry] {
        (byRequest[id] ?? []).map { entries[Int($0)] }
    }
}
