import CaiTienModel
import Foundation

/// What one run of the `caitien` executable printed, and its exit status.
public struct CommandResult: Sendable {
    public var status: Int32
    public var output: String
    public var errors: String
}

/// The `caitien` executable built beside the test bundle (`swift build --build-tests` builds both).
public var caitienExecutable: String {
    let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return ((bundle as NSString).deletingLastPathComponent as NSString).appendingPathComponent("caitien")
}

/// Runs `caitien` with `arguments` in `folder`, as a user would, and waits for it.
public func runCaitien(_ arguments: [String], in folder: String) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: caitienExecutable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    process.environment = environment
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes while the process runs, so that neither fills up and blocks it.
    let collected = Locked(Data())
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { collected.withLock { $0 = errors.fileHandleForReading.readDataToEndOfFile() } }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    return CommandResult(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                         errors: String(decoding: collected.withLock { $0 }, as: UTF8.self))
}
