import CaiTienModel
@testable import CaiTienRender
@testable import CaiTienCache
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

    @Test func reviewWithoutInputsIsOneErrorNotAlsoAWarning() {
        let fixture = Fixture(standardSite + """

        -- reviews/2025-12-15.md --
        ---
        date: 15/12/2025
        format: report
        approved_by: Chủ tịch UBND phường
        approved_on: 2025-12-16
        ---
        """)
        #expect(fixture.diagnostics(today: "2025-12-20") == [
            "reviews/2025-12-15.md:2:1: error: `inputs:` is required — the inputs of 5.8.1.1, one Markdown text each: previous_actions, context_changes, customer_feedback, objectives, nonconformities, satisfaction_measurement, audit_results, provider_performance, resources, risk_actions, improvement_opportunities [missing-key]",
        ])
    }
}
