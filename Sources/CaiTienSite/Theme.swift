import CaiTienContent
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

    /// The theme compiled into the binary (generated from `theme/` by `scripts/embed-theme`).
    public static var builtIn: Theme {
        var theme = Theme()
        for (path, text) in defaultThemeFiles { try? theme.add(path: path, bytes: Array(text.utf8)) }
        return theme
    }

    mutating func add(path: String, bytes: [UInt8]) throws(BuildError) {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        switch parts[0] {
        case "templates" where parts[1].hasSuffix(".mustache"):
            guard case .success(let text) = decodeText(bytes) else { throw BuildError("theme/\(path): not UTF-8 text") }
            templates[String(parts[1].dropLast(".mustache".count))] = text
        case "assets":
            assets[parts[1]] = bytes
        case "i18n" where parts[1].hasSuffix(".yml"):
            guard case .success(let text) = decodeText(bytes) else { throw BuildError("theme/\(path): not UTF-8 text") }
            let locale = String(parts[1].dropLast(4))
            let node: YAMLNode
            do { node = try parseYAML(text) } catch {
                throw BuildError("theme/\(path):\(error.mark.line):\(error.mark.column): \(error.message)")
            }
            guard case .mapping(let pairs) = node.value else { throw BuildError("theme/\(path): must be a mapping of `key: text`") }
            var table = strings[locale] ?? [:]
            for pair in pairs {
                guard let key = pair.key.scalar, let value = pair.value.scalar else {
                    throw BuildError("theme/\(path):\(pair.key.mark.line): each entry must be `key: text`")
                }
                table[key] = value
            }
            strings[locale] = table
        default:
            break
        }
    }

    /// The built-in theme with the files of `folder` laid over it. A missing folder is no
    /// override; symbolic links are errors and never read.
    public static func load(overridesIn folder: String?, fileSystem: FileSystem) throws(BuildError) -> Theme {
        var theme = Theme.builtIn
        guard let folder, let kind = fileSystem.kind(of: folder) else { return theme }
        guard kind == .directory else { throw BuildError("\(folder): the theme must be a folder, not a link or file") }
        for sub in ["templates", "assets", "i18n"] {
            try walk(joinPath(folder, sub), prefix: sub, depth: 0, fileSystem: fileSystem) { path, bytes throws(BuildError) in
                try theme.add(path: path, bytes: bytes)
            }
        }
        return theme
    }

    private static func walk(_ dir: String, prefix: String, depth: Int, fileSystem: FileSystem,
                             _ visit: (String, [UInt8]) throws(BuildError) -> Void) throws(BuildError) {
        guard let kind = fileSystem.kind(of: dir) else { return }
        guard kind == .directory else { throw BuildError("\(dir): is a symbolic link or not a folder; links are never followed in the theme") }
        let names: [String]
        do { names = try fileSystem.list(dir) } catch { throw BuildError(error.description) }
        for name in names where !name.hasPrefix(".") {
            let path = joinPath(dir, name)
            switch fileSystem.kind(of: path) {
            case .directory where depth < 4:
                try walk(path, prefix: prefix + "/" + name, depth: depth + 1, fileSystem: fileSystem, visit)
            case .file:
                let bytes: [UInt8]
                do { bytes = try fileSystem.read(path, limit: 8 << 20) } catch { throw BuildError(error.description) }
                try visit(prefix + "/" + name, bytes)
            case .symlink:
                throw BuildError("\(path): is a symbolic link; links are never followed in the theme")
            default:
                break
            }
        }
    }
}
