import CaiTienModel
import Foundation

// The rules that need the git history (read by CaiTienHistory) besides the records.

/// The rules over the git history, and the audit trail they leave for the pages. The last
/// content of each deleted request is parsed once, for both.
public func checkHistory(_ parsed: ParsedContent, history: ContentHistory, today: Day) -> (diagnostics: [Diagnostic], auditTrail: AuditTrail) {
    let deleted = deletedRequests(history, content: parsed)
    return (lostRecords(deleted, history: history, retentionYears: parsed.content.site.settings.retentionYears, today: today),
            auditTrail(history, content: parsed, deleted: deleted))
}

/// `record-lost` (SPEC §2, "Records"): a request file deleted in a commit, whose id no request
/// of the content has, and whose retention — `closed`, else `opened`, plus `retention_years` —
/// has not ended by `today`. A deleted file whose last content does not parse is reported, to
/// be safe.
func lostRecords(_ deleted: [(deletion: RequestDeletion, last: Request?)], history: ContentHistory, retentionYears years: Int,
                 today: Day) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (deletion, last) in deleted {
        let commit = history.commits[deletion.commit]
        var end: Day?
        if let last {
            end = retentionEnd(last.closed ?? last.opened, years: years)
            if let end, end < today { continue } // past its retention: may be removed
        }
        let path = joinPath(history.contentRoot, deletion.relativePath)
        out.append(Diagnostic(.recordLost, path, line: 1, [
            "id": .value(deletion.id), "commit": .value(commit.shortHash), "author": .value("\(commit.author) <\(commit.email)>"),
            "when": .deletedOn(commit.date), "retention": .retentionRunsUntil(end), "years": .value(years),
            "source": .value(deletion.source), "path": .value(shellQuoted(path)),
        ]))
    }
    return out
}

/// The audit trail the pages may show (SPEC §3): the message of a commit that touched a
/// confidential request is withheld on every page. Confidential means so in the content as
/// loaded; a request git deleted counts by its last content. A request whose content cannot be
/// read — a file that does not parse, a deleted file git cannot give — counts as confidential:
/// nothing says it is not.
func auditTrail(_ history: ContentHistory, content parsed: ParsedContent, deleted: [(deletion: RequestDeletion, last: Request?)]) -> AuditTrail {
    let shown = Set(parsed.content.requests.lazy.filter { !$0.confidential }.map(\.id))
        .union(deleted.lazy.filter { $0.last?.confidential == false }.map(\.deletion.id))
    let touched = Set(history.byRequest.keys).union(history.carriedBy.keys)
    return history.auditTrail(withholdingCommitsOf: touched.lazy.filter { !shown.contains($0) })
}

/// The deleted requests whose id the content lacks, each with its last content parsed (nil
/// when it is not a valid request).
func deletedRequests(_ history: ContentHistory, content parsed: ParsedContent) -> [(deletion: RequestDeletion, last: Request?)] {
    history.deletions.filter { !parsed.requestIDs.contains($0.id) }.map { d in
        (d, d.lastContent.flatMap { parseDeletedRequest($0, relativePath: d.relativePath) })
    }
}

/// A deleted request file's last content parsed as a request (loaded from memory, as the
/// loader would read it), or nil when it is not a valid request.
func parseDeletedRequest(_ bytes: [UInt8], relativePath: String) -> Request? {
    let files = loadContent(from: "deleted", fileSystem: MemoryFileSystem(files: ["deleted/" + relativePath: bytes])).files
    guard let file = files.first(where: { $0.kind == .request }), case .request(let r) = parseRecord(file).record else { return nil }
    return r
}

/// A path as a POSIX shell reads it: as is when plain, else single-quoted.
func shellQuoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+,:@".unicodeScalars.contains($0) }
    return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
