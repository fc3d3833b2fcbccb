// Every message of the command line that is not about a record, once: id, Vietnamese and English
// text with {placeholders}, and for those that stop a command an explanation. Each says what
// went wrong and what to do, in the words of the guide (thư mục, tệp, phiếu, giao diện); dates
// are dd/mm/yyyy in Vietnamese. Ids never repeat a rule's id. No message is written anywhere
// else: the library throws `BuildError(.id, [...])`, the commands print `text(language)`.

extension CommandMessage {
    // MARK: The output folder (SPEC §3)

    public static let outputHoldsWorkingFolder = CommandMessage(
        "output-holds-working-folder",
        vi: "không ghi trang vào {output}: thư mục này chứa thư mục đang làm việc; chọn một thư mục riêng cho trang, ví dụ --output public",
        en: "refusing to write the site into {output}: it holds the working folder; choose a folder such as public",
        explain: Phrase(
            vi: "Mỗi lần dựng, caitien thay toàn bộ thư mục đầu ra. Vì vậy thư mục đầu ra không được là thư mục đang đứng hay thư mục chứa nó (`.`, `..`, `/`): trang được ghi vào một thư mục riêng như `public`.",
            en: "Every build replaces the whole output folder, so it may not be the working folder or one that holds it (`.`, `..`, `/`): the site goes into a folder of its own such as `public`."))

    public static let outputOverlaps = CommandMessage(
        "output-overlaps",
        vi: "thư mục đầu ra {output} trùng hoặc lồng với {folder}; chọn --output khác, nằm ngoài thư mục hồ sơ và thư mục giao diện",
        en: "the output folder {output} overlaps {folder}; choose another --output",
        explain: Phrase(
            vi: "Thư mục đầu ra bị thay toàn bộ mỗi lần dựng, nên không được nằm trong thư mục hồ sơ (--content), thư mục giao diện (--theme) hay thư mục của một phường được tổng hợp, và cũng không được chứa chúng.",
            en: "The output folder is replaced whole by every build, so it may not lie inside the content folder (--content), the theme folder (--theme) or a ward's folder being rolled up, nor hold any of them."))

    public static let outputNotAFolder = CommandMessage(
        "output-not-a-folder",
        vi: "{output} đã có nhưng không phải thư mục (là tệp hoặc liên kết); caitien không thay nó — xóa hoặc đổi tên nó, hoặc chọn --output khác",
        en: "{output} exists and is not a folder (a link or a file); caitien will not replace it — remove it or choose another --output",
        explain: Phrase(
            vi: "Ở chỗ thư mục đầu ra đang có một tệp hoặc một liên kết tượng trưng. caitien không bao giờ xóa hay đi theo nó; hãy tự xóa hoặc đổi tên nếu không cần, hoặc ghi trang vào thư mục khác.",
            en: "A file or a symbolic link is where the output folder would be. caitien never removes it or follows it; remove or rename it yourself if it is not needed, or write the site elsewhere."))

    public static let outputNotOurs = CommandMessage(
        "output-not-ours",
        vi: "thư mục {output} đã có tệp không do caitien tạo ({files}); mỗi lần dựng, caitien thay toàn bộ thư mục đầu ra nên chỉ ghi vào thư mục mới, thư mục trống hoặc thư mục do chính nó tạo trước đó — chọn --output khác, hoặc chuyển các tệp đó đi rồi chạy lại",
        en: "{output} already holds files that caitien did not write ({files}); every build replaces the whole output folder, so caitien only writes into a new or empty folder or one it wrote before — choose another --output, or move those files away and run again",
        explain: Phrase(
            vi: "Thư mục đầu ra thuộc về caitien: mỗi lần dựng, nội dung cũ được thay bằng trang mới. Để không xóa nhầm tài liệu (thư mục nhà, `docs/`, `.git`, `/var/www/html`), caitien chỉ ghi vào thư mục chưa có, thư mục trống, hoặc thư mục có tệp đánh dấu `.caitien-output` do lần dựng trước để lại. Thư mục bị từ chối được giữ nguyên, không có tùy chọn ép ghi.",
            en: "The output folder belongs to caitien: every build replaces what it holds. So as never to delete someone's documents (a home folder, `docs/`, `.git`, `/var/www/html`), caitien writes only into a folder that does not exist, an empty one, or one holding the marker `.caitien-output` an earlier build left. A refused folder is left as it was; there is no option to force it."))

    public static let outputBusy = CommandMessage(
        "output-busy",
        vi: "một lần dựng khác của caitien vẫn đang ghi vào {output} (đang giữ {lock}); chờ lần đó xong rồi chạy lại",
        en: "another caitien build is still writing into {output} (it holds {lock}); wait for it to end, then build again",
        explain: Phrase(
            vi: "Hai lần dựng vào cùng một thư mục đầu ra không được chạy cùng lúc: lần sau chờ lần trước tối đa 10 phút, quá thời gian thì dừng. Tệp khóa được nhả khi lần dựng kia kết thúc, kể cả khi nó bị dừng ngang.",
            en: "Two builds into one output never run at once: the second waits up to ten minutes for the first, then stops. The lock is released when the other build ends, however it ends."))

    public static let outputWaiting = CommandMessage(
        "output-waiting",
        vi: "một lần dựng khác đang ghi vào {output}/; đang chờ lần đó xong…",
        en: "another build is writing into {output}/; waiting for it to end…")

    public static let outsideOutput = CommandMessage(
        "outside-output",
        vi: "không ghi ra ngoài thư mục đầu ra: {path}",
        en: "refusing to write outside the output folder: {path}")

    // MARK: Files and folders

    public static let cannotCreateFolder = CommandMessage(
        "cannot-create-folder",
        vi: "không tạo được thư mục {path}: {problem}; kiểm tra quyền ghi và dung lượng trống của ổ đĩa rồi chạy lại",
        en: "cannot create {path}: {problem}; check the permissions and the free space of the disk, then run again",
        explain: Phrase(
            vi: "Hệ điều hành không cho tạo thư mục: thường do không có quyền ghi vào thư mục cha, ổ đĩa đầy hoặc chỉ cho đọc. Lý do cụ thể nằm sau dấu hai chấm.",
            en: "The system refused to create the folder: most often no permission to write into its parent, or a full or read-only disk. The reason follows the colon."))

    public static let cannotWrite = CommandMessage(
        "cannot-write",
        vi: "không ghi được {path}: {problem}; kiểm tra quyền ghi và dung lượng trống của ổ đĩa rồi chạy lại (thư mục đầu ra giữ nguyên như trước)",
        en: "cannot write {path}: {problem}; check the permissions and the free space of the disk, then run again (the output is as it was)",
        explain: Phrase(
            vi: "Ghi một tệp không thành: ổ đĩa đầy, hết hạn mức, không có quyền ghi, hoặc ổ đĩa chỉ cho đọc. Lần dựng hỏng không để lại trang ghi dở: thư mục đầu ra giữ nguyên cho đến khi có một lần dựng thành công.",
            en: "A file could not be written: a full disk, a quota, no permission, or a read-only disk. A failed build leaves no half-written site: the output stays as it was until a build succeeds."))

    public static let cannotRead = CommandMessage(
        "cannot-read",
        vi: "không đọc được {path}: {problem}",
        en: "cannot read {path}: {problem}")

    public static let cannotPublish = CommandMessage(
        "cannot-publish",
        vi: "không đưa được trang mới vào {output}: {problem}; chạy lại lệnh dựng",
        en: "cannot move the new site into {output}: {problem}; run the build again",
        explain: Phrase(
            vi: "Trang mới được ghi bên cạnh rồi mới đổi chỗ với thư mục đầu ra trong một bước. Bước đổi chỗ không thành (thường do quyền hoặc ổ đĩa); người xem vẫn thấy trang cũ hoặc trang mới, không bao giờ thấy trang ghi dở.",
            en: "The new site is written beside the output and swapped in in one step. The swap failed (most often permissions or the disk); readers see the old site or the new one, never a half-written one."))

    /// The reasons a file or folder of the content or the theme could not be read.
    public static let folderUnreadable = CommandMessage(
        "folder-unreadable", vi: "không mở được thư mục: {problem}", en: "cannot open folder: {problem}")
    public static let fileUnreadable = CommandMessage(
        "file-unreadable", vi: "không đọc được tệp: {problem}", en: "cannot read: {problem}")
    public static let notRegularFile = CommandMessage(
        "not-regular-file", vi: "không phải tệp thông thường", en: "not a regular file")
    public static let fileTooLarge = CommandMessage(
        "file-too-large", vi: "tệp dài {size} byte, quá giới hạn {limit} byte", en: "file is {size} bytes, over the limit of {limit} bytes")
    public static let isSymbolicLink = CommandMessage(
        "is-symbolic-link", vi: "là liên kết tượng trưng (symbolic link)", en: "is a symbolic link")
    public static let noSuchFile = CommandMessage("no-such-file", vi: "không có tệp này", en: "no such file")
    public static let noSuchFolder = CommandMessage("no-such-folder", vi: "không có thư mục này", en: "no such folder")
    public static let changedWhileRead = CommandMessage(
        "changed-while-read", vi: "tệp bị thay đổi trong lúc đang đọc; chạy lại", en: "the file changed while it was read; run again")

    /// `path: problem`, for a problem that names no path of its own.
    public static let pathProblem = CommandMessage("path-problem", vi: "{path}: {problem}", en: "{path}: {problem}")

    /// What stopped a job of the renderer that is not one of caitien's own errors.
    public static let unexpected = CommandMessage(
        "unexpected", vi: "lỗi không lường trước: {problem}", en: "unexpected error: {problem}")

    // MARK: The theme

    public static let themeNotAFolder = CommandMessage(
        "theme-not-a-folder",
        vi: "{path}: giao diện (--theme) và các thư mục con templates, assets, i18n phải là thư mục, không phải tệp hay liên kết",
        en: "{path}: the theme (--theme) and its templates, assets and i18n must be folders, not links or files",
        explain: Phrase(
            vi: "--theme chỉ ra một thư mục có các tệp ghi đè giao diện có sẵn, từng tệp một: templates/*.mustache, assets/, i18n/vi.yml, i18n/en.yml. Thiếu thư mục đó thì dùng giao diện có sẵn.",
            en: "--theme names a folder whose files override the built-in theme file by file: templates/*.mustache, assets/, i18n/vi.yml, i18n/en.yml. Without it the built-in theme is used."))

    public static let themeLink = CommandMessage(
        "theme-link",
        vi: "{path} là liên kết tượng trưng (symbolic link); caitien không đi theo liên kết trong thư mục giao diện — đặt chính tệp vào đây",
        en: "{path} is a symbolic link; links are never followed in the theme — put the file itself there",
        explain: Phrase(
            vi: "Một liên kết có thể trỏ ra ngoài thư mục giao diện, nên caitien không bao giờ đọc qua liên kết. Chép chính tệp vào chỗ của liên kết.",
            en: "A link may point outside the theme folder, so caitien never reads through one. Put the file itself where the link is."))

    public static let themeNotText = CommandMessage(
        "theme-not-text",
        vi: "tệp giao diện theme/{path} không phải văn bản UTF-8; lưu lại tệp với bảng mã UTF-8",
        en: "theme/{path}: not UTF-8 text; save it as UTF-8",
        explain: Phrase(
            vi: "Mẫu trang (template) và tệp chữ hiển thị (i18n) của giao diện là văn bản UTF-8. Mở tệp và chọn Lưu với bảng mã UTF-8.",
            en: "The theme's templates and UI strings are UTF-8 text. Open the file and save it with the UTF-8 encoding."))

    public static let themeStringsBroken = CommandMessage(
        "theme-strings-broken",
        vi: "tệp chữ hiển thị theme/{path}:{line}:{column}: {problem}",
        en: "theme/{path}:{line}:{column}: {problem}",
        explain: Phrase(
            vi: "Tệp i18n/vi.yml hay i18n/en.yml của giao diện là danh sách YAML `khóa: chữ hiển thị`; dòng và cột được báo viết sai YAML.",
            en: "The theme's i18n/vi.yml or i18n/en.yml is a YAML list of `key: text`; the line and column named are not valid YAML."))

    public static let themeStringsNotMapping = CommandMessage(
        "theme-strings-not-mapping",
        vi: "tệp chữ hiển thị theme/{path} phải là danh sách các dòng `khóa: chữ hiển thị`",
        en: "theme/{path}: must be a mapping of `key: text`")

    public static let themeStringsEntry = CommandMessage(
        "theme-strings-entry",
        vi: "tệp chữ hiển thị theme/{path}, dòng {line}: mỗi dòng phải có dạng `khóa: chữ hiển thị`",
        en: "theme/{path}:{line}: each entry must be `key: text`")

    public static let themeNoStrings = CommandMessage(
        "theme-no-strings",
        vi: "giao diện không có chữ hiển thị cho ngôn ngữ `{locale}` (theme/i18n/{locale}.yml); thêm tệp đó, hoặc đặt locale: vi trong site.yml",
        en: "the theme has no UI strings for locale `{locale}` (theme/i18n/{locale}.yml); add that file or set locale: vi in site.yml")

    public static let themeStringsMissing = CommandMessage(
        "theme-strings-missing",
        vi: "theme/i18n/{locale}.yml thiếu {count} chữ hiển thị: {keys}; thêm các khóa đó (xem tệp cùng tên của giao diện có sẵn)",
        en: "theme/i18n/{locale}.yml lacks {count} strings: {keys}; add those keys (see the built-in theme's file of that name)",
        explain: Phrase(
            vi: "Mỗi nhãn trên trang lấy từ tệp chữ hiển thị của ngôn ngữ trang. Tệp ghi đè phải có đủ mọi khóa của giao diện có sẵn, để không trang nào hiện nhãn trống.",
            en: "Every label of a page comes from the UI strings of the page's language. An overriding file must hold every key of the built-in one, so that no page shows a blank label."))

    public static let templateBroken = CommandMessage(
        "template-broken",
        vi: "mẫu trang (template) {name}.mustache của giao diện viết sai: {problem}; sửa tệp theme/templates/{name}.mustache",
        en: "theme template {name}.mustache: {problem}; correct theme/templates/{name}.mustache",
        explain: Phrase(
            vi: "Mẫu trang viết theo cú pháp Mustache: mỗi `{{` có `}}` đi kèm, mỗi khối mở bằng `{{#tên}}` được đóng bằng `{{/tên}}` đúng thứ tự. Trang chỉ được dựng khi mọi mẫu đều đúng.",
            en: "Templates follow the Mustache syntax: every `{{` has its `}}`, and every section opened with `{{#name}}` is closed with `{{/name}}` in order. No page is built until every template is right."))

    public static let templateTagNotClosed = CommandMessage(
        "template-tag-not-closed",
        vi: "dòng {line}: {open} chưa được đóng — thêm {close}",
        en: "line {line}: {open} is never closed — add {close}")

    public static let templateClosesWrong = CommandMessage(
        "template-closes-wrong",
        vi: "{closing} đóng {opening}; đóng đúng khối đang mở",
        en: "{closing} closes {opening}; close the section that is open")

    public static let templateNothingOpen = CommandMessage(
        "template-nothing-open", vi: "không có khối nào đang mở", en: "nothing")

    public static let templateSectionNotClosed = CommandMessage(
        "template-section-not-closed",
        vi: "{opening} chưa được đóng — thêm {closing}",
        en: "{opening} is never closed — add {closing}")

    public static let templateMissing = CommandMessage(
        "template-missing",
        vi: "giao diện không có mẫu trang {name}.mustache; thêm tệp theme/templates/{name}.mustache",
        en: "the theme has no template {name}.mustache; add theme/templates/{name}.mustache")

    public static let templateUnknownKey = CommandMessage(
        "template-unknown-key",
        vi: "mẫu trang {name}.mustache dùng {keys} nhưng trang không có giá trị nào tên như vậy; kiểm tra lại chính tả",
        en: "template {name}.mustache names {keys}, which no view provides; check the spelling",
        explain: Phrase(
            vi: "Một khóa viết sai trong mẫu trang sẽ làm mất một con số trên trang mà không ai hay; vì vậy caitien dừng và báo khóa đó. So với mẫu cùng tên trong theme/templates/ của giao diện có sẵn.",
            en: "A misspelt key in a template would blank a figure unnoticed, so caitien stops and names it. Compare with the built-in theme's template of that name in theme/templates/."))

    public static let templateNotRendered = CommandMessage(
        "template-not-rendered",
        vi: "không dựng được mẫu trang {name}.mustache",
        en: "template {name}.mustache could not be rendered")

    // MARK: Usage

    public static let dayOutOfRange = CommandMessage(
        "day-out-of-range",
        vi: "{option} {day} nằm ngoài khoảng {first} … {last}; cho một ngày trong khoảng đó",
        en: "{option} {day} is outside {first} … {last}; give a day in that range",
        explain: Phrase(
            vi: "Ngày tham chiếu (--today) nằm trong khoảng 01/01/1900 … 31/12/9899, vì các con số tính trước đến 100 năm; ngày của một hồ sơ (--date, --effective, --issued) nằm trong các năm 1900 … 9999.",
            en: "The reference day (--today) lies between 1900-01-01 and 9899-12-31, since the figures look up to 100 years ahead; a record's day (--date, --effective, --issued) lies in the years 1900 to 9999."))

    public static let formatUnknown = CommandMessage(
        "format-unknown", vi: "--format chỉ nhận text, json hoặc github", en: "--format must be text, json or github")

    public static let timeoutOutOfRange = CommandMessage(
        "timeout-out-of-range", vi: "--timeout phải lớn hơn 0 và không quá 3600 giây", en: "--timeout must be between 0 and 3600 seconds")

    public static let retriesOutOfRange = CommandMessage(
        "retries-out-of-range", vi: "--retries phải từ 0 đến 10", en: "--retries must be from 0 to 10")

    public static let commandLineWrong = CommandMessage(
        "command-line-wrong",
        vi: "lệnh viết chưa đúng — {problem} (cách dùng của lệnh ở bên dưới; xem thêm `caitien --help`)",
        en: "{problem}",
        explain: Phrase(
            vi: "Tên lệnh, tùy chọn hoặc giá trị không đúng. Dòng tiếng Việt nói điều cần sửa; đoạn tiếng Anh bên dưới là cách dùng đầy đủ của lệnh.",
            en: "A command, option or value is not right; the usage of the command follows."))

    /// ArgumentParser's own errors, read from its English text (what is wrong, in Vietnamese).
    public static let unknownOption = CommandMessage(
        "unknown-option", vi: "không có tùy chọn `{option}`", en: "unknown option `{option}`")
    public static let unknownOptionDidYouMean = CommandMessage(
        "unknown-option-did-you-mean", vi: "không có tùy chọn `{option}`; bạn muốn viết `{suggestion}`?",
        en: "unknown option `{option}`; did you mean `{suggestion}`?")
    public static let missingValue = CommandMessage(
        "missing-value", vi: "thiếu giá trị sau `{option}`", en: "missing the value of `{option}`")
    public static let missingArgument = CommandMessage(
        "missing-argument", vi: "thiếu `{argument}`", en: "missing `{argument}`")
    public static let invalidValue = CommandMessage(
        "invalid-value", vi: "giá trị `{value}` của `{option}` không hợp lệ", en: "the value `{value}` of `{option}` is not valid")
    public static let invalidDay = CommandMessage(
        "invalid-day", vi: "`{value}` không phải một ngày có thật: viết {option} dạng năm-tháng-ngày (2026-03-04) hoặc ngày/tháng/năm (04/03/2026)",
        en: "`{value}` is not a day: write {option} as YYYY-MM-DD (2026-03-04) or DD/MM/YYYY (04/03/2026)")
    public static let unexpectedArgument = CommandMessage(
        "unexpected-argument", vi: "thừa `{argument}`", en: "unexpected `{argument}`")
    public static let missingSubcommand = CommandMessage(
        "missing-subcommand", vi: "thiếu tên lệnh (ví dụ `caitien check`, `caitien new ticket`)", en: "a subcommand is missing")
    public static let otherUsageError = CommandMessage(
        "other-usage-error", vi: "xem thông báo tiếng Anh bên dưới", en: "see below")

    public static let explainUnknown = CommandMessage(
        "explain-unknown",
        vi: "không có quy tắc hay thông báo `{id}`{suggestion}; `caitien explain` liệt kê tất cả",
        en: "no rule or message `{id}`{suggestion}; `caitien explain` lists them all")
    public static let explainDidYouMean = CommandMessage(
        "explain-did-you-mean", vi: "; bạn muốn xem `{id}`?", en: "; did you mean `{id}`?")
    public static let explainMessagesHeading = CommandMessage(
        "explain-messages-heading", vi: "Thông báo của lệnh:", en: "Messages of the command:")

    // MARK: Records written by `caitien new` and sites by `caitien init`

    public static let recordExists = CommandMessage(
        "record-exists",
        vi: "{path} đã có; caitien không ghi đè — mở tệp đó để sửa, hoặc tạo hồ sơ với ngày hoặc tên khác",
        en: "{path} already exists; nothing was overwritten — edit that file, or give another date or name",
        explain: Phrase(
            vi: "`caitien new` không bao giờ ghi đè một tệp đã có. Hồ sơ xem xét, đánh giá và kiểm tra được đặt tên theo ngày, kế hoạch mục tiêu theo năm và đơn vị: nếu hồ sơ đó đã có, hãy sửa chính tệp đó.",
            en: "`caitien new` never overwrites a file. Reviews, audits and inspections are named by their day, objectives plans by year and unit: when the record exists, edit that file."))

    public static let auditExists = CommandMessage(
        "audit-exists",
        vi: "đã có hồ sơ đánh giá nội bộ `{id}`; caitien không ghi đè — mở tệp audits/{id}.md để sửa, hoặc chọn --date khác",
        en: "the audit `{id}` already exists; nothing was overwritten — edit audits/{id}.md, or give another --date")
    public static let inspectionExists = CommandMessage(
        "inspection-exists",
        vi: "đã có hồ sơ kiểm tra `{id}`; caitien không ghi đè — mở tệp inspections/{id}.md để sửa, hoặc chọn --date khác",
        en: "the inspection `{id}` already exists; nothing was overwritten — edit inspections/{id}.md, or give another --date")
    public static let legalExists = CommandMessage(
        "legal-exists",
        vi: "đã có văn bản `{id}`; caitien không ghi đè — mở tệp đó trong legal/ để sửa, hoặc chọn --id khác",
        en: "the legal document `{id}` already exists; nothing was overwritten — edit its file in legal/, or give another --id")

    public static let optionUnknownUnit = CommandMessage(
        "option-unknown-unit",
        vi: "không có đơn vị `{unit}`; site.yml ghi các đơn vị: {units}",
        en: "unknown unit `{unit}`; site.yml lists: {units}")
    public static let noUnitsListed = CommandMessage("no-units-listed", vi: "chưa có đơn vị nào", en: "no units")

    public static let titleEmpty = CommandMessage(
        "title-empty", vi: "--title để trống: ghi tiêu đề ngắn gọn", en: "--title is empty")
    public static let whoReports = CommandMessage(
        "who-reports",
        vi: "ai báo cáo? ghi --by \"Họ và tên\" (hoặc đặt user.name của git)",
        en: "who reports it? give --by \"Họ và tên\" (or set git's user.name)")
    public static let whoLeadsAudit = CommandMessage(
        "who-leads-audit",
        vi: "ai là trưởng đoàn đánh giá? ghi --lead \"Họ và tên\" (hoặc đặt user.name của git)",
        en: "who leads the audit? give --lead \"Họ và tên\" (or set git's user.name)")
    public static let noUnitsForScope = CommandMessage(
        "no-units-for-scope",
        vi: "site.yml chưa có đơn vị nào; ghi --scope hoặc thêm các đơn vị vào site.yml trước",
        en: "site.yml lists no units; give --scope or add the units first")
    public static let inspectingBodyEmpty = CommandMessage(
        "inspecting-body-empty",
        vi: "--by để trống: ghi tên cơ quan kiểm tra, ví dụ \"Sở Khoa học và Công nghệ\"",
        en: "--by is empty: name the inspecting body")
    public static let legalIDNeeded = CommandMessage(
        "legal-id-needed",
        vi: "ghi --id làm tên tệp (ví dụ QD-12-2026): tiêu đề không cho biết loại, số và năm của văn bản",
        en: "give --id for the file name (e.g. QD-12-2026): the title does not say the document's kind, number and year")
    public static let legalIDBad = CommandMessage(
        "legal-id-bad",
        vi: "--id `{id}` chỉ được dùng chữ a–z không dấu, chữ số, `-`, `_` và `.` (ví dụ QD-12-2026)",
        en: "--id `{id}` may use only letters a–z without marks, digits, `-`, `_` and `.` (e.g. QD-12-2026)")
    public static let dayAfterToday = CommandMessage(
        "day-after-today",
        vi: "{option} {day} là ngày sau hôm nay ({today}); chỉ ghi hồ sơ khi việc đã diễn ra",
        en: "{option} {day} is after today ({today}); write the record once it has happened")

    public static let siteExists = CommandMessage(
        "site-exists",
        vi: "{folder} đã có một site (content/site.yml); caitien không ghi đè — dùng site đó, hoặc chọn thư mục khác",
        en: "{folder} already holds a site (content/site.yml); nothing was overwritten — use that site or choose another folder",
        explain: Phrase(
            vi: "`caitien init` chỉ tạo site mới và không bao giờ ghi đè. Thư mục đã có content/site.yml là một site rồi: chạy `caitien check` trong đó.",
            en: "`caitien init` only starts a new site and never overwrites. A folder with content/site.yml already is one: run `caitien check` there."))

    public static let initFilesExist = CommandMessage(
        "init-files-exist",
        vi: "{folder} đã có {files}, là tệp `caitien init` sẽ tạo; chưa ghi gì — chuyển hoặc đổi tên các tệp đó, hoặc chọn thư mục khác",
        en: "{folder} already holds {files}, which `caitien init` writes; nothing was written — move or rename them, or choose another folder",
        explain: Phrase(
            vi: "`caitien init` ghi content/site.yml, các thư mục hồ sơ, .gitignore và .github/workflows/caitien.yml. Thư mục đã có tệp khác (README, …) vẫn dùng được; nhưng nếu một trong các tệp này đã có thì không tệp nào được ghi, để không ghi đè.",
            en: "`caitien init` writes content/site.yml, the record folders, .gitignore and .github/workflows/caitien.yml. A folder with other files (a README, …) is fine; but when one of these files exists, none is written, so that nothing is overwritten."))

    public static let initNext = CommandMessage(
        "init-next",
        vi: "Bước tiếp theo: cd {folder} && git init && caitien new ticket --unit van-phong --kind \"cải tiến\" --source \"khác\" --title \"…\" --by \"Họ và tên\"",
        en: "Next: cd {folder} && git init && caitien new ticket --unit van-phong --kind improvement --source other --title \"…\" --by \"Họ và tên\"")

    // MARK: serve

    public static let cannotServe = CommandMessage(
        "cannot-serve",
        vi: "không mở được trang xem trước tại 127.0.0.1:{port}: {problem}; chọn cổng khác, ví dụ --port {next}",
        en: "cannot serve on 127.0.0.1:{port}: {problem}; choose another port, e.g. --port {next}",
        explain: Phrase(
            vi: "`caitien serve` mở một cổng trên máy (mặc định 1313). Nếu cổng đang được chương trình khác dùng (có thể là một `caitien serve` khác), hãy dừng chương trình đó hoặc chọn cổng khác bằng --port.",
            en: "`caitien serve` opens a port on this machine (1313 unless --port). When another program (perhaps another `caitien serve`) holds it, stop that program or choose another port with --port."))

    public static let serving = CommandMessage(
        "serving",
        vi: "Đang xem trước {content} tại http://127.0.0.1:{port}/ — trang tự dựng lại khi có thay đổi; nhấn Ctrl-C để dừng.",
        en: "Serving {content} on http://127.0.0.1:{port}/ — rebuilt on every change; Ctrl-C stops.")

    public static let rebuilt = CommandMessage(
        "rebuilt", vi: "đã dựng lại cho ngày {day}: {count} phiếu", en: "rebuilt for {day}: {count} requests")

    // MARK: check, stats, build

    public static let fixErrorsFirst = CommandMessage(
        "fix-errors-first",
        vi: "hãy sửa các lỗi trên trước (`caitien check` liệt kê đủ)",
        en: "fix the errors above first (`caitien check` lists them)")

    public static let nothingWritten = CommandMessage(
        "nothing-written",
        vi: "{found}; chưa ghi gì, {output}/ giữ nguyên",
        en: "{found}; nothing was written, {output}/ is unchanged")

    public static let built = CommandMessage(
        "built",
        vi: "Đã dựng {files} tệp cho ngày {day} vào {output}/ — mở {output}/index.html",
        en: "Built {files} files for {day} into {output}/ — open {output}/index.html")

    // MARK: rollup

    public static let rollupNoSources = CommandMessage(
        "rollup-no-sources",
        vi: "chưa có nguồn nào để tổng hợp: ghi thư mục trang đã dựng của các phường, tệp data.json hoặc địa chỉ https://, hoặc --sources TỆP",
        en: "no sources: name wards' site folders, data.json files or https:// addresses, or --sources FILE",
        explain: Phrase(
            vi: "`caitien rollup` tổng hợp số liệu của nhiều phường. Mỗi nguồn là thư mục trang do `caitien build` tạo (public/), một tệp data.json, hoặc địa chỉ https:// của trang đã xuất bản; --sources TỆP đọc danh sách, mỗi dòng một nguồn.",
            en: "`caitien rollup` brings many wards' figures together. A source is a folder `caitien build` wrote (public/), a data.json file, or the https:// address of a published site; --sources FILE reads a list, one source a line."))

    public static let rollupSourcesUnreadable = CommandMessage(
        "rollup-sources-unreadable",
        vi: "không đọc được danh sách nguồn {path}: {problem}; kiểm tra tên tệp ghi sau --sources",
        en: "cannot read the list of sources {path}: {problem}; check the file named after --sources")

    public static let rolledUp = CommandMessage(
        "rolled-up",
        vi: "Đã tổng hợp {wards} đơn vị cho ngày {day} vào {output}/ ({unreachable} không đọc được, {stale} số liệu cũ) — mở {output}/index.html",
        en: "Rolled up {wards} wards for {day} into {output}/ ({unreachable} unreachable, {stale} stale) — open {output}/index.html")

    /// Why a ward's figures could not be had: shown on its row and printed as a warning.
    public static let wardNoFetcher = CommandMessage(
        "ward-no-fetcher", vi: "bản caitien này không tải được từ địa chỉ web", en: "this caitien cannot fetch addresses")
    public static let wardPlainHTTP = CommandMessage(
        "ward-plain-http",
        vi: "chỉ tải từ địa chỉ https:// (http:// chỉ được dùng với 127.0.0.1 hoặc localhost); viết https://{rest}",
        en: "only https:// addresses are fetched (plain http:// only from 127.0.0.1 or localhost); write https://{rest}")
    public static let wardScheme = CommandMessage(
        "ward-scheme",
        vi: "{scheme}:// không phải nguồn caitien đọc được: ghi thư mục trang, đường dẫn data.json hoặc địa chỉ https://",
        en: "{scheme}:// is not a source caitien reads: give a site folder, a data.json path or an https:// address")
    public static let wardNoDataJSON = CommandMessage(
        "ward-no-data-json",
        vi: "{path} không có data.json: ghi thư mục do `caitien build` tạo (public), hoặc tệp data.json của phường",
        en: "{path} holds no data.json: give the folder `caitien build` wrote (public), or the ward's data.json")
    public static let wardNotAFile = CommandMessage(
        "ward-not-a-file", vi: "{path} không phải tệp", en: "{path} is not a file")
    public static let wardTooLarge = CommandMessage(
        "ward-too-large",
        vi: "{path} dài {size} MiB, lớn hơn mức một data.json của phường có thể có ({limit} MiB)",
        en: "{path} is {size} MiB, larger than a ward's data.json can be ({limit} MiB)")
    public static let wardEmpty = CommandMessage("ward-empty", vi: "data.json trống", en: "data.json is empty")
    public static let wardNotObject = CommandMessage(
        "ward-not-object", vi: "không phải data.json: tệp không bắt đầu bằng {brace}", en: "not a data.json: it does not start with {brace}")
    public static let wardIsRollup = CommandMessage(
        "ward-is-rollup",
        vi: "đây là data.json của một bản tổng hợp cấp tỉnh, không phải của phường",
        en: "this is a province roll-up's data.json, not a ward's")
    public static let wardNoSchema = CommandMessage(
        "ward-no-schema",
        vi: "không phải data.json do caitien tạo: không có `schema`",
        en: "not a data.json written by caitien: it has no `schema`")
    public static let wardNoToday = CommandMessage(
        "ward-no-today", vi: "data.json không có `today`", en: "data.json has no `today`")
    public static let wardNoKpis = CommandMessage(
        "ward-no-kpis",
        vi: "data.json không có `kpis.tickets.open` và `overdue`",
        en: "data.json has no `kpis.tickets.open` and `overdue`")
    public static let wardSchemaNewer = CommandMessage(
        "ward-schema-newer",
        vi: "data.json phiên bản (schema) {schema} mới hơn bản caitien này đọc được ({readable}); cập nhật caitien lên phiên bản của phường hoặc mới hơn",
        en: "data.json schema {schema} is newer than this caitien reads ({readable}); update caitien to the ward's version or newer")
    public static let wardSchemaUnknown = CommandMessage(
        "ward-schema-unknown",
        vi: "data.json phiên bản (schema) {schema} không phải phiên bản caitien từng tạo (đọc được {first}–{last})",
        en: "data.json schema {schema} is not one caitien has written (it reads {first}–{last})")
    public static let wardJSONDamaged = CommandMessage(
        "ward-json-damaged",
        vi: "JSON hỏng ở dòng {line}, byte {offset}: {problem}",
        en: "not valid JSON at line {line}, byte {offset}: {problem}")
    public static let wardCannotFetch = CommandMessage(
        "ward-cannot-fetch", vi: "không tải được {url}: {problem}", en: "cannot fetch {url}: {problem}")
    public static let wardCannotFetchTries = CommandMessage(
        "ward-cannot-fetch-tries",
        vi: "không tải được {url}: {problem} (đã thử {tries} lần)",
        en: "cannot fetch {url}: {problem} ({tries} tries)")
    public static let wardCannotFetchOnce = CommandMessage(
        "ward-cannot-fetch-once",
        vi: "không tải được {url}: {problem} (đã thử 1 lần)",
        en: "cannot fetch {url}: {problem} (1 try)")
    public static let fetchStatus = CommandMessage(
        "fetch-status", vi: "máy chủ trả lời {code} {reason}", en: "the server answered {code} {reason}")
    public static let fetchTooLarge = CommandMessage(
        "fetch-too-large",
        vi: "câu trả lời lớn hơn mức một data.json của phường có thể có ({limit} MiB)",
        en: "the answer is larger than a ward's data.json can be ({limit} MiB)")
    public static let fetchNoTLS = CommandMessage(
        "fetch-no-tls",
        vi: "không lập được kết nối bảo mật (TLS): {problem}",
        en: "no secure connection (TLS) could be made: {problem}")
    public static let fetchNoAnswer = CommandMessage(
        "fetch-no-answer", vi: "không có trả lời trong {seconds} giây", en: "no answer within {seconds} s")
    public static let fetchClosed = CommandMessage(
        "fetch-closed", vi: "máy chủ đóng kết nối", en: "the server closed the connection")
    public static let fetchBadAddress = CommandMessage(
        "fetch-bad-address", vi: "địa chỉ không hợp lệ", en: "not a valid address")

    /// What is wrong in a ward's JSON, at the line and byte `ward-json-damaged` names.
    public static let jsonTrailingText = CommandMessage(
        "json-trailing-text", vi: "còn chữ sau khi tài liệu đã kết thúc", en: "unexpected text after the end of the document")
    public static let jsonExpected = CommandMessage(
        "json-expected", vi: "cần {what}", en: "expected {what}")
    public static let jsonEndsExpecting = CommandMessage(
        "json-ends-expecting", vi: "tệp kết thúc sớm, còn thiếu {what}", en: "the file ends too early, expected {what}")
    public static let jsonEndsInObject = CommandMessage(
        "json-ends-in-object", vi: "tệp kết thúc sớm, giữa một đối tượng", en: "the file ends too early, inside an object")
    public static let jsonEndsInList = CommandMessage(
        "json-ends-in-list", vi: "tệp kết thúc sớm, giữa một danh sách", en: "the file ends too early, inside a list")
    public static let jsonExpectedKey = CommandMessage(
        "json-expected-key", vi: "cần một khóa trong ngoặc kép", en: "expected a key in quotes")
    public static let jsonExpectedBool = CommandMessage(
        "json-expected-bool", vi: "cần true hoặc false", en: "expected true or false")
    public static let jsonExpectedText = CommandMessage(
        "json-expected-text", vi: "cần chữ trong ngoặc kép", en: "expected text in quotes")
    public static let jsonEndsInText = CommandMessage(
        "json-ends-in-text", vi: "tệp kết thúc sớm, giữa một đoạn chữ", en: "the file ends too early, inside text")
    public static let jsonEndsEarly = CommandMessage(
        "json-ends-early", vi: "tệp kết thúc sớm, còn thiếu một giá trị", en: "the file ends too early, expected a value")
    public static let jsonControlCharacter = CommandMessage(
        "json-control-character", vi: "có ký tự điều khiển trong chữ", en: "a control character inside text")
    public static let jsonNotUTF8 = CommandMessage(
        "json-not-utf8", vi: "chữ không phải UTF-8", en: "text that is not UTF-8")
    public static let jsonLoneBackslash = CommandMessage(
        "json-lone-backslash", vi: "dấu \\ đứng một mình trong chữ", en: "a lone backslash in text")
    public static let jsonBadUnicodeEscape = CommandMessage(
        "json-bad-unicode-escape", vi: "mã \\u viết sai", en: "a bad \\u escape")
    public static let jsonBadEscape = CommandMessage(
        "json-bad-escape", vi: "ký tự thoát (\\) viết sai trong chữ", en: "a bad escape in text")
    public static let jsonNumberOutOfRange = CommandMessage(
        "json-number-out-of-range", vi: "số vượt quá giới hạn", en: "a number out of range")
    public static let jsonExpectedCount = CommandMessage(
        "json-expected-count", vi: "cần một số nguyên từ 0", en: "expected a whole number from 0")
    public static let jsonTooDeep = CommandMessage(
        "json-too-deep", vi: "lồng nhau quá sâu", en: "nested too deeply")
    public static let jsonExpectedValue = CommandMessage(
        "json-expected-value", vi: "cần một giá trị", en: "expected a value")
    public static let jsonExpectedNumber = CommandMessage(
        "json-expected-number", vi: "cần một số", en: "expected a number")
    public static let jsonExpectedDecimals = CommandMessage(
        "json-expected-decimals", vi: "cần chữ số sau dấu thập phân", en: "expected digits after the decimal point")
    public static let jsonExpectedExponent = CommandMessage(
        "json-expected-exponent", vi: "cần chữ số ở phần mũ", en: "expected digits in the exponent")
    public static let jsonSchemaNotWhole = CommandMessage(
        "json-schema-not-whole", vi: "`schema` không phải số nguyên", en: "`schema` is not a whole number")
    public static let jsonTodayNotDate = CommandMessage(
        "json-today-not-date", vi: "`today` không phải ngày dạng YYYY-MM-DD", en: "`today` is not a date YYYY-MM-DD")
    public static let jsonExpectedDate = CommandMessage(
        "json-expected-date", vi: "cần một ngày dạng YYYY-MM-DD", en: "expected a date YYYY-MM-DD")


    // MARK: stats (the figures as text)

    public static let statsHeading = CommandMessage(
        "stats-heading", vi: "Số liệu ngày {day} — {organisation}", en: "Figures for {day} — {organisation}")
    public static let statsRequests = CommandMessage(
        "stats-requests", vi: "Phiếu: tổng {total}, đang mở {open}, đã đóng {closed}, đã hủy {cancelled}", en: "Requests: {total} total, {open} open, {closed} closed, {cancelled} cancelled")
    public static let statsByStage = CommandMessage(
        "stats-by-stage", vi: "  theo giai đoạn: {list}", en: "  by stage: {list}")
    public static let statsByKind = CommandMessage(
        "stats-by-kind", vi: "  theo loại: {list}", en: "  by kind: {list}")
    public static let statsByUnit = CommandMessage(
        "stats-by-unit", vi: "  theo đơn vị: {list}", en: "  by unit: {list}")
    public static let statsBySource = CommandMessage(
        "stats-by-source", vi: "  theo nguồn: {list}", en: "  by source: {list}")
    public static let statsOverdue = CommandMessage(
        "stats-overdue", vi: "  quá hạn: {ids}", en: "  overdue: {ids}")
    public static let statsDueSoon = CommandMessage(
        "stats-due-soon", vi: "  sắp đến hạn: {ids}", en: "  due soon: {ids}")
    public static let statsActionsOverdue = CommandMessage(
        "stats-actions-overdue", vi: "  biện pháp quá hạn: {ids}", en: "  actions overdue: {ids}")
    public static let statsMissingProgress = CommandMessage(
        "stats-missing-progress", vi: "  thiếu báo cáo tiến độ hằng tháng: {ids}", en: "  missing monthly progress: {ids}")
    public static let statsAwaitingVerification = CommandMessage(
        "stats-awaiting-verification", vi: "  chờ kiểm tra xác nhận: {ids}", en: "  awaiting verification: {ids}")
    public static let statsUndecided = CommandMessage(
        "stats-undecided", vi: "  chưa quyết định có cần HĐKP/cải tiến: {ids}", en: "  undecided: {ids}")
    public static let statsRates = CommandMessage(
        "stats-rates", vi: "  đóng đúng hạn: {onTime}; có hiệu lực: {effective}", en: "  closed on time: {onTime}; effective: {effective}")
    public static let statsDaysToClose = CommandMessage(
        "stats-days-to-close", vi: "  số ngày đến khi đóng: trung vị {median}, p90 {p90}", en: "  days to close: median {median}, p90 {p90}")
    public static let statsAge = CommandMessage(
        "stats-age", vi: "  số ngày phiếu đang mở: 0–30: {a}, 31–90: {b}, 91–180: {c}, trên 180: {d}", en: "  age of open requests: 0–30: {a}, 31–90: {b}, 91–180: {c}, 181+: {d}")
    public static let statsDisposable = CommandMessage(
        "stats-disposable", vi: "  có thể hủy (hết thời hạn lưu): {ids}", en: "  may be disposed of (retention over): {ids}")
    public static let statsRecurring = CommandMessage(
        "stats-recurring", vi: "KPH lặp lại:{none}", en: "Recurring nonconformities:{none}")
    public static let statsRecurringGroup = CommandMessage(
        "stats-recurring-group", vi: "  {unit} / {category}: {run} lần liên tiếp — {state}", en: "  {unit} / {category}: {run} in a row — {state}")
    public static let statsCoveredBy = CommandMessage(
        "stats-covered-by", vi: "đã có phiếu {id}", en: "covered by {id}")
    public static let statsActionRequired = CommandMessage(
        "stats-action-required", vi: "CẦN HÀNH ĐỘNG KHẮC PHỤC", en: "CORRECTIVE ACTION REQUIRED")
    public static let statsConfidential = CommandMessage(
        "stats-confidential", vi: "(bảo mật)", en: "(confidential)")
    public static let statsObjectives = CommandMessage(
        "stats-objectives", vi: "Mục tiêu năm {year}: {objectives} mục tiêu, {evaluated} đã đánh giá, {met} đạt, tỷ lệ đạt {attainment}", en: "Objectives {year}: {objectives} objectives, {evaluated} evaluated, {met} met, attainment {attainment}")
    public static let statsPlansLate = CommandMessage(
        "stats-plans-late", vi: "  kế hoạch phê duyệt muộn: {ids}", en: "  plans approved late: {ids}")
    public static let statsPlansUnapproved = CommandMessage(
        "stats-plans-unapproved", vi: "  kế hoạch chưa phê duyệt: {ids}", en: "  plans not approved: {ids}")
    public static let statsEvaluationsLate = CommandMessage(
        "stats-evaluations-late", vi: "  đánh giá kết quả muộn: {ids}", en: "  evaluations late: {ids}")
    public static let statsEvaluationsMissing = CommandMessage(
        "stats-evaluations-missing", vi: "  chưa đánh giá kết quả: {ids}", en: "  evaluations missing: {ids}")
    public static let statsPlansMissing = CommandMessage(
        "stats-plans-missing", vi: "  chưa có kế hoạch: {ids}", en: "  plans missing: {ids}")
    public static let statsReview = CommandMessage(
        "stats-review", vi: "Xem xét của lãnh đạo: lần gần nhất {last}{ago}; {due}", en: "Management review: last {last}{ago}; {due}")
    public static let statsDaysAgo = CommandMessage(
        "stats-days-ago", vi: ", cách đây {days} ngày", en: ", {days} days ago")
    public static let statsDueNow = CommandMessage(
        "stats-due-now", vi: "ĐÃ ĐẾN HẠN", en: "DUE NOW")
    public static let statsNextDue = CommandMessage(
        "stats-next-due", vi: "hạn tiếp theo {day}", en: "next due by {day}")
    public static let statsNever = CommandMessage(
        "stats-never", vi: "chưa có", en: "never")
    public static let statsNone = CommandMessage(
        "stats-none", vi: "không có", en: "none")
    public static let statsReviewIncomplete = CommandMessage(
        "stats-review-incomplete", vi: "  {id} thiếu đầu vào: {inputs}", en: "  {id} is missing inputs: {inputs}")
    public static let statsDecisions = CommandMessage(
        "stats-decisions", vi: "  quyết định chưa có phiếu: {count}; quyết định có phiếu quá hạn: {ids}", en: "  decisions without a request: {count}; decisions whose request is overdue: {ids}")
    public static let statsAudit = CommandMessage(
        "stats-audit", vi: "Đánh giá nội bộ: lần gần nhất {last}{ago}; {due}", en: "Internal audit: last {last}{ago}; {due}")
    public static let statsFindings = CommandMessage(
        "stats-findings", vi: "  các phát hiện: {list}", en: "  findings: {list}")
    public static let statsUnanswered = CommandMessage(
        "stats-unanswered", vi: "  sự không phù hợp chưa mở phiếu: {ids}", en: "  nonconformities without a request: {ids}")
    public static let statsInspections = CommandMessage(
        "stats-inspections", vi: "Kiểm tra của cơ quan cấp tỉnh: lần gần nhất {last}; báo cáo quá hạn: {overdue}; báo cáo muộn: {late}; bị từ chối, chưa báo cáo lại: {rejected}", en: "Inspections: last {last}; reports overdue: {overdue}; reports late: {late}; rejected and open: {rejected}")
    public static let statsLegal = CommandMessage(
        "stats-legal", vi: "Văn bản pháp luật: chưa cập nhật vào HTQLCL {pending}; quá hạn: {overdue}; muộn: {late}; đúng hạn: {onTime}", en: "Legal documents: pending {pending}; overdue: {overdue}; late: {late}; on time: {onTime}")

    /// Every message of the command line, in the order `caitien explain` lists those it explains.
    public static let all: [CommandMessage] = [
        outputHoldsWorkingFolder, outputOverlaps, outputNotAFolder, outputNotOurs, outputBusy, outputWaiting, outsideOutput,
        cannotCreateFolder, cannotWrite, cannotRead, cannotPublish,
        folderUnreadable, fileUnreadable, notRegularFile, fileTooLarge, isSymbolicLink, noSuchFile, noSuchFolder, changedWhileRead,
        pathProblem, unexpected,
        themeNotAFolder, themeLink, themeNotText, themeStringsBroken, themeStringsNotMapping, themeStringsEntry, themeNoStrings,
        themeStringsMissing, templateBroken, templateTagNotClosed, templateClosesWrong, templateNothingOpen, templateSectionNotClosed,
        templateMissing, templateUnknownKey, templateNotRendered,
        dayOutOfRange, formatUnknown, timeoutOutOfRange, retriesOutOfRange, commandLineWrong,
        unknownOption, unknownOptionDidYouMean, missingValue, missingArgument, invalidValue, invalidDay, unexpectedArgument, missingSubcommand, otherUsageError,
        explainUnknown, explainDidYouMean, explainMessagesHeading,
        recordExists, auditExists, inspectionExists, legalExists, optionUnknownUnit, noUnitsListed, titleEmpty, whoReports,
        whoLeadsAudit, noUnitsForScope, inspectingBodyEmpty, legalIDNeeded, legalIDBad, dayAfterToday, siteExists, initFilesExist, initNext,
        cannotServe, serving, rebuilt,
        fixErrorsFirst, nothingWritten, built,
        rollupNoSources, rollupSourcesUnreadable, rolledUp,
        wardNoFetcher, wardPlainHTTP, wardScheme, wardNoDataJSON, wardNotAFile, wardTooLarge, wardEmpty, wardNotObject, wardIsRollup,
        wardNoSchema, wardNoToday, wardNoKpis, wardSchemaNewer, wardSchemaUnknown, wardJSONDamaged, wardCannotFetch,
        wardCannotFetchTries, wardCannotFetchOnce, fetchStatus, fetchTooLarge, fetchNoTLS, fetchNoAnswer, fetchClosed, fetchBadAddress,
        jsonTrailingText, jsonExpected, jsonEndsExpecting, jsonEndsInObject, jsonEndsInList, jsonExpectedKey, jsonExpectedBool, jsonExpectedText, jsonEndsInText, jsonEndsEarly, jsonControlCharacter,
        jsonNotUTF8, jsonLoneBackslash, jsonBadUnicodeEscape, jsonBadEscape, jsonNumberOutOfRange, jsonExpectedCount, jsonTooDeep,
        jsonExpectedValue, jsonExpectedNumber, jsonExpectedDecimals, jsonExpectedExponent, jsonSchemaNotWhole, jsonTodayNotDate,
        jsonExpectedDate,
        statsHeading, statsRequests, statsByStage, statsByKind, statsByUnit, statsBySource, statsOverdue, statsDueSoon,
        statsActionsOverdue, statsMissingProgress, statsAwaitingVerification, statsUndecided, statsRates,
        statsDaysToClose, statsAge, statsDisposable, statsRecurring, statsRecurringGroup, statsCoveredBy,
        statsActionRequired, statsConfidential, statsObjectives, statsPlansLate, statsPlansUnapproved,
        statsEvaluationsLate, statsEvaluationsMissing, statsPlansMissing, statsReview, statsDaysAgo, statsDueNow,
        statsNextDue, statsNever, statsNone, statsReviewIncomplete, statsDecisions, statsAudit, statsFindings,
        statsUnanswered, statsInspections, statsLegal,
    ]
}
