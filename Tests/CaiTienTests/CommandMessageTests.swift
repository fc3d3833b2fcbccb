import CaiTienModel
import Foundation
import Testing
import TestSupport

/// The command line's own messages (`CommandMessage.all`): one registry, in the site's language
/// like the diagnostics, each saying what to do. The tests run the built `caitien` as a clerk
/// would, in Vietnamese (the default) and in English (`--lang en`, or `locale: en`).
@Suite struct CommandMessageTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources").path

    @Test func everyMessageIsListedOnceInBothLanguagesWithTheSamePlaceholders() throws {
        let ids = CommandMessage.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids).isDisjoint(with: Rule.all.map(\.id)), "a message may not take a rule's id")
        let registry = try String(contentsOfFile: Self.sources + "/CaiTienModel/CommandMessages.swift", encoding: .utf8)
        #expect(registry.components(separatedBy: " = CommandMessage(").count - 1 == CommandMessage.all.count)
        for message in CommandMessage.all {
            #expect(message.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(message.id)")
            #expect(CommandMessage.named(message.id) == message)
            #expect(!message.text.vi.isEmpty && !message.text.en.isEmpty, "\(message.id)")
            #expect(message.text.placeholders(.vi) == message.text.placeholders(.en), "\(message.id)")
            // Braces only around placeholders: a template's tags are values, never text.
            for language in Language.allCases {
                var text = message.text.text(language)
                for name in message.text.placeholders(language) { text = text.replacingOccurrences(of: "{\(name)}", with: "") }
                #expect(!text.contains("{") && !text.contains("}"), "\(message.id)")
            }
            if let explanation = message.explanation {
                #expect(!explanation.vi.isEmpty && !explanation.en.isEmpty && explanation.vi != explanation.en, "\(message.id)")
                #expect(message.explained(.vi).hasPrefix("[\(message.id)] thông báo của lệnh\n"), "\(message.id)")
            }
        }
    }

    /// The library has no other way to say what stopped a command than a registry message.
    @Test func noCommandMessageIsWrittenOutsideTheRegistry() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources).filter { $0.hasSuffix(".swift") }
        for file in files {
            let text = try String(contentsOfFile: Self.sources + "/" + file, encoding: .utf8)
            for pattern in ["BuildError(\"", "ValidationError(", "FileSystemError(path, \"", ".unreachable(\""] where text.contains(pattern) {
                Issue.record("\(file) writes `\(pattern)…`; add a CommandMessage and use it")
            }
        }
    }

    // MARK: The commands, in Vietnamese and English

    func site(_ name: String, extra: String = "") throws -> String {
        let folder = try temporaryFolder(name)
        try Fixture(standardSite + extra).write(to: folder)
        return folder
    }

    @Test func anOutputFolderCaitienDidNotWriteIsRefusedInTheSiteLanguage() throws {
        let folder = try site("caitien-msg-output")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
        try "Báo cáo năm 2025".write(toFile: folder + "/docs/bao-cao.txt", atomically: true, encoding: .utf8)
        let vi = try runCaitien(["build", "--output", "docs", "--today", "2025-12-20"], in: folder)
        #expect(vi.status == 2)
        #expect(vi.errors == "caitien: thư mục docs đã có tệp không do caitien tạo (bao-cao.txt); mỗi lần dựng, caitien thay toàn bộ thư mục đầu ra nên chỉ ghi vào thư mục mới, thư mục trống hoặc thư mục do chính nó tạo trước đó — chọn --output khác, hoặc chuyển các tệp đó đi rồi chạy lại\n")
        let en = try runCaitien(["build", "--output", "docs", "--today", "2025-12-20", "--lang", "en"], in: folder)
        #expect(en.status == 2)
        #expect(en.errors == "caitien: docs already holds files that caitien did not write (bao-cao.txt); every build replaces the whole output folder, so caitien only writes into a new or empty folder or one it wrote before — choose another --output, or move those files away and run again\n")
        // A site whose locale is English speaks English without --lang.
        try (standardSite.replacingOccurrences(of: "-- site.yml --\n", with: "") + "\nlocale: en\n")
            .write(toFile: folder + "/content/site.yml", atomically: true, encoding: .utf8)
        #expect(try runCaitien(["build", "--output", "docs", "--today", "2025-12-20"], in: folder).errors == en.errors)
        #expect(try String(contentsOfFile: folder + "/docs/bao-cao.txt", encoding: .utf8) == "Báo cáo năm 2025")
        // `caitien explain` says why, and that there is no way to force it.
        let explained = try runCaitien(["explain", "output-not-ours"], in: folder)
        #expect(explained.status == 0 && explained.output.contains("không có tùy chọn ép ghi"))
    }

    @Test func aTodayOutOfRangeIsAUsageErrorInTheSiteLanguage() throws {
        let folder = try site("caitien-msg-today")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let vi = try runCaitien(["check", "--today", "1899-12-31"], in: folder)
        #expect(vi.status == 2)
        #expect(vi.errors == "caitien: --today 31/12/1899 nằm ngoài khoảng 01/01/1900 … 31/12/9899; cho một ngày trong khoảng đó\n")
        let en = try runCaitien(["build", "--today", "9900-01-01", "--lang", "en"], in: folder)
        #expect(en.status == 2)
        #expect(en.errors == "caitien: --today 9900-01-01 is outside 1900-01-01 … 9899-12-31; give a day in that range\n")
        // A day that does not exist is ArgumentParser's error, with a Vietnamese line first.
        let wrong = try runCaitien(["check", "--today", "31/02/2026"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.errors.hasPrefix("caitien: lệnh viết chưa đúng — `31/02/2026` không phải một ngày có thật: viết --today dạng năm-tháng-ngày (2026-03-04) hoặc ngày/tháng/năm (04/03/2026) (cách dùng của lệnh ở bên dưới; xem thêm `caitien --help`)\nError: "))
        let unknown = try runCaitien(["check", "--tody", "2026-01-01"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("caitien: lệnh viết chưa đúng — không có tùy chọn `--tody`; bạn muốn viết `--today`? (cách dùng của lệnh ở bên dưới; xem thêm `caitien --help`)\nError: "))
        #expect(try runCaitien(["check", "--tody", "2026-01-01", "--lang", "en"], in: folder).errors.hasPrefix("Error: Unknown option '--tody'"))
    }

    @Test func newNeverOverwritesAndSaysWhatToDo() throws {
        let folder = try site("caitien-msg-new")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try runCaitien(["new", "review", "--date", "2025-12-15", "--today", "2025-12-20"], in: folder)
        #expect(first.status == 0, "\(first.errors)")
        let written = try String(contentsOfFile: folder + "/content/reviews/2025-12-15.md", encoding: .utf8)
        let vi = try runCaitien(["new", "review", "--date", "2025-12-15", "--today", "2025-12-20"], in: folder)
        #expect(vi.status == 2)
        #expect(vi.errors == "caitien: content/reviews/2025-12-15.md đã có; caitien không ghi đè — mở tệp đó để sửa, hoặc tạo hồ sơ với ngày hoặc tên khác\n")
        let en = try runCaitien(["new", "review", "--date", "2025-12-15", "--today", "2025-12-20", "--lang", "en"], in: folder)
        #expect(en.status == 2)
        #expect(en.errors == "caitien: content/reviews/2025-12-15.md already exists; nothing was overwritten — edit that file, or give another date or name\n")
        #expect(try String(contentsOfFile: folder + "/content/reviews/2025-12-15.md", encoding: .utf8) == written)
        // A day after today, for a record of what happened.
        let future = try runCaitien(["new", "audit", "--date", "2026-01-05", "--lead", "Lê Văn Cường", "--today", "2025-12-20"], in: folder)
        #expect(future.errors == "caitien: --date 05/01/2026 là ngày sau hôm nay (20/12/2025); chỉ ghi hồ sơ khi việc đã diễn ra\n")
    }

    @Test func initRefusesAFolderHoldingASiteOrItsFilesAndWritesNothing() throws {
        let folder = try temporaryFolder("caitien-msg-init")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runCaitien(["init", "phuong"], in: folder).status == 0)
        let vi = try runCaitien(["init", "phuong"], in: folder)
        #expect(vi.status == 2)
        #expect(vi.errors == "caitien: phuong đã có một site (content/site.yml); caitien không ghi đè — dùng site đó, hoặc chọn thư mục khác\n")
        let en = try runCaitien(["init", "phuong", "--lang", "en"], in: folder)
        #expect(en.errors == "caitien: phuong already holds a site (content/site.yml); nothing was overwritten — use that site or choose another folder\n")

        // A repository with a README and its own .gitignore: nothing is written, not even site.yml.
        try FileManager.default.createDirectory(atPath: folder + "/kho", withIntermediateDirectories: true)
        try "# Hồ sơ ISO\n".write(toFile: folder + "/kho/README.md", atomically: true, encoding: .utf8)
        try "*.docx\n".write(toFile: folder + "/kho/.gitignore", atomically: true, encoding: .utf8)
        let before = try snapshot(folder + "/kho")
        let taken = try runCaitien(["init", "kho"], in: folder)
        #expect(taken.status == 2)
        #expect(taken.errors == "caitien: kho đã có .gitignore, là tệp `caitien init` sẽ tạo; chưa ghi gì — chuyển hoặc đổi tên các tệp đó, hoặc chọn thư mục khác\n")
        #expect(try runCaitien(["init", "kho", "--lang", "en"], in: folder).errors
                == "caitien: kho already holds .gitignore, which `caitien init` writes; nothing was written — move or rename them, or choose another folder\n")
        #expect(try snapshot(folder + "/kho") == before)
        // Once it is moved aside, init writes and says what comes next, in Vietnamese.
        try FileManager.default.removeItem(atPath: folder + "/kho/.gitignore")
        let made = try runCaitien(["init", "kho"], in: folder)
        #expect(made.status == 0)
        #expect(made.output.hasSuffix("Bước tiếp theo: cd kho && git init && caitien new ticket --unit van-phong --kind \"cải tiến\" --source \"khác\" --title \"…\" --by \"Họ và tên\"\n"))
    }

    @Test func aBrokenThemeTemplateIsNamedWithTheTagToAdd() throws {
        let folder = try site("caitien-msg-theme")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/theme/templates", withIntermediateDirectories: true)
        try "<ul>\n{{#units}}\n<li>{{name}}</li>\n</ul>\n".write(toFile: folder + "/theme/templates/units.mustache", atomically: true, encoding: .utf8)
        let vi = try runCaitien(["build", "--today", "2025-12-20"], in: folder)
        #expect(vi.status == 2)
        #expect(vi.errors == "caitien: mẫu trang (template) units.mustache của giao diện viết sai: `{{#units}}` chưa được đóng — thêm `{{/units}}`; sửa tệp theme/templates/units.mustache\n")
        let en = try runCaitien(["build", "--today", "2025-12-20", "--lang", "en"], in: folder)
        #expect(en.status == 2)
        #expect(en.errors == "caitien: theme template units.mustache: `{{#units}}` is never closed — add `{{/units}}`; correct theme/templates/units.mustache\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/public"))

        // A key no view gives.
        try "<ul>{{#units}}<li>{{nmae}}</li>{{/units}}</ul>\n".write(toFile: folder + "/theme/templates/units.mustache", atomically: true, encoding: .utf8)
        let key = try runCaitien(["build", "--today", "2025-12-20"], in: folder)
        #expect(key.status == 2)
        #expect(key.errors == "caitien: mẫu trang units.mustache dùng {{nmae}} nhưng trang không có giá trị nào tên như vậy; kiểm tra lại chính tả\n")
    }

    @Test func aRollupWithNoSourcesSaysWhatASourceIs() throws {
        let folder = try temporaryFolder("caitien-msg-rollup")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let vi = try runCaitien(["rollup", "--today", "2025-12-20"], in: folder)
        #expect(vi.status == 2)
        #expect(vi.errors == "caitien: chưa có nguồn nào để tổng hợp: ghi thư mục trang đã dựng của các phường, tệp data.json hoặc địa chỉ https://, hoặc --sources TỆP\n")
        let en = try runCaitien(["rollup", "--today", "2025-12-20", "--lang", "en"], in: folder)
        #expect(en.status == 2)
        #expect(en.errors == "caitien: no sources: name wards' site folders, data.json files or https:// addresses, or --sources FILE\n")
        let list = try runCaitien(["rollup", "--sources", "danh-sach.txt"], in: folder)
        #expect(list.status == 2)
        #expect(list.errors == "caitien: không đọc được danh sách nguồn danh-sach.txt: không có tệp hoặc thư mục này (No such file or directory); kiểm tra tên tệp ghi sau --sources\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/public"))

        // A ward that cannot be read is a warning and a row, in the roll-up's language; the
        // roll-up itself is written.
        let ward = try runCaitien(["rollup", "--today", "2025-12-20", "phuong-ninh-hoa/public"], in: folder)
        #expect(ward.status == 0)
        #expect(ward.errors == "caitien: warning: phuong-ninh-hoa/public: không đọc được phuong-ninh-hoa/public: không có tệp hoặc thư mục này (No such file or directory)\n")
        #expect(ward.output == "Đã tổng hợp 1 đơn vị cho ngày 20/12/2025 vào public/ (1 không đọc được, 0 số liệu cũ) — mở public/index.html\n")
        let page = try String(contentsOfFile: folder + "/public/index.html", encoding: .utf8)
        #expect(page.contains("không có tệp hoặc thư mục này"))
    }

    @Test func statsSpeaksTheSiteLanguage() throws {
        let folder = try temporaryFolder("caitien-msg-stats")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ward(ticket("tickets/2025/PYC-2025-001.md", """
        assigned_to: Võ Thị Kim Oanh
        assigned_on: 05/03/2025
        approved_on: 10/03/2025
        due: 31/03/2025
        ---
        """)).write(to: folder)
        let vi = try runCaitien(["stats", "--today", "2025-04-15"], in: folder)
        #expect(vi.status == 0, "\(vi.errors)")
        let lines = vi.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Số liệu ngày 15/04/2025 — UBND phường Ninh Hòa")
        #expect(lines.contains("Phiếu: tổng 1, đang mở 1, đã đóng 0, đã hủy 0"))
        #expect(lines.contains("  theo giai đoạn: Mới mở 0; Đã phân công 0; Đang thực hiện 1; Chờ kiểm tra xác nhận 0; Đã đóng 0; Đã hủy 0"))
        #expect(lines.contains("  theo nguồn: Đánh giá nội bộ 1"))
        #expect(lines.contains("  quá hạn: 1: PYC-2025-001"))
        #expect(lines.contains("  sắp đến hạn: không có"))
        #expect(lines.contains("Xem xét của lãnh đạo: lần gần nhất chưa có; ĐÃ ĐẾN HẠN"))
        let en = try runCaitien(["stats", "--today", "2025-04-15", "--lang", "en"], in: folder)
        let english = en.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(english.first == "Figures for 2025-04-15 — UBND phường Ninh Hòa")
        #expect(english.contains("Requests: 1 total, 1 open, 0 closed, 0 cancelled"))
        #expect(english.contains("  by stage: Open 0; Assigned 0; In progress 1; Awaiting verification 0; Closed 0; Cancelled 0"))
        #expect(english.contains("  overdue: 1: PYC-2025-001"))
        #expect(english.contains("Management review: last never; DUE NOW"))
    }
}
