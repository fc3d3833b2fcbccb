// The pieces the rules' messages are made of, in both languages, beside the rules themselves:
// the Vietnamese names of the keys, what kind of mapping a key is in, the hints of missing keys.
// Vietnamese terms as the procedure QT.CTCL writes them.

extension Phrase {
    /// A front-matter key as the message names it: `opened` in English, "ngày mở phiếu
    /// (`opened`)" in Vietnamese.
    public static func key(_ key: String) -> Phrase {
        let name = keyName(key)
        return Phrase(vi: name.map { "\($0) (`\(key)`)" } ?? "`\(key)`", en: "`\(key)`")
    }

    /// The Vietnamese name of a key: a record's key as its type names it (`RecordTypes.swift`),
    /// any other key as `keyNames` or `dutyKeyNames` does.
    static func keyName(_ key: String) -> String? {
        RecordType.keyNames[key] ?? keyNames[key] ?? dutyKeyNames[key]
    }

    /// The Vietnamese name of the keys of site.yml and of the mappings inside a record, in the
    /// words of the procedure and of the forms. A key of a mapping inside a record that is also
    /// a record's own key (`date`, `due`, `unit`, `ticket`, `confidential`) has the name its
    /// record type gives it.
    static let keyNames: [String: String] = [
        // site.yml
        "organisation": "tên cơ quan", "locale": "ngôn ngữ", "timezone": "múi giờ", "base_url": "địa chỉ trang",
        "units": "các đơn vị", "settings": "thiết lập", "name": "tên", "head": "trưởng đơn vị",
        "recurrence_threshold": "ngưỡng KPH lặp lại", "due_soon_days": "số ngày sắp đến hạn",
        "long_action_days": "số ngày của việc kéo dài", "progress_interval_days": "số ngày giữa hai báo cáo tiến độ",
        "review_interval_days": "số ngày giữa hai lần xem xét", "retention_years": "số năm lưu phiếu",
        // BM.CTCL.01: actions, progress and changes
        "what": "biện pháp", "owner": "người thực hiện", "done": "ngày hoàn thành", "note": "nội dung",
        // BM.CTCL.02: decisions
        "type": "loại", "text": "nội dung",
        // Objectives
        "code": "mã", "measure": "đơn vị đo", "target": "chỉ tiêu", "direction": "chiều đánh giá", "actual": "kết quả",
        "measurements": "kết quả theo dõi", "plan": "kế hoạch", "value": "giá trị",
    ]

    /// " — did you mean `x`?", or nothing.
    public static func didYouMean(_ near: String?) -> Phrase {
        guard let near else { return .empty }
        return Phrase(vi: " — bạn muốn viết `\(near)`?", en: " — did you mean `\(near)`?")
    }

    /// A list of codes, each in backticks: "`tthcc`, `van-phong`".
    public static func codes(_ codes: [String]) -> Phrase { .value(codes.map { "`\($0)`" }.joined(separator: ", ")) }

    // What a mapping is, for "… in a unit", "… must be a mapping" (a record's own is in its type).
    public static let theSite = Phrase(vi: "site.yml", en: "site.yml")
    public static let aUnit = Phrase(vi: "một đơn vị", en: "a unit")
    public static let theSettings = Phrase(vi: "phần thiết lập (`settings`)", en: "settings")
    public static let anAction = Phrase(vi: "một biện pháp", en: "an action")
    public static func anEntry(_ key: String) -> Phrase { Phrase(vi: "một mục của `\(key)`", en: "a `\(key)` entry") }
    public static let aDecision = Phrase(vi: "một quyết định", en: "a decision")
    public static let theInputs = Phrase(vi: "các đầu vào của cuộc xem xét (5.8.1.1)", en: "the review's inputs (5.8.1.1)")
    public static let anObjective = Phrase(vi: "một mục tiêu", en: "an objective")
    public static let aMeasurement = Phrase(vi: "một kết quả đo", en: "a measurement")

    // What a dated step is, for "… is after today", "… is before `opened`".
    public static func actionDone(_ what: String) -> Phrase {
        Phrase(vi: "biện pháp \"\(what)\": ngày hoàn thành (`done`)", en: "action \"\(what)\": `done`")
    }
    public static func planActionDone(_ what: String) -> Phrase {
        Phrase(vi: "việc \"\(what)\" của kế hoạch: ngày hoàn thành (`done`)", en: "plan action \"\(what)\": `done`")
    }
    public static func entryDated(_ key: String) -> Phrase {
        Phrase(vi: "mục \(keyName(key).map { "\($0) (`\(key)`)" } ?? "`\(key)`") ngày", en: "`\(key)` entry dated")
    }
    public static func decision(_ text: String) -> Phrase { Phrase(vi: "quyết định \"\(text)\"", en: "decision \"\(text)\"") }
}

/// What a missing key holds, said in the message that asks for it.
public enum Hint {
    public static let organisation = Phrase(vi: "tên cơ quan, ví dụ `organisation: UBND phường Ninh Hòa`",
                                            en: "the organisation's name, e.g. `organisation: UBND phường Ninh Hòa`")
    public static let unitCode = Phrase(vi: "mã ngắn dùng trong các phiếu, ví dụ `van-phong`", en: "a short code used in records, e.g. `van-phong`")
    public static let unitName = Phrase(vi: "tên đầy đủ của đơn vị", en: "the unit's full name")
    public static let units = Phrase(vi: "liệt kê các đơn vị của phường, mỗi đơn vị có `code:` và `name:`",
                                     en: "list the ward's units, each with `code:` and `name:`")
    public static let title = Phrase(vi: "nội dung tóm tắt của yêu cầu (5.2.1)", en: "a short statement of the request (5.2.1)")
    public static let kind = Phrase(vi: "`sự không phù hợp`, `KPH tiềm ẩn` hoặc `cải tiến` (hay `nonconformity`, `potential`, `improvement`)",
                                    en: "`nonconformity`, `potential` or `improvement`")
    public static let source = Phrase(vi: "nguồn phát sinh yêu cầu (5.1.2), ví dụ `đánh giá nội bộ` (hay `internal_audit`)",
                                      en: "the input that raised it (5.1.2), e.g. `internal_audit`")
    public static let unit = Phrase(vi: "mã hoặc tên của đơn vị liên quan, như ghi trong site.yml",
                                    en: "the code of the unit concerned, as listed in site.yml")
    public static let category = Phrase(vi: "nội dung KPH, ghi giống hệt nhau cho cùng một sự không phù hợp (5.2.2)",
                                        en: "the NC content, the same words for the same nonconformity (5.2.2)")
    public static let opened = Phrase(vi: "ngày mở phiếu (5.2.1)", en: "the day the request was opened (5.2.1)")
    public static let reportedBy = Phrase(vi: "người lập phiếu", en: "who opened the request")
    public static let actionWhat = Phrase(vi: "việc cần làm", en: "what is to be done")
    public static let noteDate = Phrase(vi: "ngày của mục này", en: "the date of the note")
    public static let noteText = Phrase(vi: "đã làm gì hoặc thay đổi gì", en: "what was done or changed")
    public static let reviewDate = Phrase(vi: "ngày họp, hoặc ngày phê duyệt thông báo kết quả (5.8.2.2)",
                                          en: "the meeting date, or the date of the approved notice (5.8.2.2)")
    public static let reviewFormat = Phrase(vi: "`họp` (5.8.1) hoặc `báo cáo` (báo cáo và thông báo kết quả, 5.8.2)",
                                            en: "`meeting` (5.8.1) or `report` (5.8.2)")
    public static let chair = Phrase(vi: "cuộc họp có người chủ trì (5.8.1)", en: "a meeting has a chair (5.8.1)")
    public static let secretary = Phrase(vi: "cuộc họp có thư ký ghi biên bản", en: "a meeting has a secretary who writes the minutes")
    public static let attendees = Phrase(vi: "liệt kê thành phần tham dự cuộc họp", en: "list who attended the meeting")
    public static let noticeApprovedBy = Phrase(vi: "thông báo kết quả do lãnh đạo cơ quan phê duyệt (5.8.2)",
                                                en: "the report is approved by the head of the agency (5.8.2)")
    public static let noticeApprovedOn = Phrase(vi: "ngày phê duyệt thông báo kết quả (5.8.2)", en: "the day the notice was approved (5.8.2)")
    public static func inputs(_ keys: [String]) -> Phrase {
        Phrase(vi: "các đầu vào của 5.8.1.1, mỗi mục một đoạn văn: \(keys.joined(separator: ", "))",
               en: "the inputs of 5.8.1.1, one Markdown text each: \(keys.joined(separator: ", "))")
    }
    public static let decisionType = Phrase(vi: "`cải tiến`, `thay đổi HTQLCL` hoặc `nguồn lực` (5.8.1.2)",
                                            en: "`improvement`, `qms_change` or `resources` (5.8.1.2)")
    public static let decisionText = Phrase(vi: "nội dung quyết định", en: "what was decided")
    public static let year = Phrase(vi: "năm của các mục tiêu, ví dụ `year: 2025`", en: "the year of the objectives, e.g. `year: 2025`")
    public static let objectives = Phrase(vi: "liệt kê các mục tiêu, mỗi mục tiêu có `code`, `text` và `target`",
                                          en: "list the objectives, each with `code`, `text` and `target`")
    public static let objectiveCode = Phrase(vi: "mã ngắn như `MT1`", en: "a short code such as `MT1`")
    public static let objectiveText = Phrase(vi: "mục tiêu như ghi trong kế hoạch", en: "the objective as written in the plan")
    public static let target = Phrase(vi: "con số cần đạt, ví dụ `target: 100`", en: "the number to reach, e.g. `target: 100`")
    public static let measurementDate = Phrase(vi: "ngày đo", en: "the day of the measurement")
    public static let measurementValue = Phrase(vi: "giá trị đo được", en: "the measured value")

    /// After "there is no `status` key": which milestone to fill in instead, from the status written.
    public static func status(_ written: String) -> Phrase {
        switch written.lowercased() {
        case "closed", "done", "đóng", "đã đóng":
            return Phrase(vi: "để đóng phiếu, ghi `closed: <ngày>` (kèm `verified_on`, `verified_by` và `result`)",
                          en: "to close it, fill in `closed: <date>` (with `verified_on`, `verified_by` and `result`)")
        case "cancelled", "canceled", "huỷ", "hủy", "đã hủy", "đã huỷ":
            return Phrase(vi: "để hủy phiếu, ghi `cancelled: <ngày>` và `cancel_reason`",
                          en: "to withdraw it, fill in `cancelled: <date>` and `cancel_reason`")
        case "verifying", "completed", "hoàn thành", "đã hoàn thành":
            return Phrase(vi: "khi đã thực hiện xong, ghi `completed_on: <ngày>`", en: "when the work is done, fill in `completed_on: <date>`")
        case "in_progress", "in progress", "đang thực hiện":
            return Phrase(vi: "khi giải pháp được phê duyệt, ghi `approved_on: <ngày>` hoặc liệt kê `actions`",
                          en: "when the solution is approved, fill in `approved_on: <date>` or list `actions`")
        case "assigned", "đã giao", "đã phân công":
            return Phrase(vi: "để phân công, ghi `assigned_to` và `assigned_on`", en: "to assign it, fill in `assigned_to` and `assigned_on`")
        default:
            return Phrase(vi: "ghi ngày của bước đã đến: `assigned_on`, `approved_on`, `completed_on`, `verified_on` hoặc `closed`",
                          en: "fill in the date of the step reached: `assigned_on`, `approved_on`, `completed_on`, `verified_on` or `closed`")
        }
    }
}

extension Phrase {
    /// "no units", when site.yml lists none.
    public static let noUnits = Phrase(vi: "không có đơn vị nào", en: "no units")

    /// Whose objectives a plan holds: a unit's, or the ward's as a whole.
    public static func planOf(unit: String?) -> Phrase {
        unit.map { Phrase(vi: "đơn vị `\($0)`", en: "unit `\($0)`") } ?? Phrase(vi: "toàn phường", en: "the ward")
    }

    /// After "closed without verification: fill in …": the other way to close, when the unit
    /// head has not decided that an action is needed (5.2.2).
    public static func orNoActionNeeded(nonconformity: Bool) -> Phrase {
        nonconformity
            ? Phrase(vi: ", hoặc nếu lãnh đạo đơn vị xác định không cần HĐKP (5.2.2), ghi `action_needed: không` kèm hình thức xử lý `disposition`",
                     en: ", or set `action_needed: false` with a `disposition`")
            : Phrase(vi: ", hoặc nếu lãnh đạo đơn vị xác định không cần hành động (5.2.2), ghi `action_needed: không`",
                     en: ", or set `action_needed: false`")
    }

    // The pieces of `record-lost`.
    public static func deletedOn(_ day: Day?) -> Phrase {
        guard let day else { return .empty }
        return Phrase(vi: " ngày \(day.vietnamese)", en: " on \(day.iso)")
    }
    public static func retentionRunsUntil(_ day: Day?) -> Phrase {
        guard let day else {
            return Phrase(vi: "và không đọc được các ngày của phiếu, nên phiếu được coi là còn trong thời hạn lưu trữ",
                          en: "and its dates could not be read, so it is taken to be inside its retention")
        }
        return Phrase(vi: "khi còn trong thời hạn lưu trữ đến \(day.vietnamese)", en: "while its retention runs until \(day.iso)")
    }

    /// Why the history could not be read when git refuses a repository owned by another user.
    public static let dubiousOwnership = Phrase(
        vi: "git từ chối kho này (dubious ownership); chạy `git config --global --add safe.directory \"$PWD\"` trước",
        en: "git refuses the repository (dubious ownership); run `git config --global --add safe.directory \"$PWD\"` first")
}

extension Phrase {
    /// The values a key takes: the Vietnamese words first in Vietnamese, the codes in English.
    public static func allowed<E: WrittenValue>(_ type: E.Type) -> Phrase {
        let codes = E.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        let words = E.allCases.map { "`\($0.vietnamese)`" }.joined(separator: ", ")
        return Phrase(vi: "\(words) (hoặc \(codes))", en: codes)
    }
}
