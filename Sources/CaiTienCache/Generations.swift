import CaiTienContent
import CaiTienModel
import CSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The output folder belongs to caitien (SPEC §3). Beside `public/` it keeps, as hidden siblings:
//   .public.previous/       the previous generation, updated in place and swapped in by the next build
//   .public.pages-INODE     the key of every file of the generation folder with that inode
//   .public.parsed          the parse cache (ParseCache.swift)
//   .public.lock            held while a build reads or writes any of these
// and inside each generation the marker `.caitien-output`, by which a later build knows the
// folder is its own and may replace what it holds.

/// The output folder of one build, locked for the build's whole life (the lock is released
/// when this is freed, or when the process ends).
public final class OutputFolder: @unchecked Sendable {
    /// Absolute path of the output folder.
    public let path: String
    let parent: String
    let name: String
    private let lockFD: Int32

    /// The file inside every generation that says caitien wrote it.
    public static let markerName = ".caitien-output"
    static let markerText = Array("This folder is written by `caitien build`: every build replaces what it holds.\n".utf8)

    /// Checks that `output` may be written (SPEC §3: new, empty, or written by caitien), then
    /// takes its lock, waiting up to `wait` seconds for another build to finish. `waiting` is
    /// called once if the lock is busy. `guarding` are folders the output may not overlap.
    public init(_ output: String, guarding protected: [String], wait: Double = 600,
                waiting: () -> Void = {}) throws(BuildError) {
        let out = absolutePath(output)
        let cwd = absolutePath(".")
        guard out != "/", out != cwd, !cwd.hasPrefix(out + "/") else {
            throw BuildError(.outputHoldsWorkingFolder, ["output": .value(output)])
        }
        for folder in protected where !folder.isEmpty {
            let p = absolutePath(folder)
            if p == out || p.hasPrefix(out + "/") || out.hasPrefix(p + "/") {
                throw BuildError(.outputOverlaps, ["output": .value(output), "folder": .value(folder)])
            }
        }
        let url = URL(fileURLWithPath: out)
        path = out
        parent = url.deletingLastPathComponent().path
        name = url.lastPathComponent
        if let kind = DiskFileSystem().kind(of: out), kind != .directory {
            throw BuildError(.outputNotAFolder, ["output": .value(output)])
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch { throw BuildError(.cannotCreateFolder, ["path": .value(parent), "problem": .problem(of: error)]) }
        // Ownership is checked before the lock file is made, so a refused folder gets nothing beside it either.
        try OutputFolder.checkOwned(out, shownAs: output, parent: parent, name: name)
        let lockPath = parent + "/." + name + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw BuildError(.cannotWrite, ["path": .value(lockPath), "problem": .system(errno)]) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, wait) * 1e9)
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard DispatchTime.now().uptimeNanoseconds < deadline else {
                    close(fd)
                    throw BuildError(.outputBusy, ["output": .value(output), "lock": .value(lockPath)])
                }
                usleep(100_000)
            }
        }
        lockFD = fd
        // The other build may have changed the folder while this one waited.
        do { try OutputFolder.checkOwned(out, shownAs: output, parent: parent, name: name) } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(lockFD) }

    /// The previous generation, kept beside the output.
    var previous: String { parent + "/." + name + ".previous" }
    /// Where the parse cache of this output is kept.
    public var parseCachePath: String { parent + "/." + name + ".parsed" }
    func manifestPath(inode: UInt64) -> String { parent + "/.\(name).pages-\(inode)" }

    /// Throws unless `folder` is absent, empty, or marked as written by caitien. A folder an
    /// earlier version of caitien wrote (before the marker) is known by its page-key manifest.
    static func checkOwned(_ folder: String, shownAs shown: String, parent: String, name: String) throws(BuildError) {
        for (candidate, label) in [(folder, shown), (parent + "/." + name + ".previous", "." + name + ".previous")] {
            guard DiskFileSystem().kind(of: candidate) != nil else { continue }
            guard DiskFileSystem().kind(of: candidate) == .directory else {
                throw BuildError(.outputNotAFolder, ["output": .value(label)])
            }
            if isMarked(candidate) { continue }
            var info = stat()
            if lstat(candidate, &info) == 0, access(parent + "/.\(name).pages-\(UInt64(info.st_ino))", F_OK) == 0 { continue }
            let names = ((try? DiskFileSystem().list(candidate)) ?? [])
            if names.isEmpty { continue }
            let shownNames = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
            throw BuildError(.outputNotOurs, ["output": .value(label), "files": .value(shownNames)])
        }
    }

    static func isMarked(_ folder: String) -> Bool {
        let fd = open(folder + "/" + markerName, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: markerText.count)
        return bytes.withUnsafeMutableBytes { readFully(fd, into: $0, at: 0) } && bytes == markerText
    }
}

/// One build's files, written beside the output and swapped in with one atomic rename: readers
/// see the old site or the new one, never a mix, and a failed build leaves the output as it was.
///
/// Every file has a key: the digest of everything it is made from. The output folder's keys
/// (its manifest) say which files it already holds; a file whose key is there is not made again.
/// When every file is there and nothing else is, the output already is this build's site: nothing
/// is written or swapped. Otherwise the files are written into the previous generation, which is
/// updated in place — files whose key it already has are left alone, files the output has are
/// copied from it, the rest are made — and then exchanged with the output (`renameat2`), so each
/// change is rendered once. Updating in place, rather than writing a fresh folder, avoids the
/// two ext4 costs measured in bench/NOTES.md: rewriting every file, and creating files right
/// after a mass delete.
public final class Generation: @unchecked Sendable {
    let folder: OutputFolder
    /// The folder being written: the previous generation, or a fresh staging folder.
    let work: String
    let reusing: Bool
    /// Keys of the files the output holds now, and of those the work folder holds.
    private let liveKeys: [String: Digest]
    private let workKeys: [String: Digest]

    private struct State {
        var keys: [String: Digest] = [:]
        /// Files the output holds with the right key: copied into the work folder if needed.
        var fromLive: [String] = []
        var directories = Set<String>()
        var written = 0
        var unchanged = 0
        var nanoseconds: UInt64 = 0
        var workManifestRemoved = false
    }
    private let state = Locked(State())

    public var count: Int { state.withLock { $0.keys.count } }
    /// Files whose bytes were already in place.
    public var unchanged: Int { state.withLock { $0.unchanged } }
    /// Time spent writing, summed over the threads that wrote.
    public var writeSeconds: Double { Double(state.withLock { $0.nanoseconds }) / 1e9 }

    public init(_ folder: OutputFolder) throws(BuildError) {
        self.folder = folder
        let fs = DiskFileSystem()
        let outputExists = fs.kind(of: folder.path) == .directory
        liveKeys = outputExists ? Generation.manifest(of: folder.path, in: folder) : [:]
        if outputExists && fs.kind(of: folder.previous) == .directory {
            work = folder.previous
            reusing = true
            workKeys = Generation.manifest(of: folder.previous, in: folder)
        } else {
            if fs.kind(of: folder.previous) != nil { try? FileManager.default.removeItem(atPath: folder.previous) }
            work = folder.parent + "/." + folder.name + ".staging-\(getpid())"
            reusing = false
            workKeys = [:]
            try? FileManager.default.removeItem(atPath: work)
            guard mkdir(work, 0o755) == 0 else { throw BuildError(.cannotCreateFolder, ["path": .value(work), "problem": .system(errno)]) }
        }
    }

    /// True when the output already holds `path` made from `key`: it need not be made.
    public func isCurrent(_ path: String, key: Digest) -> Bool {
        guard liveKeys[path] == key else { return false }
        // A file removed from the output by hand is made again.
        var info = stat()
        guard lstat(folder.path + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        state.withLock { $0.keys[path] = key; $0.fromLive.append(path) }
        return true
    }

    public func write(_ path: String, _ bytes: [UInt8], key: Digest) throws(BuildError) {
        try checkPath(path)
        try store(path, key: key) { (fd, existing) throws(BuildError) in
            if existing == bytes.count && holds(fd, bytes) { return false }
            guard bytes.withUnsafeBytes({ writeFully(fd, $0, at: 0) }) else { throw BuildError(.cannotWrite, ["path": .value(path), "problem": .system(errno)]) }
            if existing > bytes.count && ftruncate(fd, off_t(bytes.count)) != 0 {
                throw BuildError(.cannotWrite, ["path": .value(path), "problem": .system(errno)])
            }
            return true
        }
    }

    /// Writes a large file piece by piece, so it is never whole in memory: while the chunks match
    /// the bytes already there nothing is written; from the first difference on, chunks are
    /// written in place, then the file is cut to length.
    public func stream(_ path: String, key: Digest, _ produce: ((String) throws(BuildError) -> Void) throws(BuildError) -> Void) throws(BuildError) {
        try checkPath(path)
        try store(path, key: key) { (fd, existing) throws(BuildError) in
            var offset = 0
            var same = true
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
                        return BuildError(.cannotWrite, ["path": .value(path), "problem": .system(errno)])
                    }
                    offset += bytes.count
                    return nil
                }
                if let failure { throw failure }
            }
            if offset != existing && ftruncate(fd, off_t(offset)) != 0 {
                throw BuildError(.cannotWrite, ["path": .value(path), "problem": .system(errno)])
            }
            return !(same && offset == existing)
        }
    }

    /// Opens `path` in the work folder and lets `fill` write it; `fill` returns whether it changed
    /// the file. One open for the comparison and the write; overwritten in place then cut to
    /// length, never opened with O_TRUNC: ext4 flushes a file truncated to zero when it is
    /// closed (auto_da_alloc), which made in-place rewrites 5× slower here.
    private func store(_ path: String, key: Digest, _ fill: (Int32, Int) throws(BuildError) -> Bool) throws(BuildError) {
        forgetWorkManifest()
        let started = DispatchTime.now().uptimeNanoseconds
        defer { let spent = DispatchTime.now().uptimeNanoseconds - started; state.withLock { $0.nanoseconds += spent } }
        try makeParents(of: path)
        let fd = open(work + "/" + path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw BuildError(.cannotWrite, ["path": .value(path), "problem": .system(errno)]) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw BuildError(.cannotWrite, ["path": .value(path), "problem": CommandMessage.notRegularFile().phrase]) }
        let changed = try fill(fd, Int(info.st_size))
        state.withLock {
            $0.keys[path] = key
            $0.written += 1
            if !changed { $0.unchanged += 1 }
        }
    }

    /// The work folder's manifest describes it as its last build left it; once this build
    /// changes the folder it no longer does, so it is removed before the first change (and
    /// written anew only if this build succeeds).
    private func forgetWorkManifest() {
        let first = state.withLock { s -> Bool in
            if s.workManifestRemoved { return false }
            s.workManifestRemoved = true
            return true
        }
        if first, reusing, let inode = inodeNumber(of: work) { unlink(folder.manifestPath(inode: inode)) }
    }

    /// Makes the output this build's site. Returns false when it already was (nothing swapped).
    @discardableResult
    public func publish() throws(BuildError) -> Bool {
        let (keys, fromLive, written) = state.withLock { ($0.keys, $0.fromLive, $0.written) }
        let outputExists = DiskFileSystem().kind(of: folder.path) == .directory
        var expected = keys
        expected[OutputFolder.markerName] = markerKey
        if outputExists && written == 0 && expected == liveKeys && OutputFolder.isMarked(folder.path) {
            state.withLock { $0.keys = expected }
            if !reusing { try? FileManager.default.removeItem(atPath: work) }
            return false
        }
        // Files the output holds and the work folder lacks, copied from it in parallel.
        let copies = fromLive.filter { workKeys[$0] != keys[$0] }
        let failure = Locked<BuildError?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, copies.count / 64 + (copies.count % 64 == 0 ? 0 : 1))) { chunk in
            let range = (chunk * 64)..<min(copies.count, chunk * 64 + 64)
            for path in copies[range] {
                if failure.withLock({ $0 != nil }) { return }
                do throws(BuildError) { try copyFromLive(path, key: keys[path]!) } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        try write(OutputFolder.markerName, OutputFolder.markerText, key: markerKey)
        let all = state.withLock { $0.keys }
        if reusing { removeStale(keeping: all) }
        if outputExists {
            guard caitien_exchange(work, folder.path) == 0 else { return try publishWithoutExchange(all) }
            // `work` now holds the old site: it becomes the previous generation.
            if !reusing {
                try? FileManager.default.removeItem(atPath: folder.previous)
                if rename(work, folder.previous) != 0 { try? FileManager.default.removeItem(atPath: work) }
            }
        } else {
            guard rename(work, folder.path) == 0 else {
                let reason = errno
                discard()
                throw BuildError(.cannotPublish, ["output": .value(folder.path), "problem": .system(reason)])
            }
        }
        saveManifests(all)
        return true
    }

    /// Without RENAME_EXCHANGE: rename the old aside, rename the new in, delete the old.
    private func publishWithoutExchange(_ keys: [String: Digest]) throws(BuildError) -> Bool {
        let old = work + ".old"
        try? FileManager.default.removeItem(atPath: old)
        guard rename(folder.path, old) == 0 else { let reason = errno; discard(); throw BuildError(.cannotPublish, ["output": .value(folder.path), "problem": .system(reason)]) }
        guard rename(work, folder.path) == 0 else {
            let reason = errno
            rename(old, folder.path)
            discard()
            throw BuildError(.cannotPublish, ["output": .value(folder.path), "problem": .system(reason)])
        }
        try? FileManager.default.removeItem(atPath: old)
        saveManifests(keys)
        return true
    }

    /// After a failure: a fresh staging folder is removed; a reused previous generation is left
    /// as it is, without its manifest (it is only compared byte by byte next time).
    public func discard() {
        if !reusing { try? FileManager.default.removeItem(atPath: work) }
    }

    private var markerKey: Digest { Digest(OutputFolder.markerText) }

    private func copyFromLive(_ path: String, key: Digest) throws(BuildError) {
        let fd = open(folder.path + "/" + path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw BuildError(.cannotRead, ["path": .value(folder.path + "/" + path), "problem": .system(errno)]) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw BuildError(.cannotRead, ["path": .value(folder.path + "/" + path), "problem": CommandMessage.notRegularFile().phrase])
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let ok = bytes.isEmpty || bytes.withUnsafeMutableBytes { readFully(fd, into: $0, at: 0) }
        close(fd)
        guard ok else { throw BuildError(.cannotRead, ["path": .value(folder.path + "/" + path), "problem": .system(errno)]) }
        try write(path, bytes, key: key)
    }

    private func checkPath(_ path: String) throws(BuildError) {
        guard !path.hasPrefix("/"), !path.split(separator: "/", omittingEmptySubsequences: false)
            .contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildError(.outsideOutput, ["path": .value(path)])
        }
    }

    private func makeParents(of path: String) throws(BuildError) {
        var dir = ""
        for component in path.split(separator: "/").dropLast() {
            dir = dir.isEmpty ? String(component) : dir + "/" + component
            if state.withLock({ $0.directories.contains(dir) }) { continue }
            let full = work + "/" + dir
            if mkdir(full, 0o755) != 0 {
                guard errno == EEXIST else { throw BuildError(.cannotCreateFolder, ["path": .value(dir), "problem": .system(errno)]) }
                if DiskFileSystem().kind(of: full) != .directory {
                    // A file or link where a folder belongs (left by an old generation): replace it.
                    unlink(full)
                    guard mkdir(full, 0o755) == 0 else { throw BuildError(.cannotCreateFolder, ["path": .value(dir), "problem": .system(errno)]) }
                }
            }
            state.withLock { _ = $0.directories.insert(dir) }
        }
    }

    /// Removes from the work folder what this build did not write: the files its manifest lists,
    /// or, without a manifest, everything found by walking it.
    private func removeStale(keeping keys: [String: Digest]) {
        if !workKeys.isEmpty {
            for path in workKeys.keys where keys[path] == nil {
                unlink(work + "/" + path)
                // Folders left empty (a deleted request's `tickets/ID/`).
                var dir = Substring(path)
                while let slash = dir.lastIndex(of: "/") {
                    dir = dir[..<slash]
                    if rmdir(work + "/" + dir) != 0 { break }
                }
            }
            return
        }
        var directories = Set<String>()
        for path in keys.keys {
            var dir = Substring(path)
            while let slash = dir.lastIndex(of: "/") {
                dir = dir[..<slash]
                if !directories.insert(String(dir)).inserted { break }
            }
        }
        func sweep(_ relative: String) {
            let dir = relative.isEmpty ? work : work + "/" + relative
            guard let names = try? DiskFileSystem().list(dir) else { return }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                if DiskFileSystem().kind(of: work + "/" + child) == .directory {
                    if directories.contains(child) { sweep(child) } else { try? FileManager.default.removeItem(atPath: work + "/" + child) }
                } else if keys[child] == nil {
                    unlink(work + "/" + child)
                }
            }
        }
        sweep("")
    }

    /// Saves the new output's keys and removes manifests of folders that are gone. The previous
    /// generation (the old output) keeps the manifest it had.
    private func saveManifests(_ keys: [String: Digest]) {
        guard let inode = inodeNumber(of: folder.path) else { return }
        let path = folder.manifestPath(inode: inode)
        var text = ""
        text.reserveCapacity(keys.count * 64)
        for (file, key) in keys.sorted(by: { $0.key < $1.key }) { text += file; text += "\t"; text += key.description; text += "\n" }
        let temporary = path + ".tmp"
        if (try? text.write(toFile: temporary, atomically: false, encoding: .utf8)) != nil { rename(temporary, path) } else { unlink(temporary) }
        let keep = Set([path] + (inodeNumber(of: folder.previous).map { [folder.manifestPath(inode: $0)] } ?? []))
        let prefix = ".\(folder.name).pages-"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.parent)) ?? [] where file.hasPrefix(prefix) {
            if !keep.contains(folder.parent + "/" + file) { unlink(folder.parent + "/" + file) }
        }
    }

    /// The keys of a generation folder, from its manifest: `path<TAB>32 hex digits` lines.
    static func manifest(of generation: String, in folder: OutputFolder) -> [String: Digest] {
        guard let inode = inodeNumber(of: generation), let data = FileManager.default.contents(atPath: folder.manifestPath(inode: inode)) else { return [:] }
        var keys: [String: Digest] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            keys.reserveCapacity(bytes.count / 64)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if end - start > 33, bytes[end - 33] == 0x09,
                   let key = Digest(hex: Substring(decoding: UnsafeBufferPointer(rebasing: bytes[(end - 32)..<end]), as: UTF8.self)) {
                    keys[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(end - 33)]), as: UTF8.self)] = key
                }
                start = end + 1
            }
        }
        return keys
    }
}

private func inodeNumber(of path: String) -> UInt64? {
    var info = stat()
    return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
}

/// True when the open file holds exactly `bytes` (its size is known to match).
private func holds(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var existing = [UInt8](repeating: 0, count: bytes.count)
    return existing.withUnsafeMutableBytes { readFully(fd, into: $0, at: 0) } && existing == bytes
}

public func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
}
