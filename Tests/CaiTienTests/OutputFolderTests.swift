@testable import CaiTienCache
import CaiTienModel
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport

/// The output folder belongs to caitien (SPEC §3): a folder it did not write is never emptied,
/// two builds into one output never mix, and a change is rendered once.
@Suite struct OutputFolderTests {
    func site() throws -> String {
        let folder = try temporaryFolder("caitien-output")
        try Fixture(siteFixture).write(to: folder)
        return folder
    }

    @Test(arguments: ["home", "docs", ".git", "www/html"])
    func aFolderCaitienDidNotWriteIsRefusedAndLeftUntouched(name: String) throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/" + name
        try FileManager.default.createDirectory(atPath: target + "/sub", withIntermediateDirectories: true)
        try "Báo cáo năm 2025".write(toFile: target + "/bao-cao.txt", atomically: true, encoding: .utf8)
        try "x".write(toFile: target + "/sub/.hidden", atomically: true, encoding: .utf8)
        let before = try snapshot(target)
        // Twice: the second build (the one that used to delete) is refused as well.
        for _ in 0..<2 {
            #expect {
                try buildFolder(folder, output: target, today: "2025-03-20")
            } throws: { error in
                let text = "\(error)"
                return text.contains("did not write") && text.contains("bao-cao.txt") && text.contains("--output")
            }
        }
        #expect(try snapshot(target) == before)
        // Nothing was made beside it either.
        let parent = (target as NSString).deletingLastPathComponent
        let beside = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix("." + (target as NSString).lastPathComponent + ".") }
        #expect(beside.isEmpty, "\(beside)")
    }

    @Test func aNewAnEmptyAndItsOwnFolderAreAccepted() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // New (with new parents).
        #expect(try buildFolder(folder, output: folder + "/out/new/public", today: "2025-03-20").written != nil)
        // Empty.
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: false)
        #expect(try buildFolder(folder, output: folder + "/empty", today: "2025-03-20").written != nil)
        // Its own, again and again, with its marker.
        for day in ["2025-03-20", "2025-03-21", "2025-03-21"] {
            #expect(try buildFolder(folder, output: folder + "/empty", today: day).written != nil)
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/empty/.caitien-output"))
        // A file dropped into caitien's own folder is removed by the next build that changes it.
        try "x".write(toFile: folder + "/empty/stray.txt", atomically: true, encoding: .utf8)
        #expect(try buildFolder(folder, output: folder + "/empty", today: "2025-03-22").written?.changed == true)
        #expect(!FileManager.default.fileExists(atPath: folder + "/empty/stray.txt"))
    }

    @Test func anOutputWrittenBeforeTheMarkerIsKnownByItsManifest() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try buildFolder(folder, today: "2025-03-20")
        // As an earlier caitien left it: no marker, a page-key manifest beside it.
        unlink(folder + "/public/.caitien-output")
        #expect(try buildFolder(folder, today: "2025-03-21").written != nil)
        #expect(FileManager.default.fileExists(atPath: folder + "/public/.caitien-output"))
        // Without the manifest either, it is a folder like any other: refused.
        unlink(folder + "/public/.caitien-output")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasPrefix(".public.pages-") { unlink(folder + "/" + file) }
        #expect(throws: BuildError.self) { try buildFolder(folder, today: "2025-03-22") }
    }

    @Test func aSecondBuildWaitsForTheFirstOrStopsWithAClearMessage() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try buildFolder(folder, today: "2025-03-20")
        let before = try snapshot(folder + "/public")
        var held: OutputFolder? = try OutputFolder(folder + "/public", guarding: [])
        // Busy for longer than it waits: stopped, and the output untouched.
        var waited = false
        var timings = Timings()
        var options = BuildOptions(content: folder + "/content", output: folder + "/public", today: Day(parsing: "2025-03-21"))
        options.lockWait = 0.3
        #expect {
            try build(options, timings: &timings, waiting: { waited = true })
        } throws: { "\($0)".contains("another caitien build") }
        #expect(waited)
        #expect(try snapshot(folder + "/public") == before)
        // Released: the next build goes ahead.
        held = nil
        _ = held
        #expect(try buildFolder(folder, today: "2025-03-21").written?.changed == true)
    }

    @Test func concurrentBuildsNeverMix() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let days = ["2025-03-20", "2025-03-21", "2025-03-22", "2025-03-23"]
        // Each day's site, built alone.
        var alone: [String: [String: Data]] = [:]
        for day in days {
            try buildFolder(folder, output: folder + "/alone-\(day)/public", today: day)
            alone[day] = try snapshot(folder + "/alone-\(day)/public")
        }
        for round in 0..<3 {
            let errors = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: days.count) { i in
                do { try buildFolder(folder, today: days[(i + round) % days.count]) } catch { errors.withLock { $0.append("\(error)") } }
            }
            #expect(errors.withLock { $0 }.isEmpty)
            // The output is exactly one day's site, whole.
            let result = try snapshot(folder + "/public")
            #expect(alone.values.contains(result), "round \(round): a mix of days")
        }
    }

    @Test func afterADayChangeTheNextBuildWithNothingChangedWritesNothing() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try buildFolder(folder, today: "2025-03-20")
        let changed = try #require(try buildFolder(folder, today: "2025-03-21").written)
        #expect(changed.changed)
        let after = try snapshot(folder + "/public")
        let previous = try snapshot(folder + "/.public.previous")
        // Nothing changed: not rendered into the previous generation, nothing swapped.
        let same = try #require(try buildFolder(folder, today: "2025-03-21").written)
        #expect(!same.changed)
        #expect(same.files == changed.files)
        #expect(try snapshot(folder + "/public") == after)
        #expect(try snapshot(folder + "/.public.previous") == previous)
        // One request edited: the previous generation catches up by copying, the edit is on its page.
        let path = folder + "/content/tickets/2025/PYC-2025-001.md"
        try (try String(contentsOfFile: path, encoding: .utf8)).replacingOccurrences(of: "Hồ sơ khai sinh trả kết quả trễ hạn", with: "Hồ sơ khai sinh trả chậm")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try buildFolder(folder, today: "2025-03-21").written?.changed == true)
        let edited = try snapshot(folder + "/public")
        #expect(String(decoding: try #require(edited["tickets/PYC-2025-001/index.html"]), as: UTF8.self).contains("Hồ sơ khai sinh trả chậm"))
        #expect(edited["tickets/PYC-2025-003/index.html"] == after["tickets/PYC-2025-003/index.html"])
        #expect(try buildFolder(folder, output: folder + "/clean/public", today: "2025-03-21").written != nil)
        #expect(try snapshot(folder + "/clean/public") == edited)
    }

    @Test func aPageRemovedByHandIsMadeAgain() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try buildFolder(folder, today: "2025-03-20")
        let before = try snapshot(folder + "/public")
        unlink(folder + "/public/tickets/PYC-2025-001/index.html")
        #expect(try buildFolder(folder, today: "2025-03-20").written?.changed == true)
        #expect(try snapshot(folder + "/public") == before)
    }
}
