import CaiTienContent
import CaiTienModel
import Foundation

// `caitien new audit|inspection|legal`: records of the ward's other duties (SPEC §5) that pass
// `caitien check` as written, with Vietnamese comments for what is filled in later. Nothing is
// ever overwritten.

extension Scaffold {
    /// A day given for a record that states what happened: not after today.
    static func pastDay(_ day: Day?, today: Day, option: String) throws(BuildError) -> Day {
        let day = day ?? today
        guard day <= today else { throw BuildError(.dayAfterToday, ["option": .value(option), "day": .day(day), "today": .day(today)]) }
        return day
    }

    /// Unit codes from codes or names (`--scope tthcc,"Công an phường"`); an unknown one is an error.
    static func unitCodes(_ written: [String], site: SiteConfig) throws(BuildError) -> [String] {
        var codes: [String] = []
        for item in written {
            guard let unit = site.units.first(where: { $0.code == item || foldValue($0.name) == foldValue(item) }) else {
                throw BuildError(.optionUnknownUnit, ["unit": .value(item), "units": .list(site.units.map(\.code))])
            }
            if !codes.contains(unit.code) { codes.append(unit.code) }
        }
        return codes
    }

    /// The id a record of `folder` would take, refused when one of another case or folder has it.
    static func freeID(_ id: String, among taken: Set<String>, exists: CommandMessage) throws(BuildError) {
        guard !taken.contains(where: { $0.lowercased() == id.lowercased() }) else {
            throw BuildError(exists, ["id": .value(id)])
        }
    }

    // MARK: - new audit

    public static func newAudit(content: String, date: Day?, lead: String?, scope: [String], today: Day?) throws(BuildError) -> String {
        let site = checkSite(content: content, today: today, history: false)
        let day = try pastDay(date, today: site.today, option: "--date")
        guard let lead = lead ?? gitUserName(in: content) else {
            throw BuildError(.whoLeadsAudit)
        }
        let units = scope.isEmpty ? site.content.site.units.map(\.code) : try unitCodes(scope, site: site.content.site)
        guard !units.isEmpty else { throw BuildError(.noUnitsForScope) }
        try freeID(day.iso, among: site.parsed.auditIDs, exists: .auditExists)
        let path = joinPath(content, "\(RecordType.audit.folder)/\(day.iso).md")
        let requestDays = site.content.site.settings.findingRequestDays
        let text = """
        ---
        # Báo cáo đánh giá nội bộ — QĐ 19/2014/QĐ-TTg Điều 4.2 và 4.4b: đánh giá nội bộ ít nhất 01 lần/năm.
        # Dòng bắt đầu bằng # là ghi chú: khi cần, bỏ dấu # và điền. Ngày ghi dd/mm/yyyy hoặc yyyy-mm-dd.
        date: \(day.vietnamese)  # ngày đầu tiên của cuộc đánh giá
        # end: dd/mm/yyyy  # ngày cuối, khi đánh giá nhiều ngày
        lead_auditor: \(quoted(lead))  # trưởng đoàn đánh giá
        # auditors: ["Họ và tên", "Họ và tên"]  # các thành viên đoàn đánh giá
        scope:  # các đơn vị được đánh giá: mã đơn vị trong site.yml
        \(units.map { "  - \($0)" }.joined(separator: "\n"))
        # approved_by: "Họ và tên"  # người phê duyệt báo cáo đánh giá
        # approved_on: dd/mm/yyyy
        #
        # Các phát hiện, mỗi phát hiện một mục. type: nonconformity (sự không phù hợp) |
        # observation (khuyến nghị) | opportunity (cơ hội cải tiến). Mỗi sự không phù hợp được mở
        # phiếu BM.CTCL.01 trong \(requestDays) ngày sau khi kết thúc đánh giá (phiếu ghi
        # source: internal_audit và audit: \(day.iso)); ghi số phiếu vào `ticket`.
        # findings:
        #   - unit: \(units[0])
        #     clause: "8.5.1"  # điều khoản ISO 9001
        #     type: nonconformity
        #     text: "Nội dung phát hiện"
        #     ticket: PYC-\(day.year)-…
        # Phát hiện có thông tin cá nhân của công dân (Nghị định 13/2023/NĐ-CP): thêm confidential: true
        ---

        ## Báo cáo đánh giá nội bộ

        <!-- Mục đích, phạm vi và căn cứ đánh giá; kết quả chung; kết luận và kiến nghị của đoàn đánh giá. -->

        """
        try create(path, text)
        return path
    }

    // MARK: - new inspection

    public static func newInspection(content: String, date: Day?, by: String, mode: InspectionMode, reference: String?,
                                     today: Day?) throws(BuildError) -> String {
        let site = checkSite(content: content, today: today, history: false)
        let day = try pastDay(date, today: site.today, option: "--date")
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw BuildError(.inspectingBodyEmpty) }
        try freeID(day.iso, among: site.parsed.inspectionIDs, exists: .inspectionExists)
        let path = joinPath(content, "\(RecordType.inspection.folder)/\(day.iso).md")
        let months = site.content.site.settings.inspectionReportMonths
        let due = day.adding(months: months)
        let text = """
        ---
        # Kiểm tra việc áp dụng HTQLCL của cơ quan cấp tỉnh — TT 26/2014/TT-BKHCN Điều 33–37.
        # Dòng bắt đầu bằng # là ghi chú: khi cần, bỏ dấu # và điền. Ngày ghi dd/mm/yyyy hoặc yyyy-mm-dd.
        date: \(day.vietnamese)  # ngày ký biên bản kiểm tra (Mẫu 21)
        by: \(quoted(by))  # cơ quan kiểm tra
        mode: \(mode.rawValue)  # on_site (tại trụ sở) | documents (qua hồ sơ, báo cáo)
        \(reference.map { "reference: \(quoted($0))  # số biên bản" } ?? "# reference: \"12/BB-SKHCN\"  # số biên bản")
        #
        # Các vấn đề tồn tại ghi trong biên bản; ticket: phiếu BM.CTCL.01 mở cho vấn đề đó
        # (phiếu ghi inspection: \(day.iso)). Vấn đề có thông tin cá nhân của công dân: confidential: true
        # findings:
        #   - {text: "Vấn đề tồn tại", ticket: PYC-\(day.year)-…}
        #
        # Báo cáo kết quả khắc phục gửi cơ quan kiểm tra chậm nhất ngày \(due?.vietnamese ?? "…")
        # (\(months) tháng kể từ ngày ký biên bản, Điều 37):
        # reported_on: dd/mm/yyyy
        # report_ref: "31/BC-UBND"
        #
        # Ý kiến bằng văn bản của cơ quan kiểm tra: accepted (chấp nhận) | rejected (không chấp nhận)
        # response: accepted
        # response_on: dd/mm/yyyy
        #
        # Khi không được chấp nhận và phường báo cáo lại, ghi mọi báo cáo trong danh sách
        # (thay cho reported_on và report_ref):
        # reports:
        #   - {date: dd/mm/yyyy, ref: "31/BC-UBND"}
        #   - {date: dd/mm/yyyy, ref: "52/BC-UBND"}
        ---

        ## Biên bản kiểm tra

        <!-- Nội dung biên bản: thành phần đoàn kiểm tra, nội dung kiểm tra, kết luận. -->

        """
        try create(path, text)
        return path
    }

    // MARK: - new legal

    /// `QD-12-2026` from "Quyết định 12/2026/QĐ-UBND về …": the kind of document and its number
    /// and year; nil when the title does not say them.
    public static func legalID(fromTitle title: String) -> String? {
        let kinds: [(String, String)] = [
            ("thông tư liên tịch", "TTLT"), ("quyết định", "QD"), ("nghị định", "ND"), ("nghị quyết", "NQ"), ("thông tư", "TT"),
            ("chỉ thị", "CT"), ("công văn", "CV"), ("kế hoạch", "KH"), ("pháp lệnh", "PL"), ("luật", "Luat"),
        ]
        let folded = foldValue(title)
        guard let kind = kinds.first(where: { folded.hasPrefix($0.0) })?.1 else { return nil }
        // The first "number/year" of the title.
        for word in title.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let parts = word.split(separator: "/")
            guard parts.count >= 2, let number = Int(parts[0]), let year = Int(parts[1].prefix(4)),
                  parts[1].prefix(4).count == 4, (1900...9999).contains(year) else { continue }
            return "\(kind)-\(number)-\(year)"
        }
        return nil
    }

    public static func newLegal(content: String, title: String, effective: Day, id: String?, issued: Day?, affects: [String],
                                today: Day?) throws(BuildError) -> String {
        let site = checkSite(content: content, today: today, history: false)
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw BuildError(.titleEmpty) }
        guard let id = id ?? legalID(fromTitle: title) else {
            throw BuildError(.legalIDNeeded)
        }
        guard isSafeID(id) else { throw BuildError(.legalIDBad, ["id": .value(id)]) }
        try freeID(id, among: Set(site.content.legal.map(\.id)), exists: .legalExists)
        let path = joinPath(content, "\(RecordType.legal.folder)/\(effective.year)/\(id).md")
        let months = site.content.site.settings.legalUpdateMonths
        let due = effective.adding(months: months)
        let affectsLines = affects.isEmpty
            ? "affects: none  # thay `none` bằng các quy trình, tài liệu HTQLCL phải sửa đổi, mỗi mục một dòng `- QT.TTHC-03`"
            : "affects:  # các quy trình, tài liệu HTQLCL phải sửa đổi\n" + affects.map { "  - \(quoted($0))" }.joined(separator: "\n")
        let text = """
        ---
        # Văn bản quy phạm pháp luật cần cập nhật vào HTQLCL — QĐ 19/2014/QĐ-TTg Điều 4.4a: chậm nhất
        # \(months) tháng kể từ ngày văn bản có hiệu lực. Hạn cập nhật: \(due?.vietnamese ?? "…").
        # Dòng bắt đầu bằng # là ghi chú: khi cần, bỏ dấu # và điền. Ngày ghi dd/mm/yyyy hoặc yyyy-mm-dd.
        title: \(quoted(title))
        \(issued.map { "issued_on: \($0.vietnamese)  # ngày ban hành" } ?? "# issued_on: dd/mm/yyyy  # ngày ban hành")
        effective_on: \(effective.vietnamese)  # ngày có hiệu lực thi hành
        \(affectsLines)
        # units: [\(site.content.site.units.first?.code ?? "van-phong")]  # các đơn vị áp dụng
        # updated_on: dd/mm/yyyy  # ngày các tài liệu HTQLCL đã sửa đổi được ban hành, áp dụng
        # ticket: PYC-\(effective.year)-…  # phiếu BM.CTCL.01 mở để thực hiện việc cập nhật (nếu có)
        ---

        <!-- Tóm tắt những thay đổi và các thủ tục hành chính chịu ảnh hưởng. -->

        """
        try create(path, text)
        return path
    }
}
