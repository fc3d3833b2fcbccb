import CaiTienContent
@testable import CaiTienModel
@testable import CaiTienSite
import Foundation
import Testing
import TestSupport

/// The table of record types (`RecordTypes.swift`): every type in it works end to end from the
/// table alone, and its keys are exactly the keys its parse function reads.
@Suite struct RecordTypesTests {
    /// How `caitien new` is called for each type: what a clerk would give on the command line.
    static let newArguments: [RecordKind: [String]] = [
        .request: ["--unit", "Trung tâm Phục vụ hành chính công", "--kind", "cải tiến", "--source", "phản hồi, khiếu nại",
                   "--title", "Niêm yết quy trình cấp bản sao trích lục hộ tịch tại Bộ phận Một cửa", "--by", "Lê Văn Cường"],
        .review: ["--date", "15/12/2025"],
        .objectives: ["--year", "2026", "--unit", "tthcc"],
        .audit: ["--date", "22/06/2026", "--lead", "Ngô Thanh Hùng", "--scope", "tthcc,van-phong"],
        .inspection: ["--date", "12/03/2026", "--by", "Sở Khoa học và Công nghệ", "--mode", "qua hồ sơ"],
        .legal: ["--title", "Quyết định 12/2026/QĐ-UBND về danh mục thủ tục hành chính cấp xã", "--effective", "31/08/2026",
                 "--affects", "QT.TTHC-03"],
    ]

    @Test func theTableHasEveryKindOnceInItsOwnFolder() {
        let kinds = RecordType.all.map(\.kind)
        #expect(Set(kinds) == Set(RecordKind.allCases).subtracting([.site]) && kinds.count == Set(kinds).count)
        #expect(Set(RecordType.all.map(\.folder)).count == RecordType.all.count)
        #expect(Set(RecordType.all.map(\.new.name)).count == RecordType.all.count)
        for type in RecordType.all {
            #expect(type.kind.recordType?.folder == type.folder, "\(type.kind)")
            #expect(Set(type.keys.map(\.name)).count == type.keys.count, "\(type.kind): a key listed twice")
        }
    }

    /// `Phrase.key` names a key without knowing whose it is: a key shared by two types, or by a
    /// type and a mapping of site.yml or inside a record, has one Vietnamese name.
    @Test func aKeyHasOneVietnameseNameWhereverItIs() {
        var names: [String: (String, String)] = [:]
        let listed = RecordType.all.flatMap { type in type.keys.compactMap { k in k.vietnamese.map { (k.name, $0, "\(type.kind)") } } }
            + Phrase.keyNames.map { ($0.key, $0.value, "Words.swift") } + Phrase.dutyKeyNames.map { ($0.key, $0.value, "DutyWords.swift") }
        for (key, name, whose) in listed {
            if let (other, otherWhose) = names[key] {
                #expect(other == name, "`\(key)`: \"\(name)\" in \(whose), \"\(other)\" in \(otherWhose)")
            } else {
                names[key] = (name, whose)
            }
        }
        #expect(Phrase.key("opened").vi == "ngày mở phiếu (`opened`)")
        #expect(Phrase.key("lead_auditor").vi == "trưởng đoàn đánh giá (`lead_auditor`)")
        #expect(Phrase.key("report_approved_on").vi == "`report_approved_on`")
    }

    /// For each type: `init` makes its folder, `caitien new` writes a record there that passes
    /// `check` and is loaded as that type, and a mistyped key of the type is answered with the
    /// key the table lists.
    @Test(arguments: RecordType.all.map(\.kind))
    func everyTypeRoundTrips(kind: RecordKind) throws {
        let type = try #require(kind.recordType)
        let arguments = try #require(Self.newArguments[kind], "give `caitien new \(type.new.name)` an example in newArguments")
        let folder = try temporaryFolder("caitien-record-type-\(type.folder)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Scaffold.initSite(at: folder, organisation: "UBND phường Ninh Hòa")
        let content = folder + "/content"
        #expect(written.contains("\(content)/\(type.folder)/.gitkeep"))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: "\(content)/\(type.folder)", isDirectory: &isFolder) && isFolder.boolValue)

        let new = try runCaitien(["new", type.new.name] + arguments + ["--today", "2026-11-25"], in: content)
        #expect(new.status == 0, "\(new.errors)")
        let relative = new.output.trimmingCharacters(in: .newlines)
        #expect(relative.hasPrefix(type.folder + "/") && relative.hasSuffix(".md"), "\(relative)")

        let (entries, listed) = listContent(from: content, fileSystem: DiskFileSystem())
        #expect(listed.isEmpty)
        #expect(entries.first { $0.relativePath == relative }?.kind == kind)

        let site = checkSite(content: content, today: Day(parsing: "2026-11-25"), history: false)
        #expect(site.diagnostics.errorCount == 0, "\(site.diagnostics.map(\.text))")
        #expect(type.count(site.content) == 1)
        for other in RecordType.all where other.kind != kind { #expect(other.count(site.content) == 0) }
        #expect(Say.summary(site, .vi).contains(type.noun.counted(1, .vi)))
        #expect(Say.summary(site, .en).hasPrefix(RecordType.all.compactMap {
            $0.kind == kind ? $0.noun.counted(1, .en) : $0.countedWhenNone ? $0.noun.counted(0, .en) : nil
        }.joined(separator: ", ") + " — "))

        // Every key of the type, mistyped (its last letter doubled), in the record as written.
        let path = content + "/" + relative
        let record = try String(contentsOfFile: path, encoding: .utf8)
        #expect(record.hasPrefix("---\n"))
        for key in type.keys.map(\.name) {
            let typo = key + String(key.last!)
            try ("---\n\(typo): x\n" + record.dropFirst(4)).write(toFile: path, atomically: true, encoding: .utf8)
            let found = checkSite(content: content, today: Day(parsing: "2026-11-25"), history: false).diagnostics
            let unknown = found.filter { $0.rule == .unknownKey }
            #expect(unknown.map(\.message) == ["unknown key `\(typo)` in \(type.mapping.en) — did you mean `\(key)`? (keys starting with `x_` are free for local use)"],
                    "\(kind): \(found.map(\.text))")
            #expect(unknown.map { "\($0.line):\($0.column)" } == ["2:1"])
        }
    }

    // MARK: - The table's keys are the keys the parser reads

    /// One record of each type with every key its type may hold, as a ward writes them.
    static let fullRecords: [RecordKind: (path: String, text: String)] = [
        .request: ("tickets/2025/PYC-2025-001.md", """
            ---
            title: Trả kết quả đăng ký khai sinh trễ hạn tại Bộ phận Một cửa
            kind: sự không phù hợp
            source: đánh giá nội bộ
            unit: tthcc
            category: trả kết quả trễ hạn
            severity: nhẹ
            opened: 04/03/2025
            reported_by: Lê Văn Cường
            disposition: sửa chữa
            action_needed: có
            decided_by: Võ Thị Kim Oanh
            decided_on: 06/03/2025
            assigned_to: Trần Thị Mai
            assigned_on: 07/03/2025
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 10/03/2025
            due: 30/04/2025
            actions:
              - {what: Rà soát sổ theo dõi hồ sơ khai sinh, owner: Trần Thị Mai, due: 20/03/2025, done: 18/03/2025}
            progress:
              - {date: 01/04/2025, note: Đã rà soát 120 hồ sơ tồn đọng}
            changes:
              - {date: 05/04/2025, note: Bổ sung nhắc hạn trên phần mềm một cửa}
            completed_on: 25/04/2025
            verified_on: 05/05/2025
            verified_by: Nguyễn Thị Hồng Hải
            result: không có hiệu lực
            closed: 06/05/2025
            follow_up: PYC-2025-014
            review: 2025-12-15
            cancelled:
            cancel_reason:
            confidential: không
            audit: 2025-02-20
            inspection: 2025-01-15
            ---
            ## Nội dung yêu cầu

            Ba hồ sơ đăng ký khai sinh trả kết quả chậm 01 ngày.
            """),
        .review: ("reviews/2025-12-15.md", """
            ---
            date: 15/12/2025
            format: họp
            chair: Nguyễn Thị Hồng Hải
            secretary: Ngô Thanh Hùng
            attendees:
              - Các thành viên Ban ISO
            report_approved_by: Trưởng Ban ISO
            report_approved_on: 10/12/2025
            approved_by: Chủ tịch UBND phường
            approved_on: 20/12/2025
            inputs:
              previous_actions: 04/06 hành động của kỳ xem xét trước đã hoàn thành.
            decisions:
              - {type: cải tiến, text: Số hóa sổ hộ tịch lưu trữ, owner: Văn phòng, due: 30/06/2026, ticket: PYC-2025-014}
            ---
            Biên bản họp xem xét của lãnh đạo năm 2025.
            """),
        .objectives: ("objectives/2025/tthcc.md", """
            ---
            year: 2025
            unit: tthcc
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 20/01/2025
            evaluated_on: 26/12/2025
            objectives:
              - code: MT1
                text: 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn
                measure: "%"
                target: 100
                actual: 98,5
            ---
            """),
        .audit: ("audits/2025-02-20.md", """
            ---
            date: 20/02/2025
            end: 21/02/2025
            lead_auditor: Ngô Thanh Hùng
            auditors: [Trần Thị Mai, Lê Văn Cường]
            scope: [tthcc, van-phong]
            approved_by: Nguyễn Thị Hồng Hải
            approved_on: 28/02/2025
            findings:
              - {unit: tthcc, clause: "8.5.1", type: sự không phù hợp, text: Trả kết quả khai sinh trễ hạn, ticket: PYC-2025-001}
            ---
            ## Báo cáo đánh giá nội bộ
            """),
        .inspection: ("inspections/2025-01-15.md", """
            ---
            date: 15/01/2025
            by: Sở Khoa học và Công nghệ
            mode: tại trụ sở
            reference: 12/BB-SKHCN
            findings:
              - Chưa cập nhật danh mục tài liệu nội bộ
            reported_on: 10/03/2025
            report_ref: 31/BC-UBND
            reports:
              - {date: 10/03/2025, ref: 31/BC-UBND}
            response: chấp nhận
            response_on: 25/03/2025
            ---
            """),
        .legal: ("legal/2025/QD-12-2025.md", """
            ---
            title: Quyết định 12/2025/QĐ-UBND về danh mục thủ tục hành chính cấp xã
            issued_on: 20/08/2025
            effective_on: 31/08/2025
            affects: [QT.TTHC-03]
            units: [tthcc]
            updated_on: 15/10/2025
            ticket: PYC-2025-001
            ---
            """),
    ]

    /// The keys written at the top level of a front-matter.
    static func topLevelKeys(_ text: String) -> [String] {
        text.split(separator: "\n").dropFirst().prefix { $0 != "---" }.compactMap { line in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
    }

    /// A record with every key of its type holds no unknown key, and holds no key the table
    /// does not list: a key taken out of the table, or added to it only, fails here.
    @Test(arguments: RecordType.all.map(\.kind))
    func aRecordWithEveryKeyOfItsTypeHasNoUnknownKey(kind: RecordKind) throws {
        let type = try #require(kind.recordType)
        let (path, text) = try #require(Self.fullRecords[kind], "write a record of \(kind) with every key in fullRecords")
        #expect(path.hasPrefix(type.folder + "/"))
        #expect(Self.topLevelKeys(text).sorted() == type.keys.map(\.name).sorted())
        let site = ward("-- \(path) --\n\(text)\n").check(today: "2026-11-25")
        let here = site.diagnostics.filter { $0.path == "content/" + path }
        #expect(!here.contains { $0.rule == .unknownKey }, "\(here.map(\.text))")
        #expect(type.count(site.content) == 1, "\(here.map(\.text))")
    }

    /// Each key of the table is read by its type's parse function: written with a value no key
    /// accepts (a list of lists), it is reported at its value, never as unknown nor silently
    /// dropped.
    @Test(arguments: RecordType.all.map(\.kind))
    func theParserReadsEveryKeyOfTheTable(kind: RecordKind) throws {
        let type = try #require(kind.recordType)
        let path = "\(type.folder)/2025/\(type.exampleFile)"
        for key in type.keys.map(\.name) {
            let text = "---\n\(key): [[1]]\n---\n"
            let found = ward("-- \(path) --\n\(text)").check(today: "2026-11-25").diagnostics.filter { $0.path == "content/" + path }
            #expect(!found.contains { $0.rule == .unknownKey }, "\(kind) `\(key)`: \(found.map(\.text))")
            #expect(found.contains { $0.line == 2 && $0.column > 1 && $0.rule != .missingKey }, "\(kind) `\(key)` is not read: \(found.map(\.text))")
        }
    }
}
