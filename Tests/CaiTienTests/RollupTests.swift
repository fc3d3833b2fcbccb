import CaiTienModel
@testable import CaiTienRender
import CaiTienSite
import Foundation
import Testing
import TestSupport

/// Runs git in `folder` with a fixed author and no user configuration; returns what it prints.
@discardableResult
func runGitForTest(_ arguments: [String], in folder: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "Nguyễn Văn A" }
    for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "a@phuong.vn" }
    for key in ["GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"] { environment[key] = "2025-06-02T10:00:00+07:00" }
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite struct DataJSONHeadTests {
    /// A province reads who a file is from, where the ward's site is and which commit it shows.
    @Test func dataJSONStatesOrganisationBaseURLAndCommitFirst() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        try runGitForTest(["init", "-q", "-b", "main"], in: folder)
        try runGitForTest(["add", "-A"], in: folder)
        try runGitForTest(["-c", "commit.gpgsign=false", "commit", "-q", "-m", "Lập hồ sơ"], in: folder)
        let commit = try runGitForTest(["log", "-1", "--format=%h", "--abbrev=12"], in: folder)
        try buildFolder(folder, today: "2025-03-20", baseURL: "https://ninhhoa.khanhhoa.gov.vn/caitien/")
        let data = try String(contentsOfFile: folder + "/public/data.json", encoding: .utf8)
        #expect(data.hasPrefix("{\"schema\":1,\"organisation\":\"UBND phường Ninh Hòa\",\"base_url\":\"https://ninhhoa.khanhhoa.gov.vn/caitien/\",\"commit\":\"\(commit)\",\"today\":\"2025-03-20\",\"kpis\":{"),
                "\(data.prefix(200))")
    }

    @Test func outsideGitTheCommitIsNull() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture(siteFixture).write(to: folder)
        try buildFolder(folder, today: "2025-03-20")
        let data = try String(contentsOfFile: folder + "/public/data.json", encoding: .utf8)
        #expect(data.hasPrefix("{\"schema\":1,\"organisation\":\"UBND phường Ninh Hòa\",\"base_url\":\"/\",\"commit\":null,\"today\":\"2025-03-20\","))
    }
}
