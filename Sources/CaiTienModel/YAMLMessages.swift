// The `{problem}` of the rules `yaml` and `yaml-comment` (Rules.swift): what a clerk wrote wrong
// in the front-matter's YAML and how to write it, in both languages, with the fix written out
// from the clerk's own line. libyaml's words never appear here.

extension YAMLMistake {
    /// The rule broken: `yaml-comment` (a warning: the record is still read) for a value cut by a
    /// comment, `yaml` for the rest.
    public var rule: Rule {
        switch self {
        case .valueIsComment, .valueCutByComment: return .yamlComment
        default: return .yaml
        }
    }

    /// What is wrong and how to write it. `lineOffset` turns the YAML's line numbers into the file's.
    public func problem(lineOffset: Int = 0) -> Phrase {
        switch self {
        case .tabIndent:
            return Phrase(
                vi: "thụt lề bằng phím Tab: phần khai báo chỉ thụt lề bằng dấu cách — xóa Tab ở đầu dòng, gõ dấu cách (2 dấu cách mỗi cấp)",
                en: "indented with a tab: the front-matter is indented with spaces only — replace the tab at the start of the line with spaces (2 per level)")
        case .noSpaceAfterColon(let written, let fixed):
            return Phrase(
                vi: "thiếu dấu cách sau dấu hai chấm trong `\(written)` — viết `\(fixed)`",
                en: "no space after the colon in `\(written)` — write `\(fixed)`")
        case .fullWidthColon(let written, let fixed):
            return Phrase(
                vi: "`\(written)` dùng dấu hai chấm toàn khổ `：` của bộ gõ — viết dấu hai chấm thường và một dấu cách: `\(fixed)`",
                en: "`\(written)` uses the full-width colon `：` of an input method — write a plain colon and a space: `\(fixed)`")
        case .noColon(let written, let fixed?):
            return Phrase(
                vi: "dòng `\(written)` thiếu dấu hai chấm sau tên khóa — viết `\(fixed)`",
                en: "the line `\(written)` lacks the colon after the key — write `\(fixed)`")
        case .noColon(let written, nil):
            return Phrase(
                vi: "dòng `\(written)` không có dạng `khóa: giá trị` — nếu là phần tiếp theo của giá trị ở dòng trên, viết nối vào dòng đó; nếu là ghi chú, bắt đầu dòng bằng `# `",
                en: "the line `\(written)` is not `key: value` — if it continues the value on the line above, join it to that line; if it is a note, start it with `# `")
        case .colonInValue(let key, let value):
            return Phrase(
                vi: "giá trị của `\(key)` có dấu hai chấm và dấu cách (`: `) — đặt cả giá trị trong ngoặc kép: `\(key): \(quotedValue(value))`",
                en: "the value of `\(key)` holds a colon and a space (`: `) — put the whole value in double quotes: `\(key): \(quotedValue(value))`")
        case .continuedValue(let key, let line, let column):
            return Phrase(
                vi: "dòng này thụt vào sâu hơn khóa `\(key)` (dòng \(line + lineOffset)) nên được đọc là phần tiếp theo của giá trị `\(key)`, nhưng lại có dấu hai chấm — nếu là một khóa riêng, cho nó thẳng cột với `\(key)` (cột \(column)); nếu là phần tiếp theo của giá trị, viết cả giá trị trên một dòng, trong ngoặc kép",
                en: "this line is indented under `\(key)` (line \(line + lineOffset)), so it is read as the rest of its value, yet it holds a colon — if it is a key of its own, line it up with `\(key)` (column \(column)); if it continues the value, write the whole value on one line, in double quotes")
        case .unclosedQuote(let quote) where quote == "'":
            return Phrase(
                vi: "dấu nháy đơn `'` mở ở đây không được đóng — thêm `'` ở cuối giá trị, trên cùng dòng (dấu nháy bên trong ngoặc đơn viết thành hai dấu `''`)",
                en: "the single quote `'` opened here is never closed — add `'` at the end of the value, on the same line (a quote inside single quotes is written `''`)")
        case .unclosedQuote:
            return Phrase(
                vi: "dấu ngoặc kép `\"` mở ở đây không được đóng — thêm `\"` ở cuối giá trị, trên cùng dòng (giá trị có dấu `\"` bên trong thì đặt trong ngoặc đơn `'…'`)",
                en: "the double quote `\"` opened here is never closed — add `\"` at the end of the value, on the same line (a value holding `\"` goes in single quotes `'…'`)")
        case .textAfterQuote(let key, let value):
            let fix = (key.map { "\($0): " } ?? "") + singleQuoted(unwrapped(value))
            return Phrase(
                vi: "có chữ sau dấu ngoặc đóng — cả giá trị phải nằm trong một cặp ngoặc; giá trị có dấu `\"` bên trong thì đặt trong ngoặc đơn: `\(fix)`",
                en: "text follows the closing quote — the whole value goes inside one pair of quotes; a value holding `\"` goes in single quotes: `\(fix)`")
        case .specialFirstCharacter(let character, let key, let value):
            let fix = "`" + (key.map { "\($0): " } ?? "") + quotedValue(value) + "`"
            switch character {
            case "-":
                return Phrase(
                    vi: "giá trị bắt đầu bằng `- ` được đọc là một danh sách — nếu là danh sách, xuống dòng sau `\(key ?? "khóa"):` và viết mỗi mục `- …` trên một dòng, thụt vào hai dấu cách; nếu là chữ, đặt trong ngoặc kép: \(fix)",
                    en: "a value starting with `- ` is read as a list — for a list, end the line after `\(key ?? "key"):` and write each item `- …` on a line of its own, indented by two spaces; for text, use double quotes: \(fix)")
            case "[", "{":
                let (viWhat, enWhat) = character == "[" ? ("một danh sách", "a list") : ("một nhóm khóa", "a group of keys")
                return Phrase(
                    vi: "giá trị bắt đầu bằng `\(character)` được đọc là \(viWhat) viết trên một dòng — nếu là chữ, đặt cả giá trị trong ngoặc kép: \(fix)",
                    en: "a value starting with `\(character)` is read as \(enWhat) on one line — for text, put the whole value in double quotes: \(fix)")
            case "|", ">":
                return Phrase(
                    vi: "giá trị bắt đầu bằng `\(character)` được đọc là một đoạn nhiều dòng — nếu là chữ, đặt trong ngoặc kép: \(fix); muốn viết nhiều dòng thì để `\(key ?? "khóa"): |` một mình trên dòng và viết các dòng bên dưới, thụt vào hai dấu cách",
                    en: "a value starting with `\(character)` is read as a block of lines — for text, use double quotes: \(fix); for several lines, leave `\(key ?? "key"): |` alone on its line and write the lines below it, indented by two spaces")
            default:
                return Phrase(
                    vi: "giá trị bắt đầu bằng `\(character)`, ký tự có nghĩa riêng trong YAML — đặt cả giá trị trong ngoặc kép: \(fix)",
                    en: "the value starts with `\(character)`, which YAML reads as syntax — put the whole value in double quotes: \(fix)")
            }
        case .listItemKeyIndent(let column, let dashColumn):
            return Phrase(
                vi: "dòng này nằm trong danh sách nhưng thụt lề không khớp — khóa của một mục thẳng cột với khóa đầu tiên sau `- ` (cột \(column)); mục mới bắt đầu bằng `- ` thẳng cột với các dấu `-` (cột \(dashColumn)); khóa không thuộc danh sách thì thẳng cột với tên danh sách",
                en: "this line is inside a list but not lined up — a key of an item lines up with the item's first key after `- ` (column \(column)); a new item starts with `- ` under the other dashes (column \(dashColumn)); a key outside the list lines up with the list's name")
        case .noSpaceAfterDash(let written, let fixed):
            return Phrase(
                vi: "thiếu dấu cách sau dấu `-` của mục danh sách trong `\(written)` — viết `\(fixed)`",
                en: "no space after the list item's `-` in `\(written)` — write `\(fixed)`")
        case .listItemsNotAligned(let column):
            return Phrase(
                vi: "các mục `- ` của một danh sách phải thẳng cột với nhau — dấu `-` của mục trước ở cột \(column)",
                en: "the items `- ` of a list line up — the dash of the item before is at column \(column)")
        case .keyIndent(let line, let column):
            return Phrase(
                vi: "thụt lề không khớp với các khóa cùng cấp — khóa ở dòng \(line + lineOffset) bắt đầu ở cột \(column); khóa cấp ngoài cùng thì không thụt lề",
                en: "not lined up with the keys of its level — the key on line \(line + lineOffset) starts at column \(column); top-level keys are not indented")
        case .listWithoutKey:
            return Phrase(
                vi: "mục danh sách `- ` không thuộc khóa nào — đặt nó dưới tên danh sách (ví dụ `actions:`), thụt vào hai dấu cách",
                en: "a list item `- ` that belongs to no key — put it under the list's name (e.g. `actions:`), indented by two spaces")
        case .unclosedBracket(let open, let close):
            return Phrase(
                vi: "thiếu dấu `\(close)` đóng cho dấu `\(open)` mở trên dòng này — thêm `\(close)` ở cuối dòng; mỗi mục `\(open)…\(close)` mở và đóng trên cùng một dòng",
                en: "the `\(open)` opened on this line is never closed — add `\(close)` at the end of the line; each `\(open)…\(close)` opens and closes on one line")
        case .colonInBracket(let value):
            return Phrase(
                vi: "giá trị `\(value)` trong `{…}` có dấu hai chấm — đặt nó trong ngoặc kép: \(quotedValue(value))",
                en: "the value `\(value)` inside `{…}` holds a colon — put it in double quotes: \(quotedValue(value))")
        case .badEscape:
            return Phrase(
                vi: "trong ngoặc kép, dấu `\\` bắt đầu một ký tự đặc biệt — viết `\\\\` cho một dấu `\\`, hoặc đặt giá trị trong ngoặc đơn `'…'`",
                en: "inside double quotes `\\` starts an escape — write `\\\\` for one `\\`, or put the value in single quotes `'…'`")
        case .controlCharacter(let code):
            var hex = String(code, radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            let name = "U+" + hex
            return Phrase(
                vi: "có ký tự điều khiển \(name), không nhìn thấy (thường do sao chép từ Word hoặc PDF) — xóa ký tự đó hoặc gõ lại dòng này",
                en: "a control character \(name), invisible (often pasted from a word processor or a PDF) — delete it or type the line again")
        case .unexpectedCharacter(let character):
            return Phrase(
                vi: "không đọc được từ ký tự `\(character)` ở đây — kiểm tra dấu ngoặc, dấu phẩy và dấu hai chấm; giá trị có ký tự đặc biệt thì đặt trong ngoặc kép",
                en: "cannot read on from `\(character)` here — check the brackets, commas and colons; a value with special characters goes in double quotes")
        case .unreadable:
            return Phrase(
                vi: "không đọc được phần khai báo ở đây — kiểm tra dấu hai chấm (sau tên khóa có một dấu cách), dấu ngoặc (phải đóng) và thụt lề (bằng dấu cách, thẳng cột)",
                en: "the front-matter cannot be read here — check the colons (a space after each key), the quotes (closed) and the indentation (spaces, lined up)")
        case .tooDeep(let limit):
            return Phrase(
                vi: "phần khai báo lồng nhau quá \(limit) cấp — kiểm tra thụt lề",
                en: "the front-matter is nested deeper than \(limit) levels — check the indentation")
        case .multipleDocuments:
            return Phrase(
                vi: "phần khai báo chỉ có một khối `khóa: giá trị` — xóa dòng `---` hoặc `...` thừa",
                en: "the front-matter is one block of `key: value` lines — remove the extra `---` or `...` line")
        case .valueIsComment(let key, let comment):
            return Phrase(
                vi: "giá trị của `\(key)` bắt đầu bằng `#` nên bị đọc là chú thích, khóa bị bỏ trống — đặt cả giá trị trong ngoặc kép: `\(key): \(quotedValue(comment))`",
                en: "the value of `\(key)` starts with `#`, so it is read as a comment and the key is left empty — put the whole value in double quotes: `\(key): \(quotedValue(comment))`")
        case .valueCutByComment(let key, let kept, let comment):
            return Phrase(
                vi: "phần `\(comment)` bị đọc là chú thích nên `\(key)` chỉ còn `\(kept)` — nếu `#` là một phần của giá trị, đặt cả giá trị trong ngoặc kép: `\(key): \(quotedValue(kept + " " + comment))`",
                en: "`\(comment)` is read as a comment, so `\(key)` is only `\(kept)` — if `#` belongs to the value, put the whole value in double quotes: `\(key): \(quotedValue(kept + " " + comment))`")
        }
    }
}

/// A value as YAML text in double quotes (single quotes when it holds a double quote), for
/// a message's example of the fix.
func quotedValue(_ value: String) -> String {
    if value.contains("\"") { return singleQuoted(value) }
    var out = "\""
    for ch in value {
        if ch == "\\" { out += "\\\\" } else { out.append(ch) }
    }
    return out + "\""
}

func singleQuoted(_ value: String) -> String {
    var out = "'"
    for ch in value {
        if ch == "'" { out += "''" } else { out.append(ch) }
    }
    return out + "'"
}

/// `"Hồ sơ "khẩn" trễ"` → `Hồ sơ "khẩn" trễ`: the outer quotes of a value written inside
/// quotes that it also holds.
func unwrapped(_ value: String) -> String {
    guard value.count > 1, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
    return String(value.dropFirst().dropLast())
}
