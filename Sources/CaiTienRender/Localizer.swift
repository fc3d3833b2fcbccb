import CaiTienModel

/// UI strings and the locale's ways of writing dates and numbers.
public struct Localizer: Sendable {
    public let locale: String
    public let strings: [String: String]

    /// Every key of the built-in Vietnamese strings must exist in the chosen locale, so a page
    /// can never show a blank label.
    public init(theme: Theme, locale: String) throws(BuildError) {
        guard let table = theme.strings[locale] else {
            throw BuildError(.themeNoStrings, ["locale": .value(locale)])
        }
        let required = Set(Theme.builtIn.strings["vi"]?.keys.map { $0 } ?? [])
        let missing = required.subtracting(table.keys)
        if !missing.isEmpty {
            throw BuildError(.themeStringsMissing, ["locale": .value(locale), "count": .value(missing.count), "keys": .list(Array(missing.sorted().prefix(10)))])
        }
        self.locale = locale
        self.strings = table
    }

    public func t(_ key: String) -> String { strings[key] ?? key }

    public func date(_ day: Day?) -> String {
        guard let day else { return "" }
        return locale == "vi" ? day.vietnamese : day.iso
    }

    public func percent(_ fraction: Double?) -> String {
        fraction.map { formatPercent($0, locale: locale) } ?? "—"
    }

    public func number(_ value: Double?) -> String {
        value.map { formatNumber($0, locale: locale, places: 2) } ?? "—"
    }

    public func stage(_ stage: Stage) -> String { t("stage_" + stage.rawValue) }
    public func kind(_ kind: Kind) -> String { t("kind_" + kind.rawValue) }
    public func source(_ source: Source) -> String { t("source_" + source.rawValue) }
}
