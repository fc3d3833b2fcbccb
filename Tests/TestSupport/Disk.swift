import CaiTienModel
import CaiTienSite
import Foundation

/// A new empty folder under the system's temporary folder; the caller removes it.
public func temporaryFolder(_ prefix: String = "caitien-test") throws -> String {
    let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Every file below `folder` (relative path → bytes), to compare a build's output byte for byte.
public func snapshot(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
        var isDir: ObjCBool = false
        FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDir)
        if !isDir.boolValue { result[path] = FileManager.default.contents(atPath: folder + "/" + path) }
    }
    return result
}

extension Fixture {
    /// Writes the fixture's files on disk, into `folder/content/`.
    public func write(to folder: String) throws {
        for (path, bytes) in files {
            let full = folder + "/content/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
    }
}

/// Builds `folder/content` into `folder/public` (or `output`) for `today` (YYYY-MM-DD), as
/// `caitien build` does: lock, parse cache, generations.
@discardableResult
public func buildFolder(_ folder: String, output: String? = nil, today: String, theme: String? = nil, baseURL: String? = nil) throws -> BuildResult {
    var timings = Timings()
    return try build(BuildOptions(content: folder + "/content", theme: theme, output: output ?? folder + "/public",
                                  today: Day(parsing: today)!, baseURL: baseURL), timings: &timings)
}
