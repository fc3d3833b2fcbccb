import CaiTienModel

/// What one output file is made from, beyond what every file shares (the site settings, the
/// theme, the day, the commit, the caitien executable). The sink turns it into a key from the
/// bytes of those inputs; the renderer only says which records it read.
public enum PageInputs: Sendable, Equatable {
    /// Made from the whole content: the dashboard, the lists, the exports, the assets.
    case site
    /// A request's page: the files of `requests` (itself and the requests it shows), plus text
    /// shown on it that no record file holds (its audit trail as shown).
    case requests([String], shown: [String])
}

/// Where rendered files go. The renderer only hands over bytes; it never touches the disk.
/// Implementations are safe to call from several threads at once.
public protocol OutputSink: AnyObject, Sendable {
    /// True when the output already holds `path` made from exactly `inputs`: it is not made again.
    func isCurrent(_ path: String, inputs: PageInputs) -> Bool
    func write(_ path: String, _ bytes: [UInt8], inputs: PageInputs) throws(BuildError)
    /// Writes a large file piece by piece, so it is never whole in memory.
    func stream(_ path: String, inputs: PageInputs, _ produce: ((String) throws(BuildError) -> Void) throws(BuildError) -> Void) throws(BuildError)
}

extension OutputSink {
    func write(_ path: String, _ text: String, inputs: PageInputs) throws(BuildError) { try write(path, Array(text.utf8), inputs: inputs) }

    public func isCurrent(_ path: String, inputs: PageInputs) -> Bool { false }

    public func stream(_ path: String, inputs: PageInputs, _ produce: ((String) throws(BuildError) -> Void) throws(BuildError) -> Void) throws(BuildError) {
        var bytes: [UInt8] = []
        try produce { (chunk: String) throws(BuildError) in bytes.append(contentsOf: chunk.utf8) }
        try write(path, bytes, inputs: inputs)
    }
}

/// Collects files in memory (tests).
public final class MemoryOutput: OutputSink {
    private let storage = Locked<[String: [UInt8]]>([:])
    public init() {}
    public func write(_ path: String, _ bytes: [UInt8], inputs: PageInputs) throws(BuildError) { storage.withLock { $0[path] = bytes } }
    public var files: [String: [UInt8]] { storage.withLock { $0 } }
    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}
