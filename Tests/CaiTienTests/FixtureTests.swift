import CaiTienModel
import Testing
import TestSupport

@Suite struct FixtureTests {
    @Test func parsesInlineSite() {
        let fixture = Fixture(standardSite + """

        -- tickets/2025/PYC-2025-001.md --
        ---
        title: Hồ sơ trả kết quả trễ hạn
        kind: nonconformity
        source: internal_audit
        unit: tthcc
        category: trả kết quả trễ hạn
        opened: 2025-03-04
        reported_by: Lê Văn C
        ---
        Nội dung.
        """)
        let site = fixture.check(today: "2025-04-01")
        #expect(site.diagnostics.isEmpty)
        #expect(site.content.requests.map(\.id) == ["PYC-2025-001"])
        #expect(site.content.requests.first?.stage == .open)
    }
}
