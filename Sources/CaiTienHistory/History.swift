import CaiTienModel
import CSupport
import Foundation

// The git history of the requests: lost records for the `record-lost` rule, and the audit trail
// on each request page. Both come from ONE `git log` over the content's `tickets/`, started
// before the content is parsed so that git works while the records are read. This module only
// reads git; what the history means is decided by the rule (CaiTienContent) and the views.
//
// Readings (README, "Git history"):
// - A request's history follows its id (the file name), not its path: a record moved to
//   another folder keeps its history, and the move is one of its commits.
// - Every commit that touched `tickets/` counts, on every branch merged into HEAD
//   (`--full-history`): a record added and deleted on a branch is seen even though the merge
//   changed nothing. A merge is diffed against each of its parents (`-m`): it deleted a file
//   when the file is gone from the merge but was in a parent, which covers a deletion made
//   while resolving a conflict and one slipped into the merge commit. For the audit trail a
//   merge counts only where it differs from every parent: a change merely carried over from a
//   branch is listed once, under the commit that made it.
// - Shallow clone: a warning, no lost-record check and no audit trail (it would be incomplete).
// - Not a git repository, no commits yet, or no git: nothing, quietly. A repository git refuses
//   (dubious ownership) or cannot read: a `history-unavailable` warning.

// MARK: - Reading the history

/// Reads the content's git history in the background, from `init` (before the content is
/// parsed) to `finish` (once the request ids are known).
public final class HistoryReader: @unchecked Sendable {
    let root: String
    /// The content folder's path from the repository's top, with a trailing `/` (or empty).
    private let prefix: String
    private let log: GitProcess?
    private var notice: Diagnostic?

    /// Starts `git log`; nil when there is nothing to do (not a repository, no commit, no git).
    public init?(content root: String) {
        self.root = root
        // Fails (quietly) outside a repository and before the first commit.
        let probe = runGit(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix", "--verify", "-q", "HEAD"], in: root)
        guard probe.status == 0 else {
            let why = String(decoding: probe.errors, as: UTF8.self)
            // git refuses a repository owned by another user (common in CI containers): say so,
            // rather than skipping the check silently.
            guard why.contains("dubious ownership") else { return nil }
            prefix = ""
            log = nil
            notice = Diagnostic(.historyUnavailable, root, line: 1, ["why": .dubiousOwnership])
            return
        }
        let lines = String(decoding: probe.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == "true" else { return nil }
        if lines[1] == "true" {
            prefix = ""
            log = nil
            notice = Diagnostic(.historyShallow, root, line: 1)
            return
        }
        prefix = lines.count > 2 ? String(lines[2]) : ""
        // `--date-order`: children before parents, so the first deletion of an id met is its
        // newest. `-m` with `log.diffMerges=separate`: a merge is diffed against each parent in
        // turn (git prints its header again before each non-empty diff). `-z`: raw paths,
        // NUL-separated; no renames, so a move is a deletion and an addition; each commit
        // starts with U+001E, which no status letter starts with.
        log = GitProcess(["-c", "diff.relative=false", "-c", "log.diffMerges=separate", "log", "--full-history", "-m", "--date-order",
                          "--no-renames", "--no-color", "--root", "--name-status", "-z", "--date=short",
                          "--format=%x1e%h%x00%p%x00%aN%x00%aE%x00%ad%x00%s", "HEAD", "--", RecordType.request.folder], in: root)
    }

    /// Waits for git. The history holds the last content of each deleted request whose id is
    /// not in `requestIDs` (the content as loaded); the warnings say why there is no history.
    public func finish(requestIDs: Set<String>) -> (history: ContentHistory?, warnings: [Diagnostic]) {
        let warnings = notice.map { [$0] } ?? []
        guard let log else { return (nil, warnings) }
        let result = log.wait()
        guard result.status == 0 else {
            let why = String(decoding: result.errors, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "git log failed"
            return (nil, warnings + [Diagnostic(.historyUnavailable, root, line: 1, ["why": .value(why)])])
        }
        let parsed = parseLog(result.output, prefix: prefix)
        var history = ContentHistory(contentRoot: root, commits: parsed.commits, byRequest: parsed.byRequest, carriedBy: parsed.carriedBy)
        let gone = parsed.deletions.filter { !requestIDs.contains($0.key) }.sorted { $0.key < $1.key }
        // The last content of each deleted file, in one git call: from the deleting commit's
        // first parent, or for a merge that kept the file from another parent, the first parent
        // that has it.
        let specs = gone.map { _, d in d.sources.map { $0 + ":" + d.repositoryPath } }
        var blobs = catFiles(specs.flatMap { $0 }, in: root).makeIterator()
        for ((id, deletion), asked) in zip(gone, specs) {
            let found = asked.indices.map { _ in blobs.next() ?? nil }
            let hit = found.firstIndex { $0 != nil }
            history.deletions.append(RequestDeletion(id: id, commit: Int(deletion.commit), relativePath: deletion.relativePath,
                                                     source: deletion.sources[hit ?? 0], lastContent: hit.flatMap { found[$0] }))
        }
        return (history, warnings)
    }
}

/// `git log` output, read.
struct ParsedLog {
    var commits: [HistoryCommit] = []
    /// Request id → indices into `commits`, newest first.
    var byRequest: [String: [Int32]] = [:]
    /// Request id → the merges that carried a change of it over from a parent.
    var carriedBy: [String: [Int32]] = [:]
    /// The newest deletion of each request id.
    var deletions: [String: Deletion] = [:]

    struct Deletion {
        var commit: Int32
        /// Path inside the content folder, e.g. `tickets/2025/PYC-2025-014.md`.
        var relativePath: String
        /// Path from the repository's top, for `git cat-file`.
        var repositoryPath: String
        /// Revisions that may still hold the file, in the order to try them.
        var sources: [String]
    }
}

/// `git log` output → commits, and per request id the commits and the newest deletion.
///
/// A merge comes once per parent it differs from. It changed a request when the request
/// appears in the diff against every parent; it deleted one when a diff shows the file deleted
/// (gone from the merge, there in that parent). A deletion the merge made itself (against every
/// parent) or a plain commit made is preferred to one a merge only took over from a parent, so
/// that the message names whoever deleted the file.
func parseLog(_ data: Data, prefix: String) -> ParsedLog {
    var log = ParsedLog()
    var takenOver: [String: ParsedLog.Deletion] = [:]
    let folder = RecordType.request.folder + "/"
    let recordPrefix = Array((prefix + folder).utf8)

    /// What the commit being read did to one request id.
    struct Touch { var diffs = 0, deletingDiffs = 0, lastDiff = -1; var deleted: (relative: String, repository: String)? }
    var current: Int32 = -1
    var parents = 0
    var diff = 0
    var touched: [String: Touch] = [:]
    var order: [String] = []

    func flush() {
        guard current >= 0 else { return }
        let hash = log.commits[Int(current)].shortHash
        for id in order {
            let t = touched[id]!
            let own = parents <= 1 || t.diffs == parents
            if own { log.byRequest[id, default: []].append(current) } else { log.carriedBy[id, default: []].append(current) }
            guard let deleted = t.deleted else { continue }
            if own && (parents <= 1 || t.deletingDiffs == parents) {
                if log.deletions[id] == nil {
                    log.deletions[id] = .init(commit: current, relativePath: deleted.relative, repositoryPath: deleted.repository, sources: [hash + "^"])
                }
            } else if takenOver[id] == nil {
                takenOver[id] = .init(commit: current, relativePath: deleted.relative, repositoryPath: deleted.repository,
                                      sources: (1...max(1, parents)).map { "\(hash)^\($0)" })
            }
        }
        touched.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
    }

    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        let bytes = raw.bindMemory(to: UInt8.self)
        var i = 0
        let n = bytes.count
        /// The next NUL-terminated token, without leading newlines.
        func token() -> UnsafeBufferPointer<UInt8>? {
            while i < n && bytes[i] == 0x0A { i += 1 }
            guard i < n else { return nil }
            let start = i
            while i < n && bytes[i] != 0 { i += 1 }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
            i += 1
            return slice
        }
        func text(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
        while let t = token() {
            if t.first == 0x1E {
                // A commit: short hash, parents, author, email, date, subject.
                let short = text(UnsafeBufferPointer(rebasing: t[1...]))
                guard let parentList = token(), let author = token(), let email = token(), let date = token() else { break }
                let subject = token().map(text) ?? ""
                if current >= 0 && log.commits[Int(current)].shortHash == short {
                    // The same merge again: its diff against the next parent.
                    diff += 1
                    continue
                }
                flush()
                log.commits.append(HistoryCommit(shortHash: short, author: text(author), email: text(email),
                                                 date: Day(parsing: text(date)), subject: subject))
                current = Int32(log.commits.count - 1)
                parents = parentList.isEmpty ? 0 : parentList.split(separator: UInt8(ascii: " ")).count
                diff = 0
                continue
            }
            // A status letter, then the path.
            let status = t.first
            guard let path = token(), current >= 0 else { break }
            guard path.starts(with: recordPrefix), path.count > recordPrefix.count + 3,
                  path[path.count - 3] == UInt8(ascii: "."), path[path.count - 2] == UInt8(ascii: "m"),
                  path[path.count - 1] == UInt8(ascii: "d") else { continue }
            let relative = text(UnsafeBufferPointer(rebasing: path[(recordPrefix.count - folder.utf8.count)...]))
            // Files and folders starting with `_` or `.` are not records.
            let parts = relative.split(separator: "/")
            guard !parts.contains(where: { $0.hasPrefix("_") || $0.hasPrefix(".") }), let name = parts.last else { continue }
            let id = String(name.dropLast(3))
            if touched[id] == nil { order.append(id) }
            var touch = touched[id] ?? Touch()
            if touch.lastDiff != diff { touch.diffs += 1; touch.lastDiff = diff }
            if status == UInt8(ascii: "D") {
                touch.deletingDiffs += 1
                if touch.deleted == nil { touch.deleted = (relative, text(path)) }
            }
            touched[id] = touch
        }
    }
    flush()
    for (id, deletion) in takenOver where log.deletions[id] == nil { log.deletions[id] = deletion }
    return log
}

/// `git cat-file --batch` for each spec (`rev:path`); nil where git has no such object.
/// A spec holding a newline gives nil without asking git (the batch is line-based).
func catFiles(_ specs: [String], in folder: String) -> [[UInt8]?] {
    let asked = specs.filter { !$0.contains("\n") }
    guard !asked.isEmpty else { return specs.map { _ in nil } }
    let result = runGit(["cat-file", "--batch"], in: folder, input: Data(asked.map { $0 + "\n" }.joined().utf8))
    var answers: [[UInt8]?] = []
    let out = [UInt8](result.output)
    var i = 0
    while i < out.count, answers.count < asked.count {
        guard let eol = out[i...].firstIndex(of: 0x0A) else { break }
        let header = String(decoding: out[i..<eol], as: UTF8.self).split(separator: " ")
        i = eol + 1
        // `<object id> <type> <size>`, then the bytes; else `<spec> missing` (or `ambiguous`).
        if header.count == 3, header[0].count >= 40, header[0].allSatisfy(\.isHexDigit), let size = Int(header[2]), i + size <= out.count {
            answers.append(header[1] == "blob" ? Array(out[i..<i + size]) : nil)
            i += size + 1
        } else {
            answers.append(nil) // `missing`, `ambiguous`
        }
    }
    var next = answers.makeIterator()
    return specs.map { $0.contains("\n") ? nil : (next.next() ?? nil) }
}

/// The last commit that changed the content folder, or nil outside a repository (or when the
/// folder is not tracked). Not HEAD: a commit elsewhere in the repository does not change what
/// the pages say, so it should not make every page differ.
public func gitCommit(of folder: String) -> String? {
    gitLine(["log", "-1", "--format=%h", "--abbrev=12", "--", "."], in: folder)
}

/// The first line git prints, or nil when it fails or prints nothing (no repository, no git).
public func gitLine(_ arguments: [String], in folder: String) -> String? {
    let result = runGit(arguments, in: folder)
    guard result.status == 0 else { return nil }
    let text = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
}

// MARK: - Running git

/// A git process whose output is read on another thread as it comes, so a long log never
/// fills the pipe; `wait` returns it. Started with `posix_spawn`: Foundation's `Process` took
/// ~35 ms to start one here, twice per build.
final class GitProcess: @unchecked Sendable {
    private var pid: pid_t = 0
    private let done = DispatchGroup()
    // Written by the reader threads before `done` is left, read after `wait()`.
    private var output = Data()
    private var errors = Data()

    init?(_ arguments: [String], in folder: String, input: Data? = nil) {
        // Settings of the user's config that would change the output are fixed here.
        let argv = ["/usr/bin/env", "git", "-C", folder, "-c", "core.quotePath=false", "-c", "log.showSignature=false",
                    "-c", "i18n.logOutputEncoding=UTF-8", "-c", "log.mailmap=true"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        let envp = environment.map { "\($0.key)=\($0.value)" }

        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1], inp: [Int32] = [-1, -1]
        guard caitien_pipe(&out) == 0 else { return nil }
        guard caitien_pipe(&err) == 0 else { close(out[0]); close(out[1]); return nil }
        if input != nil && caitien_pipe(&inp) != 0 { [out[0], out[1], err[0], err[1]].forEach { close($0) }; return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the child's 0, 1 and 2; every other descriptor closes.
        if input != nil { posix_spawn_file_actions_adddup2(&actions, inp[0], 0) } else { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        let status = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in posix_spawn(&pid, "/usr/bin/env", &actions, nil, cArgv, cEnvp) }
        }
        close(out[1]); close(err[1])
        if input != nil { close(inp[0]) }
        guard status == 0 else {
            close(out[0]); close(err[0])
            if input != nil { close(inp[1]) }
            return nil
        }
        done.enter()
        done.enter()
        let (outFD, errFD) = (out[0], err[0])
        DispatchQueue.global().async { [self] in output = readAll(outFD); done.leave() }
        DispatchQueue.global().async { [self] in errors = readAll(errFD); done.leave() }
        if let input {
            // git may exit before reading all of it: a closed pipe must not kill caitien.
            signal(SIGPIPE, SIG_IGN)
            let inFD = inp[1]
            DispatchQueue.global().async {
                // FileHandle writes through short writes and closes the descriptor when done.
                try? FileHandle(fileDescriptor: inFD, closeOnDealloc: true).write(contentsOf: input)
            }
        }
    }

    /// The exit status (128 + the signal when killed), standard output and standard error.
    func wait() -> (status: Int32, output: Data, errors: Data) {
        done.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, output, errors)
    }
}

/// Reads a descriptor to its end, then closes it.
private func readAll(_ fd: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        data.append(contentsOf: buffer[0..<n])
    }
    close(fd)
    return data
}

/// Calls `body` with a NULL-terminated array of C strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}

/// Runs git in `folder` and waits; status 127 (or -1) when git cannot be started.
func runGit(_ arguments: [String], in folder: String, input: Data? = nil) -> (status: Int32, output: Data, errors: Data) {
    guard let process = GitProcess(arguments, in: folder, input: input) else { return (-1, Data(), Data()) }
    return process.wait()
}

