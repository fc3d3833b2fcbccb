// Every rule of the content, once: id, severity, message in Vietnamese and English, and an
// explanation with an example of the fix. Diagnostics name these; no rule id is written
// anywhere else. Messages say what is wrong and how to fix it, in the words of QT.CTCL; dates in
// messages are dd/mm/yyyy in both languages, as the records write them.

extension Rule {
    // MARK: Files and folders

    public static let noContent = Rule(
        "no-content", .error,
        vi: "không có thư mục hồ sơ ở đây; chỉ ra thư mục bằng --content, hoặc tạo site mới bằng `caitien init`",
        en: "no content folder here; give one with --content or create it with `caitien init`",
        explain: Phrase(
            vi: "caitien đọc hồ sơ trong thư mục nội dung: mặc định là `content` trong thư mục đang đứng. Thư mục này chứa site.yml và các thư mục tickets/, reviews/, objectives/.",
            en: "caitien reads the records from the content folder: `content` in the working folder unless --content names another. It holds site.yml and the folders tickets/, reviews/ and objectives/."),
        wrong: "caitien check --content ho-so", right: "caitien check --content content\n# hoặc / or: caitien init phuong-ninh-hoa")

    public static let noSite = Rule(
        "no-site", .error,
        vi: "thiếu tệp site.yml: tệp này ghi tên cơ quan và các đơn vị",
        en: "site.yml is missing: it names the organisation and its units",
        explain: Phrase(
            vi: "Mỗi site có tệp content/site.yml ghi tên cơ quan, các đơn vị (mã và tên) và các thiết lập. `caitien init` tạo sẵn tệp này.",
            en: "Every site has content/site.yml with the organisation, its units (code and name) and settings. `caitien init` writes one."),
        wrong: "content/\n  tickets/", right: "# content/site.yml\norganisation: UBND phường Ninh Hòa\nunits:\n  - code: van-phong\n    name: Văn phòng HĐND và UBND")

    public static let symlink = Rule(
        "symlink", .error,
        vi: "là liên kết tượng trưng (symbolic link); caitien không đi theo liên kết trong thư mục hồ sơ — đặt chính tệp hoặc thư mục vào đây",
        en: "is a symbolic link; links are never followed in content — replace it with the file or folder itself",
        explain: Phrase(
            vi: "Một liên kết có thể trỏ ra ngoài thư mục hồ sơ; caitien không bao giờ đọc qua liên kết. Chép chính tệp hoặc thư mục vào chỗ của liên kết.",
            en: "A link may point outside the content folder, so caitien never reads through one. Put the file or folder itself where the link is."),
        wrong: "tickets/2025 -> /mnt/usb/phieu-2025", right: "rm tickets/2025 && cp -r /mnt/usb/phieu-2025 tickets/2025")

    public static let tooDeep = Rule(
        "too-deep", .error,
        vi: "thư mục lồng sâu quá 8 cấp; đưa hồ sơ lên cấp nông hơn",
        en: "folders nested deeper than 8 levels; keep records at most 8 folders deep",
        explain: Phrase(
            vi: "Thư mục hồ sơ được chia theo năm hoặc theo đơn vị; không cần lồng quá 8 cấp.",
            en: "Record folders are split by year or by unit; no record needs more than 8 levels."),
        wrong: "tickets/2025/a/b/c/d/e/f/g/PYC-2025-001.md", right: "tickets/2025/PYC-2025-001.md")

    public static let notAFile = Rule(
        "not-a-file", .error,
        vi: "không phải tệp thông thường (thiết bị, ống FIFO…) — xóa nó khỏi thư mục hồ sơ",
        en: "is not a regular file — remove it from the record folder",
        explain: Phrase(vi: "Hồ sơ là tệp văn bản `.md`. Một thiết bị hay ống FIFO mang tên `.md` không đọc được.",
                        en: "A record is a `.md` text file. A device or FIFO named `.md` cannot be read as one."),
        wrong: "mkfifo tickets/PYC-2025-001.md", right: "rm tickets/PYC-2025-001.md")

    public static let unreadable = Rule(
        "unreadable", .error,
        vi: "{problem}; kiểm tra quyền đọc của tệp hoặc thư mục",
        en: "{problem}; check the file's or folder's permissions",
        explain: Phrase(vi: "Hệ điều hành không cho đọc tệp hoặc thư mục này, thường do quyền truy cập.",
                        en: "The system refused to read this file or folder, most often for its permissions."),
        wrong: "-rw------- root root tickets/2025/PYC-2025-001.md", right: "chmod a+r tickets/2025/PYC-2025-001.md")

    public static let tooLarge = Rule(
        "too-large", .error,
        vi: "tệp dài {size} byte, quá giới hạn 1048576 byte: mỗi hồ sơ tối đa 1 MiB — để tệp đính kèm (ảnh, bản quét) ngoài hồ sơ",
        en: "file is {size} bytes, over the limit of 1048576 bytes; a record is at most 1 MiB — move attachments out of the record",
        explain: Phrase(
            vi: "Hồ sơ là văn bản ngắn. Ảnh hay bản quét được dán vào (base64) làm tệp quá lớn: lưu chúng thành tệp riêng bên cạnh và ghi tên tệp trong hồ sơ.",
            en: "A record is short text. A picture or scan pasted in (base64) makes it too large: keep it as a file beside the record and name it in the text."),
        wrong: "![biên bản](data:image/png;base64,iVBORw0KGgo…)", right: "Biên bản: xem tệp PYC-2025-001-bien-ban.pdf bên cạnh.")

    public static let notRead = Rule(
        "not-read", .warning,
        vi: "`{name}` không được đọc: chỉ tệp có tên kết thúc bằng `.md` (chữ thường) mới là hồ sơ — đổi tên thành `{fixed}`, hoặc thêm `_` vào đầu tên để để riêng",
        en: "`{name}` is not read: only a file whose name ends in `.md` (lower case) is a record — rename it `{fixed}`, or start its name with `_` to keep it aside",
        explain: Phrase(
            vi: "Tệp tên `.MD`, `.markdown`, `.md.txt` hay `.txt` trông như hồ sơ nhưng không được đọc, nên phiếu đó không có trên bảng điều khiển. Tệp bằng chứng (.pdf, .jpg…) không bị nhắc.",
            en: "A file named `.MD`, `.markdown`, `.md.txt` or `.txt` looks like a record but is not read, so it is missing from the dashboard. Evidence files (.pdf, .jpg…) are left alone."),
        wrong: "tickets/2025/PYC-2025-004.MD", right: "tickets/2025/PYC-2025-004.md")

    // MARK: Text and front-matter

    public static let encoding = Rule(
        "encoding", .error,
        vi: "tệp không phải UTF-8 (byte 0x{byte} ở vị trí byte {offset}); lưu lại tệp với bảng mã UTF-8",
        en: "invalid UTF-8 (byte 0x{byte} at byte offset {offset}); save the file as UTF-8",
        explain: Phrase(
            vi: "Hồ sơ được lưu bằng UTF-8. Trình soạn thảo cũ có thể lưu bằng Windows-1258 hay TCVN3: mở tệp và chọn Lưu với bảng mã UTF-8.",
            en: "Records are saved as UTF-8. An old editor may save Windows-1258 or TCVN3: open the file and save it with the UTF-8 encoding."),
        wrong: "title: Đơn của ông Nguy\\xEAn (Windows-1258)", right: "title: Đơn của ông Nguyễn (UTF-8)")

    public static let nulByte = Rule(
        "nul-byte", .error,
        vi: "có byte NUL ở vị trí byte {offset}: đây không phải tệp văn bản",
        en: "NUL byte at byte offset {offset}: this is not a text file",
        explain: Phrase(vi: "Tệp văn bản không chứa byte 0. Tệp này có lẽ là tệp Word hay tệp nhị phân đặt tên `.md`.",
                        en: "A text file holds no zero byte. This is probably a Word or other binary file named `.md`."),
        wrong: "PYC-2025-001.md (tệp .docx đổi tên)", right: "PYC-2025-001.md (văn bản: --- / title: … / ---)")

    public static let emptyFile = Rule(
        "empty-file", .error,
        vi: "tệp trống: hồ sơ bắt đầu bằng dòng `---`, tiếp theo là các dòng `khóa: giá trị`, rồi một dòng `---`",
        en: "empty file: a record starts with a line `---`, its front-matter, and another `---`",
        explain: Phrase(vi: "Một tệp hồ sơ trống không phải là phiếu. Điền hồ sơ, hoặc xóa tệp; `caitien new ticket` tạo phiếu mẫu.",
                        en: "An empty record file is no record. Fill it in or delete it; `caitien new ticket` writes a filled-in one."),
        wrong: "(tệp trống)", right: "---\ntitle: …\nkind: improvement\n---")

    public static let noFrontMatter = Rule(
        "no-front-matter", .error,
        vi: "thiếu phần khai báo đầu tệp: dòng đầu tiên phải là `---`, tiếp theo là các dòng `khóa: giá trị` và một dòng `---`",
        en: "missing front-matter: the first line must be `---`, followed by the `key: value` lines and another `---`",
        explain: Phrase(
            vi: "Mỗi hồ sơ bắt đầu bằng phần khai báo giữa hai dòng `---`, sau đó mới đến nội dung văn bản.",
            en: "Every record starts with its front-matter between two lines `---`; the text follows."),
        wrong: "title: Hồ sơ trả trễ hạn\nkind: nonconformity", right: "---\ntitle: Hồ sơ trả trễ hạn\nkind: nonconformity\n---")

    public static let frontMatterNotClosed = Rule(
        "front-matter-not-closed", .error,
        vi: "phần khai báo đầu tệp chưa được đóng: thêm một dòng `---` sau dòng {line}",
        en: "front-matter is not closed: add a line `---` after line {line}",
        explain: Phrase(vi: "Phần khai báo kết thúc bằng một dòng chỉ có `---`; thiếu dòng này thì cả tệp bị coi là khai báo.",
                        en: "The front-matter ends with a line holding only `---`; without it the whole file would be read as front-matter."),
        wrong: "---\ntitle: Hồ sơ trả trễ hạn\n## Nội dung yêu cầu", right: "---\ntitle: Hồ sơ trả trễ hạn\n---\n## Nội dung yêu cầu")

    public static let frontMatterDash = Rule(
        "front-matter-dash", .error,
        vi: "dòng `{written}` có vẻ là dòng đóng phần khai báo nhưng phải viết đúng ba dấu gạch ngang `---` (trình soạn thảo có thể đã đổi `---` thành `—`)",
        en: "the line `{written}` looks like the closing line of the front-matter but must be exactly three hyphens `---` (an editor may have turned `---` into `—`)",
        explain: Phrase(vi: "Word và một số trình soạn thảo trên điện thoại tự đổi ba dấu gạch ngang thành một dấu gạch dài; dòng đóng phần khai báo phải đúng là `---`.",
                        en: "Word and some phone editors turn three hyphens into a dash; the line closing the front-matter must be exactly `---`."),
        wrong: "---\ntitle: Hồ sơ trả trễ hạn\n—", right: "---\ntitle: Hồ sơ trả trễ hạn\n---")

    public static let yaml = Rule(
        "yaml", .error,
        vi: "{problem}", en: "{problem}",
        explain: Phrase(
            vi: "Phần khai báo được viết theo YAML: mỗi dòng `khóa: giá trị`, có một dấu cách sau dấu hai chấm, thụt lề bằng dấu cách (không dùng tab). Giá trị có dấu `:` hay `#` thì đặt trong ngoặc kép. Các lỗi hay gặp và cách sửa: mục \"Lỗi thường gặp\" của hướng dẫn (docs/huong-dan.md).",
            en: "The front-matter is YAML: one `key: value` a line, a space after the colon, indented with spaces (never tabs). A value holding `:` or `#` goes in double quotes. The usual mistakes and their fixes: \"Lỗi thường gặp\" in the guide (docs/huong-dan.md)."),
        wrong: "title: Hồ sơ: trả trễ hạn\nunit:tthcc", right: "title: \"Hồ sơ: trả trễ hạn\"\nunit: tthcc")

    public static let yamlComment = Rule(
        "yaml-comment", .warning,
        vi: "{problem}", en: "{problem}",
        explain: Phrase(
            vi: "Trong phần khai báo, `#` sau một dấu cách bắt đầu phần chú thích: chữ phía sau bị bỏ qua. Giá trị có `#` thì đặt trong ngoặc kép. Chú thích sau một mã hay một ngày (như `caitien new ticket` viết) thì không sao.",
            en: "In the front-matter `#` after a space starts a comment: what follows is left out. A value holding `#` goes in double quotes. A comment after a code or a date (as `caitien new ticket` writes them) is fine."),
        wrong: "title: Hồ sơ #12 trả trễ hạn", right: "title: \"Hồ sơ #12 trả trễ hạn\"")

    public static let markdownImages = Rule(
        "markdown-images", .error,
        vi: "{where}đoạn văn có {openers} dấu mở ảnh `![` và {closers} dấu `]`; hiển thị sẽ mất nhiều giây — đóng mỗi ảnh dạng `![mô tả](địa chỉ)`, viết `\\!` cho dấu `!` thường, hoặc tách đoạn văn",
        en: "{where}Markdown paragraph with {openers} image openers `![` and {closers} `]`; cmark would take seconds — close each image as `![text](address)`, write `\\!` for a plain `!`, or split the paragraph",
        explain: Phrase(vi: "Nhiều `![` không đóng trong một đoạn văn làm trình hiển thị Markdown chạy rất lâu, nên đoạn văn bị từ chối.",
                        en: "Many unclosed `![` in one paragraph make the Markdown renderer run for a very long time, so the paragraph is refused."),
        wrong: "Chú ý![![![![ …", right: "Chú ý\\! Xem ảnh: ![biên bản](bien-ban.jpg)")

    public static let markdownNesting = Rule(
        "markdown-nesting", .error,
        vi: "{where}Markdown lồng {depth} cấp ở dòng này; hiển thị sẽ mất nhiều giây — giảm cấp của danh sách hoặc trích dẫn (tối đa {limit} cấp)",
        en: "{where}Markdown nested {depth} levels deep at this line; cmark would take seconds — flatten the list or quote (at most {limit} levels)",
        explain: Phrase(vi: "Danh sách hay trích dẫn lồng quá sâu làm trình hiển thị chạy rất lâu. Hồ sơ không cần quá vài cấp.",
                        en: "Lists or quotes nested very deep make the renderer run for a very long time. A record needs a few levels at most."),
        wrong: "> > > > > > > … (40 cấp)", right: "> Trích biên bản: …")

    public static let markdownDense = Rule(
        "markdown-dense", .error,
        vi: "{where}Markdown quá dày: hơn {limit} dòng và ký hiệu (`*`, `_`, `[`, `]`, `!`, `<`, `` ` ``, `&`, `\\`) tính đến dòng này; hiển thị sẽ mất quá lâu — đưa dữ liệu lớn ra ngoài hồ sơ",
        en: "{where}Markdown too dense: more than {limit} lines and marks (`*`, `_`, `[`, `]`, `!`, `<`, `` ` ``, `&`, `\\`) by this line; cmark would take too long — move bulk data out of the record",
        explain: Phrase(vi: "Bảng số liệu hay danh sách rất dài nên để trong tệp riêng (bảng tính) bên cạnh hồ sơ.",
                        en: "Long tables of data or lists belong in a file of their own (a spreadsheet) beside the record."),
        wrong: "(100 000 dòng số liệu dán vào hồ sơ)", right: "Số liệu: xem tệp PYC-2025-001-so-lieu.xlsx bên cạnh.")

    public static let markdownLongNesting = Rule(
        "markdown-long-nesting", .error,
        vi: "{where}Markdown lồng {depth} cấp ở dòng này và theo sau là quá nhiều dòng bên trong; hiển thị sẽ mất nhiều giây — giảm cấp của danh sách hoặc trích dẫn, hoặc kết thúc bằng một dòng trống và văn bản không thụt lề",
        en: "{where}Markdown nested {depth} levels deep at this line and followed by too many lines inside the nesting; cmark would take seconds — flatten the list or quote, or end it with a blank line and unindented text",
        explain: Phrase(vi: "Một khối lồng nhiều cấp kéo dài hàng nghìn dòng làm trình hiển thị chạy rất lâu.",
                        en: "A deeply nested block running on for thousands of lines makes the renderer run for a very long time."),
        wrong: "- - - - - - - - - - mục\n  (hàng nghìn dòng)", right: "- mục\n\nVăn bản tiếp theo.")

    // MARK: Ids

    public static let badID = Rule(
        "bad-id", .error,
        vi: "tên tệp \"{name}\" là số hiệu của hồ sơ; chỉ dùng chữ cái không dấu, chữ số, `-`, `_` và `.` (ví dụ {example})",
        en: "the file name \"{name}\" gives the id; use only letters, digits, `-`, `_` and `.` (e.g. {example})",
        explain: Phrase(
            vi: "Tên tệp (bỏ `.md`) là số hiệu của hồ sơ và là tên trang của nó, nên chỉ dùng chữ không dấu, số, `-`, `_`, `.`.",
            en: "A file's name without `.md` is the record's id and the name of its page, so it uses only plain letters, digits, `-`, `_` and `.`."),
        wrong: "tickets/2025/Phiếu 01.md", right: "tickets/2025/PYC-2025-001.md")

    public static let duplicateID = Rule(
        "duplicate-id", .error,
        vi: "trùng số hiệu `{id}`: {other} có cùng tên tệp; số hiệu không được trùng, kể cả ở thư mục khác — đổi tên một tệp",
        en: "duplicate id `{id}`: {other} has the same file name; ids are unique across folders — rename one",
        explain: Phrase(vi: "Hai hồ sơ cùng loại không được có cùng số hiệu, dù nằm ở hai thư mục khác nhau: cả hai sẽ cùng một trang.",
                        en: "Two records of a kind may not share an id, even in different folders: both would be the same page."),
        wrong: "tickets/2024/PYC-001.md\ntickets/2025/PYC-001.md", right: "tickets/2024/PYC-2024-001.md\ntickets/2025/PYC-2025-001.md")

    public static let duplicateIDCase = Rule(
        "duplicate-id-case", .error,
        vi: "trùng số hiệu `{id}`: {other} có cùng tên, chỉ khác chữ hoa chữ thường (`{otherID}`), hai tệp sẽ đè nhau trên Windows, macOS và trong tệp zip — đổi tên một tệp",
        en: "duplicate id `{id}`: {other} has the same name but for upper and lower case (`{otherID}`), and the two collide on Windows, on macOS and in a zip — rename one",
        explain: Phrase(vi: "Windows, macOS và tệp zip coi `PYC-2025-002` và `pyc-2025-002` là một tên: một trong hai trang sẽ mất.",
                        en: "Windows, macOS and zip files take `PYC-2025-002` and `pyc-2025-002` for one name: one of the two pages would be lost."),
        wrong: "tickets/2025/PYC-2025-002.md\ntickets/2025/pyc-2025-002.md", right: "tickets/2025/PYC-2025-002.md\ntickets/2025/PYC-2025-003.md")

    public static let reservedID = Rule(
        "reserved-id", .error,
        vi: "tên tệp cho số hiệu `{id}`, là tên trang web tự dùng trong {folder}/ ({names}); đổi tên tệp, ví dụ {example}",
        en: "the file name gives the id `{id}`, a name the site uses itself in {folder}/ ({names}); rename the file, e.g. {example}",
        explain: Phrase(vi: "Trang web dùng sẵn một số tên: `tickets/index.html.md` sẽ đè bảng phiếu, `reviews/next.md` sẽ đè báo cáo 5.8.2.1.",
                        en: "The site uses some names itself: `tickets/index.html.md` would replace the request table, `reviews/next.md` the report of 5.8.2.1."),
        wrong: "reviews/next.md", right: "reviews/2026-06-30.md")

    public static let reservedCode = Rule(
        "reserved-code", .error,
        vi: "mã đơn vị `{code}` là tên trang web tự dùng trong units/; chọn mã khác, ví dụ `van-phong`",
        en: "unit code `{code}` is a name the site uses itself in units/; choose another, e.g. `van-phong`",
        explain: Phrase(vi: "Mã đơn vị là tên trang của đơn vị trong units/; một số tên đã được trang web dùng.",
                        en: "A unit's code names its page in units/; some names the site uses itself."),
        wrong: "units:\n  - code: index", right: "units:\n  - code: tong-hop")

    // MARK: Keys and values

    public static let notAMapping = Rule(
        "not-a-mapping", .error,
        vi: "{what} phải gồm các dòng `khóa: giá trị`", en: "{what} must be a mapping of `key: value` lines",
        explain: Phrase(vi: "Ở chỗ này cần các dòng `khóa: giá trị` (hoặc `{khóa: giá trị, …}`), không phải một giá trị hay một danh sách.",
                        en: "This place holds `key: value` lines (or `{key: value, …}`), not a single value or a list."),
        wrong: "actions:\n  - Tập huấn công chức", right: "actions:\n  - {what: Tập huấn công chức, owner: Võ Thị Kim Oanh, due: 30/04/2025}")

    public static let badKey = Rule(
        "bad-key", .error,
        vi: "khóa phải là chữ, không phải danh sách hay nhóm khóa", en: "a key must be plain text, not a list or mapping",
        explain: Phrase(vi: "Bên trái dấu hai chấm là tên khóa bằng chữ.", en: "Left of the colon is the key's name, as plain text."),
        wrong: "[title]: Hồ sơ trả trễ hạn", right: "title: Hồ sơ trả trễ hạn")

    public static let duplicateKey = Rule(
        "duplicate-key", .error,
        vi: "{field} được ghi hai lần (lần đầu ở dòng {line}); giữ lại một", en: "{field} is given twice (first on line {line}); keep one",
        explain: Phrase(vi: "Mỗi khóa chỉ ghi một lần; ghi hai lần thì không biết giá trị nào đúng.",
                        en: "Each key is written once; written twice, nobody knows which value holds."),
        wrong: "due: 30/04/2025\ndue: 15/05/2025", right: "due: 15/05/2025\nchanges:\n  - {date: 20/04/2025, note: Gia hạn đến 15/05/2025}")

    public static let noStatus = Rule(
        "no-status", .error,
        vi: "không dùng khóa `status`: giai đoạn của phiếu được tính từ các ngày đã ghi; {hint}, rồi xóa dòng `status`",
        en: "there is no `status` key: the stage is worked out from the dates filled in; {hint}, then delete `status`",
        explain: Phrase(
            vi: "Giai đoạn (mới mở, đã phân công, đang thực hiện, chờ kiểm tra xác nhận, đã đóng, đã hủy) được tính từ các ngày của từng bước, nên không thể mâu thuẫn với hồ sơ.",
            en: "The stage (open, assigned, in progress, verifying, closed, cancelled) is worked out from each step's date, so it can never contradict the record."),
        wrong: "status: đã đóng", right: "verified_on: 05/05/2025\nverified_by: Nguyễn Thị Hồng Hải\nresult: effective\nclosed: 06/05/2025")

    public static let unknownKey = Rule(
        "unknown-key", .error,
        vi: "khóa `{key}` không có trong {what}{suggestion} (khóa bắt đầu bằng `x_` được dùng tự do)",
        en: "unknown key `{key}` in {what}{suggestion} (keys starting with `x_` are free for local use)",
        explain: Phrase(
            vi: "Tên khóa viết bằng tiếng Anh, chữ thường, nối bằng `_`, như trong hướng dẫn. Khóa dùng riêng của phường thì bắt đầu bằng `x_`.",
            en: "Keys are English snake_case, as the guide lists them. A key for the ward's own use starts with `x_`."),
        wrong: "asigned_to: Võ Thị Kim Oanh\nso_bien_ban: 12/BB-ISO", right: "assigned_to: Võ Thị Kim Oanh\nx_so_bien_ban: 12/BB-ISO")

    public static let missingKey = Rule(
        "missing-key", .error,
        vi: "thiếu {field} — {hint}", en: "`{key}:` is required — {hint}",
        explain: Phrase(vi: "Khóa này bắt buộc với loại hồ sơ này.", en: "This key is required in this kind of record."),
        wrong: "---\ntitle: Hồ sơ trả trễ hạn\nkind: nonconformity\n---",
        right: "---\ntitle: Hồ sơ trả trễ hạn\nkind: nonconformity\nsource: internal_audit\nunit: tthcc\ncategory: trả kết quả trễ hạn\nopened: 04/03/2025\nreported_by: Lê Văn Cường\n---")

    public static let notText = Rule(
        "not-text", .error,
        vi: "{field} phải là một giá trị chữ, không phải danh sách hay nhóm khóa", en: "{field} must be a single text value, not a list or mapping",
        explain: Phrase(vi: "Khóa này nhận một giá trị; nhiều người hay nhiều ý thì viết trên cùng một dòng.",
                        en: "This key takes one value; several people or points go on one line."),
        wrong: "assigned_to:\n  - Võ Thị Kim Oanh\n  - Hồ Văn Sơn", right: "assigned_to: Võ Thị Kim Oanh, Hồ Văn Sơn")

    public static let notTextItem = Rule(
        "not-text-item", .error,
        vi: "mỗi mục của {field} phải là chữ", en: "each item of {field} must be text",
        explain: Phrase(vi: "Mỗi dòng `- ` của danh sách này là một giá trị chữ.", en: "Each `- ` line of this list is one text value."),
        wrong: "attendees:\n  - {name: Nguyễn Thị Hồng Hải}", right: "attendees:\n  - Nguyễn Thị Hồng Hải, Chủ tịch UBND phường")

    public static let badDate = Rule(
        "bad-date", .error,
        vi: "{field} là `{value}`, chưa đúng định dạng ngày: viết {dmy} hoặc {iso} (ngày/tháng/năm hoặc năm-tháng-ngày), và kiểm tra ngày có thật",
        en: "{field}: \"{value}\" is not a date; write YYYY-MM-DD or dd/mm/yyyy (e.g. {iso} or {dmy}), and check the day exists",
        explain: Phrase(
            vi: "Ngày viết dạng dd/mm/yyyy như trên giấy tờ (04/03/2025) hoặc yyyy-mm-dd (2025-03-04). Ngày không có thật như 31/02/2025 là lỗi.",
            en: "Dates are written dd/mm/yyyy as on paper (04/03/2025) or YYYY-MM-DD (2025-03-04). A day that does not exist, such as 31/02/2025, is an error."),
        wrong: "opened: 2025/12/01\ndue: 31/02/2026", right: "opened: 01/12/2025\ndue: 28/02/2026")

    public static let dateOutOfRange = Rule(
        "date-out-of-range", .error,
        vi: "{field} là `{value}`, ngoài khoảng năm 1900 đến 9999; kiểm tra lại năm",
        en: "{field}: \"{value}\" is not in the years 1900 to 9999; check the year",
        explain: Phrase(vi: "Năm ngoài 1900–9999 thường là gõ nhầm (0025 thay vì 2025).",
                        en: "A year outside 1900–9999 is most often a typo (0025 for 2025)."),
        wrong: "opened: 04/03/0025", right: "opened: 04/03/2025")

    public static let badValue = Rule(
        "bad-value", .error,
        vi: "{field} không nhận giá trị `{value}`; dùng một trong: {allowed}{suggestion}",
        en: "{field}: \"{value}\" is not allowed; use one of {allowed}{suggestion}",
        explain: Phrase(vi: "Khóa này chỉ nhận một số giá trị cố định, liệt kê trong thông báo.",
                        en: "This key takes one of a fixed set of values, listed in the message."),
        wrong: "kind: nonconformance", right: "kind: nonconformity")

    public static let badTimezone = Rule(
        "bad-timezone", .error,
        vi: "múi giờ (`timezone`) `{value}` không phải tên múi giờ, ví dụ `Asia/Ho_Chi_Minh`",
        en: "`timezone`: \"{value}\" is not a time zone name such as `Asia/Ho_Chi_Minh`",
        explain: Phrase(vi: "Múi giờ dùng tên theo cơ sở dữ liệu IANA; \"hôm nay\" được tính theo múi giờ này.",
                        en: "The time zone is an IANA name; \"today\" is the day in this zone."),
        wrong: "timezone: GMT+7", right: "timezone: Asia/Ho_Chi_Minh")

    public static let badBool = Rule(
        "bad-bool", .error,
        vi: "{field} là `{value}`, không phải `có` hay `không`{suggestion}",
        en: "{field}: \"{value}\" is not true or false{suggestion}",
        explain: Phrase(vi: "Khóa này trả lời có hoặc không.", en: "This key answers yes or no."),
        wrong: "action_needed: cần", right: "action_needed: true")

    public static let badNumber = Rule(
        "bad-number", .error,
        vi: "{field} là `{value}`, không phải một số (viết 98.7 hoặc 98,7)", en: "{field}: \"{value}\" is not a number (write 98.7 or 98,7)",
        explain: Phrase(vi: "Chỉ ghi con số, không kèm đơn vị hay chữ; đơn vị ghi ở `measure`.",
                        en: "Write the number alone, without a unit or words; the unit goes in `measure`."),
        wrong: "target: 98%", right: "measure: \"%\"\ntarget: 98")

    public static let badInteger = Rule(
        "bad-integer", .error,
        vi: "{field} là `{value}`, phải là số nguyên từ {min} đến {max}", en: "{field}: \"{value}\" must be a whole number from {min} to {max}",
        explain: Phrase(vi: "Khóa này nhận một số nguyên trong khoảng ghi trong thông báo.",
                        en: "This key takes a whole number within the range the message gives."),
        wrong: "review_interval_days: một năm", right: "review_interval_days: 365")

    public static let ambiguousNumber = Rule(
        "ambiguous-number", .error,
        vi: "{field} là `{value}`, có thể hiểu là một nghìn hoặc một số có ba chữ số thập phân; viết `{whole}` không có dấu phân cách, hoặc ghi số chữ số thập phân khác",
        en: "{field}: \"{value}\" could be one thousand or a number with three decimals; write `{whole}` without a separator, or give another number of decimals",
        explain: Phrase(
            vi: "Người Việt viết 1.000 là một nghìn, nhiều phần mềm đọc là 1. Số nghìn thì viết liền (1000); số thập phân thì viết 98,7 hoặc 98.7.",
            en: "In Vietnamese 1.000 is one thousand; much software reads it as 1. Write thousands without a separator (1000) and decimals as 98,7 or 98.7."),
        wrong: "target: 1.000", right: "target: 1000")

    public static let notAList = Rule(
        "not-a-list", .error,
        vi: "{field} phải là danh sách (các dòng bắt đầu bằng `- `)", en: "{field} must be a list (lines starting with `- `)",
        explain: Phrase(vi: "Khóa này nhận nhiều mục, mỗi mục một dòng bắt đầu bằng `- `.",
                        en: "This key takes several items, each on a line starting with `- `."),
        wrong: "attendees: Nguyễn Thị Hồng Hải", right: "attendees:\n  - Nguyễn Thị Hồng Hải")

    // MARK: site.yml

    public static let badCode = Rule(
        "bad-code", .error,
        vi: "mã đơn vị `{code}` chỉ được dùng chữ thường a–z không dấu, chữ số, `-` và `_`",
        en: "unit code \"{code}\" may use only lower-case letters a–z, digits, `-` and `_`",
        explain: Phrase(vi: "Mã đơn vị là tên trang của đơn vị và được ghi trong các phiếu; tên đầy đủ ghi ở `name`.",
                        en: "A unit's code names its page and is written in the records; the full name goes in `name`."),
        wrong: "  - code: Văn phòng", right: "  - code: van-phong\n    name: Văn phòng HĐND và UBND")

    public static let duplicateUnit = Rule(
        "duplicate-unit", .error,
        vi: "đơn vị `{code}` đã có ở dòng {line}", en: "unit `{code}` is already listed on line {line}",
        explain: Phrase(vi: "Mỗi đơn vị được liệt kê một lần.", en: "Each unit is listed once."),
        wrong: "  - code: tthcc\n  - code: tthcc", right: "  - code: tthcc\n  - code: van-phong")

    // MARK: Objectives plans

    public static let duplicateObjective = Rule(
        "duplicate-objective", .error,
        vi: "mục tiêu `{code}` đã có ở dòng {line}", en: "objective `{code}` is already defined on line {line}",
        explain: Phrase(vi: "Mã mục tiêu không trùng nhau trong một kế hoạch.", en: "Objective codes are unique within a plan."),
        wrong: "  - code: MT1\n  - code: MT1", right: "  - code: MT1\n  - code: MT2")

    public static let yearFolder = Rule(
        "year-folder", .error,
        vi: "`year: {year}` nhưng tệp nằm trong objectives/{folder}/; chuyển tệp hoặc sửa năm",
        en: "`year: {year}` but the file is in objectives/{folder}/; move it or correct the year",
        explain: Phrase(vi: "Kế hoạch mục tiêu năm 2025 nằm trong objectives/2025/.", en: "The objectives of 2025 are in objectives/2025/."),
        wrong: "objectives/2025/tthcc.md: year: 2024", right: "objectives/2024/tthcc.md: year: 2024")

    public static let duplicatePlan = Rule(
        "duplicate-plan", .error,
        vi: "{other} đã là kế hoạch mục tiêu năm {year} của {whose}; mỗi đơn vị mỗi năm chỉ có một kế hoạch",
        en: "{other} already holds the {year} objectives of {whose}; keep one plan per unit and year",
        explain: Phrase(vi: "Mỗi đơn vị (và toàn phường) có một kế hoạch mục tiêu mỗi năm (5.9).",
                        en: "Each unit, and the ward, has one objectives plan a year (5.9)."),
        wrong: "objectives/2025/tthcc.md\nobjectives/2025/tthcc-2.md (unit: tthcc)", right: "objectives/2025/tthcc.md")

    public static let approvedWithoutApprover = Rule(
        "approved-without-approver", .warning,
        vi: "có ngày phê duyệt (`approved_on`) nhưng thiếu người phê duyệt (`approved_by`): ai đã phê duyệt kế hoạch?",
        en: "`approved_on` without `approved_by`: who approved the plan?",
        explain: Phrase(vi: "Kế hoạch mục tiêu được lãnh đạo phê duyệt (5.9); ghi tên người phê duyệt.",
                        en: "An objectives plan is approved by a leader (5.9); write who."),
        wrong: "approved_on: 20/01/2025", right: "approved_by: Nguyễn Thị Hồng Hải\napproved_on: 20/01/2025")

    public static let evaluatedWithoutActual = Rule(
        "evaluated-without-actual", .warning,
        vi: "mục tiêu `{code}`: kế hoạch đã đánh giá nhưng thiếu kết quả (`actual`)",
        en: "objective `{code}`: the plan is evaluated but `actual` is missing",
        explain: Phrase(vi: "Khi đánh giá cuối năm (5.9), mỗi mục tiêu ghi kết quả đạt được ở `actual`.",
                        en: "At the year-end evaluation (5.9) each objective gets its result in `actual`."),
        wrong: "evaluated_on: 20/12/2025\nobjectives:\n  - {code: MT1, target: 100}", right: "evaluated_on: 20/12/2025\nobjectives:\n  - {code: MT1, target: 100, actual: 98,7}")

    // MARK: Requests (BM.CTCL.01)

    public static let unknownUnit = Rule(
        "unknown-unit", .error,
        vi: "không có đơn vị `{code}`; site.yml có {units}{suggestion}", en: "unknown unit `{code}`; site.yml lists {units}{suggestion}",
        explain: Phrase(vi: "Đơn vị ghi bằng mã đã khai trong site.yml.", en: "The unit is written as a code listed in site.yml."),
        wrong: "unit: tthc", right: "unit: tthcc")

    public static let futureDate = Rule(
        "future-date", .error,
        vi: "{what} {date} sau ngày hôm nay ({today}); chỉ ghi ngày khi việc đã diễn ra",
        en: "{what} {date} is after today ({today}); fill it in once it has happened",
        explain: Phrase(
            vi: "Hồ sơ ghi việc đã xảy ra: mở phiếu, phân công, hoàn thành, kiểm tra xác nhận, đóng phiếu đều không thể ở tương lai. Chỉ thời hạn (`due`) mới ở tương lai.",
            en: "A record states what has happened: opening, assignment, completion, verification and closing cannot lie ahead. Only deadlines (`due`) may."),
        wrong: "completed_on: 30/06/2026   # hôm nay 01/06/2026", right: "due: 30/06/2026")

    public static let beforeOpened = Rule(
        "before-opened", .error,
        vi: "{what} {date} trước ngày mở phiếu {opened}; các bước đều diễn ra sau khi mở phiếu — kiểm tra lại ngày",
        en: "{what} {date} is before `opened` {opened}; every step comes after the request is opened — check the date",
        explain: Phrase(vi: "Mọi bước của quy trình (5.2 đến 5.7) diễn ra từ ngày mở phiếu trở đi.",
                        en: "Every step of the procedure (5.2 to 5.7) happens on or after the day the request was opened."),
        wrong: "opened: 04/03/2025\nassigned_on: 04/02/2025", right: "opened: 04/03/2025\nassigned_on: 06/03/2025")

    public static let verifiedBeforeCompleted = Rule(
        "verified-before-completed", .error,
        vi: "ngày kiểm tra xác nhận (`verified_on`) {verified} trước ngày báo cáo hoàn thành (`completed_on`) {completed}; kiểm tra xác nhận diễn ra sau khi hoàn thành (5.6)",
        en: "`verified_on` {verified} is before `completed_on` {completed}; verification follows completion (5.6)",
        explain: Phrase(vi: "Lãnh đạo kiểm tra xác nhận kết quả sau khi người được phân công báo cáo hoàn thành (5.5, 5.6).",
                        en: "The result is verified after the assignee reports completion (5.5, 5.6)."),
        wrong: "completed_on: 10/04/2025\nverified_on: 08/04/2025", right: "completed_on: 10/04/2025\nverified_on: 18/04/2025")

    public static let closedBeforeVerified = Rule(
        "closed-before-verified", .error,
        vi: "ngày đóng phiếu (`closed`) {closed} trước ngày kiểm tra xác nhận (`verified_on`) {verified}; phiếu được đóng sau khi kiểm tra xác nhận (5.7)",
        en: "`closed` {closed} is before `verified_on` {verified}; a request is closed after verification (5.7)",
        explain: Phrase(vi: "Ban ISO đóng phiếu sau khi kết quả được kiểm tra xác nhận (5.7).",
                        en: "The ISO committee closes a request after its result is verified (5.7)."),
        wrong: "verified_on: 08/04/2025\nclosed: 07/04/2025", right: "verified_on: 08/04/2025\nclosed: 09/04/2025")

    public static let reportAfterNotice = Rule(
        "report-after-notice", .error,
        vi: "ngày phê duyệt báo cáo (`report_approved_on`) {report} sau ngày phê duyệt thông báo kết quả (`approved_on`) {notice}; báo cáo được phê duyệt trước, thông báo tổng hợp ý kiến sau (5.8.2)",
        en: "`report_approved_on` {report} is after `approved_on` {notice}: the report is approved before the notice of results (5.8.2)",
        explain: Phrase(vi: "Ở hình thức báo cáo (5.8.2), lãnh đạo Ban ISO phê duyệt báo cáo, các thành viên cho ý kiến, rồi Thư ký ISO tổng hợp thành thông báo kết quả để lãnh đạo cơ quan phê duyệt.",
                        en: "In a report-format review (5.8.2) the ISO committee's leader approves the report, the members comment, and the ISO secretary compiles the notice of results that the head of the agency approves."),
        wrong: "report_approved_on: 20/07/2026\napproved_on: 15/07/2026", right: "report_approved_on: 03/07/2026\napproved_on: 15/07/2026")

    public static let closedWithoutDisposition = Rule(
        "closed-without-disposition", .error,
        vi: "phiếu đóng với `action_needed: không`: ghi hình thức xử lý `disposition`: `làm lại`, `sửa chữa`, `chấp nhận` hoặc `loại bỏ` (5.1.1)",
        en: "closed with `action_needed: false`: fill in `disposition` (rework, repair, accept or reject) (5.1.1)",
        explain: Phrase(vi: "Sự không phù hợp không cần HĐKP vẫn phải được xử lý: ghi cách xử lý đã chọn (5.1.1).",
                        en: "A nonconformity that needs no corrective action is still disposed of: write how (5.1.1)."),
        wrong: "action_needed: false\nclosed: 06/03/2025", right: "action_needed: false\ndisposition: repair\nclosed: 06/03/2025")

    public static let closedWithoutVerification = Rule(
        "closed-without-verification", .error,
        vi: "phiếu đã đóng nhưng chưa kiểm tra xác nhận: ghi `verified_on`, `verified_by` và `result` (5.6){alternative}",
        en: "closed without verification: fill in `verified_on`, `verified_by` and `result` (5.6){alternative}",
        explain: Phrase(
            vi: "Phiếu có HĐKP được đóng sau khi lãnh đạo cơ quan kiểm tra xác nhận kết quả (5.6, 5.7). Chỉ khi lãnh đạo đơn vị xác định không cần HĐKP (5.2.2) thì phiếu đóng không cần bước 5.6.",
            en: "A request with an action is closed once the head of the agency has verified its result (5.6, 5.7). Only when the unit head decided no action was needed (5.2.2) does it close without 5.6."),
        wrong: "action_needed: true\nclosed: 06/05/2025", right: "action_needed: true\nverified_on: 05/05/2025\nverified_by: Nguyễn Thị Hồng Hải\nresult: effective\nclosed: 06/05/2025")

    public static let closedWithoutResult = Rule(
        "closed-without-result", .error,
        vi: "phiếu đã đóng nhưng thiếu kết quả kiểm tra: ghi `result: có hiệu lực` hoặc `result: không có hiệu lực` (5.6)",
        en: "closed without `result`: write `result: effective` or `result: ineffective` (5.6)",
        explain: Phrase(vi: "Kiểm tra xác nhận (5.6) kết luận hành động có hiệu lực hay không.",
                        en: "Verification (5.6) concludes whether the action was effective."),
        wrong: "verified_on: 05/05/2025\nclosed: 06/05/2025", right: "verified_on: 05/05/2025\nresult: effective\nclosed: 06/05/2025")

    public static let resultWithoutVerification = Rule(
        "result-without-verification", .error,
        vi: "có kết quả kiểm tra (`result`) thì cần ngày kiểm tra xác nhận `verified_on` (5.6)",
        en: "`result` needs `verified_on`: the day the result was verified (5.6)",
        explain: Phrase(vi: "Kết quả kiểm tra đi kèm ngày kiểm tra xác nhận.", en: "A result goes with the day it was verified."),
        wrong: "result: effective", right: "verified_on: 05/05/2025\nresult: effective")

    public static let verifiedWithoutResult = Rule(
        "verified-without-result", .warning,
        vi: "đã có ngày kiểm tra xác nhận nhưng thiếu kết quả: ghi `result: có hiệu lực` hoặc `result: không có hiệu lực`",
        en: "`verified_on` is set without `result`: write `result: effective` or `ineffective`",
        explain: Phrase(vi: "Ngày kiểm tra xác nhận đi kèm kết luận của lần kiểm tra đó.", en: "A verification day goes with what the verification concluded."),
        wrong: "verified_on: 05/05/2025", right: "verified_on: 05/05/2025\nresult: effective")

    public static let ineffectiveWithoutFollowUp = Rule(
        "ineffective-without-follow-up", .error,
        vi: "phiếu đóng với kết quả không có hiệu lực: mở phiếu mới và ghi số phiếu đó vào `follow_up` (5.7)",
        en: "closed with `result: ineffective`: open a new request and name it in `follow_up` (5.7)",
        explain: Phrase(vi: "Khi hành động không có hiệu lực, người kiểm tra mở phiếu mới (5.7); phiếu cũ ghi số phiếu mới.",
                        en: "When the action was ineffective, the verifier opens a new request (5.7); the old one names it."),
        wrong: "result: ineffective\nclosed: 21/04/2025", right: "result: ineffective\nclosed: 21/04/2025\nfollow_up: PYC-2025-028")

    public static let unknownRequest = Rule(
        "unknown-request", .error,
        vi: "{where}: không có phiếu `{id}`; mở phiếu đó trước, hoặc sửa lại số phiếu{suggestion}",
        en: "{where}: no request `{id}` exists; open it first, or correct the id{suggestion}",
        explain: Phrase(vi: "Số phiếu được nhắc đến phải là một phiếu có trong tickets/.", en: "A request named here must exist in tickets/."),
        wrong: "follow_up: PYC-2025-28", right: "follow_up: PYC-2025-028")

    public static let selfReference = Rule(
        "self-reference", .error,
        vi: "phiếu mở mới (`follow_up`) lại là chính phiếu này; ghi số của phiếu mới", en: "`follow_up` names the request itself; name the new request",
        explain: Phrase(vi: "`follow_up` là phiếu mới được mở sau khi phiếu này không có hiệu lực (5.7).",
                        en: "`follow_up` is the new request opened after this one was found ineffective (5.7)."),
        wrong: "# PYC-2025-027.md\nfollow_up: PYC-2025-027", right: "# PYC-2025-027.md\nfollow_up: PYC-2025-028")

    public static let unknownReview = Rule(
        "unknown-review", .error,
        vi: "không có cuộc xem xét của lãnh đạo `{id}` trong reviews/{suggestion}",
        en: "`review`: no management review `{id}` exists in reviews/{suggestion}",
        explain: Phrase(vi: "`review` là số hiệu (tên tệp) của biên bản xem xét của lãnh đạo đã yêu cầu mở phiếu.",
                        en: "`review` is the id (file name) of the management review that asked for the request."),
        wrong: "review: 15/12/2025", right: "review: 2025-12-15")

    public static let dispositionNotNC = Rule(
        "disposition-not-nc", .error,
        vi: "hình thức xử lý (`disposition`) chỉ dùng cho sự không phù hợp (`kind: nonconformity`) (5.1.1); xóa dòng này",
        en: "`disposition` applies only to `kind: nonconformity` (5.1.1); remove it",
        explain: Phrase(vi: "Làm lại, sửa chữa, chấp nhận, loại bỏ là cách xử lý một sự không phù hợp đã xảy ra (5.1.1).",
                        en: "Rework, repair, accept and reject dispose of a nonconformity that happened (5.1.1)."),
        wrong: "kind: improvement\ndisposition: repair", right: "kind: improvement")

    public static let undatedDecision = Rule(
        "undated-decision", .warning,
        vi: "đã xác định nhu cầu HĐKP (`action_needed`) nhưng thiếu ngày quyết định `decided_on` (5.2.2)",
        en: "`action_needed` is set without `decided_on`: add the day of the decision (5.2.2)",
        explain: Phrase(vi: "Quyết định của lãnh đạo đơn vị (5.2.2) có ngày.", en: "The unit head's decision (5.2.2) has a date."),
        wrong: "action_needed: true", right: "action_needed: true\ndecided_by: Trần Quốc Bảo\ndecided_on: 05/03/2025")

    public static let approvedWithoutDue = Rule(
        "approved-without-due", .warning,
        vi: "giải pháp đã được phê duyệt nhưng chưa có thời hạn: ghi `due`, thời hạn được định cùng giải pháp (5.4)",
        en: "the solution is approved without a deadline: add `due`, set with the solution (5.4)",
        explain: Phrase(
            vi: "Lãnh đạo Ban ISO phê duyệt giải pháp cùng người thực hiện và thời hạn (5.4). Khi mới phân công (5.3) thì chưa cần thời hạn.",
            en: "The ISO committee's leader approves the solution with who carries it out and by when (5.4). At assignment (5.3) no deadline is needed yet."),
        wrong: "approved_by: Nguyễn Thị Hồng Hải\napproved_on: 10/03/2025", right: "approved_by: Nguyễn Thị Hồng Hải\napproved_on: 10/03/2025\ndue: 30/04/2025")

    public static let cancelWithoutReason = Rule(
        "cancel-without-reason", .warning,
        vi: "phiếu đã hủy nhưng thiếu lý do hủy (`cancel_reason`): ghi vì sao hủy phiếu",
        en: "`cancelled` without `cancel_reason`: say why the request was withdrawn",
        explain: Phrase(vi: "Phiếu hủy vẫn được lưu; lý do hủy giúp người đọc sau hiểu vì sao.",
                        en: "A withdrawn request is kept; the reason tells later readers why."),
        wrong: "cancelled: 10/03/2025", right: "cancelled: 10/03/2025\ncancel_reason: Trùng với phiếu PYC-2025-003")

    public static let followUpCycle = Rule(
        "follow-up-cycle", .error,
        vi: "các phiếu mở mới (`follow_up`) tạo thành vòng: {round}; phiếu mở mới là phiếu được mở sau khi phiếu này không có hiệu lực (5.7), hãy ghi số phiếu đó",
        en: "`follow_up` goes round in a circle: {round}; a follow-up is the new request opened after this one was found ineffective (5.7), so name that one",
        explain: Phrase(vi: "Mỗi phiếu mở mới được mở sau phiếu trước, nên chuỗi `follow_up` không thể quay lại phiếu ban đầu.",
                        en: "Each follow-up is opened after the request before it, so a chain of `follow_up` cannot come back to where it started."),
        wrong: "PYC-2025-001: follow_up: PYC-2025-002\nPYC-2025-002: follow_up: PYC-2025-001", right: "PYC-2025-001: follow_up: PYC-2025-002\nPYC-2025-002: (effective, no follow_up)")

    public static let followUpBeforeVerification = Rule(
        "follow-up-before-verification", .error,
        vi: "phiếu mở mới (`follow_up`) {id} được mở ngày {opened}, trước ngày kiểm tra xác nhận (`verified_on`) {verified} kết luận không có hiệu lực; ghi số phiếu được mở sau lần kiểm tra đó (5.7)",
        en: "`follow_up` {id} was opened on {opened}, before `verified_on` {verified} found the action ineffective; name the request opened after the verification (5.7)",
        explain: Phrase(vi: "Phiếu mở mới được mở khi kiểm tra xác nhận thấy hành động không có hiệu lực (5.7), nên không thể mở trước ngày đó.",
                        en: "The follow-up is opened when verification finds the action ineffective (5.7), so it cannot be opened before that day."),
        wrong: "verified_on: 20/03/2025\nresult: ineffective\nfollow_up: PYC-2025-001   # mở 04/03/2025",
        right: "verified_on: 20/03/2025\nresult: ineffective\nfollow_up: PYC-2025-031   # mở 20/03/2025")

    // MARK: Management reviews (BM.CTCL.02)

    public static let missingInputs = Rule(
        "missing-inputs", .warning,
        vi: "các đầu vào của 5.8.1.1 còn thiếu hoặc để trống: {keys}", en: "inputs of 5.8.1.1 missing or empty: {keys}",
        explain: Phrase(
            vi: "Cuộc xem xét của lãnh đạo xem xét đủ 11 đầu vào của 5.8.1.1; trang reviews/next/ đã lập sẵn số liệu cho nhiều đầu vào.",
            en: "A management review covers all eleven inputs of 5.8.1.1; the page reviews/next/ pre-fills many of them from the records."),
        wrong: "inputs:\n  previous_actions: …", right: "inputs:\n  previous_actions: …\n  context_changes: …\n  provider_performance: Bưu điện phường trả kết quả đúng hẹn 99%.")

    // MARK: Internal audits, inspections, legal documents (SPEC §5)

    public static let endBeforeDate = Rule(
        "end-before-date", .error,
        vi: "ngày kết thúc đánh giá (`end`) {end} trước ngày bắt đầu (`date`) {date}; kiểm tra lại hai ngày",
        en: "`end` {end} is before the audit's first day (`date`) {date}; check both dates",
        explain: Phrase(vi: "Cuộc đánh giá nội bộ bắt đầu ngày `date` và kết thúc ngày `end`; đánh giá trong một ngày thì bỏ dòng `end`.",
                        en: "An internal audit starts on `date` and ends on `end`; a one-day audit leaves `end` out."),
        wrong: "date: 24/06/2026\nend: 22/06/2026", right: "date: 22/06/2026\nend: 24/06/2026")

    public static let beforeStart = Rule(
        "before-start", .error,
        vi: "{what} {date} trước {start} {startDate}; kiểm tra lại ngày",
        en: "{what} {date} is before {start} {startDate}; check the date",
        explain: Phrase(
            vi: "Mỗi bước diễn ra sau ngày của hồ sơ: báo cáo đánh giá được phê duyệt sau khi đánh giá; báo cáo khắc phục được gửi sau ngày ký biên bản kiểm tra và văn bản trả lời đến sau đó (TT 26/2014 Điều 37).",
            en: "Each step comes after the record's own day: the audit report is approved after the audit; the corrective-action report is sent after the inspection record is signed, and the answer comes after that (TT 26/2014 Điều 37)."),
        wrong: "date: 12/03/2026\nreported_on: 10/03/2026", right: "date: 12/03/2026\nreported_on: 05/05/2026")

    public static let findingOutsideScope = Rule(
        "finding-outside-scope", .error,
        vi: "phát hiện số {number}: đơn vị `{unit}` không thuộc phạm vi đánh giá (`scope`: {scope}); thêm đơn vị vào `scope` hoặc sửa lại đơn vị của phát hiện",
        en: "finding {number}: unit `{unit}` is outside the audit's `scope` ({scope}); add it to `scope` or correct the finding's unit",
        explain: Phrase(vi: "Mỗi phát hiện thuộc một đơn vị được đánh giá; `scope` liệt kê các đơn vị của cuộc đánh giá.",
                        en: "Each finding belongs to a unit that was audited; `scope` lists the audit's units."),
        wrong: "scope: [tthcc]\nfindings:\n  - {unit: cong-an, type: nonconformity, text: …}",
        right: "scope: [tthcc, cong-an]\nfindings:\n  - {unit: cong-an, type: nonconformity, text: …}")

    public static let unknownAudit = Rule(
        "unknown-audit", .error,
        vi: "không có cuộc đánh giá nội bộ `{id}` trong audits/{suggestion}",
        en: "`audit`: no internal audit `{id}` exists in audits/{suggestion}",
        explain: Phrase(vi: "`audit` là số hiệu (tên tệp, bỏ `.md`) của cuộc đánh giá nội bộ có phát hiện dẫn đến phiếu này.",
                        en: "`audit` is the id (file name without `.md`) of the internal audit whose finding raised the request."),
        wrong: "audit: 22/06/2026", right: "audit: 2026-06-22")

    public static let unknownInspection = Rule(
        "unknown-inspection", .error,
        vi: "không có cuộc kiểm tra `{id}` trong inspections/{suggestion}",
        en: "`inspection`: no inspection `{id}` exists in inspections/{suggestion}",
        explain: Phrase(vi: "`inspection` là số hiệu (tên tệp, bỏ `.md`) của cuộc kiểm tra có vấn đề tồn tại dẫn đến phiếu này.",
                        en: "`inspection` is the id (file name without `.md`) of the inspection whose finding raised the request."),
        wrong: "inspection: 12/03/2026", right: "inspection: 2026-03-12")

    public static let responseWithoutDate = Rule(
        "response-without-date", .error,
        vi: "có ý kiến trả lời của cơ quan kiểm tra (`response`) thì ghi ngày của văn bản trả lời (`response_on`)",
        en: "`response` needs `response_on`: the date of the inspecting body's written answer",
        explain: Phrase(
            vi: "Cơ quan kiểm tra trả lời bằng văn bản (TT 26/2014 Điều 37.2d). Ngày của văn bản cho biết báo cáo nào được gửi sau khi không chấp nhận.",
            en: "The inspecting body answers in writing (TT 26/2014 Điều 37.2d). Its date tells which reports were sent after a rejection."),
        wrong: "response: không chấp nhận", right: "response: không chấp nhận\nresponse_on: 20/06/2026")

    public static let updatedBeforeEffective = Rule(
        "updated-before-effective", .error,
        vi: "ngày cập nhật vào HTQLCL (`updated_on`) {updated} trước ngày văn bản có hiệu lực (`effective_on`) {effective}; kiểm tra lại hai ngày",
        en: "`updated_on` {updated} is before `effective_on` {effective}; check both dates",
        explain: Phrase(
            vi: "QĐ 19/2014 Điều 4.4a: tài liệu của HTQLCL được cập nhật theo văn bản quy phạm pháp luật chậm nhất ba tháng kể từ khi văn bản có hiệu lực; `updated_on` là ngày tài liệu mới được áp dụng.",
            en: "QĐ 19/2014 Điều 4.4a: the QMS documents take in a legal document at the latest three months after it takes effect; `updated_on` is the day the new documents were applied."),
        wrong: "effective_on: 01/07/2026\nupdated_on: 15/06/2026", right: "effective_on: 01/07/2026\nupdated_on: 15/08/2026")

    public static let reportsTwice = Rule(
        "reports-twice", .error,
        vi: "báo cáo khắc phục được ghi hai cách: dùng `reported_on` và `report_ref` cho một báo cáo, hoặc danh sách `reports` khi có nhiều báo cáo, không dùng cả hai",
        en: "the corrective-action report is given twice: use `reported_on` and `report_ref` for one report, or the list `reports`, not both",
        explain: Phrase(vi: "Khi cơ quan kiểm tra không chấp nhận và phường gửi báo cáo lần nữa, ghi tất cả các báo cáo trong danh sách `reports`.",
                        en: "When the body rejects the actions and the ward reports again, list every report under `reports`."),
        wrong: "reported_on: 05/05/2026\nreports:\n  - {date: 10/07/2026, ref: 52/BC-UBND}",
        right: "reports:\n  - {date: 05/05/2026, ref: 31/BC-UBND}\n  - {date: 10/07/2026, ref: 52/BC-UBND}")

    public static let findingTicketElsewhere = Rule(
        "finding-ticket-elsewhere", .warning,
        vi: "phát hiện số {number} ghi phiếu {ticket}, nhưng phiếu đó ghi {key} `{other}`; sửa lại một trong hai",
        en: "finding {number} names request {ticket}, whose {key} is `{other}`; correct one of them",
        explain: Phrase(vi: "Phiếu mở cho một phát hiện ghi lại số hiệu cuộc đánh giá (`audit`) hoặc cuộc kiểm tra (`inspection`) đã phát hiện ra nó.",
                        en: "A request opened for a finding names the audit (`audit`) or inspection (`inspection`) that found it."),
        wrong: "# audits/2026-06-22.md: ticket: PYC-2026-019\n# PYC-2026-019.md: audit: 2025-11-24",
        right: "# audits/2026-06-22.md: ticket: PYC-2026-019\n# PYC-2026-019.md: audit: 2026-06-22")

    // MARK: Git history

    public static let recordLost = Rule(
        "record-lost", .error,
        vi: "mất hồ sơ: phiếu {id} bị xóa trong commit {commit} của {author}{when} {retention} (retention_years: {years}); khôi phục bằng: git checkout {source} -- {path}",
        en: "record lost: request {id} was deleted in commit {commit} by {author}{when} {retention} (retention_years: {years}); restore it (git checkout {source} -- {path})",
        explain: Phrase(
            vi: "Phiếu BM.CTCL.01 được lưu trong thời hạn lưu trữ (3 năm, mục VII). Một phiếu bị xóa khỏi kho git khi còn trong thời hạn là mất hồ sơ; lệnh trong thông báo khôi phục nó.",
            en: "BM.CTCL.01 records are kept for their retention (3 years, section VII). A request deleted from git within it is a lost record; the command in the message restores it."),
        wrong: "git rm tickets/2025/PYC-2025-004.md", right: "git checkout a1b2c3d^ -- content/tickets/2025/PYC-2025-004.md")

    public static let historyShallow = Rule(
        "history-shallow", .warning,
        vi: "không kiểm tra được hồ sơ bị mất: bản sao kho git là bản rút gọn (shallow); lấy toàn bộ lịch sử (fetch-depth: 0)",
        en: "could not check for lost records: the clone is shallow; fetch the full history (fetch-depth: 0)",
        explain: Phrase(vi: "Việc tìm hồ sơ bị mất đọc toàn bộ lịch sử git. Trong CI, lấy đủ lịch sử: actions/checkout với fetch-depth: 0.",
                        en: "Finding lost records reads the whole git history. In CI, fetch all of it: actions/checkout with fetch-depth: 0."),
        wrong: "- uses: actions/checkout@v4", right: "- uses: actions/checkout@v4\n  with:\n    fetch-depth: 0")

    public static let historyUnavailable = Rule(
        "history-unavailable", .warning,
        vi: "không kiểm tra được hồ sơ bị mất: {why}", en: "could not check for lost records: {why}",
        explain: Phrase(vi: "git không đọc được kho; thông báo nói lý do. Trong container, git có thể từ chối kho của người dùng khác.",
                        en: "git could not read the repository; the message says why. In a container git may refuse a repository owned by another user."),
        wrong: "fatal: detected dubious ownership in repository", right: "git config --global --add safe.directory \"$PWD\"")

    // MARK: Preview

    public static let buildFailed = Rule(
        "build-failed", .error,
        vi: "không dựng được trang: {problem}", en: "the site could not be built: {problem}",
        explain: Phrase(vi: "Hồ sơ không có lỗi nhưng giao diện (theme) hay thư mục đầu ra có vấn đề; thông báo nói lý do.",
                        en: "The records are fine, but the theme or the output folder is not; the message says why."),
        wrong: "theme/templates/ticket.mustache: {{#t.box1}", right: "theme/templates/ticket.mustache: {{t.box1}}")

    /// Every rule, in the order `caitien explain` lists them.
    public static let all: [Rule] = [
        noContent, noSite, symlink, tooDeep, notAFile, unreadable, tooLarge, notRead,
        encoding, nulByte, emptyFile, noFrontMatter, frontMatterNotClosed, frontMatterDash, yaml, yamlComment,
        markdownImages, markdownNesting, markdownDense, markdownLongNesting,
        badID, duplicateID, duplicateIDCase, reservedID, reservedCode,
        notAMapping, badKey, duplicateKey, noStatus, unknownKey, missingKey, notText, notTextItem,
        badDate, dateOutOfRange, badValue, badTimezone, badBool, badNumber, badInteger, ambiguousNumber, notAList,
        badCode, duplicateUnit,
        duplicateObjective, yearFolder, duplicatePlan, approvedWithoutApprover, evaluatedWithoutActual,
        unknownUnit, futureDate, beforeOpened, verifiedBeforeCompleted, closedBeforeVerified, reportAfterNotice,
        closedWithoutDisposition, closedWithoutVerification, closedWithoutResult, resultWithoutVerification,
        verifiedWithoutResult, ineffectiveWithoutFollowUp, unknownRequest, selfReference, unknownReview,
        dispositionNotNC, undatedDecision, approvedWithoutDue, cancelWithoutReason, followUpCycle, followUpBeforeVerification,
        missingInputs,
        endBeforeDate, beforeStart, findingOutsideScope, unknownAudit, unknownInspection, responseWithoutDate,
        updatedBeforeEffective, reportsTwice, findingTicketElsewhere,
        recordLost, historyShallow, historyUnavailable,
        buildFailed,
    ]
}
