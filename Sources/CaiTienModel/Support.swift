import Foundation

/// Why a build (or a scaffold, or a theme) could not be made: one sentence for the user.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

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
