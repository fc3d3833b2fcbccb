import CaiTienAnalysis
import CaiTienModel
@testable import CaiTienRender
import Foundation
import Testing
import TestSupport

// tickets/index.js: every request for the list's search and filters, not one page of the table.

@Suite struct TicketIndexTests {
    static func index(_ out: MemoryOutput) throws -> [String: Any] {
        let text = try #require(out.text("tickets/index.js"))
        let prefix = "window.caitienTickets=", suffix = ";\n"
        #expect(text.hasPrefix(prefix) && text.hasSuffix(suffix))
        let json = text.dropFirst(prefix.count).dropLast(suffix.count)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// At 20/10/2025 (FiguresWhoMustActTests): the flags say which lists each request is on.
    @Test func rowsCarryTheListsTheyAreOn() throws {
        let out = try renderFixture(Fixture(FiguresWhoMustActTests.requests), today: "2025-10-20")
        let index = try Self.index(out)
        let rows = try #require(index["rows"] as? [[Any]])
        #expect(rows.count == 12)
        let flags = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as! String, $0[10] as! Int) })
        func ids(_ flag: ListFlag) -> [String] { flags.filter { $0.value & flag.rawValue != 0 }.keys.sorted() }
        #expect(ids(.open) == (1...11).map { String(format: "W-%02d", $0) })
        #expect(ids(.overdue) == ["W-09", "W-10"])
        #expect(ids(.leader) == ["W-01", "W-02", "W-09", "W-10"])
        #expect(ids(.actionsLate) == ["W-07", "W-08"])
        #expect(ids(.missingProgress) == ["W-07", "W-08"])
        #expect(ids(.undecided) == ["W-01", "W-02"])
        // The owner and how the step stands; 128 marks it late.
        let w07 = try #require(rows.first { $0[0] as? String == "W-07" })
        #expect(w07[8] as? String == "Trần Văn Bình (người được phân công)")
        #expect(w07[9] as? String == "quá hạn 10 ngày")
        #expect((w07[10] as? Int ?? 0) & 128 != 0)
        // People and the category are searchable words.
        #expect((w07[11] as? String)?.contains("Phan Văn Đức") == true)
    }

    @Test func confidentialRowsGiveNoText() throws {
        let out = try renderFixture(Fixture(FiguresWhoMustActTests.requests), today: "2025-10-20")
        let text = try #require(out.text("tickets/index.js"))
        #expect(!text.contains("Phiếu W-08") && !text.contains("Niêm phong"))
        let rows = try #require(try Self.index(out)["rows"] as? [[Any]])
        let w08 = try #require(rows.first { $0[0] as? String == "W-08" })
        #expect(w08[1] as? String == "Nội dung được bảo mật")
        #expect(w08[8] as? String == "Người thực hiện")
        #expect(w08[11] as? String == "")
    }
}
