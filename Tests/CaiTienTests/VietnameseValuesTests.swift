import CaiTienContent
import CaiTienModel
@testable import CaiTienRender
import CaiTienSite
import Foundation
import Testing
import TestSupport

/// Values in Vietnamese (SPEC §1): a ward may write its records with the Vietnamese words, the
/// pages' labels and its units' names; they are read into the same codes.
@Suite struct VietnameseValuesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Each key's codes and the ways a clerk may write them instead, used in turn.
    static let spellings: [String: [String: [String]]] = [
        "kind": ["nonconformity": ["sự không phù hợp", "KPH", "Sự Không Phù Hợp.", "không phù hợp", "Nonconformity"],
                 "potential": ["KPH tiềm ẩn", "tiềm ẩn"], "improvement": ["cải tiến", "Đề xuất cải tiến", "  CẢI TIẾN  "]],
        "severity": ["major": ["nghiêm trọng", "Nghiêm trọng."], "minor": ["Nhẹ"]],
        "disposition": ["repair": ["sửa chữa", "khắc phục", "Sửa chữa/khắc phục"], "rework": ["làm lại", "Làm lại."],
                        "accept": ["chấp nhận"], "reject": ["loại bỏ"]],
        "result": ["effective": ["có hiệu lực", "Đạt", "Có  hiệu lực."], "ineffective": ["không có hiệu lực", "không đạt"]],
        "format": ["meeting": ["họp"], "report": ["Báo cáo và thông báo kết quả (5.8.2)"]],
        "direction": ["at_most": ["tối đa", "không quá", "Tối đa."], "at_least": ["tối thiểu", "ít nhất"]],
        "type": ["improvement": ["cơ hội cải tiến", "cải tiến"], "qms_change": ["thay đổi HTQLCL"], "resources": ["nguồn lực", "Nhu cầu nguồn lực"]],
        "action_needed": ["true": ["có", "Đúng", "Có."], "false": ["không", "sai", "Không"]],
        "confidential": ["true": ["có"]],
        "source": [
            "feedback": ["Phản hồi, khiếu nại"], "internal_audit": ["đánh giá nội bộ", "Internal audit"],
            "process_monitoring": ["Giám sát quá trình"], "data_analysis": ["phân tích dữ liệu"],
            "management_review": ["Xem xét của lãnh đạo"], "stakeholder": ["Các bên liên quan"], "risk_analysis": ["Phân tích rủi ro"],
            "conformity_check": ["kiểm tra sự phù hợp"], "qms_records": ["Hồ sơ HTQLCL"], "process_results": ["Kết quả quá trình"],
            "previous_action": ["Kết quả HĐKP trước đó"], "nonconforming_activity": ["Hoạt động không phù hợp"],
        ],
        "unit": ["van-phong": ["Văn phòng HĐND và UBND", "VAN-PHONG"], "kinh-te": ["Phòng Kinh tế - Hạ tầng và Đô thị"],
                 "van-hoa-xa-hoi": ["phòng văn hóa - xã hội"], "tthcc": ["Trung tâm Phục vụ hành chính công", "Trung tâm phục vụ hành chính công."],
                 "cong-an": ["Công an phường"]],
    ]

    /// The sample ward's content with every fixed value written in Vietnamese and every unit by
    /// its name; returns how many values were rewritten.
    static func translate(_ text: String, counter: inout [String: Int], rewritten: inout Int) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            for (key, codes) in spellings {
                for (code, words) in codes {
                    // `key: code` at the end of a line, or before `,` / `}` in a flow mapping.
                    for ending in ["", ",", "}"] {
                        let written = "\(key): \(code)\(ending)"
                        guard line.hasSuffix(written) || (!ending.isEmpty && line.contains(written)) else { continue }
                        let before = line.hasSuffix(written) ? line.dropLast(written.count) : nil
                        guard let start = before.map({ $0.last }) ?? line.range(of: written).map({ line[..<$0.lowerBound].last }),
                              start == nil || start == " " || start == "{" else { continue }
                        let n = counter["\(key)/\(code)", default: 0]
                        counter["\(key)/\(code)"] = n + 1
                        var word = words[n % words.count]
                        // A comma ends a value in a flow mapping: quote it there.
                        if !ending.isEmpty && word.contains(",") { word = "\"\(word)\"" }
                        line = line.replacingOccurrences(of: written, with: "\(key): \(word)\(ending)")
                        rewritten += 1
                    }
                }
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    @Test func aWardWrittenInVietnameseHasTheSameFiguresAndDataAsItsTwinWrittenInCodes() throws {
        let top = try temporaryFolder("caitien-twins")
        defer { try? FileManager.default.removeItem(atPath: top) }
        let source = Self.repository + "/content"
        let files = try FileManager.default.subpathsOfDirectory(atPath: source).filter { $0.hasSuffix(".md") || $0 == "site.yml" }
        #expect(files.count > 50)
        var counter: [String: Int] = [:], rewritten = 0
        for twin in ["codes", "vietnamese"] {
            for file in files {
                let text = try String(contentsOfFile: source + "/" + file, encoding: .utf8)
                let path = "\(top)/\(twin)/content/\(file)"
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let written = twin == "codes" || file == "site.yml" ? text : Self.translate(text, counter: &counter, rewritten: &rewritten)
                try written.write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        // Every kind of value was rewritten, most of them several ways.
        #expect(rewritten > 200, "\(rewritten)")
        #expect(Set(counter.keys.map { $0.split(separator: "/")[0] }).count == Self.spellings.count)
        for file in files where file != "site.yml" {
            let text = try String(contentsOfFile: top + "/vietnamese/content/" + file, encoding: .utf8)
            for code in ["van-phong", "kinh-te", "van-hoa-xa-hoi", "tthcc", "cong-an"] { #expect(!text.contains("unit: \(code)\n"), "\(file)") }
            #expect(!text.contains("kind: nonconformity") && !text.contains("result: effective"), "\(file)")
        }

        let today = ["--today", "2026-11-25"]
        let codes = try runCaitien(["stats", "--json"] + today, in: top + "/codes")
        let vietnamese = try runCaitien(["stats", "--json"] + today, in: top + "/vietnamese")
        #expect(codes.status == 0 && vietnamese.status == 0, "\(vietnamese.errors)")
        #expect(codes.output.count > 1000)
        #expect(vietnamese.output == codes.output)

        // The same diagnostics (the sample's one warning), and the same data.json: codes, not words.
        let check = try runCaitien(["check"] + today, in: top + "/vietnamese")
        #expect(check.errors.hasSuffix("48 phiếu, 2 cuộc xem xét, 12 kế hoạch mục tiêu, 2 cuộc đánh giá nội bộ, 2 cuộc kiểm tra, 5 văn bản pháp luật — 0 lỗi, 1 cảnh báo (ngày tham chiếu 25/11/2026)\n"))
        for twin in ["codes", "vietnamese"] { #expect(try runCaitien(["build"] + today, in: "\(top)/\(twin)").status == 0) }
        let data = { (twin: String) in FileManager.default.contents(atPath: "\(top)/\(twin)/public/data.json") }
        #expect(data("codes") != nil && data("vietnamese") == data("codes"))
    }

    /// "So is the label the pages show for that value": every label of the built-in theme, in
    /// both languages, reads as its value.
    @Test func everyLabelThePagesShowIsReadAsItsValue() throws {
        func check<E: WrittenValue>(_ type: E.Type, prefix: String, key: (E) -> String = { $0.rawValue }) {
            for locale in ["vi", "en"] {
                let strings = Theme.builtIn.strings[locale] ?? [:]
                for value in E.allCases {
                    let label = strings[prefix + key(value)]
                    #expect(label != nil, "\(locale) \(prefix)\(value.rawValue)")
                    if let label { #expect(E(written: label) == value, "\(locale): \(label)") }
                }
            }
        }
        check(Kind.self, prefix: "kind_")
        check(Source.self, prefix: "source_")
        check(Severity.self, prefix: "severity_")
        check(Disposition.self, prefix: "disposition_")
        check(VerificationResult.self, prefix: "result_")
        check(Review.Format.self, prefix: "format_")
        check(Review.Decision.DecisionType.self, prefix: "decision_")
        check(ObjectivePlan.Direction.self, prefix: "", key: { $0.rawValue })
        for locale in ["vi", "en"] {
            let strings = Theme.builtIn.strings[locale] ?? [:]
            #expect(writtenBooleans.value(try #require(strings["answer_yes"])) == true)
            #expect(writtenBooleans.value(try #require(strings["answer_no"])) == false)
        }
    }

    @Test func valuesAreMatchedWithoutRegardToCaseSpacesAFinalPeriodOrUnicodeForm() {
        #expect(VerificationResult(written: "  Có   hiệu lực. ") == .effective)
        #expect(VerificationResult(written: "có hiệu lực".decomposedStringWithCanonicalMapping) == .effective)
        #expect(VerificationResult(written: "không hiệu lực") == .ineffective)
        #expect(Kind(written: "kph") == .nonconformity)
        #expect(Kind(written: "cải tiến.") == .improvement)
        // Close misses are not read, only suggested.
        #expect(VerificationResult(written: "co hieu luc") == nil)
        #expect(VerificationResult.written.nearest("co hieu luc") == "có hiệu lực")
        #expect(VerificationResult.written.nearest("hiệu quả") == nil)
        #expect(Kind.written.nearest("nonconformance") == "nonconformity")
    }

    /// A unit named by its name is read into its code with site.yml: a change of the code in
    /// site.yml reaches the record on the next build (the parse cache does not keep the old code).
    @Test func aUnitNamedByItsNameFollowsSiteYml() throws {
        let folder = try temporaryFolder("caitien-unit-name")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = ward(ticket("tickets/2025/PYC-2025-001.md").replacingOccurrences(of: "unit: tthcc", with: "unit: Trung tâm Phục vụ hành chính công"))
        try fixture.write(to: folder)
        try buildFolder(folder, today: "2025-06-01")
        let first = try #require(FileManager.default.contents(atPath: folder + "/public/data.json"))
        #expect(String(decoding: first, as: UTF8.self).contains("\"unit\":\"tthcc\""))
        let site = folder + "/content/site.yml"
        try String(contentsOfFile: site, encoding: .utf8).replacingOccurrences(of: "code: tthcc", with: "code: mot-cua")
            .write(toFile: site, atomically: true, encoding: .utf8)
        let result = try buildFolder(folder, today: "2025-06-01")
        #expect(result.site.diagnostics.map(\.text) == [])
        let second = String(decoding: try #require(FileManager.default.contents(atPath: folder + "/public/data.json")), as: UTF8.self)
        #expect(second.contains("\"unit\":\"mot-cua\"") && !second.contains("\"unit\":\"tthcc\""))
    }

    /// `caitien new` writes the values and lists the choices in Vietnamese words, which the
    /// records read as they are; `--kind`, `--source` and `--unit` take the same words.
    @Test func newRecordsShowTheVietnameseWordsFirst() throws {
        let folder = try temporaryFolder("caitien-new-vi")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runCaitien(["init", "."], in: folder).status == 0)
        let ticket = try runCaitien(["new", "ticket", "--unit", "Văn phòng HĐND và UBND", "--kind", "sự không phù hợp",
                                     "--source", "Đánh giá nội bộ", "--title", "Hồ sơ chứng thực trả trễ hạn", "--by", "Lê Văn Cường",
                                     "--today", "2026-11-25"], in: folder)
        #expect(ticket.status == 0, "\(ticket.errors)")
        let text = try String(contentsOfFile: folder + "/content/tickets/2026/PYC-2026-001.md", encoding: .utf8)
        for line in [
            "kind: sự không phù hợp  # sự không phù hợp | KPH tiềm ẩn | cải tiến\n",
            "# Nguồn phát sinh (5.1.2): hoạt động không phù hợp | phản hồi, khiếu nại | đánh giá nội bộ | kết quả HĐKP trước đó",
            "source: đánh giá nội bộ\n", "unit: van-phong  #", "severity: nhẹ  # nhẹ | nghiêm trọng",
            "# 5.1.1 Hình thức xử lý (chỉ với sự KPH): làm lại | sửa chữa | chấp nhận | loại bỏ\n# disposition: sửa chữa\n",
            "cải tiến: có | không\n# action_needed: có\n",
            "kiểm tra xác nhận: có hiệu lực | không có hiệu lực\n", "# result: có hiệu lực\n", "confidential: có\n",
        ] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(try runCaitien(["new", "review", "--today", "2026-11-25"], in: folder).status == 0)
        let review = try String(contentsOfFile: folder + "/content/reviews/2026-11-25.md", encoding: .utf8)
        #expect(review.contains("format: họp  # họp (5.8.1) | báo cáo (báo cáo và thông báo kết quả, 5.8.2)\n"))
        #expect(review.contains("type: cải tiến | thay đổi HTQLCL | nguồn lực;"))
        #expect(try runCaitien(["new", "objectives", "--year", "2026", "--unit", "tthcc", "--today", "2026-11-25"], in: folder).status == 0)
        let plan = try String(contentsOfFile: folder + "/content/objectives/2026/tthcc.md", encoding: .utf8)
        #expect(plan.contains("direction: tối thiểu  # tối thiểu | tối đa\n"))

        // Uncommented, the Vietnamese values of the comments are read.
        let filled = text.replacingOccurrences(of: "# disposition:", with: "disposition:")
            .replacingOccurrences(of: "# action_needed:", with: "action_needed:")
        try filled.write(toFile: folder + "/content/tickets/2026/PYC-2026-001.md", atomically: true, encoding: .utf8)
        let site = checkSite(content: folder + "/content", today: Day(parsing: "2026-11-25"), history: false)
        #expect(site.diagnostics.filter { $0.severity == .error }.map(\.text) == [])
        let request = try #require(site.content.requests.first)
        #expect((request.kind, request.source, request.unit) == (.nonconformity, .internalAudit, "van-phong"))
        #expect(request.disposition == .repair && request.actionNeeded == true && request.severity == .minor)
    }
}
