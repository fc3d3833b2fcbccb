import CaiTienContent
import CaiTienModel
import CSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A value behind a lock. NSLock rather than `Synchronization.Mutex`: ThreadSanitizer on Linux
/// does not see Mutex and reported every guarded access as a race.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    public init(_ value: Value) { self.value = value }
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Where rendered files go. The renderer only hands over bytes; it never touches the disk.
/// Implementations are safe to call from several threads at once.
public protocol OutputSink: AnyObject, Sendable {
    func write(_ path: String, _ bytes: [UInt8]) throws(BuildError)
    func reuse(_ path: String, key: UInt64) -> Bool
    func remember(_ path: String, key: UInt64)
    /// Writes a large file piece by piece, so it is never whole in memory.
    func stream(_ path: String, _ produce: ((String) throws(BuildError) -> Void) throws(BuildError) -> Void) throws(BuildError)
}

extension OutputSink {
    func write(_ path: String, _ text: String) throws(BuildError) { try write(path, Array(text.utf8)) }

    /// True when the page at `path` was last written from inputs with this key and is still
    /// there: it need not be rendered again. Sinks without memory say false.
    public func reuse(_ path: String, key: UInt64) -> Bool { false }
    /// Notes the key of the inputs a page was rendered from.
    public func remember(_ path: String, key: UInt64) {}

    public func stream(_ path: String, _ produce: ((String) throws(BuildError) -> Void) throws(BuildError) -> Void) throws(BuildError) {
        var bytes: [UInt8] = []
        try produce { (chunk: String) throws(BuildError) in bytes.append(contentsOf: chunk.utf8) }
        try write(path, bytes)
    }
}

/// Collects files in memory (tests).
public final class MemoryOutput: OutputSink {
    private let storage = Locked<[String: [UInt8]]>([:])
    public init() {}
    public func write(_ path: String, _ bytes: [UInt8]) throws(BuildError) { storage.withLock { $0[path] = bytes } }
    public var files: [String: [UInt8]] { storage.withLock { $0 } }
    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}

/// Writes the site beside the output and swaps it in with one atomic rename, so readers see the
/// old site or the new one, never a mix; a failed build leaves the output byte for byte.
///
/// The previous generation is kept beside the output (`.public.previous`) and updated in place:
/// files whose bytes are unchanged are not touched, stale ones are removed, then the two folders
/// are exchanged (`renameat2(RENAME_EXCHANGE)`). This avoids the two ext4 costs measured in
/// bench/NOTES.md — overwriting every file, and creating files right after a mass delete — so a
/// rebuild with nothing changed only reads. Without a previous generation the site is written
/// into a fresh staging folder.
public final class StagedOutput: OutputSink {
    public let output: String
    /// The folder being written: the previous generation, or a fresh staging folder.
    let work: String
    let previous: String
    let reusing: Bool
    private struct State {
        /// Folders made (or found) so far, by a hash of their path: at 100,000 requests a set of
        /// the paths themselves would hold 100,000 more strings.
        var directories = Set<UInt64>()
        /// Every file written (or kept) by this build, with its page key (0 for other files),
        /// saved beside the output.
        var keys: [String: UInt64] = [:]
        var count = 0
        var unchanged = 0
        var nanoseconds: UInt64 = 0
    }
    private let state = Locked(State())

    /// Keys of the pages in the folder being written, as its last build left them.
    private let previousKeys: [String: UInt64]
    private let parent: String
    private let name: String

    public var count: Int { state.withLock { $0.count } }
    public var unchanged: Int { state.withLock { $0.unchanged } }
    /// Time spent writing, summed over the threads that wrote.
    public var writeSeconds: Double { Double(state.withLock { $0.nanoseconds }) / 1e9 }

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
        if let kind = DiskFileSystem().kind(of: out), kind != .directory {
            throw BuildError("\(output) exists and is not a folder (a link or a file); remove it or choose another --output")
        }
        let url = URL(fileURLWithPath: out)
        let parent = url.deletingLastPathComponent().path
        self.parent = parent
        self.name = url.lastPathComponent
        self.output = out
        self.previous = parent + "/." + url.lastPathComponent + ".previous"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch { throw BuildError("cannot create \(parent): \(error.localizedDescription)") }
        if DiskFileSystem().kind(of: previous) == .directory && DiskFileSystem().kind(of: out) == .directory {
            work = previous
            reusing = true
            // The keys describe the folder as its last build left it; this build changes it,
            // so they are removed now and written anew only once this build has succeeded.
            let manifest = StagedOutput.manifestPath(parent: parent, name: url.lastPathComponent, folder: previous)
            previousKeys = manifest.map(StagedOutput.readManifest) ?? [:]
            if let manifest { unlink(manifest) }
        } else {
            previousKeys = [:]
            if let kind = DiskFileSystem().kind(of: previous), kind != .directory { unlink(previous) }
            work = parent + "/." + url.lastPathComponent + ".staging-\(getpid())"
            reusing = false
            try? FileManager.default.removeItem(atPath: work)
            guard mkdir(work, 0o755) == 0 else { throw BuildError("cannot create \(work): \(String(cString: strerror(errno)))") }
        }
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws(BuildError) {
        try checkPath(path)
        let started = DispatchTime.now().uptimeNanoseconds
        defer { let spent = DispatchTime.now().uptimeNanoseconds - started; state.withLock { $0.nanoseconds += spent } }
        try makeParents(of: path)
        let full = work + "/" + path
        // One open for the comparison and the write. Overwritten in place, then cut to length,
        // never opened with O_TRUNC: ext4 flushes a file truncated to zero when it is closed
        // (auto_da_alloc), which made in-place rewrites 5× slower here.
        let fd = open(full, (reusing ? O_RDWR : O_WRONLY) | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw BuildError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw BuildError("cannot write \(path): not a regular file") }
        let existing = Int(info.st_size)
        if reusing && existing == bytes.count && holds(fd, bytes) {
            state.withLock { $0.count += 1; $0.unchanged += 1; if $0.keys[path] == nil { $0.keys[path] = 0 } }
            return
        }
        guard bytes.withUnsafeBytes({ writeFully(fd, $0, at: 0) }) else {
            throw BuildError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        if existing > bytes.count && ftruncate(fd, off_t(bytes.count)) != 0 {
            throw BuildError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        state.withLock { $0.count += 1; if $0.keys[path] == nil { $0.keys[path] = 0 } }
    }

    public func reuse(_ path: String, key: UInt64) -> Bool {
        guard reusing, previousKeys[path] == key else { return false }
        var info = stat()
        guard lstat(work + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        var dir = ""
        var parents: [String] = []
        for component in path.split(separator: "/").dropLast() {
            dir = dir.isEmpty ? String(component) : dir + "/" + component
            parents.append(dir)
        }
        state.withLock {
            $0.count += 1; $0.unchanged += 1; $0.keys[path] = key
            for p in parents { $0.directories.insert(pathHash(p)) }
        }
        return true
    }

    public func remember(_ path: String, key: UInt64) {
        state.withLock { $0.keys[path] = key }
    }

    /// Where the page keys of a generation folder are kept: beside the output, named by the
    /// folder's inode, which renames do not change.
    static func manifestPath(parent: String, name: String, folder: String) -> String? {
        var info = stat()
        guard lstat(folder, &info) == 0 else { return nil }
        return parent + "/.\(name).pages-\(info.st_ino)"
    }

    /// `path<TAB>hex key` lines, read byte by byte (100,000 lines through `split` took 0.1 s).
    static func readManifest(_ path: String) -> [String: UInt64] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var keys: [String: UInt64] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            keys.reserveCapacity(bytes.count / 40)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var tab = end - 1
                while tab > start && bytes[tab] != 0x09 { tab -= 1 }
                if tab > start && end - tab - 1 >= 1 && end - tab - 1 <= 16 {
                    var key: UInt64 = 0
                    var valid = true
                    for b in bytes[(tab + 1)..<end] {
                        switch b {
                        case 0x30...0x39: key = key << 4 | UInt64(b - 0x30)
                        case 0x61...0x66: key = key << 4 | UInt64(b - 0x61 + 10)
                        default: valid = false
                        }
                    }
                    if valid { keys[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self)] = key }
                }
                start = end + 1
            }
        }
        return keys
    }

    private func saveManifest() {
        guard let path = StagedOutput.manifestPath(parent: parent, name: name, folder: output) else { return }
        let keys = state.withLock { $0.keys }
        var text = ""
        text.reserveCapacity(keys.count * 48)
        for (path, key) in keys.sorted(by: { $0.key < $1.key }) { text += path; text += "\t"; text += String(key, radix: 16); text += "\n" }
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        // Manifests of folders that are gone.
        let keep = Set([path, StagedOutput.manifestPath(parent: parent, name: name, folder: previous)].compactMap { $0 })
        let prefix = ".\(name).pages-"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where file.hasPrefix(prefix) {
            if !keep.contains(parent + "/" + file) { unlink(parent + "/" + file) }
        }
    }

    /// Streams a file: while the chunks match the previous generation's bytes nothing is
    /// written; from the first difference on, chunks are written in place, then the file is cut
    /// to length.
    public func stream(_ path: String, _ produce: ((String) throws(BuildError) -> Void) throws(BuildError) -> Void) throws(BuildError) {
        try checkPath(path)
        try makeParents(of: path)
        let full = work + "/" + path
        let fd = open(full, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw BuildError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        let existing = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        var offset = 0
        var same = reusing
        var scratch: [UInt8] = []
        try produce { (chunk: String) throws(BuildError) in
            var text = chunk
            let failure: BuildError? = text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> BuildError? in
                if same {
                    if offset + bytes.count <= existing {
                        if scratch.count < bytes.count { scratch = [UInt8](repeating: 0, count: bytes.count) }
                        let read = scratch.withUnsafeMutableBytes { readFully(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<bytes.count]), at: offset) }
                        if read && scratch.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                            offset += bytes.count
                            return nil
                        }
                    }
                    same = false
                }
                guard writeFully(fd, UnsafeRawBufferPointer(bytes), at: offset) else {
                    return BuildError("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += bytes.count
                return nil
            }
            if let failure { throw failure }
        }
        if offset != existing && ftruncate(fd, off_t(offset)) != 0 {
            throw BuildError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let unchanged = same && offset == existing
        state.withLock { $0.count += 1; if unchanged { $0.unchanged += 1 }; if $0.keys[path] == nil { $0.keys[path] = 0 } }
    }

    private func checkPath(_ path: String) throws(BuildError) {
        guard !path.hasPrefix("/"), !path.split(separator: "/", omittingEmptySubsequences: false)
            .contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildError("refusing to write outside the output folder: \(path)")
        }
    }

    private func makeParents(of path: String) throws(BuildError) {
        var dir = ""
        for component in path.split(separator: "/").dropLast() {
            dir = dir.isEmpty ? String(component) : dir + "/" + component
            let known = state.withLock { $0.directories.contains(pathHash(dir)) }
            if known { continue }
            let full = work + "/" + dir
            if mkdir(full, 0o755) != 0 {
                guard errno == EEXIST else { throw BuildError("cannot create \(dir): \(String(cString: strerror(errno)))") }
                if DiskFileSystem().kind(of: full) != .directory {
                    // A file or link where a folder belongs (left by an old generation): replace it.
                    unlink(full)
                    guard mkdir(full, 0o755) == 0 else { throw BuildError("cannot create \(dir): \(String(cString: strerror(errno)))") }
                }
            }
            state.withLock { _ = $0.directories.insert(pathHash(dir)) }
        }
    }

    private func removeListedStale() {
        let written = state.withLock { $0.keys }
        for path in previousKeys.keys where written[path] == nil {
            unlink(work + "/" + path)
            // Folders left empty (a deleted request's `tickets/ID/`).
            var dir = Substring(path)
            while let slash = dir.lastIndex(of: "/") {
                dir = dir[..<slash]
                if rmdir(work + "/" + dir) != 0 { break }
            }
        }
    }

    /// Removes what an earlier generation held and this build did not write.
    private func removeStale() {
        let written = state.withLock { $0.keys }
        let directories = state.withLock { $0.directories }
        func sweep(_ relative: String) {
            let dir = relative.isEmpty ? work : work + "/" + relative
            guard let names = try? DiskFileSystem().list(dir) else { return }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                if DiskFileSystem().kind(of: work + "/" + child) == .directory {
                    if directories.contains(pathHash(child)) { sweep(child) } else { try? FileManager.default.removeItem(atPath: work + "/" + child) }
                } else if written[child] == nil {
                    unlink(work + "/" + child)
                }
            }
        }
        sweep("")
    }

    /// Swaps the written folder in place of the output.
    public func publish() throws(BuildError) {
        if reusing {
            // The manifest lists every file of the folder: what it lists and this build did not
            // write is stale. Without one, sweep the whole folder.
            if previousKeys.isEmpty { removeStale() } else { removeListedStale() }
        }
        if DiskFileSystem().kind(of: output) == .directory {
            if caitien_exchange(work, output) == 0 {
                // `work` now holds the old site: it becomes the previous generation.
                if !reusing {
                    try? FileManager.default.removeItem(atPath: previous)
                    if rename(work, previous) != 0 { try? FileManager.default.removeItem(atPath: work) }
                }
                saveManifest()
                return
            }
            // No RENAME_EXCHANGE here: rename the old aside, rename the new in, delete the old.
            let old = work + ".old"
            try? FileManager.default.removeItem(atPath: old)
            guard rename(output, old) == 0 else { discard(); throw BuildError("cannot move the old \(output) aside: \(String(cString: strerror(errno)))") }
            guard rename(work, output) == 0 else {
                let reason = String(cString: strerror(errno))
                rename(old, output)
                discard()
                throw BuildError("cannot move the new site into place: \(reason)")
            }
            try? FileManager.default.removeItem(atPath: old)
        } else {
            guard rename(work, output) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw BuildError("cannot move the new site into place: \(reason)")
            }
        }
        saveManifest()
    }

    /// After a failure: a fresh staging folder is removed; a reused previous generation is left
    /// as it is (it is only a cache, compared byte by byte next time).
    public func discard() {
        if !reusing { try? FileManager.default.removeItem(atPath: work) }
    }
}

private func pathHash(_ path: String) -> UInt64 {
    var hash = StableHash()
    hash.add(path)
    return hash.value
}

/// True when the open file holds exactly `bytes` (its size is known to match).
private func holds(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var existing = [UInt8](repeating: 0, count: bytes.count)
    return existing.withUnsafeMutableBytes { readFully(fd, into: $0, at: 0) } && existing == bytes
}

func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
}
