import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// This caitien executable: its device, inode, size and modification time. Parsed records and
/// pages kept from an earlier build are reused only by the executable that made them, so a new
/// version of caitien makes everything anew.
public let toolIdentity: Digest = {
    var b = DigestBuilder("caitien-executable")
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else {
        // Without /proc the executable cannot be told apart: reuse nothing from earlier builds.
        b.add(UInt64.random(in: 1...UInt64.max))
        return b.digest
    }
    for v in [UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size),
              UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec))] { b.add(v) }
    return b.digest
}()
