import CaiTienContent
import CaiTienModel
#if canImport(Glibc)
import Glibc
#endif

/// Requests parsed by an earlier build, so that a rebuild parses only the files that changed.
/// A file whose path and bytes give the digest of a cached request (`ParseCache.key`) is decoded
/// from the cache instead of parsed (YAML, cmark, typing).
///
/// One file beside the output: the encoded requests, an index (digest, offset, length of each),
/// and a trailer (magic, identity, count, index offset). Requests are read with `pread`
/// when asked for, so the cache is never whole in memory. Only requests that parsed without a
/// diagnostic are stored, so a cached request has none to repeat. Anything unexpected — another
/// caitien executable (`identity`), a short or damaged file, a record that does not decode —
/// is a miss, and the file is parsed.
public final class ParseCache: Sendable {
    struct Slot: Sendable { var offset: Int; var length: Int }

    private let fd: Int32
    private let slots: [Digest: Slot]

    static let magic: UInt64 = 0x3245_5352_4150_5443 // "CTPARSE2", little-endian
    static let trailerSize = 40
    static let slotSize = 32

    private init(fd: Int32, slots: [Digest: Slot]) { self.fd = fd; self.slots = slots }

    /// What a cached request is filed under: the file's path and its bytes' digest.
    public static func key(path: String, bytes: Digest) -> Digest {
        var b = DigestBuilder("caitien-parsed-request")
        b.add(path)
        b.add(bytes)
        return b.digest
    }
    deinit { close(fd) }

    public var count: Int { slots.count }

    /// True when the cache holds exactly these keys: it need not be written again.
    public func holdsExactly(_ keys: some Sequence<Digest>) -> Bool {
        var count = 0
        for key in keys {
            guard slots[key] != nil else { return false }
            count += 1
        }
        return count == slots.count
    }

    /// Opens the cache at `path` if it was written for `identity`; nil otherwise.
    public static func open(_ path: String, identity: Digest) -> ParseCache? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= trailerSize,
              let trailer = readExactly(fd, count: trailerSize, at: Int(info.st_size) - trailerSize) else {
            close(fd)
            return nil
        }
        let size = Int(info.st_size)
        let slots: [Digest: Slot]? = trailer.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            guard r.u64() == magic, r.u64() == identity.high, r.u64() == identity.low, let count = r.u64().map(Int.init(truncatingIfNeeded:)),
                  let indexOffset = r.u64().map(Int.init(truncatingIfNeeded:)),
                  count >= 0, count < size / slotSize + 1, indexOffset >= 0,
                  indexOffset + count * slotSize + trailerSize == size,
                  let index = readExactly(fd, count: count * slotSize, at: indexOffset) else { return nil }
            return index.withUnsafeBytes { raw in
                var r = ByteReader(raw)
                var slots: [Digest: Slot] = [:]
                slots.reserveCapacity(count)
                for _ in 0..<count {
                    guard let high = r.u64(), let low = r.u64(), let offset = r.u64().map(Int.init(truncatingIfNeeded:)),
                          let length = r.u64().map(Int.init(truncatingIfNeeded:)),
                          offset >= 0, length >= 0, offset + length <= indexOffset else { return nil }
                    slots[Digest(high: high, low: low)] = Slot(offset: offset, length: length)
                }
                return slots
            }
        }
        guard let slots else { close(fd); return nil }
        return ParseCache(fd: fd, slots: slots)
    }

    /// The request parsed from the file at `path` filed under `key` (`ParseCache.key`), if cached.
    public func request(key: Digest, path: String) -> Request? {
        guard let slot = slots[key], let bytes = ParseCache.readExactly(fd, count: slot.length, at: slot.offset) else { return nil }
        return bytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            guard r.u64() == key.high, r.u64() == key.low, let request = RequestCodec.decode(&r), r.isAtEnd,
                  request.path == path else { return nil }
            return request
        }
    }

    /// Writes `requests` as the cache at `path`: into a temporary file beside it, renamed over
    /// it, so a reader sees the old cache or the new one.
    public static func write(_ requests: some Sequence<(key: Digest, request: Request)>, to path: String, identity: Digest) throws(ParseCacheError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw ParseCacheError(path: temporary, errno: errno) }
        var failed = false
        var offset = 0
        var buffer = ByteWriter()
        var index = ByteWriter()
        var written = 0
        func flush() {
            if !failed && !buffer.bytes.withUnsafeBytes({ writeFully(fd, $0) }) { failed = true }
            buffer.bytes.removeAll(keepingCapacity: true)
        }
        for (key, request) in requests {
            let start = buffer.bytes.count
            buffer.u64(key.high); buffer.u64(key.low)
            RequestCodec.encode(request, into: &buffer)
            let length = buffer.bytes.count - start
            index.u64(key.high); index.u64(key.low); index.u64(UInt64(offset)); index.u64(UInt64(length))
            offset += length
            written += 1
            if buffer.bytes.count >= 1 << 20 { flush() }
        }
        buffer.bytes += index.bytes
        buffer.u64(magic); buffer.u64(identity.high); buffer.u64(identity.low); buffer.u64(UInt64(written)); buffer.u64(UInt64(offset))
        flush()
        let error = errno
        close(fd)
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ParseCacheError(path: path, errno: failed ? error : errno)
        }
    }

    private static func readExactly(_ fd: Int32, count: Int, at offset: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        return bytes.withUnsafeMutableBytes({ readFully(fd, into: $0, at: offset) }) ? bytes : nil
    }
}

public struct ParseCacheError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var errno: Int32
    public var description: String { "cannot write the parse cache \(path): \(String(cString: strerror(errno)))" }
}
