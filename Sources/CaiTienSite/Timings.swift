import Foundation

/// Wall time of each named stage, for `--timings`.
public struct Timings: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    public init() {}

    public mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// Adds a figure measured elsewhere (e.g. time summed over threads).
    public mutating func record(_ name: String, seconds: Double) { stages.append((name, seconds)) }

    public var report: String {
        let total = stages.filter { !$0.name.hasPrefix(" ") }.reduce(0) { $0 + $1.seconds }
        return stages.map { $0.name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.3f s", $0.seconds) }.joined(separator: "\n")
            + "\n" + "total".padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.3f s", total)
    }
}
