import CaiTienContent
import CaiTienModel
import CaiTienSite

/// A whole content folder written inline, Hugo-style:
///
///     -- site.yml --
///     organisation: UBND phường Ninh Hòa
///     -- tickets/PYC-2025-001.md --
///     ---
///     title: …
///
/// Paths are inside the content folder. `\r\n`, a BOM or NFD text can be put in the string
/// itself; `bytes` replaces a file's bytes outright (invalid UTF-8, NUL…).
public struct Fixture: Sendable {
    public var files: [String: [UInt8]] = [:]
    public var symlinks: Set<String> = []
    public static let root = "content"

    public init(_ text: String, bytes: [String: [UInt8]] = [:], symlinks: Set<String> = []) {
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current {
                files[current] = Array(lines.joined(separator: "\n").utf8) + (lines.isEmpty ? [] : [0x0A])
            }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
            } else if current != nil {
                lines.append(line)
            }
        }
        flush()
        for (path, data) in bytes { files[path] = data }
        self.symlinks = symlinks
    }

    public var fileSystem: MemoryFileSystem {
        MemoryFileSystem(files: Dictionary(uniqueKeysWithValues: files.map { (Fixture.root + "/" + $0.key, $0.value) }),
                         symlinks: Set(symlinks.map { Fixture.root + "/" + $0 }))
    }

    /// Loads, parses and validates the fixture for `today` (YYYY-MM-DD).
    public func check(today: String) -> CheckedSite {
        checkSite(content: Fixture.root, today: Day(parsing: today)!, fileSystem: fileSystem)
    }

    /// Diagnostics as `path:line:column: severity: message [rule]` lines, path without `content/`.
    public func diagnostics(today: String, language: Language = .en) -> [String] {
        check(today: today).diagnostics.map { d in
            var text = d.text(language)
            if text.hasPrefix(Fixture.root + "/") { text.removeFirst(Fixture.root.count + 1) }
            return text
        }
    }
}

/// A site.yml with two units, for fixtures that need a valid site.
public let standardSite = """
-- site.yml --
organisation: UBND phường Ninh Hòa
units:
  - code: tthcc
    name: Trung tâm Phục vụ hành chính công
  - code: van-phong
    name: Văn phòng HĐND và UBND
"""

extension Diagnostic {
    /// The line in English, as most tests compare it.
    public var text: String { text(.en) }
    /// The message in English.
    public var message: String { message(.en) }
}
