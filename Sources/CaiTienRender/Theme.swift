import Foundation
import CaiTienModel
import FrontMatter

/// Templates, assets and UI strings. The built-in theme is compiled into the binary; a site's
/// `--theme` folder overrides it file by file.
public struct Theme: Sendable {
    /// Template name (file name without `.mustache`) → text.
    public var templates: [String: String] = [:]
    /// Path under `assets/` → bytes, copied to the output's `assets/`.
    public var assets: [String: [UInt8]] = [:]
    /// Locale → key → UI string.
    public var strings: [String: [String: String]] = [:]
    /// Every file of the theme as read (built-in, then overrides laid over it): what a page's
    /// key hashes, so that a change to any theme file makes the pages anew.
    public private(set) var files: [String: [UInt8]] = [:]

    /// The theme compiled into the binary (generated from `theme/` by `scripts/embed-theme`).
    public static var builtIn: Theme {
        var theme = Theme()
        for (path, text) in defaultThemeFiles { try? theme.add(path: path, bytes: Array(text.utf8)) }
        return theme
    }

    public mutating func add(path: String, bytes: [UInt8]) throws(BuildError) {
        files[path] = bytes
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        switch parts[0] {
        case "templates" where parts[1].hasSuffix(".mustache"):
            guard let text = themeText(bytes) else { throw BuildError(.themeNotText, ["path": .value(path)]) }
            templates[String(parts[1].dropLast(".mustache".count))] = text
        case "assets":
            assets[parts[1]] = bytes
        case "i18n" where parts[1].hasSuffix(".yml"):
            guard let text = themeText(bytes) else { throw BuildError(.themeNotText, ["path": .value(path)]) }
            let locale = String(parts[1].dropLast(4))
            let node: YAMLNode
            do { node = try parseYAML(text) } catch {
                throw BuildError(.themeStringsBroken, ["path": .value(path), "line": .value(error.mark.line), "column": .value(error.mark.column), "problem": error.mistake.problem()])
            }
            guard case .mapping(let pairs) = node.value else { throw BuildError(.themeStringsNotMapping, ["path": .value(path)]) }
            var table = strings[locale] ?? [:]
            for pair in pairs {
                guard let key = pair.key.scalar, let value = pair.value.scalar else {
                    throw BuildError(.themeStringsEntry, ["path": .value(path), "line": .value(pair.key.mark.line)])
                }
                table[key] = value
            }
            strings[locale] = table
        default:
            break
        }
    }
}

/// A theme file's text: UTF-8, a byte-order mark dropped, CRLF read as LF.
private func themeText(_ bytes: [UInt8]) -> String? {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    guard let text = String(validating: body, as: UTF8.self) else { return nil }
    return text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
}
