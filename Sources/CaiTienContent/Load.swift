import CaiTienModel

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
        if let size = error.tooLarge { return .failure(Diagnostic(.tooLarge, entry.path, line: 1, ["size": .value(size)])) }
        return .failure(Diagnostic(.unreadable, entry.path, line: 1, ["problem": error.message]))
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

/// Walks a content folder: `site.yml` and the folder of each record type (`RecordType.all`),
/// with any sub-folders.
/// Files starting with `_` or `.` are skipped; a symbolic link is an error and is never followed.
public func listContent(from root: String, fileSystem: FileSystem) -> (entries: [ContentEntry], diagnostics: [Diagnostic]) {
    var files: [ContentEntry] = []
    var diagnostics: [Diagnostic] = []

    func problem(_ path: String, _ rule: Rule, _ arguments: [String: Phrase] = [:]) {
        diagnostics.append(Diagnostic(rule, path, line: 1, arguments))
    }

    func readFile(_ relative: String, kind: RecordKind) {
        files.append(ContentEntry(kind: kind, path: joinPath(root, relative), relativePath: relative))
    }

    func walk(_ relative: String, kind: RecordKind, depth: Int) {
        let dir = joinPath(root, relative)
        let listed: [(name: String, kind: EntryKind?)]
        do { listed = try fileSystem.entries(dir) } catch {
            problem(dir, .unreadable, ["problem": error.message])
            return
        }
        for (name, entryKind) in listed where !name.hasPrefix("_") && !name.hasPrefix(".") {
            let child = relative + "/" + name
            let path = joinPath(root, child)
            switch entryKind {
            case .symlink:
                problem(path, .symlink)
            case .directory:
                if depth >= 8 {
                    problem(path, .tooDeep)
                } else {
                    walk(child, kind: kind, depth: depth + 1)
                }
            case .file:
                if name.hasSuffix(".md") {
                    readFile(child, kind: kind)
                } else if let fixed = recordFileName(for: name) {
                    problem(path, .notRead, ["name": .value(name), "fixed": .value(fixed)])
                }
            case .other:
                if name.hasSuffix(".md") { problem(path, .notAFile) }
            case nil:
                break
            }
        }
    }

    switch fileSystem.kind(of: root) {
    case .directory: break
    case .symlink:
        problem(root, .symlink)
        return ([], diagnostics)
    default:
        problem(root, .noContent)
        return ([], diagnostics)
    }

    switch fileSystem.kind(of: joinPath(root, "site.yml")) {
    case .file: readFile("site.yml", kind: .site)
    case .symlink: problem(joinPath(root, "site.yml"), .symlink)
    default: problem(joinPath(root, "site.yml"), .noSite)
    }
    for type in RecordType.all {
        let folder = type.folder
        switch fileSystem.kind(of: joinPath(root, folder)) {
        case .directory: walk(folder, kind: type.kind, depth: 1)
        case .symlink: problem(joinPath(root, folder), .symlink)
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
