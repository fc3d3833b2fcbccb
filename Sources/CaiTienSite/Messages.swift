import CaiTienContent
import CaiTienModel
import FrontMatter

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
        "caitien: " + CommandMessage.fixErrorsFirst().text(language)
    }

    /// `caitien build` when the content has errors (or warnings with --strict).
    public static func nothingWritten(_ site: CheckedSite, output: String, strict: Bool, _ language: Language) -> String {
        let ds = site.diagnostics
        let (errors, warnings) = (ds.errorCount, ds.warningCount)
        let found = strict && errors == 0
            ? Phrase(vi: "\(warnings) cảnh báo (--strict)", en: "\(warnings) \(plural(warnings, "warning")) (--strict)")
            : Phrase(vi: "\(errors) lỗi", en: "\(errors) \(plural(errors, "error"))")
        return "caitien: " + CommandMessage.nothingWritten(["found": found, "output": .value(output)]).text(language)
    }

    /// `caitien build` once the output is written.
    public static func built(files: Int, day: Day, output: String, _ language: Language) -> String {
        CommandMessage.built(["files": .value(files), "day": .day(day), "output": .value(output)]).text(language)
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

/// The language of the messages of a command run on `content` (SPEC §4): `--lang` when given,
/// else the `locale` of its site.yml, else Vietnamese. Read before the site is (an output
/// folder refused, a usage error): only site.yml's `locale` line is looked at, and a site.yml
/// that cannot be read is Vietnamese — `caitien check` reports what is wrong with it.
public func messageLanguage(_ chosen: Language?, content: String?) -> Language {
    if let chosen { return chosen }
    guard let content, let bytes = try? DiskFileSystem().read(joinPath(content, "site.yml"), limit: 1 << 20) else { return .vi }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard let text = String(validating: body, as: UTF8.self), let root = try? parseYAML(text),
          case .mapping(let pairs) = root.value,
          let locale = pairs.first(where: { $0.key.scalar == "locale" })?.value.scalar else { return .vi }
    return Language(locale: locale)
}
