import CaiTienModel
import Foundation
import Mustache

/// A view model: what a template may name. Values are text, numbers, booleans, optionals,
/// nested views and lists of views.
public typealias View = [String: Any]

/// Names looked up during one render, to turn a typo in a theme into a build error instead of a
/// silently blank figure (swift-mustache renders a missing key as empty).
final class LookupLog: @unchecked Sendable {
    var found = Set<String>()
    var missed = Set<String>()
}

/// Wraps a view so that every lookup is logged.
struct LoggedView: MustacheParent {
    let values: View
    let log: LookupLog

    func child(named name: String) -> Any? {
        guard let value = values[name] else {
            log.missed.insert(name)
            return nil
        }
        log.found.insert(name)
        return wrap(value, log)
    }
}

/// UI strings as a view: a struct, so handing it to every page copies nothing.
public struct StringTable: Sendable {
    let table: [String: String]
}

struct LoggedStrings: MustacheParent {
    let strings: StringTable
    let log: LookupLog
    func child(named name: String) -> Any? {
        guard let value = strings.table[name] else {
            log.missed.insert("t." + name)
            return nil
        }
        return value
    }
}

/// Lets `wrap` see through an optional stored as `Any`.
protocol OptionalValue { var wrappedValue: Any? { get } }
extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}

/// Wraps nested views for logging; a nil optional becomes NSNull, which swift-mustache treats
/// as false in sections and empty in variables.
func wrap(_ value: Any, _ log: LookupLog) -> Any {
    if let optional = value as? OptionalValue {
        guard let inner = optional.wrappedValue else { return NSNull() }
        return wrap(inner, log)
    }
    if value is String || value is Int || value is Bool { return value }
    if let strings = value as? StringTable { return LoggedStrings(strings: strings, log: log) }
    if let view = value as? View { return LoggedView(values: view, log: log) }
    if let views = value as? [View] { return views.map { LoggedView(values: $0, log: log) } }
    return value
}

/// Renders theme templates. A template that does not exist or names a key that no view gives
/// is a build error (swift-mustache would render it as empty and let a typo blank a figure).
public struct Renderer: Sendable {
    var compiled: [String: CompiledTemplate]
    /// swift-mustache over the same templates: the reference the compiled renderer is tested against.
    let library: MustacheLibrary
    /// Render with swift-mustache instead (tests compare the two engines page by page).
    var usesSwiftMustache = false

    public init(theme: Theme) throws(BuildError) {
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) {
            // Our own parser first: its errors name the line and the tag to add.
            compiled[name] = try CompiledTemplate(text, name: name)
            do {
                try library.register(text, named: name)
            } catch {
                throw BuildError(.templateBroken, ["name": .value(name), "problem": .value("\(error)")])
            }
        }
        self.library = library
        self.compiled = compiled
    }

    /// The templates with the UI strings put in (`CompiledTemplate.folding`).
    func folding(_ strings: StringTable) -> Renderer {
        var copy = self
        copy.compiled = compiled.mapValues { $0.folding(strings) }
        return copy
    }

    /// `base.mustache` rendered once around two holes, for the pages whose frame differs only by
    /// `title` and `body` (every request page shares one). Nil when the theme's base template
    /// uses `title` or `body` other than as plain tags outside sections and partials — then each
    /// page renders it in full — or when rendering with swift-mustache.
    func frame(_ view: View) throws(BuildError) -> Frame? {
        guard !usesSwiftMustache, let base = compiled["base"], let uses = base.nodes.plainUses(of: ["title", "body"]) else { return nil }
        var probe = view
        probe["title"] = Frame.titleMark
        probe["body"] = Frame.bodyMark
        let text = Array(try render("base", probe).utf8)
        // A mark anywhere but in the holes (a value that found its way elsewhere): render in full.
        guard text.ranges(of: Array("\u{1}caitien:".utf8)).count == uses.count else { return nil }
        var pieces: [[UInt8]] = []
        var start = 0
        for use in uses {
            let mark = Array((use.name == "body" ? Frame.bodyMark : Frame.titleMark).utf8)
            guard let found = text[start...].firstRange(of: mark) else { return nil }
            pieces.append(Array(text[start..<found.lowerBound]))
            start = found.upperBound
        }
        pieces.append(Array(text[start...]))
        return Frame(pieces: pieces, holes: uses.map { ($0.name == "body", $0.escaped) })
    }

    public func render(_ template: String, _ view: View) throws(BuildError) -> String {
        if usesSwiftMustache { return try renderWithSwiftMustache(template, view) }
        guard let compiledTemplate = compiled[template] else { throw BuildError(.templateMissing, ["name": .value(template)]) }
        var renderer = TemplateRenderer(templates: compiled)
        let text = renderer.render(compiledTemplate, view)
        if !renderer.missing.isEmpty {
            throw BuildError(.templateUnknownKey, ["name": .value(template), "keys": .list(renderer.missing.sorted().map { "{{\($0)}}" })])
        }
        return text
    }

    /// Renders with swift-mustache, for tests that compare the two renderers.
    func renderWithSwiftMustache(_ template: String, _ view: View) throws(BuildError) -> String {
        let log = LookupLog()
        guard let text = library.render(LoggedView(values: view, log: log), withTemplate: template) else {
            throw BuildError(.templateNotRendered, ["name": .value(template)])
        }
        let unknown = log.missed.subtracting(log.found)
        if !unknown.isEmpty {
            throw BuildError(.templateUnknownKey, ["name": .value(template), "keys": .list(unknown.sorted().map { "{{\($0)}}" })])
        }
        return text
    }
}

/// A page frame with holes for the title and the body (see `Renderer.frame`).
struct Frame: Sendable {
    static let titleMark = "\u{1}caitien:title\u{1}"
    static let bodyMark = "\u{1}caitien:body\u{1}"
    /// The text before, between and after the holes.
    let pieces: [[UInt8]]
    /// Which value fills each hole, and whether it is escaped there.
    let holes: [(isBody: Bool, escaped: Bool)]

    /// The page's bytes: the same as rendering `base` with this title and body.
    func page(title: String, body: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(body.utf8.count + 2 * title.utf8.count) { $0 + $1.count })
        for (piece, hole) in zip(pieces, holes) {
            out += piece
            let value = hole.isBody ? body : title
            if hole.escaped { out += escapeHTML(value).utf8 } else { out += value.utf8 }
        }
        out += pieces[pieces.count - 1]
        return out
    }
}
