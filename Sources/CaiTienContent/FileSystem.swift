#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CaiTienModel

/// What a path is, seen without following symbolic links.
public enum EntryKind: Sendable, Equatable { case file, directory, symlink, other }

public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// What went wrong, in both languages of the messages.
    public var message: Phrase
    /// The file's size when it is over the limit of `read`.
    public var tooLarge: Int?
    public init(_ path: String, _ message: Message, tooLarge: Int? = nil) { self.path = path; self.message = message.phrase; self.tooLarge = tooLarge }
    public var description: String { "\(path): \(message.en)" }
}

/// The few file operations loading needs, so tests can load a site held in memory.
public protocol FileSystem: Sendable {
    /// Nil when nothing is at `path`. Never follows a symbolic link.
    func kind(of path: String) -> EntryKind?
    /// Names in a folder, sorted.
    func list(_ directory: String) throws(FileSystemError) -> [String]
    /// The bytes of a regular file; fails past `limit` bytes without reading them all.
    func read(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]
    /// Names in a folder, sorted, each with what it is (nil: gone meanwhile).
    func entries(_ directory: String) throws(FileSystemError) -> [(name: String, kind: EntryKind?)]
}

extension FileSystem {
    public func entries(_ directory: String) throws(FileSystemError) -> [(name: String, kind: EntryKind?)] {
        try list(directory).map { ($0, kind(of: joinPath(directory, $0))) }
    }
}

/// Joins path components with `/`.
public func joinPath(_ base: String, _ name: String) -> String {
    if base.isEmpty || base == "." { return name }
    return base.hasSuffix("/") ? base + name : base + "/" + name
}

/// The real disk, through POSIX calls.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func kind(of path: String) -> EntryKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    public func list(_ directory: String) throws(FileSystemError) -> [String] {
        guard let dir = opendir(directory) else { throw FileSystemError(directory, CommandMessage.folderUnreadable(["problem": .system(errno)])) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The kind from the folder entry itself (`d_type`), without a `stat` per file: at 100,000
    /// records that was a tenth of a rebuild. File systems that do not fill it in get `lstat`.
    public func entries(_ directory: String) throws(FileSystemError) -> [(name: String, kind: EntryKind?)] {
        guard let dir = opendir(directory) else { throw FileSystemError(directory, CommandMessage.folderUnreadable(["problem": .system(errno)])) }
        defer { closedir(dir) }
        var found: [(name: String, kind: EntryKind?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = self.kind(of: joinPath(directory, name))
            default: kind = .other
            }
            found.append((name, kind))
        }
        return found.sorted { $0.name < $1.name }
    }

    public func read(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        // O_NOFOLLOW: a symbolic link swapped in after listing is still never read.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(path, CommandMessage.fileUnreadable(["problem": .system(errno)])) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError(path, CommandMessage.notRegularFile())
        }
        let size = Int(info.st_size)
        if size > limit { throw FileSystemError(path, CommandMessage.fileTooLarge(["size": .value(size), "limit": .value(limit)]), tooLarge: Int(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path, CommandMessage.fileUnreadable(["problem": .system(errno)]))
            }
            if n == 0 { bytes.removeLast(size - done); break }
            done += n
        }
        return bytes
    }
}

/// A site held in memory: path → bytes, with optional symbolic links. For tests.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]
    public var symlinks: Set<String>

    public init(files: [String: [UInt8]], symlinks: Set<String> = []) {
        self.files = files
        self.symlinks = symlinks
    }

    public func kind(of path: String) -> EntryKind? {
        let path = normalise(path)
        if symlinks.contains(path) { return .symlink }
        if files[path] != nil { return .file }
        let prefix = path.isEmpty ? "" : path + "/"
        if files.keys.contains(where: { $0.hasPrefix(prefix) }) || symlinks.contains(where: { $0.hasPrefix(prefix) }) {
            return .directory
        }
        return nil
    }

    public func list(_ directory: String) throws(FileSystemError) -> [String] {
        let dir = normalise(directory)
        let prefix = dir.isEmpty ? "" : dir + "/"
        var names = Set<String>()
        for path in Array(files.keys) + Array(symlinks) where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let name = rest.split(separator: "/").first { names.insert(String(name)) }
        }
        guard !names.isEmpty || kind(of: dir) == .directory else { throw FileSystemError(directory, CommandMessage.noSuchFolder()) }
        return names.sorted()
    }

    public func read(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let path = normalise(path)
        if symlinks.contains(path) { throw FileSystemError(path, CommandMessage.isSymbolicLink()) }
        guard let bytes = files[path] else { throw FileSystemError(path, CommandMessage.noSuchFile()) }
        if bytes.count > limit { throw FileSystemError(path, CommandMessage.fileTooLarge(["size": .value(bytes.count), "limit": .value(limit)]), tooLarge: bytes.count) }
        return bytes
    }

    private func normalise(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        while p.hasSuffix("/") { p.removeLast() }
        return p == "." ? "" : p
    }
}

/// Writes all of `bytes` at `offset` (at the current position when nil), through short writes
/// and EINTR. False on failure, with `errno` saying why.
public func writeFully(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) -> Bool {
    var done = 0
    while done < bytes.count {
        let rest = bytes.count - done
        let n = offset.map { pwrite(fd, bytes.baseAddress! + done, rest, off_t($0 + done)) } ?? write(fd, bytes.baseAddress! + done, rest)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        done += n
    }
    return true
}

/// Fills `buffer` from `offset`, through short reads and EINTR. False at the end of the file
/// or on an error.
public func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
    var done = 0
    while done < buffer.count {
        let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        done += n
    }
    return true
}
