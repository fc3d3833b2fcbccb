import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where rendered files go. The renderer only hands over bytes; it never touches the disk.
public protocol OutputSink: AnyObject {
    func write(_ path: String, _ bytes: [UInt8]) throws(BuildError)
}

extension OutputSink {
    func write(_ path: String, _ text: String) throws(BuildError) { try write(path, Array(text.utf8)) }
}

/// Collects files in memory (tests, `serve`).
public final class MemoryOutput: OutputSink {
    public private(set) var files: [String: [UInt8]] = [:]
    public init() {}
    public func write(_ path: String, _ bytes: [UInt8]) throws(BuildError) { files[path] = bytes }
    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}

/// Writes into a fresh staging folder beside the output; `publish()` swaps it in atomically:
/// rename the old output aside, rename staging in, delete the old. Until then the previous
/// output is untouched, and `discard()` leaves no staging folder behind.
public final class StagedOutput: OutputSink {
    public let output: String
    let staging: String
    private var createdDirectories = Set<String>()
    public private(set) var count = 0

    public init(output: String, guarding protected: [String]) throws(BuildError) {
        let out = absolutePath(output)
        let cwd = absolutePath(".")
        guard out != "/", out != cwd, !cwd.hasPrefix(out + "/") else {
            throw BuildError("refusing to replace \(output) with the site: it holds the working folder; choose a folder such as public")
        }
        for folder in protected where !folder.isEmpty {
            let p = absolutePath(folder)
            if p == out || p.hasPrefix(out + "/") || out.hasPrefix(p + "/") {
                throw BuildError("the output folder \(output) overlaps \(folder); choose another --output")
            }
        }
        var info = stat()
        if lstat(out, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
            throw BuildError("\(output) exists and is not a folder (a link or a file); remove it or choose another --output")
        }
        let url = URL(fileURLWithPath: out)
        let parent = url.deletingLastPathComponent().path
        self.output = out
        self.staging = parent + "/." + url.lastPathComponent + ".staging-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch { throw BuildError("cannot create \(parent): \(error.localizedDescription)") }
        guard mkdir(staging, 0o755) == 0 else { throw BuildError("cannot create \(staging): \(String(cString: strerror(errno)))") }
        createdDirectories.insert("")
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws(BuildError) {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildError("refusing to write outside the output folder: \(path)")
        }
        var dir = ""
        for component in path.split(separator: "/").dropLast() {
            dir = dir.isEmpty ? String(component) : dir + "/" + component
            if !createdDirectories.contains(dir) {
                if mkdir(staging + "/" + dir, 0o755) != 0 && errno != EEXIST {
                    throw BuildError("cannot create \(dir): \(String(cString: strerror(errno)))")
                }
                createdDirectories.insert(dir)
            }
        }
        let fd = open(staging + "/" + path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BuildError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
        count += 1
    }

    /// Swaps the staging folder in place of the output.
    public func publish() throws(BuildError) {
        let old = staging.replacingOccurrences(of: ".staging-", with: ".old-")
        var info = stat()
        let hadOutput = lstat(output, &info) == 0
        if hadOutput {
            try? FileManager.default.removeItem(atPath: old)
            guard rename(output, old) == 0 else { discard(); throw BuildError("cannot move the old \(output) aside: \(String(cString: strerror(errno)))") }
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOutput { rename(old, output) }
            discard()
            throw BuildError("cannot move the new site into place: \(reason)")
        }
        if hadOutput { try? FileManager.default.removeItem(atPath: old) }
    }

    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
}
