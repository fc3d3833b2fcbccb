import CaiTienContent
import Foundation

/// The content folder a command run from `workingFolder` means. When `given` holds a site.yml
/// it is that folder; otherwise, as git finds its repository, the nearest folder at or above
/// the working folder that is a content folder (holds site.yml) or holds one (`content/site.yml`).
/// Nil when there is none: the caller then reports `given`.
public func locateContent(_ given: String, from workingFolder: String) -> String? {
    let fs = DiskFileSystem()
    func isContent(_ folder: String) -> Bool { fs.kind(of: folder + "/site.yml") == .file }
    let start = given.hasPrefix("/") ? given : workingFolder + "/" + given
    if isContent(start) { return given }
    var folder = URL(fileURLWithPath: workingFolder).standardizedFileURL.path
    while true {
        if isContent(folder) { return folder }
        if isContent(folder + "/content") { return folder + "/content" }
        // A repository's top ends the search, as it ends git's.
        if fs.kind(of: folder + "/.git") != nil || folder == "/" { return nil }
        folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
    }
}

/// `path` relative to `workingFolder` when it lies inside it (for printing), else unchanged.
public func relativePath(_ path: String, from workingFolder: String) -> String {
    let base = URL(fileURLWithPath: workingFolder).standardizedFileURL.path
    let full = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base + "/")).standardizedFileURL.path
    if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
    // Above the working folder: as `../` steps, which is what a clerk in content/tickets/ expects.
    var up = URL(fileURLWithPath: base)
    var steps = ""
    for _ in 0..<8 {
        up = up.deletingLastPathComponent()
        steps += "../"
        let top = up.path == "/" ? "" : up.path
        if full.hasPrefix(top + "/") { return steps + String(full.dropFirst(top.count + 1)) }
    }
    return full
}
