import CaiTienAnalysis
import CaiTienModel
@testable import CaiTienRender
import Testing
import TestSupport

// deadlines.ics and units/CODE/deadlines.ics: what people subscribe to in a phone calendar.

@Suite struct CalendarTests {
    /// The events of a calendar, unfolded, as [property: value] per event (VALARM lines prefixed).
    static func events(_ ics: String) -> [[String: String]] {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        var out: [[String: String]] = [], current: [String: String]?, inAlarm = false
        for line in unfolded.components(separatedBy: "\r\n") {
            switch line {
            case "BEGIN:VEVENT": current = [:]
            case "END:VEVENT": out.append(current ?? [:]); current = nil
            case "BEGIN:VALARM": inAlarm = true
            case "END:VALARM": inAlarm = false
            default:
                guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
                current?[(inAlarm ? "ALARM-" : "") + String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
        }
        return out
    }

    static func build(baseURL: String) throws -> MemoryOutput {
        var fixture = Fixture(FiguresWhoMustActTests.requests)
        let site = String(decoding: fixture.files["site.yml"]!, as: UTF8.self)
        fixture.files["site.yml"] = Array((site + "base_url: \(baseURL)\n").utf8)
        return try renderFixture(fixture, today: "2025-10-01")
    }

    @Test func everyEventLinksItsPageAndSaysWhoseStepItIs() throws {
        let out = try Self.build(baseURL: "https://ninhhoa.example.gov.vn/iso")
        let events = Self.events(try #require(out.text("deadlines.ics")))
        let due = try #require(events.first { $0["UID"] == "request-W-07-due@caitien" })
        #expect(due["URL"] == "https://ninhhoa.example.gov.vn/iso/tickets/W-07/index.html")
        #expect(due["DTSTART;VALUE=DATE"] == "20251130")
        #expect(due["DESCRIPTION"] == #"Giai đoạn: Đang thực hiện\nĐơn vị: Trung tâm Phục vụ hành chính công\nBước tiếp theo: Thực hiện biện pháp (5.5) — Trần Văn Bình (người được phân công)"#)
        let action = try #require(events.first { $0["UID"] == "request-W-07-action-2@caitien" })
        #expect(action["SUMMARY"] == "W-07: Tập huấn công chức — Phan Văn Đức")
        #expect(action["DTSTART;VALUE=DATE"] == "20251015")
        // The alarm rings at 09:00 the day before.
        #expect(events.allSatisfy { $0["ALARM-TRIGGER"] == "-PT15H" && $0["ALARM-ACTION"] == "DISPLAY" })
        #expect(events.allSatisfy { $0["URL"]?.hasPrefix("https://ninhhoa.example.gov.vn/iso/") == true })
        let review = try #require(events.first { $0["UID"] == "management-review-due@caitien" })
        #expect(review["URL"] == "https://ninhhoa.example.gov.vn/iso/reviews/next/index.html")
    }

    @Test func eachUnitHasItsOwnCalendar() throws {
        let out = try Self.build(baseURL: "https://ninhhoa.example.gov.vn/")
        let tthcc = Self.events(try #require(out.text("units/tthcc/deadlines.ics")))
        let office = Self.events(try #require(out.text("units/van-phong/deadlines.ics")))
        let requests = { (events: [[String: String]]) in Set(events.compactMap { $0["UID"]?.split(separator: "-").prefix(3).joined(separator: "-") }.filter { $0.hasPrefix("request-W") }) }
        #expect(requests(tthcc) == ["request-W-07", "request-W-09", "request-W-10"])
        #expect(requests(office) == ["request-W-08"])
        #expect(tthcc.contains { $0["UID"] == "objectives-2025-evaluation-tthcc@caitien" && $0["DESCRIPTION"] == "QT.CTCL 5.9 — Trưởng đơn vị Trung tâm Phục vụ hành chính công" })
        #expect(!tthcc.contains { $0["UID"] == "management-review-due@caitien" })
        #expect(out.text("units/tthcc/index.html")?.contains("<a href=\"deadlines.ics\">") == true)
    }

    /// W-08 is confidential: its events give the id, the role and the dates, no title and no name.
    @Test func confidentialEventsGiveNoText() throws {
        let out = try Self.build(baseURL: "/")
        for path in ["deadlines.ics", "units/van-phong/deadlines.ics"] {
            let ics = try #require(out.text(path))
            #expect(!ics.contains("Niêm phong") && !ics.contains("Phiếu W-08"), "\(path)")
            let action = try #require(Self.events(ics).first { $0["UID"] == "request-W-08-action-1@caitien" })
            #expect(action["SUMMARY"] == "W-08: Biện pháp 1 — Người thực hiện")
            #expect(action["URL"] == "/tickets/W-08/index.html")
        }
    }
}
