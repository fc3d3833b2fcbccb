import CaiTienContent
import CaiTienModel
import CaiTienRender

extension Theme {
    /// The built-in theme with the files of `folder` laid over it. A missing folder is no
    /// override; symbolic links are errors and never read.
    public static func load(overridesIn folder: String?, fileSystem: FileSystem) throws(BuildError) -> Theme {
        var theme = Theme.builtIn
        guard let folder, let kind = fileSystem.kind(of: folder) else { return theme }
        guard kind == .directory else { throw BuildError(.themeNotAFolder, ["path": .value(folder)]) }
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
        guard kind == .directory else { throw BuildError(kind == .symlink ? .themeLink : .themeNotAFolder, ["path": .value(dir)]) }
        let names: [String]
        do { names = try fileSystem.list(dir) } catch { throw BuildError(.pathProblem, ["path": .value(error.path), "problem": error.message]) }
        for name in names where !name.hasPrefix(".") {
            let path = joinPath(dir, name)
            switch fileSystem.kind(of: path) {
            case .directory where depth < 4:
                try walk(path, prefix: prefix + "/" + name, depth: depth + 1, fileSystem: fileSystem, visit)
            case .file:
                let bytes: [UInt8]
                do { bytes = try fileSystem.read(path, limit: 8 << 20) } catch { throw BuildError(.pathProblem, ["path": .value(error.path), "problem": error.message]) }
                try visit(prefix + "/" + name, bytes)
            case .symlink:
                throw BuildError(.themeLink, ["path": .value(path)])
            default:
                break
            }
        }
    }
}
