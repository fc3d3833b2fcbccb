@testable import CaiTienCache
import CaiTienModel
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport

/// An incremental build produces exactly the bytes a clean build of the same inputs would
/// (SPEC §3). From the sample content and theme, in a git repository, seeded sequences of edits
/// of every kind of input — site.yml, records added, edited, deleted, theme files, the day,
/// commits — each followed by an incremental build into one output and a clean build into a
/// fresh folder: the two must be byte-identical, or both refused.
@Suite(.serialized) struct IncrementalBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Workspace {
        let top: String
        var content: String { top + "/content" }
        var theme: String { top + "/theme" }
        var today = Day(parsing: "2026-11-25")!

        init() throws {
            top = try temporaryFolder("caitien-incremental")
            for folder in ["content", "theme"] {
                try FileManager.default.copyItem(atPath: IncrementalBuildTests.repository + "/" + folder, toPath: top + "/" + folder)
            }
            try git(["init", "-q", "-b", "main"])
            try git(["add", "-A"])
            try git(["commit", "-q", "-m", "Hồ sơ ban đầu"])
        }

        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Nguyễn Văn A", "-c", "user.email=a@phuong.vn", "-c", "commit.gpgsign=false"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: top)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }

        func read(_ path: String) throws -> String { try String(contentsOfFile: top + "/" + path, encoding: .utf8) }
        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: (top + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: top + "/" + path, atomically: true, encoding: .utf8)
        }

        /// Request files, sorted.
        func requests() throws -> [String] {
            let base = content + "/tickets"
            return (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".md") }.sorted().map { "content/tickets/" + $0 }
        }

        /// Builds into `output`: the site's files, or nil when the content was refused.
        func build(into output: String) throws -> [String: Data]? {
            var timings = Timings()
            let result = try CaiTienSite.build(BuildOptions(content: content, theme: theme, output: output, today: today), timings: &timings)
            return result.written == nil ? nil : try snapshot(output)
        }
    }

    /// One edit of one kind of input, chosen by `random`; returns what it did, for the failure message.
    static func edit(_ w: inout Workspace, _ random: inout SplitMix) throws -> String {
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        switch random.next() % 13 {
        case 0, 1:
            // A unit's head or name.
            var site = try w.read("content/site.yml")
            let heads = ["Lê Minh Tuấn", "Phạm Văn Lộc", "Võ Thị Kim Oanh", "Huỳnh Đức Thắng"]
            let old = pick(heads.filter { site.contains("head: \($0)") })
            let new = pick(["Trần Thị Mai", "Đặng Quốc Bảo", "Ngô Thị Lan"]) + " \(random.next() % 100)"
            site = site.replacingOccurrences(of: "head: \(old)", with: "head: \(new)")
            if random.next() % 2 == 0 { site = site.replacingOccurrences(of: "name: Công an phường", with: "name: Công an phường Ninh Hòa") }
            try w.write("content/site.yml", site)
            return "site.yml: head \(old) → \(new)"
        case 2:
            // A setting or the organisation.
            var site = try w.read("content/site.yml")
            if random.next() % 2 == 0 {
                let days = 7 + random.next() % 20
                site = site.replacingOccurrences(of: #"due_soon_days: \d+"#, with: "due_soon_days: \(days)", options: .regularExpression)
                try w.write("content/site.yml", site)
                return "site.yml: due_soon_days \(days)"
            }
            site = site.replacingOccurrences(of: "organisation: UBND phường Ninh Hòa", with: "organisation: UBND phường Ninh Hòa (thử)")
            try w.write("content/site.yml", site)
            return "site.yml: organisation"
        case 3:
            // A new request, copied from an open one with its own id and title.
            let source = pick(try w.requests())
            let n = 700 + Int(random.next() % 200)
            let id = "PYC-2026-\(n)"
            var text = try w.read(source)
            text = text.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Phiếu thử \(n) về hồ sơ trễ hạn", options: .regularExpression)
            text = text.replacingOccurrences(of: #"(?m)^follow_up: .*$\n"#, with: "", options: .regularExpression)
            try w.write("content/tickets/2026/\(id).md", text)
            return "added \(id) from \(source)"
        case 4, 5:
            // A request's title, confidentiality or deadline.
            let path = pick(try w.requests())
            var text = try w.read(path)
            switch random.next() % 3 {
            case 0:
                text = text.replacingOccurrences(of: #"(?m)^title: (.*)$"#, with: "title: $1 (sửa)", options: .regularExpression)
            case 1:
                if text.contains("confidential: true") {
                    text = text.replacingOccurrences(of: "confidential: true", with: "confidential: false")
                } else {
                    text = text.replacingOccurrences(of: #"(?m)^title: "#, with: "confidential: true\ntitle: ", options: .regularExpression)
                }
            default:
                text += "\nThêm một dòng ghi chú \(random.next() % 1000).\n"
            }
            try w.write(path, text)
            return "edited \(path)"
        case 6:
            // A request deleted (it may be named by others: then both builds must refuse).
            let path = pick(try w.requests())
            try FileManager.default.removeItem(atPath: w.top + "/" + path)
            return "deleted \(path)"
        case 7:
            // A theme file: a stylesheet, a template, a UI string.
            switch random.next() % 3 {
            case 0:
                try w.write("theme/assets/style.css", try w.read("theme/assets/style.css") + "\n/* \(random.next()) */\n")
                return "theme: style.css"
            case 1:
                let t = try w.read("theme/templates/ticket.mustache")
                try w.write("theme/templates/ticket.mustache", t + "\n<!-- \(random.next() % 1000) -->\n")
                return "theme: ticket.mustache"
            default:
                let s = try w.read("theme/i18n/vi.yml")
                try w.write("theme/i18n/vi.yml", s.replacingOccurrences(of: #"(?m)^nav_units: .*$"#, with: "nav_units: \"Đơn vị \(random.next() % 100)\"", options: .regularExpression))
                return "theme: vi.yml nav_units"
            }
        case 12:
            // An internal audit: written, or one of its findings changed (its type, its request).
            let folder = w.content + "/audits"
            let audits = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
            guard !audits.isEmpty, random.next() % 4 != 0 else {
                let day = 1 + Int(random.next() % 28)
                let id = "2026-10-\(day < 10 ? "0" : "")\(day)"
                try w.write("content/audits/\(id).md", """
                ---
                date: \(id)
                lead_auditor: Ngô Thanh Hùng
                scope: [tthcc, cong-an]
                findings:
                  - {unit: tthcc, clause: "8.5.1", type: nonconformity, text: Hồ sơ trả kết quả trễ hạn chưa có phiếu xin lỗi}
                  - {unit: cong-an, clause: "7.5.3", type: observation, text: Sổ theo dõi hồ sơ tạm trú ghi thiếu ngày trả}
                ---
                Báo cáo đánh giá nội bộ bổ sung tháng 10/2026.

                """)
                return "audit \(id) written"
            }
            let path = "content/audits/" + pick(audits)
            var text = try w.read(path)
            if random.next() % 2 == 0 {
                text = text.contains("type: observation") ? text.replacingOccurrences(of: "type: observation", with: "type: nonconformity")
                    : text.replacingOccurrences(of: "type: nonconformity", with: "type: observation")
            } else {
                // A finding loses its request: it may become unanswered, a tile and a list change.
                text = text.replacingOccurrences(of: #", ticket: [^,}]*\}"#, with: "}", options: .regularExpression)
                    .replacingOccurrences(of: #"(?m)^ +ticket: PYC-[0-9-]+\n"#, with: "", options: .regularExpression)
            }
            try w.write(path, text)
            return "edited \(path)"
        case 8, 9:
            let days = Int(random.next() % 40)
            w.today = w.today.adding(days: days)
            return "today +\(days) → \(w.today.iso)"
        default:
            try w.git(["add", "-A"])
            try w.git(["commit", "-q", "-m", "Cập nhật hồ sơ \(random.next() % 1000)"])
            return "commit"
        }
    }

    static func run(seed: UInt64, steps: Int) throws -> [String] {
        var w = try Workspace()
        defer { try? FileManager.default.removeItem(atPath: w.top) }
        var random = SplitMix(seed: seed)
        var done: [String] = []
        var failures: [String] = []
        for step in 0..<steps {
            done.append(try edit(&w, &random))
            let incremental = try w.build(into: w.top + "/public")
            let fresh = w.top + "/clean-\(step)"
            let clean = try w.build(into: fresh + "/public")
            try? FileManager.default.removeItem(atPath: fresh)
            guard incremental != clean else { continue }
            let paths = Set((incremental ?? [:]).keys).union((clean ?? [:]).keys).sorted()
            let differing = paths.filter { incremental?[$0] != clean?[$0] }
            failures.append("seed \(seed), after \(done.joined(separator: "; ")): \(incremental == nil ? "incremental refused" : clean == nil ? "clean refused" : "differ: \(differing.prefix(5))")")
            break
        }
        return failures
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func incrementalEqualsClean(seed: UInt64) throws {
        let failures = try IncrementalBuildTests.run(seed: seed, steps: 10)
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The case that went stale before pages were keyed by bytes: a unit's head changed in
    /// site.yml, then two more builds (the third reused a page from two builds earlier).
    @Test func aChangedUnitHeadReachesEveryPageOnEveryLaterBuild() throws {
        var w = try Workspace()
        defer { try? FileManager.default.removeItem(atPath: w.top) }
        let output = w.top + "/public"
        _ = try w.build(into: output)
        try w.write("content/site.yml", try w.read("content/site.yml").replacingOccurrences(of: "head: Võ Thị Kim Oanh", with: "head: Trần Thị Mai"))
        w.today = w.today.adding(days: 1)
        _ = try w.build(into: output)
        _ = try w.build(into: output)
        for page in ["units/index.html", "units/tthcc/index.html"] {
            let html = try String(contentsOfFile: output + "/" + page, encoding: .utf8)
            #expect(html.contains("Trần Thị Mai"), "\(page)")
            #expect(!html.contains("Võ Thị Kim Oanh"), "\(page)")
        }
        #expect(try snapshot(output) == (try w.build(into: w.top + "/clean/public")))
    }
}
