import CaiTienAnalysis
import CaiTienContent
import CaiTienModel

public struct BuildSummary: Sendable { public var files: Int }

public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public func buildSite(_ site: CheckedSite, theme: String, output: String, baseURL: String?, timings: inout Timings) throws -> BuildSummary {
    throw BuildError("build is not available yet")
}
