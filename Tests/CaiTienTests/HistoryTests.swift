import CaiTienAnalysis
import CaiTienContent
import CaiTienModel
@testable import CaiTienSite
import Foundation
@testable import CaiTienRender
@testable import CaiTienCache
import Testing
import TestSupport

/// A git repository in a temporary folder, made by the test with the `git` command line.
/// Commits have fixed authors and dates; the user's git configuration is not read.
private struct Repository {
    let top: String
    /// The content folder inside it (`content`, or the top itself).
    let content: String

    init(contentAtTop: Bool = false) throws {
        top = NSTemporaryDirectory() + "caitien-history-\(UUID().uuidString)"
        content = contentAtTop ? top : top + "/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    /// Runs git in the repository's top folder; fails the test when git fails, unless `mayFail`
    /// (a merge that stops on a conflict).
    @discardableResult
    func git(_ arguments: String..., author: String = "Nguyễn Văn A", email: String = "a@phuong.vn",
             date: String = "2025-06-02T10:00:00+07:00", in folder: String? = nil, mayFail: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder ?? top] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = author
        environment["GIT_AUTHOR_EMAIL"] = email
        environment["GIT_COMMITTER_NAME"] = author
        environment["GIT_COMMITTER_EMAIL"] = email
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(mayFail || process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a fixture's files into the content folder.
    func write(_ fixture: Fixture) throws {
        for (path, bytes) in fixture.files { try write(path, bytes) }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let full = content + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(atPath: content + "/" + path) }

    /// `git add -A` then a commit; returns its short hash.
    @discardableResult
    func commit(_ message: String, author: String = "Nguyễn Văn A", email: String = "a@phuong.vn",
                date: String = "2025-06-02T10:00:00+07:00") throws -> String {
        try git("add", "-A")
        try git("-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", message, author: author, email: email, date: date)
        return try git("rev-parse", "--short", "HEAD")
    }

    /// Writes a single request (or any fixture text of one file) into the content folder.
    func write(_ text: String) throws { try write(Fixture(text)) }

    /// Merges `branch` into the current branch without committing (`--no-ff`); a conflict is
    /// left for the test to resolve.
    func merge(_ branch: String) throws {
        try git("-c", "commit.gpgsign=false", "merge", "-q", "--no-ff", "--no-commit", branch, mayFail: true)
    }

    /// The repository-relative path of a content file, for git commands.
    func tracked(_ path: String) -> String { content == top ? path : "content/" + path }

    func check(today: String = "2025-12-15") -> CheckedSite {
        checkSite(content: content, today: Day(parsing: today)!)
    }

    func clean() { try? FileManager.default.removeItem(atPath: top) }
}

/// A request closed on `closed` (retention: `closed` + 3 years), or open when `closed` is nil.
private func request(_ path: String, opened: String, closed: String? = nil, confidential: Bool = false) -> String {
    var text = """
    -- \(path) --
    ---
    title: Trả kết quả hồ sơ trễ hạn
    kind: nonconformity
    source: internal_audit
    unit: tthcc
    category: trả kết quả trễ hạn
    opened: \(opened)
    reported_by: Lê Văn Cường

    """
    if let closed {
        text += """
        action_needed: false
        decided_by: Chủ tịch UBND phường
        decided_on: \(opened)
        disposition: accept
        closed: \(closed)

        """
    }
    if confidential { text += "confidential: true\n" }
    return text + "---\nCông dân Trần Văn Bí mật phản ánh.\n"
}

private func site(_ files: String...) -> Fixture { Fixture(standardSite + "\n" + files.joined(separator: "\n")) }

private extension CheckedSite {
    var lost: [Diagnostic] { diagnostics.filter { $0.rule == .recordLost } }
    var historyRules: [String] { diagnostics.map(\.rule.id).filter { $0.hasPrefix("history-") || $0 == "record-lost" } }
}

@Suite struct HistoryTests {
    // MARK: Lost records (issue 5)

    @Test func deletingARequestInsideItsRetentionIsALostRecord() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/2025/PYC-2025-002.md", opened: "2025-03-05")))
        try repo.commit("Lập phiếu")
        try repo.remove("tickets/2025/PYC-2025-001.md")
        let hash = try repo.commit("Xóa phiếu trùng", author: "Trần Thị Bình", email: "binh@phuong.vn", date: "2025-07-01T09:00:00+07:00")

        let checked = repo.check()
        #expect(checked.lost.count == 1)
        let d = try #require(checked.lost.first)
        #expect(d.severity == .error)
        #expect(d.path == repo.content + "/tickets/2025/PYC-2025-001.md")
        #expect(d.line == 1)
        #expect(d.message.hasPrefix("record lost: request PYC-2025-001 was deleted in commit \(hash) by Trần Thị Bình <binh@phuong.vn> on 2025-07-01"))
        // Never closed: its retention runs from `opened`.
        #expect(d.message.contains("while its retention runs until 2028-03-04"))
        #expect(d.message.contains("git checkout \(hash)^ -- \(repo.content)/tickets/2025/PYC-2025-001.md"))
        // The other request is still there: no error for it.
        #expect(checked.diagnostics.filter { $0.message.contains("PYC-2025-002") }.isEmpty)
    }

    @Test func restoringTheFileFixesIt() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04")))
        try repo.commit("Lập phiếu")
        try repo.remove("tickets/2025/PYC-2025-001.md")
        let hash = try repo.commit("Xóa phiếu")
        #expect(repo.check().lost.count == 1)
        // The command of the message, in the working tree (not yet committed): no longer lost.
        try repo.git("checkout", "\(hash)^", "--", repo.tracked("tickets/2025/PYC-2025-001.md"))
        #expect(repo.check().lost.isEmpty)
        // Committed again: still not lost, although the deletion stays in history.
        try repo.commit("Khôi phục phiếu")
        #expect(repo.check().lost.isEmpty)
    }

    @Test func aDeletionNotYetCommittedIsNotSeen() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04")))
        try repo.commit("Lập phiếu")
        try repo.remove("tickets/2025/PYC-2025-001.md")
        #expect(repo.check().lost.isEmpty)
        try repo.commit("Xóa phiếu")
        #expect(repo.check().lost.count == 1)
    }

    @Test func aRequestMovedToAnotherFolderIsNotLost() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/PYC-2025-002.md", opened: "2025-03-05")))
        try repo.commit("Lập phiếu")
        // `git mv` …
        try FileManager.default.createDirectory(atPath: repo.content + "/tickets/2025", withIntermediateDirectories: true)
        try repo.git("mv", repo.tracked("tickets/PYC-2025-001.md"), repo.tracked("tickets/2025/PYC-2025-001.md"))
        try repo.commit("Xếp phiếu theo năm")
        // … and a deletion, then an addition elsewhere in a later commit.
        let bytes = try #require(FileManager.default.contents(atPath: repo.content + "/tickets/PYC-2025-002.md"))
        try repo.remove("tickets/PYC-2025-002.md")
        try repo.commit("Xóa")
        try repo.write("tickets/van-phong/PYC-2025-002.md", Array(bytes))
        try repo.commit("Thêm lại ở thư mục đơn vị")

        let checked = repo.check()
        #expect(checked.historyRules.isEmpty, "\(checked.diagnostics.map(\.text))")
        #expect(checked.content.requests.map(\.path).sorted() == [repo.content + "/tickets/2025/PYC-2025-001.md",
                                                                   repo.content + "/tickets/van-phong/PYC-2025-002.md"])
    }

    @Test func aRequestPastItsRetentionMayBeRemoved() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(
            // Closed 01/02/2021: retention until 01/02/2024, over.
            request("tickets/2020/PYC-2020-001.md", opened: "2020-01-10", closed: "2021-02-01"),
            // Closed 20/12/2022: retention until 20/12/2025, after today (15/12/2025).
            request("tickets/2022/PYC-2022-001.md", opened: "2022-11-02", closed: "2022-12-20"),
            // Never closed, opened 01/12/2022: retention until 01/12/2025, over.
            request("tickets/2022/PYC-2022-002.md", opened: "2022-12-01"),
            // Never closed, opened 15/12/2022: retention until today inclusive.
            request("tickets/2022/PYC-2022-003.md", opened: "2022-12-15")))
        try repo.commit("Lập phiếu")
        for id in ["PYC-2022-001", "PYC-2022-002", "PYC-2022-003"] { try repo.remove("tickets/2022/\(id).md") }
        try repo.remove("tickets/2020/PYC-2020-001.md")
        try repo.commit("Hủy hồ sơ hết hạn lưu trữ")

        let lost = repo.check(today: "2025-12-15").lost
        #expect(lost.map { $0.path.split(separator: "/").last! } == ["PYC-2022-001.md", "PYC-2022-003.md"])
        #expect(lost.first?.message.contains("retention runs until 2025-12-20 (retention_years: 3)") == true)
        // A day later PYC-2022-003 may go too.
        #expect(repo.check(today: "2025-12-16").lost.count == 1)
        #expect(repo.check(today: "2025-12-21").lost.isEmpty)
    }

    @Test func retentionYearsComeFromSiteYml() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(Fixture(standardSite + "\nsettings:\n  retention_years: 10\n" + request("tickets/PYC-2020-001.md", opened: "2020-01-10", closed: "2021-02-01")))
        try repo.commit("Lập phiếu")
        try repo.remove("tickets/PYC-2020-001.md")
        try repo.commit("Xóa")
        let lost = repo.check().lost
        #expect(lost.count == 1)
        #expect(lost.first?.message.contains("until 2031-02-01 (retention_years: 10)") == true)
    }

    @Test func aDeletedFileThatDoesNotParseIsReportedToBeSafe() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site())
        try repo.write("tickets/PYC-2019-004.md", Array("no front-matter here\n".utf8))
        try repo.commit("Phiếu hỏng")
        try repo.remove("tickets/PYC-2019-004.md")
        try repo.commit("Xóa")
        let lost = repo.check().lost
        #expect(lost.count == 1)
        #expect(lost.first?.message.contains("its dates could not be read") == true)
    }

    @Test func ignoredFilesAndFoldersAreNotRecords() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/_nhap/PYC-2025-009.md", opened: "2025-03-04"),
                            request("tickets/_PYC-2025-008.md", opened: "2025-03-04")))
        try repo.write("tickets/ghi-chu.txt", Array("x\n".utf8))
        try repo.commit("Bản nháp")
        try repo.remove("tickets/_nhap/PYC-2025-009.md")
        try repo.remove("tickets/_PYC-2025-008.md")
        try repo.remove("tickets/ghi-chu.txt")
        try repo.commit("Xóa bản nháp")
        #expect(repo.check().historyRules.isEmpty)
    }

    @Test func pathsWithSpacesAndVietnameseAreRawAndQuoted() throws {
        let repo = try Repository(contentAtTop: true)
        defer { repo.clean() }
        try repo.write(site(request("tickets/Văn phòng/PYC-2025-010.md", opened: "2025-03-04")))
        try repo.commit("Lập phiếu")
        try repo.remove("tickets/Văn phòng/PYC-2025-010.md")
        let hash = try repo.commit("Xóa")
        let d = try #require(repo.check().lost.first)
        #expect(d.path == repo.content + "/tickets/Văn phòng/PYC-2025-010.md")
        #expect(d.message.hasSuffix("(git checkout \(hash)^ -- '\(repo.content)/tickets/Văn phòng/PYC-2025-010.md')"))
    }

    @Test func aShallowCloneWarnsInsteadOfRaisingAFalseAlarm() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/2025/PYC-2025-002.md", opened: "2025-03-04")))
        try repo.commit("Lập phiếu")
        try repo.remove("tickets/2025/PYC-2025-001.md")
        try repo.commit("Xóa phiếu")
        try repo.write(site(request("tickets/2025/PYC-2025-003.md", opened: "2025-04-01")))
        try repo.commit("Lập phiếu mới")
        #expect(repo.check().lost.count == 1)

        let clone = repo.top + "-shallow"
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try repo.git("clone", "-q", "--depth", "1", "file://" + repo.top, clone, in: NSTemporaryDirectory())
        let checked = checkSite(content: clone + "/content", today: Day(parsing: "2025-12-15"))
        #expect(checked.lost.isEmpty)
        let warnings = checked.diagnostics.filter { $0.rule == .historyShallow }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.path == clone + "/content")
        #expect(warnings.first?.message == "could not check for lost records: the clone is shallow; fetch the full history (fetch-depth: 0)")
        #expect(!checked.diagnostics.hasErrors)
        // No audit trail from a cut history either.
        #expect(checked.auditTrail == nil)
    }

    @Test func aBrokenRepositoryWarnsInsteadOfPassingSilently() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04")))
        try repo.commit("Lập phiếu")
        // Remove the (loose) tree object of `tickets/`: git log can no longer read it.
        let tree = try repo.git("rev-parse", "HEAD:" + repo.tracked("tickets"))
        try FileManager.default.removeItem(atPath: repo.top + "/.git/objects/" + tree.prefix(2) + "/" + tree.dropFirst(2))
        let checked = repo.check()
        let warnings = checked.diagnostics.filter { $0.rule == .historyUnavailable }
        #expect(warnings.count == 1, "\(checked.diagnostics.map(\.text))")
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.hasPrefix("could not check for lost records: ") == true)
        #expect(checked.auditTrail == nil)
    }

    @Test func outsideGitThereIsNothing() throws {
        let folder = NSTemporaryDirectory() + "caitien-nogit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"))
        for (path, bytes) in fixture.files {
            let full = folder + "/content/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
        let checked = checkSite(content: folder + "/content", today: Day(parsing: "2025-12-15"))
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.text))")
        #expect(checked.auditTrail == nil)
    }

    @Test func anEmptyRepositoryAndAMemoryFileSystemAreQuiet() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04")))
        // No commit yet: nothing to read.
        let checked = repo.check()
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.text))")
        #expect(checked.auditTrail == nil)
        // Fixtures in memory never ask git.
        #expect(site().check(today: "2025-12-15").auditTrail == nil)
        // Nor does `history: false`.
        try repo.commit("Lập phiếu")
        #expect(repo.check().auditTrail != nil)
        #expect(checkSite(content: repo.content, today: Day(parsing: "2025-12-15"), history: false).auditTrail == nil)
    }

    // MARK: Deletions in merges

    @Test func aRequestDeletedInsideAMergeCommitIsLost() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/2025/PYC-2025-002.md", opened: "2025-03-05")))
        try repo.commit("Lập phiếu", date: "2025-03-05T08:00:00+07:00")
        try repo.git("checkout", "-q", "-b", "van-phong")
        try repo.write(request("tickets/2025/PYC-2025-002.md", opened: "2025-03-05", closed: "2025-04-01"))
        let side = try repo.commit("Đóng phiếu PYC-2025-002", date: "2025-04-01T08:00:00+07:00")
        try repo.git("checkout", "-q", "main")
        try repo.write(request("tickets/2025/PYC-2025-003.md", opened: "2025-04-02"))
        try repo.commit("Lập phiếu PYC-2025-003", date: "2025-04-02T08:00:00+07:00")
        // The merge commit itself drops a request that neither branch touched.
        try repo.merge("van-phong")
        try repo.git("rm", "-q", repo.tracked("tickets/2025/PYC-2025-001.md"))
        let merge = try repo.commit("Hợp nhất nhánh văn phòng", author: "Trần Thị Bình", email: "binh@phuong.vn",
                                    date: "2025-04-03T08:00:00+07:00")

        let checked = repo.check()
        let d = try #require(checked.lost.first)
        #expect(checked.lost.count == 1, "\(checked.diagnostics.map(\.text))")
        #expect(d.path == repo.content + "/tickets/2025/PYC-2025-001.md")
        #expect(d.message.hasPrefix("record lost: request PYC-2025-001 was deleted in commit \(merge) by Trần Thị Bình <binh@phuong.vn> on 2025-04-03 while its retention runs until 2028-03-04"))
        #expect(d.message.hasSuffix("(git checkout \(merge)^ -- \(repo.content)/tickets/2025/PYC-2025-001.md)"))
        // The branch's change is listed once, under the commit that made it, not again under the merge.
        let trail = try #require(checked.auditTrail)
        #expect(trail.entries(forRequest: "PYC-2025-002").map(\.message) == ["Đóng phiếu PYC-2025-002", "Lập phiếu"])
        #expect(trail.entries(forRequest: "PYC-2025-002").first?.commit == side)
        // The command of the message restores it.
        try repo.git("checkout", "\(merge)^", "--", repo.tracked("tickets/2025/PYC-2025-001.md"))
        #expect(repo.check().lost.isEmpty)
    }

    @Test func aRequestDroppedWhileResolvingAConflictIsLost() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/2025/PYC-2025-002.md", opened: "2025-03-05")))
        let base = try repo.commit("Lập phiếu", date: "2025-03-05T08:00:00+07:00")
        try repo.git("checkout", "-q", "-b", "van-phong")
        try repo.write(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-01"))
        let side = try repo.commit("Đóng phiếu (văn phòng)", date: "2025-04-01T08:00:00+07:00")
        try repo.git("checkout", "-q", "main")
        try repo.write(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-02"))
        let main = try repo.commit("Đóng phiếu (bộ phận một cửa)", date: "2025-04-02T08:00:00+07:00")
        // Both closed it on different days: git stops on a conflict, resolved by removing the file.
        try repo.merge("van-phong")
        try repo.git("rm", "-q", "-f", repo.tracked("tickets/2025/PYC-2025-001.md"))
        let merge = try repo.commit("Giải quyết xung đột", date: "2025-04-03T08:00:00+07:00")

        let lost = repo.check().lost
        #expect(lost.count == 1)
        let d = try #require(lost.first)
        #expect(d.message.hasPrefix("record lost: request PYC-2025-001 was deleted in commit \(merge) by Nguyễn Văn A <a@phuong.vn> on 2025-04-03"))
        // Its last content is the main branch's (closed 02/04/2025).
        #expect(d.message.contains("while its retention runs until 2028-04-02"))
        #expect(d.message.hasSuffix("(git checkout \(merge)^ -- \(repo.content)/tickets/2025/PYC-2025-001.md)"))

        // Restored with the message's command and committed: not lost; its trail lists every
        // commit once, the merge too (it changed the file against both branches).
        try repo.git("checkout", "\(merge)^", "--", repo.tracked("tickets/2025/PYC-2025-001.md"))
        let restored = try repo.commit("Khôi phục phiếu", date: "2025-04-04T08:00:00+07:00")
        let checked = repo.check()
        #expect(checked.historyRules.isEmpty, "\(checked.diagnostics.map(\.text))")
        let trail = try #require(checked.auditTrail).entries(forRequest: "PYC-2025-001").map(\.commit)
        #expect(trail == [restored, merge, main, side, base])
    }

    @Test func aRequestAddedAndDeletedOnAMergedBranchIsLost() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04")))
        try repo.commit("Lập phiếu", date: "2025-03-05T08:00:00+07:00")
        try repo.git("checkout", "-q", "-b", "nhap")
        try repo.write(request("tickets/2025/PYC-2025-005.md", opened: "2025-04-01"))
        try repo.commit("Lập phiếu PYC-2025-005", date: "2025-04-01T08:00:00+07:00")
        try repo.remove("tickets/2025/PYC-2025-005.md")
        let deleted = try repo.commit("Xóa phiếu PYC-2025-005", author: "Lê Văn Cường", email: "cuong@phuong.vn",
                                      date: "2025-04-02T08:00:00+07:00")
        try repo.git("checkout", "-q", "main")
        try repo.write(Fixture(standardSite + "\n  - code: dia-chinh\n    name: Bộ phận địa chính"))
        try repo.commit("Sửa site.yml", date: "2025-04-03T08:00:00+07:00")
        // The branch changed nothing in `tickets/` in the end: git's default history skips it.
        try repo.merge("nhap")
        try repo.commit("Hợp nhất", date: "2025-04-04T08:00:00+07:00")

        let d = try #require(repo.check().lost.first)
        #expect(d.message.hasPrefix("record lost: request PYC-2025-005 was deleted in commit \(deleted) by Lê Văn Cường"))
        #expect(d.message.hasSuffix("(git checkout \(deleted)^ -- \(repo.content)/tickets/2025/PYC-2025-005.md)"))
    }

    @Test func aRequestOfABranchLeftOutOfTheMergeIsLostAndRestoredFromThatBranch() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04")))
        try repo.commit("Lập phiếu", date: "2025-03-05T08:00:00+07:00")
        try repo.git("checkout", "-q", "-b", "van-phong")
        try repo.write(request("tickets/2025/PYC-2025-006.md", opened: "2025-04-01"))
        try repo.commit("Lập phiếu PYC-2025-006", date: "2025-04-01T08:00:00+07:00")
        try repo.git("checkout", "-q", "main")
        try repo.write(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-02"))
        try repo.commit("Đóng phiếu PYC-2025-001", date: "2025-04-02T08:00:00+07:00")
        // The merge drops the branch's new request: only the second parent ever had it.
        try repo.merge("van-phong")
        try repo.git("rm", "-q", "-f", repo.tracked("tickets/2025/PYC-2025-006.md"))
        let merge = try repo.commit("Hợp nhất", date: "2025-04-03T08:00:00+07:00")

        let d = try #require(repo.check().lost.first)
        #expect(d.message.hasPrefix("record lost: request PYC-2025-006 was deleted in commit \(merge) by Nguyễn Văn A"))
        #expect(d.message.contains("while its retention runs until 2028-04-01"))
        #expect(d.message.hasSuffix("(git checkout \(merge)^2 -- \(repo.content)/tickets/2025/PYC-2025-006.md)"))
        try repo.git("checkout", "\(merge)^2", "--", repo.tracked("tickets/2025/PYC-2025-006.md"))
        #expect(repo.check().lost.isEmpty)
    }

    @Test func aDeletionMergedFromABranchNamesTheCommitThatMadeIt() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/2025/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/2025/PYC-2025-002.md", opened: "2025-03-05")))
        try repo.commit("Lập phiếu", date: "2025-03-05T08:00:00+07:00")
        try repo.git("checkout", "-q", "-b", "van-phong")
        try repo.write(request("tickets/2025/PYC-2025-002.md", opened: "2025-03-05", closed: "2025-04-01"))
        try repo.commit("Đóng phiếu PYC-2025-002", date: "2025-04-01T08:00:00+07:00")
        try repo.git("checkout", "-q", "main")
        try repo.remove("tickets/2025/PYC-2025-001.md")
        let deleted = try repo.commit("Xóa phiếu trùng", author: "Trần Thị Bình", email: "binh@phuong.vn",
                                      date: "2025-04-02T08:00:00+07:00")
        // The merge has the file in its second parent and not in itself: it only carries the deletion over.
        try repo.merge("van-phong")
        try repo.commit("Hợp nhất", date: "2025-04-03T08:00:00+07:00")

        let lost = repo.check().lost
        #expect(lost.count == 1)
        #expect(lost.first?.message.hasPrefix("record lost: request PYC-2025-001 was deleted in commit \(deleted) by Trần Thị Bình") == true)
    }

    // MARK: Audit trail (issue 6)

    @Test func theHistoryOfEachRequestNewestFirst() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/PYC-2025-002.md", opened: "2025-03-05")))
        let first = try repo.commit("Lập phiếu", date: "2025-03-05T08:00:00+07:00")
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-01")))
        let second = try repo.commit("Đóng phiếu PYC-2025-001", author: "Trần Thị Bình", email: "binh@phuong.vn", date: "2025-04-01T16:30:00+07:00")
        try repo.write("site.yml", Array("organisation: UBND phường Ninh Hòa\nunits:\n  - code: tthcc\n    name: Trung tâm\n".utf8))
        try repo.commit("Sửa site.yml", date: "2025-05-01T10:00:00+07:00")
        try FileManager.default.createDirectory(atPath: repo.content + "/tickets/2025", withIntermediateDirectories: true)
        try repo.git("mv", repo.tracked("tickets/PYC-2025-001.md"), repo.tracked("tickets/2025/PYC-2025-001.md"))
        let third = try repo.commit("Xếp theo năm", author: "Lê Văn Cường", email: "cuong@phuong.vn", date: "2025-06-10T23:30:00+07:00")

        let checked = repo.check()
        let history = try #require(checked.auditTrail)
        let one = history.entries(forRequest: "PYC-2025-001")
        // The move keeps the history: the id is the file name.
        #expect(one.map(\.commit) == [third, second, first])
        #expect(one.map(\.author) == ["Lê Văn Cường", "Trần Thị Bình", "Nguyễn Văn A"])
        #expect(one.map(\.message) == ["Xếp theo năm", "Đóng phiếu PYC-2025-001", "Lập phiếu"])
        // The author's own calendar day, not UTC's.
        #expect(one.map { $0.date?.iso } == ["2025-06-10", "2025-04-01", "2025-03-05"])
        #expect(history.entries(forRequest: "PYC-2025-002").map(\.commit) == [first])
        #expect(history.entries(forRequest: "PYC-2025-404").isEmpty)
    }

    @Test func requestPagesShowTheHistoryAndHideMessagesOfConfidentialOnes() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/PYC-2025-002.md", opened: "2025-03-05", confidential: true)))
        let first = try repo.commit("Lập phiếu <b>mới</b>", date: "2025-03-05T08:00:00+07:00")
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-01"),
                            request("tickets/PYC-2025-002.md", opened: "2025-03-05", closed: "2025-04-02", confidential: true)))
        let second = try repo.commit("Đóng phiếu: công dân Trần Văn Bí mật", author: "Trần Thị Bình", email: "binh@phuong.vn",
                                     date: "2025-04-02T16:30:00+07:00")

        let checked = repo.check()
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map(\.text))")
        let output = repo.top + "/public"
        var timings = Timings()
        _ = try build(BuildOptions(content: repo.content, output: output, today: checked.today), timings: &timings)
        func page(_ id: String) throws -> String {
            try String(contentsOfFile: output + "/tickets/\(id)/index.html", encoding: .utf8)
        }
        func items(_ html: String) -> [String] {
            guard let start = html.range(of: "<section class=\"history\">"),
                  let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return [] }
            return html[start.upperBound..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        }
        // Both commits also touched the confidential request: withheld on this page too.
        let open = try page("PYC-2025-001")
        #expect(items(open) == [
            "<time datetime=\"2025-04-02\">02/04/2025</time> — Trần Thị Bình: Nội dung được bảo mật <code>\(second)</code>",
            "<time datetime=\"2025-03-05\">05/03/2025</time> — Nguyễn Văn A: Nội dung được bảo mật <code>\(first)</code>",
        ], "\(items(open))")
        let confidential = try page("PYC-2025-002")
        #expect(items(confidential) == [
            "<time datetime=\"2025-04-02\">02/04/2025</time> — Trần Thị Bình: Nội dung được bảo mật <code>\(second)</code>",
            "<time datetime=\"2025-03-05\">05/03/2025</time> — Nguyễn Văn A: Nội dung được bảo mật <code>\(first)</code>",
        ], "\(items(confidential))")
        #expect(!confidential.contains("Bí mật"))
        #expect(!confidential.contains("Lập phiếu &lt;b"))
    }

    @Test func noMessageOfACommitThatTouchedAConfidentialRequestReachesAnyOutput() throws {
        let repo = try Repository()
        defer { repo.clean() }
        // PYC-2022-004 is confidential and closed long ago: deleted past its retention, no error.
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/PYC-2025-002.md", opened: "2025-03-05", confidential: true),
                            request("tickets/PYC-2025-003.md", opened: "2025-03-06"),
                            request("tickets/PYC-2022-004.md", opened: "2022-01-10", closed: "2022-02-01", confidential: true)))
        try repo.commit("Nhập phiếu đợt một: ông Đỗ Văn Mật", date: "2025-03-06T08:00:00+07:00")
        try repo.write(request("tickets/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-01"))
        try repo.write(request("tickets/PYC-2025-002.md", opened: "2025-03-05", closed: "2025-04-01", confidential: true))
        try repo.commit("Đóng phiếu của bà Hoàng Thị Riêng", date: "2025-04-01T08:00:00+07:00")
        try repo.write(request("tickets/PYC-2025-003.md", opened: "2025-03-06", closed: "2025-04-02"))
        let shown3 = try repo.commit("Đóng phiếu <b>PYC-2025-003</b>", date: "2025-04-02T08:00:00+07:00")
        // A deleted request counts by its last content: confidential, so this message is withheld.
        try repo.write(request("tickets/PYC-2025-003.md", opened: "2025-03-06", closed: "2025-04-03"))
        try repo.remove("tickets/PYC-2022-004.md")
        try repo.commit("Hủy hồ sơ của ông Phạm Văn Kín", date: "2025-04-03T08:00:00+07:00")
        try repo.write(request("tickets/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-05"))
        let shown1 = try repo.commit("Sửa ngày đóng PYC-2025-001", date: "2025-04-05T08:00:00+07:00")

        let checked = repo.check()
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map(\.text))")
        let theme = Theme.builtIn
        var model = SiteModel(content: checked.content, figures: computeFigures(checked.content, today: checked.today),
                              localizer: try Localizer(theme: theme, locale: "vi"), commit: nil)
        let trail = try #require(checked.auditTrail)
        model.auditTrail = { trail.entries(forRequest: $0) }
        let output = MemoryOutput()
        try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: output, threads: 1)

        for secret in ["Đỗ Văn Mật", "Hoàng Thị Riêng", "Phạm Văn Kín"] {
            let leaks = output.files.filter { String(decoding: $0.value, as: UTF8.self).contains(secret) }.keys.sorted()
            #expect(leaks.isEmpty, "\(secret) in \(leaks)")
        }
        // Messages of commits that touched only ordinary requests still show, escaped.
        let one = try #require(output.text("tickets/PYC-2025-001/index.html"))
        #expect(one.contains("Nguyễn Văn A: Sửa ngày đóng PYC-2025-001 <code>\(shown1)</code>"))
        #expect(one.components(separatedBy: "Nguyễn Văn A: Nội dung được bảo mật").count - 1 == 2)
        let three = try #require(output.text("tickets/PYC-2025-003/index.html"))
        #expect(three.contains("Nguyễn Văn A: Đóng phiếu &lt;b&gt;PYC-2025-003&lt;/b&gt; <code>\(shown3)</code>"))
        #expect(three.components(separatedBy: "Nguyễn Văn A: Nội dung được bảo mật").count - 1 == 2)
        // The trail as a value: what the page shows and its key hashes.
        #expect(trail.entries(forRequest: "PYC-2025-003").map(\.message) == [nil, "Đóng phiếu <b>PYC-2025-003</b>", nil])
    }

    @Test func aMergeThatCarriedOverAChangeOfAConfidentialRequestHasItsMessageWithheld() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/PYC-2025-002.md", opened: "2025-03-05", confidential: true),
                            request("tickets/PYC-2025-003.md", opened: "2025-03-06")))
        try repo.commit("Lập phiếu", date: "2025-03-06T08:00:00+07:00")
        try repo.git("checkout", "-q", "-b", "mat")
        try repo.write(request("tickets/PYC-2025-002.md", opened: "2025-03-05", closed: "2025-04-01", confidential: true))
        try repo.commit("Đóng phiếu mật", date: "2025-04-01T08:00:00+07:00")
        try repo.git("checkout", "-q", "main")
        try repo.write(request("tickets/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-02"))
        try repo.commit("Đóng phiếu PYC-2025-001", date: "2025-04-02T08:00:00+07:00")
        // The merge changes PYC-2025-003 itself and sums up the confidential branch in its message.
        try repo.merge("mat")
        try repo.write(request("tickets/PYC-2025-003.md", opened: "2025-03-06", closed: "2025-04-03"))
        let merge = try repo.commit("Hợp nhất: xong hồ sơ bà Hoàng Thị Riêng", date: "2025-04-03T08:00:00+07:00")

        let trail = try #require(repo.check().auditTrail)
        let three = trail.entries(forRequest: "PYC-2025-003")
        #expect(three.map(\.commit).first == merge)
        #expect(three.map(\.message) == [nil, nil])
        // Listed under the request the merge changed itself only.
        #expect(trail.entries(forRequest: "PYC-2025-001").map(\.message) == ["Đóng phiếu PYC-2025-001", nil])
    }

    @Test func aPageKeptFromTheLastBuildLosesAMessageOnceAnotherRequestOfItsCommitBecomesConfidential() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"),
                            request("tickets/PYC-2025-002.md", opened: "2025-03-05")))
        try repo.commit("Tiếp nhận phản ánh của bà Lý Thị Tư", date: "2025-03-05T08:00:00+07:00")
        let output = repo.top + "/public"
        func buildPage() throws -> String {
            var timings = Timings()
            _ = try build(BuildOptions(content: repo.content, output: output, today: Day(parsing: "2025-12-15")), timings: &timings)
            return try String(contentsOfFile: output + "/tickets/PYC-2025-001/index.html", encoding: .utf8)
        }
        #expect(try buildPage().contains("Tiếp nhận phản ánh của bà Lý Thị Tư"))
        // Not committed: neither PYC-2025-001's file nor the content's last commit changes.
        try repo.write(request("tickets/PYC-2025-002.md", opened: "2025-03-05", confidential: true))
        for _ in 1...2 {
            let page = try buildPage()
            #expect(!page.contains("Lý Thị Tư"))
            #expect(page.contains("Nguyễn Văn A: Nội dung được bảo mật"))
        }
    }

    @Test func noHistorySectionOutsideGit() throws {
        let fixture = site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"))
        let checked = fixture.check(today: "2025-12-15")
        let theme = Theme.builtIn
        let model = SiteModel(content: checked.content, figures: computeFigures(checked.content, today: checked.today),
                              localizer: try Localizer(theme: theme, locale: "vi"), commit: nil)
        let output = MemoryOutput()
        try renderSite(model, theme: theme, renderer: try Renderer(theme: theme), into: output, threads: 1)
        let html = try #require(output.text("tickets/PYC-2025-001/index.html"))
        #expect(!html.contains("class=\"history\""))
    }

    @Test func parsesGitLogOutputWithEmptySubjectsAndMergeCommits() throws {
        let repo = try Repository()
        defer { repo.clean() }
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04")))
        let first = try repo.commit("Lập phiếu")
        try repo.git("checkout", "-q", "-b", "nhanh")
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04"), request("tickets/PYC-2025-002.md", opened: "2025-03-06")))
        try repo.git("add", "-A")
        try repo.git("-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty-message", "-m", "", date: "2025-03-06T08:00:00+07:00")
        let side = try repo.git("rev-parse", "--short", "HEAD")
        try repo.git("checkout", "-q", "main")
        try repo.write(site(request("tickets/PYC-2025-001.md", opened: "2025-03-04", closed: "2025-04-01")))
        let main = try repo.commit("Đóng", date: "2025-04-01T08:00:00+07:00")
        try repo.git("-c", "commit.gpgsign=false", "merge", "-q", "--no-edit", "nhanh", date: "2025-04-02T08:00:00+07:00")

        let checked = repo.check()
        #expect(checked.historyRules.isEmpty, "\(checked.diagnostics.map(\.text))")
        let history = try #require(checked.auditTrail)
        #expect(history.entries(forRequest: "PYC-2025-001").map(\.commit) == [main, first])
        let two = history.entries(forRequest: "PYC-2025-002")
        #expect(two.map(\.commit) == [side])
        #expect(two.first?.message == "")
    }
}
