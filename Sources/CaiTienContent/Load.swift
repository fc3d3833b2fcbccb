import CaiTienModel

/// Which kind of record a file holds, from the folder it is in.
public enum RecordKind: String, Sendable { case site, request, review, objectives }

/// A content file read from disk, not yet parsed.
public struct SourceFile: Sendable {
    public var kind: RecordKind
    /// Path for diagnostics: the content folder as given, joined with the file's path in it.
    public var path: String
    /// Path inside the content folder, e.g. `objectives/2025/tthcc.md`.
    public var relativePath: String
    public var bytes: [UInt8]
}

/// Records over this size are refused (SPEC §1).
public let maxRecordBytes = 1 << 20

/// A content file found by walking the folder, not yet read.
public struct ContentEntry: Sendable {
    public var kind: RecordKind
    public var path: String
    public var relativePath: String
}

/// Reads one listed file; an unreadable or too large file is a diagnostic.
public func readEntry(_ entry: ContentEntry, fileSystem: FileSystem) -> Result<SourceFile, Diagnostic> {
    do {
        let bytes = try fileSystem.read(entry.path, limit: maxRecordBytes)
        return .success(SourceFile(kind: entry.kind, path: entry.path, relativePath: entry.relativePath, bytes: bytes))
    } catch {
        if error.message.contains("over the limit") {
            return .failure(Diagnostic(.error, entry.path, line: 1, column: 1, rule: "too-large",
                                       "\(error.message); a record is at most 1 MiB — move attachments out of the record"))
        }
        return .failure(Diagnostic(.error, entry.path, line: 1, column: 1, rule: "unreadable", error.message))
    }
}

/// Walks and reads a content folder (see `listContent`).
public func loadContent(from root: String, fileSystem: FileSystem) -> (files: [SourceFile], diagnostics: [Diagnostic]) {
    let (entries, listed) = listContent(from: root, fileSystem: fileSystem)
    var files: [SourceFile] = []
    var diagnostics = listed
    for entry in entries {
        switch readEntry(entry, fileSystem: fileSystem) {
        case .success(let file): files.append(file)
        case .failure(let d): diagnostics.append(d)
        }
    }
    return (files, diagnostics)
}

/// Walks a content folder: `site.yml`, `tickets/`, `reviews/`, `objectives/` (any sub-folders).
/// Files starting with `_` or `.` are skipped; a symbolic link is an error and is never followed.
public func listContent(from root: String, fileSystem: FileSystem) -> (entries: [ContentEntry], diagnostics: [Diagnostic]) {
    var files: [ContentEntry] = []
    var diagnostics: [Diagnostic] = []

    func problem(_ path: String, _ rule: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, rule: rule, message))
    }

    func readFile(_ relative: String, kind: RecordKind) {
        files.append(ContentEntry(kind: kind, path: joinPath(root, relative), relativePath: relative))
    }

    func walk(_ relative: String, kind: RecordKind, depth: Int) {
        let dir = joinPath(root, relative)
        let listed: [(name: String, kind: EntryKind?)]
        do { listed = try fileSystem.entries(dir) } catch {
            problem(dir, "unreadable", error.message)
            return
        }
        for (name, entryKind) in listed where !name.hasPrefix("_") && !name.hasPrefix(".") {
            let child = relative + "/" + name
            let path = joinPath(root, child)
            switch entryKind {
            case .symlink:
                problem(path, "symlink", "is a symbolic link; links are never followed in content — replace it with the file itself")
            case .directory:
                if depth >= 8 {
                    problem(path, "too-deep", "folders nested deeper than 8 levels")
                } else {
                    walk(child, kind: kind, depth: depth + 1)
                }
            case .file:
                if name.hasSuffix(".md") {
                    readFile(child, kind: kind)
                } else if let fixed = recordFileName(for: name) {
                    diagnostics.append(Diagnostic(.warning, path, line: 1, column: 1, rule: "not-read",
                                                  "`\(name)` is not read: only a file whose name ends in `.md` (lower case) is a record — rename it `\(fixed)`, or start its name with `_` to keep it aside"))
                }
            case .other:
                if name.hasSuffix(".md") { problem(path, "not-a-file", "is not a regular file") }
            case nil:
                break
            }
        }
    }

    switch fileSystem.kind(of: root) {
    case .directory: break
    case .symlink:
        problem(root, "symlink", "the content folder is a symbolic link; give its real path")
        return ([], diagnostics)
    default:
        problem(root, "no-content", "no content folder here; give one with --content or create it with `caitien init`")
        return ([], diagnostics)
    }

    switch fileSystem.kind(of: joinPath(root, "site.yml")) {
    case .file: readFile("site.yml", kind: .site)
    case .symlink: problem(joinPath(root, "site.yml"), "symlink", "is a symbolic link; links are never followed in content")
    default: problem(joinPath(root, "site.yml"), "no-site", "site.yml is missing: it names the organisation and its units")
    }
    for (folder, kind) in [("tickets", RecordKind.request), ("reviews", .review), ("objectives", .objectives)] {
        switch fileSystem.kind(of: joinPath(root, folder)) {
        case .directory: walk(folder, kind: kind, depth: 1)
        case .symlink: problem(joinPath(root, folder), "symlink", "is a symbolic link; links are never followed in content")
        default: break
        }
    }
    return (files, diagnostics)
}

/// The name a file that looks like a record but is not `*.md` should have (`PYC-2025-004.MD`,
/// `.Md`, `.markdown`, `.md.txt`, `.txt`), so that no record is skipped unseen; nil for other
/// files (evidence such as `.pdf` or `.jpg`).
func recordFileName(for name: String) -> String? {
    let lower = name.lowercased()
    for suffix in [".md.txt", ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt"] where lower.hasSuffix(suffix) {
        let stem = name.dropLast(suffix.count)
        return stem.isEmpty ? nil : stem + ".md"
    }
    return nil
}
