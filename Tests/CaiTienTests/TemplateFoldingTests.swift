@testable import CaiTienSite
@testable import CaiTienRender
@testable import CaiTienCache
import CaiTienModel
import Testing

/// UI strings put into the templates once per build give the same pages as looking them up.
@Suite struct TemplateFoldingTests {
    func renderers(_ template: String, strings: [String: String]) throws -> (plain: Renderer, folded: Renderer, swiftMustache: Renderer) {
        var theme = Theme()
        theme.templates["page"] = template
        let plain = try Renderer(theme: theme)
        var oracle = plain
        oracle.usesSwiftMustache = true
        return (plain, plain.folding(StringTable(table: strings)), oracle)
    }

    @Test func foldedLabelsAreEscapedAsTheirTagsSay() throws {
        let strings = ["print": "In phiếu", "risky": "Rủi ro <cao> & \"khẩn\""]
        let template = "<h1>{{t.print}}</h1>{{#items}}<p>{{t.risky}} {{{t.risky}}} {{name}}</p>{{/items}}{{^items}}{{t.print}}{{/items}}"
        let (plain, folded, oracle) = try renderers(template, strings: strings)
        let view: View = ["t": StringTable(table: strings), "items": [["name": "Hòa"], ["name": "<b>"]] as [View]]
        let expected = try oracle.render("page", view)
        #expect(try plain.render("page", view) == expected)
        #expect(try folded.render("page", view) == expected)
        #expect(expected.contains("Rủi ro &lt;cao&gt; &amp; &quot;khẩn&quot; Rủi ro <cao> & \"khẩn\" &lt;b&gt;"))
        // The folded template has no lookups left for `t`.
        let nodes = folded.compiled["page"]!.nodes
        #expect(nodes.allSatisfy { if case .variable = $0 { return false } else { return true } })
    }

    @Test func anUnknownLabelIsStillAnError() throws {
        let (_, folded, _) = try renderers("<p>{{t.no_such_label}}</p>", strings: ["print": "In"])
        #expect(throws: BuildError.self) { try folded.render("page", ["t": StringTable(table: ["print": "In"])]) }
    }
}

/// The frame of request pages, rendered once: the same bytes as rendering `base` per page.
@Suite struct FrameTests {
    func renderer(base: String) throws -> Renderer {
        var theme = Theme()
        theme.templates["base"] = base
        theme.templates["partial"] = "<i>{{title}}</i>"
        return try Renderer(theme: theme)
    }

    let view: View = ["lang": "vi", "nav": [["label": "Phiếu", "current": true], ["label": "Đơn vị", "current": false]] as [View]]

    @Test func framedPagesEqualFullyRenderedOnes() throws {
        let base = "<title>{{title}} — {{lang}}</title><h1>{{{title}}}</h1>{{#nav}}<a>{{label}}</a>{{/nav}}<main>{{{body}}}</main><p>{{title}}</p>"
        let r = try renderer(base: base)
        let frame = try #require(try r.frame(view))
        #expect(frame.holes.count == 4)
        for (title, body) in [("PYC-2025-001 — Hồ sơ <trễ> & \"hạn\"", "<p>Nội dung</p>"), ("", ""), ("a'b", "<script>x</script>")] {
            var full = view
            full["title"] = title
            full["body"] = body
            #expect(frame.page(title: title, body: body) == Array(try r.render("base", full).utf8))
        }
    }

    @Test func aBaseThatUsesTitleOrBodyOtherwiseIsRenderedInFull() throws {
        for base in ["{{#title}}<h1>{{title}}</h1>{{/title}}{{{body}}}", "{{#nav}}{{title}}{{/nav}}{{{body}}}",
                     "{{> partial}}{{{body}}}", "{{title.x}}{{{body}}}", "{{^body}}empty{{/body}}"] {
            #expect(try renderer(base: base).frame(view) == nil, "\(base)")
        }
        var oracle = try renderer(base: "{{title}}{{{body}}}")
        oracle.usesSwiftMustache = true
        #expect(try oracle.frame(view) == nil)
    }
}
