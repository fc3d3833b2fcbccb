import CaiTienModel

/// The sentences the commands print besides diagnostics, in the language of the messages.
public enum Say {
    /// The last line of `caitien check`: what was read and what was found.
    public static func summary(_ site: CheckedSite, _ language: Language) -> String {
        let ds = site.diagnostics
        switch language {
        case .vi:
            return "\(recordCounts(site.content, language)) — "
                + "\(ds.errorCount) lỗi, \(ds.warningCount) cảnh báo (ngày tham chiếu \(site.today.vietnamese))"
        case .en:
            return "\(recordCounts(site.content, language)) — \(ds.errorCount) \(plural(ds.errorCount, "error")), "
                + "\(ds.warningCount) \(plural(ds.warningCount, "warning")) (reference day \(site.today.iso))"
        }
    }

    /// `caitien stats` when the content has errors.
    public static func fixErrorsFirst(_ language: Language) -> String {
        language == .vi ? "caitien: hãy sửa các lỗi trên trước (`caitien check` liệt kê đủ)"
            : "caitien: fix the errors above first (`caitien check` lists them)"
    }

    /// `caitien build` when the content has errors (or warnings with --strict).
    public static func nothingWritten(_ site: CheckedSite, output: String, strict: Bool, _ language: Language) -> String {
        let ds = site.diagnostics
        let (errors, warnings) = (ds.errorCount, ds.warningCount)
        switch language {
        case .vi:
            let found = strict && errors == 0 ? "\(warnings) cảnh báo (--strict)" : "\(errors) lỗi"
            return "caitien: \(found); chưa ghi gì, \(output)/ giữ nguyên"
        case .en:
            let found = strict && errors == 0 ? "\(warnings) \(plural(warnings, "warning")) (--strict)" : "\(errors) \(plural(errors, "error"))"
            return "caitien: \(found); nothing was written, \(output)/ is unchanged"
        }
    }

    /// `caitien build` once the output is written.
    public static func built(files: Int, day: Day, output: String, _ language: Language) -> String {
        language == .vi ? "Đã dựng \(files) tệp cho ngày \(day.vietnamese) vào \(output)/ — mở \(output)/index.html"
            : "Built \(files) files for \(day.iso) into \(output)/ — open \(output)/index.html"
    }

    /// "48 phiếu, 2 cuộc xem xét, 12 kế hoạch mục tiêu, 2 cuộc đánh giá nội bộ": each record type
    /// of the table, those a site need not keep only when it has some.
    static func recordCounts(_ c: Content, _ language: Language) -> String {
        RecordType.all.compactMap { type -> String? in
            let n = type.count(c)
            return n > 0 || type.countedWhenNone ? type.noun.counted(n, language) : nil
        }.joined(separator: ", ")
    }

    private static func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }
}
