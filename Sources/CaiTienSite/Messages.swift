import CaiTienModel

/// The sentences the commands print besides diagnostics, in the language of the messages.
public enum Say {
    /// The last line of `caitien check`: what was read and what was found.
    public static func summary(_ site: CheckedSite, _ language: Language) -> String {
        let c = site.content, ds = site.diagnostics
        switch language {
        case .vi:
            return "\(c.requests.count) phiếu, \(c.reviews.count) cuộc xem xét, \(c.plans.count) kế hoạch mục tiêu\(dutyCounts(c, language)) — "
                + "\(ds.errorCount) lỗi, \(ds.warningCount) cảnh báo (ngày tham chiếu \(site.today.vietnamese))"
        case .en:
            return "\(c.requests.count) \(plural(c.requests.count, "request")), \(c.reviews.count) \(plural(c.reviews.count, "review")), "
                + "\(c.plans.count) objectives \(plural(c.plans.count, "plan"))\(dutyCounts(c, language)) — \(ds.errorCount) \(plural(ds.errorCount, "error")), "
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

    /// ", 2 cuộc đánh giá nội bộ, 1 cuộc kiểm tra, 5 văn bản pháp luật": the kinds a site has.
    static func dutyCounts(_ c: Content, _ language: Language) -> String {
        let counts = [(c.audits.count, "cuộc đánh giá nội bộ", "internal audit"), (c.inspections.count, "cuộc kiểm tra", "inspection"),
                      (c.legal.count, "văn bản pháp luật", "legal document")]
        return counts.filter { $0.0 > 0 }.map { n, vi, en in language == .vi ? ", \(n) \(vi)" : ", \(n) \(plural(n, en))" }.joined()
    }

    private static func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }
}
