import CaiTienContent
import CaiTienModel
import Foundation
import FrontMatter
import Testing
import TestSupport

// Mistakes ward clerks make in a request's front-matter, each with the one message they read:
// in Vietnamese (the default language), at the line (and column) where the mistake is, saying
// how to write it.
// docs/huong-dan.md ("Lỗi thường gặp") lists the same mistakes.

/// The front-matter of a valid request, lines 2–8 of its file.
private let valid = [
    "title: Trả kết quả hồ sơ trễ hạn", "kind: nonconformity", "source: internal_audit", "unit: tthcc",
    "category: trả kết quả trễ hạn", "opened: 04/03/2025", "reported_by: Lê Văn Cường",
]

/// A request file whose front-matter is `lines`, closed by `---` and followed by its first box.
private func file(_ lines: [String]) -> String {
    "---\n" + lines.joined(separator: "\n") + "\n---\n\n## Nội dung yêu cầu\n\nCông dân phản ánh hồ sơ trả trễ.\n"
}

/// The valid request with file line `n` (2–8) written as `text` (one or more lines).
private func replacing(_ n: Int, with text: String...) -> String {
    var lines = valid
    lines.replaceSubrange((n - 2)...(n - 2), with: text)
    return file(lines)
}

/// The valid request with `text` added from file line 9.
private func adding(_ text: String...) -> String { file(valid + text) }

struct Mistake: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    /// `line:column: severity: message [rule]` of each diagnostic of the file.
    var expected: [String]
    var testDescription: String { name }
}

private let path = "tickets/2025/PYC-2025-001.md"

let clerkMistakes: [Mistake] = [
    Mistake(name: "a tab used to indent a key", file: replacing(3, with: "\tkind: nonconformity"), expected: [
        "3:1: error: thụt lề bằng phím Tab: phần khai báo chỉ thụt lề bằng dấu cách — xóa Tab ở đầu dòng, gõ dấu cách (2 dấu cách mỗi cấp) [yaml]",
    ]),
    Mistake(name: "a tab before a list item", file: adding("actions:", "\t- what: Rà soát quy trình tiếp nhận hồ sơ", "\t  owner: Trần Thị Bình"), expected: [
        "10:1: error: thụt lề bằng phím Tab: phần khai báo chỉ thụt lề bằng dấu cách — xóa Tab ở đầu dòng, gõ dấu cách (2 dấu cách mỗi cấp) [yaml]",
    ]),
    Mistake(name: "a tab inside a list item", file: adding("actions:", "  - what: Rà soát quy trình tiếp nhận hồ sơ", "  \towner: Trần Thị Bình"), expected: [
        "11:3: error: thụt lề bằng phím Tab: phần khai báo chỉ thụt lề bằng dấu cách — xóa Tab ở đầu dòng, gõ dấu cách (2 dấu cách mỗi cấp) [yaml]",
    ]),
    // libyaml reports it on the next line: the message is on the key's own line.
    Mistake(name: "no space after a colon", file: replacing(5, with: "unit:tthcc"), expected: [
        "5:6: error: thiếu dấu cách sau dấu hai chấm trong `unit:tthcc` — viết `unit: tthcc` [yaml]",
    ]),
    Mistake(name: "no space after a colon on the last line", file: replacing(8, with: "reported_by:Lê Văn Cường"), expected: [
        "8:13: error: thiếu dấu cách sau dấu hai chấm trong `reported_by:Lê Văn Cường` — viết `reported_by: Lê Văn Cường` [yaml]",
    ]),
    Mistake(name: "a colon inside an unquoted title", file: replacing(2, with: "title: Lỗi: trả hồ sơ trễ hạn"), expected: [
        "2:11: error: giá trị của `title` có dấu hai chấm và dấu cách (`: `) — đặt cả giá trị trong ngoặc kép: `title: \"Lỗi: trả hồ sơ trễ hạn\"` [yaml]",
    ]),
    Mistake(name: "a colon inside a progress note", file: adding("progress:", "  - date: 01/04/2025", "    note: Đã họp: thống nhất quy trình mới"), expected: [
        "11:17: error: giá trị của `note` có dấu hai chấm và dấu cách (`: `) — đặt cả giá trị trong ngoặc kép: `note: \"Đã họp: thống nhất quy trình mới\"` [yaml]",
    ]),
    Mistake(name: "a # inside an unquoted title", file: replacing(2, with: "title: Hồ sơ #12 trả trễ hạn"), expected: [
        "2:14: warning: phần `#12 trả trễ hạn` bị đọc là chú thích nên `title` chỉ còn `Hồ sơ` — nếu `#` là một phần của giá trị, đặt cả giá trị trong ngoặc kép: `title: \"Hồ sơ #12 trả trễ hạn\"` [yaml-comment]",
    ]),
    Mistake(name: "a value starting with #", file: adding("x_so_van_ban: #125/TB-UBND"), expected: [
        "9:15: warning: giá trị của `x_so_van_ban` bắt đầu bằng `#` nên bị đọc là chú thích, khóa bị bỏ trống — đặt cả giá trị trong ngoặc kép: `x_so_van_ban: \"#125/TB-UBND\"` [yaml-comment]",
    ]),
    Mistake(name: "an unclosed double quote", file: replacing(2, with: "title: \"Trả kết quả hồ sơ trễ hạn"), expected: [
        "2:8: error: dấu ngoặc kép `\"` mở ở đây không được đóng — thêm `\"` ở cuối giá trị, trên cùng dòng (giá trị có dấu `\"` bên trong thì đặt trong ngoặc đơn `'…'`) [yaml]",
    ]),
    Mistake(name: "an unclosed single quote", file: replacing(8, with: "reported_by: 'Lê Văn Cường"), expected: [
        "8:14: error: dấu nháy đơn `'` mở ở đây không được đóng — thêm `'` ở cuối giá trị, trên cùng dòng (dấu nháy bên trong ngoặc đơn viết thành hai dấu `''`) [yaml]",
    ]),
    Mistake(name: "text after the closing quote", file: replacing(2, with: "title: \"Trả kết quả\" trễ hạn"), expected: [
        "2:22: error: có chữ sau dấu ngoặc đóng — cả giá trị phải nằm trong một cặp ngoặc; giá trị có dấu `\"` bên trong thì đặt trong ngoặc đơn: `title: '\"Trả kết quả\" trễ hạn'` [yaml]",
    ]),
    Mistake(name: "double quotes inside double quotes", file: replacing(2, with: "title: \"Hồ sơ \"khẩn\" trả trễ\""), expected: [
        "2:16: error: có chữ sau dấu ngoặc đóng — cả giá trị phải nằm trong một cặp ngoặc; giá trị có dấu `\"` bên trong thì đặt trong ngoặc đơn: `title: 'Hồ sơ \"khẩn\" trả trễ'` [yaml]",
    ]),
    Mistake(name: "a key of a list item one space short", file: adding("actions:", "  - what: Rà soát quy trình tiếp nhận hồ sơ", "   owner: Trần Thị Bình"), expected: [
        "11:4: error: dòng này nằm trong danh sách nhưng thụt lề không khớp — khóa của một mục thẳng cột với khóa đầu tiên sau `- ` (cột 5); mục mới bắt đầu bằng `- ` thẳng cột với các dấu `-` (cột 3); khóa không thuộc danh sách thì thẳng cột với tên danh sách [yaml]",
    ]),
    Mistake(name: "list items not lined up", file: adding("actions:", "   - what: Rà soát quy trình tiếp nhận hồ sơ", "  - what: Tập huấn cán bộ Bộ phận Một cửa"), expected: [
        "11:3: error: các mục `- ` của một danh sách phải thẳng cột với nhau — dấu `-` của mục trước ở cột 4 [yaml]",
    ]),
    Mistake(name: "a key of a list item lined up with its dash", file: adding("actions:", "  - what: Rà soát quy trình tiếp nhận hồ sơ", "    owner: Trần Thị Bình", "  due: 30/04/2025"), expected: [
        "12:3: error: dòng này nằm trong danh sách nhưng thụt lề không khớp — khóa của một mục thẳng cột với khóa đầu tiên sau `- ` (cột 5); mục mới bắt đầu bằng `- ` thẳng cột với các dấu `-` (cột 3); khóa không thuộc danh sách thì thẳng cột với tên danh sách [yaml]",
    ]),
    Mistake(name: "a key indented by mistake", file: replacing(3, with: " kind: nonconformity"), expected: [
        "3:2: error: dòng này thụt vào sâu hơn khóa `title` (dòng 2) nên được đọc là phần tiếp theo của giá trị `title`, nhưng lại có dấu hai chấm — nếu là một khóa riêng, cho nó thẳng cột với `title` (cột 1); nếu là phần tiếp theo của giá trị, viết cả giá trị trên một dòng, trong ngoặc kép [yaml]",
    ]),
    Mistake(name: "a long title carried onto the next line", file: replacing(2, with: "title: Trả kết quả hồ sơ đăng ký khai sinh", "trễ hạn tại Bộ phận Một cửa"), expected: [
        "3:1: error: dòng `trễ hạn tại Bộ phận Một cửa` không có dạng `khóa: giá trị` — nếu là phần tiếp theo của giá trị ở dòng trên, viết nối vào dòng đó; nếu là ghi chú, bắt đầu dòng bằng `# ` [yaml]",
    ]),
    Mistake(name: "the colon left out", file: replacing(5, with: "unit tthcc"), expected: [
        "5:1: error: dòng `unit tthcc` thiếu dấu hai chấm sau tên khóa — viết `unit: tthcc` [yaml]",
    ]),
    Mistake(name: "the full-width colon of an input method", file: replacing(2, with: "title：Trả kết quả hồ sơ trễ hạn"), expected: [
        "2:6: error: `title：Trả kết quả hồ sơ trễ hạn` dùng dấu hai chấm toàn khổ `：` của bộ gõ — viết dấu hai chấm thường và một dấu cách: `title: Trả kết quả hồ sơ trễ hạn` [yaml]",
    ]),
    Mistake(name: "a value starting with a dash", file: replacing(2, with: "title: - trả kết quả trễ hạn"), expected: [
        "2:8: error: giá trị bắt đầu bằng `- ` được đọc là một danh sách — nếu là danh sách, xuống dòng sau `title:` và viết mỗi mục `- …` trên một dòng, thụt vào hai dấu cách; nếu là chữ, đặt trong ngoặc kép: `title: \"- trả kết quả trễ hạn\"` [yaml]",
    ]),
    Mistake(name: "a list item on its key's line", file: adding("actions: - what: Rà soát quy trình tiếp nhận hồ sơ"), expected: [
        "9:10: error: giá trị bắt đầu bằng `- ` được đọc là một danh sách — nếu là danh sách, xuống dòng sau `actions:` và viết mỗi mục `- …` trên một dòng, thụt vào hai dấu cách; nếu là chữ, đặt trong ngoặc kép: `actions: \"- what: Rà soát quy trình tiếp nhận hồ sơ\"` [yaml]",
    ]),
    Mistake(name: "no space after a list item's dash", file: adding("actions:", "  - what: Rà soát quy trình tiếp nhận hồ sơ", "  -what: Tập huấn cán bộ Bộ phận Một cửa"), expected: [
        "11:4: error: thiếu dấu cách sau dấu `-` của mục danh sách trong `-what: Tập huấn cán bộ Bộ phận Một cửa` — viết `- what: Tập huấn cán bộ Bộ phận Một cửa` [yaml]",
    ]),
    Mistake(name: "a value starting with @", file: replacing(2, with: "title: @phường Ninh Hòa trả hồ sơ trễ"), expected: [
        "2:8: error: giá trị bắt đầu bằng `@`, ký tự có nghĩa riêng trong YAML — đặt cả giá trị trong ngoặc kép: `title: \"@phường Ninh Hòa trả hồ sơ trễ\"` [yaml]",
    ]),
    Mistake(name: "a value starting with *", file: replacing(2, with: "title: *Khẩn* trả hồ sơ trễ hạn"), expected: [
        "2:8: error: giá trị bắt đầu bằng `*`, ký tự có nghĩa riêng trong YAML — đặt cả giá trị trong ngoặc kép: `title: \"*Khẩn* trả hồ sơ trễ hạn\"` [yaml]",
    ]),
    Mistake(name: "a value starting with [", file: replacing(2, with: "title: [Khẩn] Trả hồ sơ trễ hạn"), expected: [
        "2:8: error: giá trị bắt đầu bằng `[` được đọc là một danh sách viết trên một dòng — nếu là chữ, đặt cả giá trị trong ngoặc kép: `title: \"[Khẩn] Trả hồ sơ trễ hạn\"` [yaml]",
    ]),
    Mistake(name: "a value starting with >", file: replacing(2, with: "title: > 30 ngày chưa trả hồ sơ"), expected: [
        "2:8: error: giá trị bắt đầu bằng `>` được đọc là một đoạn nhiều dòng — nếu là chữ, đặt trong ngoặc kép: `title: \"> 30 ngày chưa trả hồ sơ\"`; muốn viết nhiều dòng thì để `title: |` một mình trên dòng và viết các dòng bên dưới, thụt vào hai dấu cách [yaml]",
    ]),
    Mistake(name: "a value starting with !", file: replacing(2, with: "title: !Quan trọng: trả hồ sơ trễ"), expected: [
        "2:8: error: giá trị bắt đầu bằng `!`, ký tự có nghĩa riêng trong YAML — đặt cả giá trị trong ngoặc kép: `title: \"!Quan trọng: trả hồ sơ trễ\"` [yaml]",
    ]),
    Mistake(name: "an action missing its closing brace", file: adding("actions:", "  - {what: Rà soát quy trình, owner: Trần Thị Bình, due: 30/04/2025"), expected: [
        "10:68: error: thiếu dấu `}` đóng cho dấu `{` mở trên dòng này — thêm `}` ở cuối dòng; mỗi mục `{…}` mở và đóng trên cùng một dòng [yaml]",
    ]),
    Mistake(name: "a colon inside an action's braces", file: adding("actions:", "  - {what: Rà soát: quy trình tiếp nhận, owner: Trần Thị Bình}"), expected: [
        "10:19: error: giá trị `Rà soát: quy trình tiếp nhận` trong `{…}` có dấu hai chấm — đặt nó trong ngoặc kép: \"Rà soát: quy trình tiếp nhận\" [yaml]",
    ]),
    Mistake(name: "a backslash inside double quotes", file: adding("x_noi_luu: \"D:\\Một cửa\\2025\""), expected: [
        "9:15: error: trong ngoặc kép, dấu `\\` bắt đầu một ký tự đặc biệt — viết `\\\\` cho một dấu `\\`, hoặc đặt giá trị trong ngoặc đơn `'…'` [yaml]",
    ]),
    Mistake(name: "a list item where a key is expected", file: adding("- what: Rà soát quy trình tiếp nhận hồ sơ"), expected: [
        "9:1: error: mục danh sách `- ` không thuộc khóa nào — đặt nó dưới tên danh sách (ví dụ `actions:`), thụt vào hai dấu cách [yaml]",
    ]),
    Mistake(name: "a key written twice", file: adding("unit: van-phong"), expected: [
        "9:1: error: đơn vị (`unit`) được ghi hai lần (lần đầu ở dòng 5); giữ lại một [duplicate-key]",
    ]),
    Mistake(name: "a control character pasted from a word processor", file: replacing(2, with: "title: Trả kết quả\u{0B}hồ sơ trễ hạn"), expected: [
        "2:19: error: có ký tự điều khiển U+000B, không nhìn thấy (thường do sao chép từ Word hoặc PDF) — xóa ký tự đó hoặc gõ lại dòng này [yaml]",
    ]),
    Mistake(name: "the closing --- left out", file: "---\n" + valid.joined(separator: "\n") + "\n\n## Nội dung yêu cầu\n\nCông dân phản ánh hồ sơ trả trễ.\n", expected: [
        "8:1: error: phần khai báo đầu tệp chưa được đóng: thêm một dòng `---` sau dòng 8 [front-matter-not-closed]",
    ]),
    Mistake(name: "the closing --- turned into a dash by an editor", file: "---\n" + valid.joined(separator: "\n") + "\n—\n\n## Nội dung yêu cầu\n", expected: [
        "9:1: error: dòng `—` có vẻ là dòng đóng phần khai báo nhưng phải viết đúng ba dấu gạch ngang `---` (trình soạn thảo có thể đã đổi `---` thành `—`) [front-matter-dash]",
    ]),
]

/// Words of libyaml's own messages: none may reach a clerk.
private let libyamlWords = [
    "mapping values", "could not find expected", "did not find expected", "while scanning", "while parsing",
    "found character", "found unexpected", "found a tab", "block sequence", "this context", "cannot start any token",
    "quoted scalar", "simple key", "flow mapping", "flow sequence", "escape character", "invalid YAML",
]

/// The fixture's diagnostics as `line:column: severity: message [rule]`, in `language`.
private func diagnostics(_ fixture: Fixture, _ language: Language = .vi) -> [String] {
    fixture.diagnostics(today: "2025-12-15", language: language).map { $0.hasPrefix(path + ":") ? String($0.dropFirst(path.count + 1)) : $0 }
}

@Suite struct YAMLMistakeTests {
    @Test(arguments: clerkMistakes) func eachMistakeIsToldInVietnameseAtItsLine(_ mistake: Mistake) {
        #expect(diagnostics(ward("-- \(path) --\n" + mistake.file)) == mistake.expected)
    }

    @Test func theGuideShowsEveryMessage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("docs/huong-dan.md"), encoding: .utf8)
        let section = try #require(guide.range(of: "## Lỗi thường gặp").map { String(guide[$0.lowerBound...]) })
        for mistake in clerkMistakes {
            for line in mistake.expected {
                // `line:column: severity: ` … ` [rule]`
                let message = line.split(separator: ": ", maxSplits: 2).last.map { $0.prefix(upTo: $0.range(of: " [", options: .backwards)!.lowerBound) }
                #expect(message.map { section.contains($0) } == true, "\(mistake.name): \(line)")
            }
        }
    }

    @Test func noMessageHoldsLibyamlWords() {
        #expect(clerkMistakes.count >= 20)
        for mistake in clerkMistakes {
            for language in Language.allCases {
                for line in diagnostics(ward("-- \(path) --\n" + mistake.file), language) {
                    for word in libyamlWords { #expect(!line.contains(word), "\(mistake.name): \(line)") }
                }
            }
        }
    }

    @Test func inEnglishToo() {
        func english(_ file: String) -> [String] { diagnostics(ward("-- \(path) --\n" + file), .en) }
        #expect(english(replacing(5, with: "unit:tthcc")) == [
            "5:6: error: no space after the colon in `unit:tthcc` — write `unit: tthcc` [yaml]",
        ])
        #expect(english(replacing(2, with: "title: Lỗi: trả hồ sơ trễ hạn")) == [
            "2:11: error: the value of `title` holds a colon and a space (`: `) — put the whole value in double quotes: `title: \"Lỗi: trả hồ sơ trễ hạn\"` [yaml]",
        ])
        #expect(english("---\n" + valid.joined(separator: "\n") + "\n\n## Nội dung yêu cầu\n") == [
            "8:1: error: front-matter is not closed: add a line `---` after line 8 [front-matter-not-closed]",
        ])
    }

    @Test func aMistakeInSiteYmlIsAtItsLine() {
        let broken = """
        -- site.yml --
        organisation: UBND phường Ninh Hòa
        units:
          - code: tthcc
           name: Trung tâm Phục vụ hành chính công
        """
        #expect(Fixture(broken).diagnostics(today: "2025-12-15", language: .vi) == [
            "site.yml:4:4: error: dòng này nằm trong danh sách nhưng thụt lề không khớp — khóa của một mục thẳng cột với khóa đầu tiên sau `- ` (cột 5); mục mới bắt đầu bằng `- ` thẳng cột với các dấu `-` (cột 3); khóa không thuộc danh sách thì thẳng cột với tên danh sách [yaml]",
        ])
    }

    @Test func aValueCutByACommentIsStillRead() throws {
        let fixture = ward("-- \(path) --\n" + replacing(2, with: "title: Hồ sơ #12 trả trễ hạn"))
        let checked = fixture.check(today: "2025-12-15")
        #expect(checked.diagnostics.map(\.rule.id) == ["yaml-comment"])
        #expect(checked.diagnostics.first?.severity == .warning)
        #expect(checked.content.requests.first?.title == "Hồ sơ")
    }

    @Test func commentsAfterCodesAndDatesAreNotMistakes() {
        // As `caitien new ticket` writes them.
        let scaffolded = file([
            "title: \"Trả kết quả hồ sơ trễ hạn\"", "kind: nonconformity  # nonconformity (sự KPH) | potential | improvement",
            "source: internal_audit  # nguồn phát sinh (5.1.2)", "unit: tthcc  # mã đơn vị trong site.yml",
            "category: \"trả kết quả trễ hạn\"  # nội dung KPH", "opened: 04/03/2025  # ngày mở phiếu (5.2.1)",
            "reported_by: \"Lê Văn Cường\"", "# due: dd/mm/yyyy",
        ])
        #expect(diagnostics(ward("-- \(path) --\n" + scaffolded)).isEmpty)
    }
}
