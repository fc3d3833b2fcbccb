import CaiTienRender
import CaiTienContent
import CaiTienHistory
import CaiTienModel
import Foundation

/// `caitien new` and `caitien init`: records and sites that pass `caitien check` as written,
/// with Vietnamese comments that say what to fill in later. Nothing is ever overwritten.
public enum Scaffold {
    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The next free request id of a year: `PYC-YEAR-NNN`, three digits at least, or as wide as
    /// the site's existing ids. Ids are compared without regard to case (`pyc-2025-002` takes
    /// the number 2 as `PYC-2025-002` would: the two files collide on macOS and Windows).
    public static func nextRequestID(year: Int, existing: [String]) -> String {
        let prefix = "PYC-\(year)-"
        var width = 3
        var highest = 0
        let taken = Set(existing.map { $0.uppercased() })
        for id in taken {
            let parts = id.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "PYC", parts[2].utf8.count <= 9, let number = Int(parts[2]), number >= 0 else { continue }
            width = max(width, parts[2].count)
            if id.hasPrefix(prefix) { highest = max(highest, number) }
        }
        var next = highest
        while true {
            next += 1
            let number = String(next)
            let id = prefix + String(repeating: "0", count: max(0, width - number.count)) + number
            if !taken.contains(id) { return id }
        }
    }

    /// The values of a key as the comments list them: the Vietnamese words, which the records
    /// may use as they are (SPEC §1).
    static func choices<E: WrittenValue>(_ type: E.Type) -> String { E.allCases.map(\.vietnamese).joined(separator: " | ") }

    /// Writes a new file, never replacing one; creates the folders it needs.
    static func create(_ path: String, _ text: String) throws(BuildError) {
        let folder = (path as NSString).deletingLastPathComponent
        // A file of the working folder itself (`caitien init .` writes `.gitignore`) has no folder to create.
        do { if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } } catch {
            throw BuildError(.cannotCreateFolder, ["path": .value(folder), "problem": .problem(of: error)])
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw errno == EEXIST ? BuildError(.recordExists, ["path": .value(path)]) : BuildError(.cannotWrite, ["path": .value(path), "problem": .system(errno)])
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else {
            // A short write (a full disk) reports no reason of its own.
            let reason = errno == 0 ? ENOSPC : errno
            unlink(path)
            throw BuildError(.cannotWrite, ["path": .value(path), "problem": .system(reason)])
        }
    }

    /// git's `user.name` for the content folder, if set.
    public static func gitUserName(in folder: String) -> String? {
        gitLine(["config", "user.name"], in: folder)
    }

    // MARK: - new ticket

    public static func newTicket(content: String, unit written: String, kind: Kind, source: Source, title: String,
                                 category: String?, by: String?, today: Day?) throws(BuildError) -> String {
        let site = checkSite(content: content, today: today, history: false)
        let day = site.today
        // A unit's name is taken as well as its code; the record gets the code.
        guard let unit = site.content.site.unitCode(written: written) else {
            let units = site.content.site.units.map(\.code)
            throw BuildError(.optionUnknownUnit, ["unit": .value(written), "units": units.isEmpty ? CommandMessage.noUnitsListed().phrase : .list(units)])
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw BuildError(.titleEmpty) }
        guard let reporter = by ?? gitUserName(in: content) else {
            throw BuildError(.whoReports)
        }
        let id = nextRequestID(year: day.year, existing: Array(site.parsed.requestIDs))
        let path = joinPath(content, "\(RecordType.request.folder)/\(day.year)/\(id).md")
        let categoryLine: String
        if kind == .nonconformity {
            let text = category ?? title.lowercased()
            categoryLine = "category: \(quoted(text))  # nội dung KPH: cùng nội dung thì ghi giống hệt nhau để nhận biết KPH lặp lại (5.2.2)\n"
        } else {
            categoryLine = category.map { "category: \(quoted($0))\n" } ?? ""
        }
        let text = """
        ---
        # Phiếu yêu cầu hành động khắc phục/cải tiến (BM.CTCL.01) — quy trình QT.CTCL.
        # Dòng bắt đầu bằng # là ghi chú. Khi đến bước nào, bỏ dấu # của dòng đó và điền.
        # Ngày ghi dạng dd/mm/yyyy (ví dụ 05/03/2026) hoặc yyyy-mm-dd. Không có trường "status":
        # giai đoạn của phiếu được tính từ các ngày đã điền.
        title: \(quoted(title))
        kind: \(kind.vietnamese)  # \(choices(Kind.self))
        # Nguồn phát sinh (5.1.2): \(choices(Source.self))
        source: \(source.vietnamese)
        unit: \(unit)  # mã đơn vị trong site.yml (hoặc tên đơn vị)
        \(categoryLine)severity: \(Severity.minor.vietnamese)  # \(Severity.minor.vietnamese) | \(Severity.major.vietnamese) (hậu quả nặng, 5.2.2)
        opened: \(day.vietnamese)  # ngày mở phiếu (5.2.1)
        reported_by: \(quoted(reporter))
        #
        # 5.1.1 Hình thức xử lý (chỉ với sự KPH): \(choices(Disposition.self))
        # disposition: \(Disposition.repair.vietnamese)
        #
        # 5.2.2 Lãnh đạo đơn vị xác định có cần hành động khắc phục/cải tiến: có | không
        # action_needed: có
        # decided_by: "Họ và tên lãnh đạo đơn vị"
        # decided_on: dd/mm/yyyy
        #
        # 5.3 Ban ISO phân công người/đơn vị thực hiện
        # assigned_to: "Họ và tên"
        # assigned_on: dd/mm/yyyy
        #
        # 5.4 Phê duyệt giải pháp và thời hạn
        # approved_by: "Lãnh đạo Ban ISO"
        # approved_on: dd/mm/yyyy
        # due: dd/mm/yyyy
        #
        # 5.5 Các biện pháp, báo cáo tiến độ hằng tháng (việc kéo dài quá 30 ngày), thay đổi kế hoạch
        # actions:
        #   - {what: "Biện pháp", owner: "Người thực hiện", due: dd/mm/yyyy}
        # progress:
        #   - {date: dd/mm/yyyy, note: "Đã thực hiện được…"}
        # changes:
        #   - {date: dd/mm/yyyy, note: "Điều chỉnh kế hoạch/nguồn lực…"}
        # completed_on: dd/mm/yyyy
        #
        # 5.6 Lãnh đạo cơ quan kiểm tra xác nhận: \(choices(VerificationResult.self))
        # verified_on: dd/mm/yyyy
        # verified_by: "Họ và tên"
        # result: \(VerificationResult.effective.vietnamese)
        #
        # 5.7 Ban ISO đóng phiếu; nếu không có hiệu lực, mở phiếu mới và ghi số phiếu đó
        # closed: dd/mm/yyyy
        # follow_up: PYC-…
        #
        # Hủy phiếu: cancelled: dd/mm/yyyy và cancel_reason: "Lý do"
        # Phiếu có dữ liệu cá nhân của công dân (Nghị định 13/2023/NĐ-CP): confidential: có
        ---

        ## Nội dung yêu cầu

        <!-- Ô 1: mô tả sự không phù hợp hoặc đề xuất cải tiến: ở đâu, khi nào, bao nhiêu hồ sơ, căn cứ. -->

        ## Nguyên nhân và biện pháp

        <!-- Ô 2: nguyên nhân gốc rễ, biện pháp khắc phục, các thay đổi trong quá trình thực hiện (5.4, 5.5). -->

        ## Kết quả kiểm tra xác nhận

        <!-- Ô 3: bằng chứng kết quả thực hiện khi kiểm tra xác nhận và đóng phiếu (5.6, 5.7). -->

        """
        try create(path, text)
        return path
    }

    // MARK: - new review

    public static func newReview(content: String, format: Review.Format, date: Day?, today: Day?) throws(BuildError) -> String {
        let site = checkSite(content: content, today: today, history: false)
        let day = date ?? site.today
        let path = joinPath(content, "\(RecordType.review.folder)/\(day.iso).md")
        let people: String
        if format == .meeting {
            people = """
            chair: "Chủ tịch UBND phường"  # chủ trì (5.8.1)
            secretary: "Thư ký ISO"
            attendees:
              - "Các thành viên Ban ISO"
              - "Trưởng các đơn vị"
            """
        } else {
            people = """
            report_approved_by: "Trưởng Ban ISO"  # người phê duyệt báo cáo kết quả hoạt động vận hành HTQLCL (5.8.2)
            report_approved_on: \(day.vietnamese)
            approved_by: "Chủ tịch UBND phường"  # người phê duyệt thông báo kết quả (5.8.2)
            approved_on: \(day.vietnamese)
            """
        }
        let inputs = Review.inputKeys.map { "  \($0): \"\"" }.joined(separator: "\n")
        let text = """
        ---
        # Xem xét của lãnh đạo (BM.CTCL.02), QT.CTCL 5.8. Trang reviews/next/ của bảng điều khiển
        # đã lập sẵn số liệu cho các đầu vào; chép vào đây và bổ sung. Đầu vào để trống sẽ được cảnh báo.
        date: \(day.vietnamese)
        format: \(format.vietnamese)  # \(Review.Format.meeting.vietnamese) (5.8.1) | \(Review.Format.report.vietnamese) (báo cáo và thông báo kết quả, 5.8.2)
        \(people)
        inputs:  # đầu vào 5.8.1.1, mỗi mục một đoạn văn (Markdown)
        \(inputs)
        # decisions:  # đầu ra 5.8.1.2; type: \(choices(Review.Decision.DecisionType.self)); ticket: phiếu đã mở
        #   - {type: \(Review.Decision.DecisionType.improvement.vietnamese), text: "Nội dung quyết định", owner: "Đơn vị", due: dd/mm/yyyy, ticket: PYC-…}
        ---

        <!-- Nội dung biên bản: diễn biến cuộc họp, ý kiến, kết luận. -->

        """
        try create(path, text)
        return path
    }

    // MARK: - new objectives

    public static func newObjectives(content: String, year: Int, unit written: String?, today: Day?) throws(BuildError) -> String {
        let site = checkSite(content: content, today: today, history: false)
        let unit = written.flatMap { site.content.site.unitCode(written: $0) }
        if let written, unit == nil {
            throw BuildError(.optionUnknownUnit, ["unit": .value(written), "units": .list(site.content.site.units.map(\.code))])
        }
        let path = joinPath(content, "\(RecordType.objectives.folder)/\(year)/\(unit ?? "phuong").md")
        // Carry last year's objectives over, without their results, when there are some.
        let lastYear = site.content.plans.first { $0.year == year - 1 && $0.unit == unit }
        var objectives = lastYear?.objectives.map { o in
            """
              - code: \(quoted(o.code))
                text: \(quoted(o.text))
            \(o.measure.map { "    measure: \(quoted($0))\n" } ?? "")    target: \(JSONNumber(o.target))
                direction: \(o.direction.vietnamese)
            """
        }.joined(separator: "\n") ?? ""
        if objectives.isEmpty {
            objectives = """
              - code: MT1
                text: "100% hồ sơ thủ tục hành chính được giải quyết đúng hạn"
                measure: "%"
                target: 100
                direction: \(ObjectivePlan.Direction.atLeast.vietnamese)  # \(choices(ObjectivePlan.Direction.self))
            """
        }
        let text = """
        ---
        # Mục tiêu chất lượng và kế hoạch thực hiện năm \(year) (Phụ lục 3 STCL), QT.CTCL 5.9.
        # Phê duyệt trước 30/01/\(year); đánh giá trước 31/12/\(year) (ghi actual cho từng mục tiêu).
        year: \(year)
        \(unit.map { "unit: \($0)" } ?? "# không có unit: mục tiêu của toàn phường")
        # approved_by: "Họ và tên"
        # approved_on: dd/mm/yyyy
        # evaluated_on: dd/mm/yyyy
        objectives:
        \(objectives)
        #   measurements: [{date: dd/mm/yyyy, value: 0}]   # kết quả theo dõi trong năm
        #   plan: [{what: "Việc cần làm", owner: "Người thực hiện", due: dd/mm/yyyy}]
        ---

        """
        try create(path, text)
        return path
    }

    private static func JSONNumber(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    // MARK: - init

    /// Starts a site: site.yml, the record folders, a .gitignore and a CI workflow.
    public static func initSite(at folder: String, organisation: String) throws(BuildError) -> [String] {
        if FileManager.default.fileExists(atPath: joinPath(folder, "content/site.yml")) {
            throw BuildError(.siteExists, ["folder": .value(folder)])
        }
        let files: [(String, String)] = [
            ("content/site.yml", """
            # Thông tin cơ quan và các đơn vị. Mã đơn vị (code) dùng trong các phiếu: chữ thường, số, dấu -.
            organisation: \(quoted(organisation))
            locale: vi
            timezone: Asia/Ho_Chi_Minh
            base_url: /
            units:
              - code: van-phong
                name: "Văn phòng HĐND và UBND"
              - code: tthcc
                name: "Trung tâm Phục vụ hành chính công"
            settings:
              recurrence_threshold: 3      # "quá 03 lần liên tiếp" (5.2.2)
              due_soon_days: 14
              long_action_days: 30         # việc kéo dài: báo cáo tiến độ hằng tháng (5.5)
              progress_interval_days: 31
              review_interval_days: 365    # xem xét của lãnh đạo ít nhất 01 lần/năm (5.8)
              retention_years: 3           # lưu phiếu BM.CTCL.01 03 năm
              audit_interval_days: 365     # đánh giá nội bộ ít nhất 01 lần/năm (QĐ 19/2014 Điều 4.4b)
              legal_update_months: 3       # cập nhật văn bản pháp luật vào HTQLCL trong 03 tháng (Điều 4.4a)
              inspection_report_months: 2  # báo cáo khắc phục sau kiểm tra trong 02 tháng (TT 26/2014 Điều 37)
              finding_request_days: 30     # mở phiếu cho sự không phù hợp của đánh giá nội bộ trong 30 ngày
            # Thông tin HTQLCL theo QĐ 19/2014 Điều 4 (bỏ dấu # và điền khi có), dùng cho báo cáo năm:
            # qms:
            #   announced_on: dd/mm/yyyy            # ngày công bố HTQLCL phù hợp TCVN ISO 9001
            #   announcement_ref: "Quyết định số …/QĐ-UBND"
            #   scope_changed_on: dd/mm/yyyy        # ngày điều chỉnh phạm vi áp dụng (cần công bố lại)
            #   effectiveness_confirmed_on: dd/mm/yyyy  # ngày người đứng đầu xác nhận hiệu lực

            """),
        ] + RecordType.all.map { ("content/\($0.folder)/.gitkeep", "") } + [
            (".gitignore", "public/\n.public.*\n"),
            (".github/workflows/caitien.yml", githubWorkflow),
        ]
        // Every file is looked for before any is written: a refused init leaves nothing behind.
        let taken = files.map(\.0).filter { DiskFileSystem().kind(of: joinPath(folder, $0)) != nil }
        if !taken.isEmpty { throw BuildError(.initFilesExist, ["folder": .value(folder), "files": .list(taken)]) }
        var written: [String] = []
        for (relative, text) in files {
            let path = joinPath(folder, relative)
            try create(path, text)
            written.append(path)
        }
        return written
    }
}
