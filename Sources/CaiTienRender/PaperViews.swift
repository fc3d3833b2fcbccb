import Foundation
import CaiTienModel

// The printed record: the header of an administrative document and the signature blocks, laid
// out after Nghị định 30/2020/NĐ-CP (agency top left, national motto top right, place and date,
// the title, and a block per signer: role, "(Ký, ghi rõ họ tên)", space to sign, the name).

extension Localizer {
    /// "ngày 05 tháng 01 năm 2026": a day below 10 and the months 1 and 2 take a leading zero
    /// (Nghị định 30/2020, Phụ lục I).
    public func longDate(_ day: Day) -> String {
        let (y, m, d) = day.components
        guard locale == "vi" else { return day.iso }
        let dd = d < 10 ? "0\(d)" : String(d)
        let mm = m < 3 ? "0\(m)" : String(m)
        return "ngày \(dd) tháng \(mm) năm \(y)"
    }
}

/// The place a document is dated at: the ward's name from "UBND phường Ninh Hòa" ("Ninh Hòa");
/// nil when the organisation's name does not start with a level of local government.
func placeName(_ organisation: String) -> String? {
    var rest = Substring(organisation.trimmingCharacters(in: .whitespaces))
    var stripped = false
    for prefixes in [["UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "], ["phường ", "xã ", "thị trấn ", "đặc khu "]] {
        for prefix in prefixes where rest.lowercased().hasPrefix(prefix.lowercased()) {
            rest = rest.dropFirst(prefix.count)
            stripped = true
            break
        }
    }
    let place = rest.trimmingCharacters(in: .whitespaces)
    return stripped && !place.isEmpty ? place : nil
}

extension SiteModel {
    /// The document's header: agency, national motto, form code, place and date, title.
    func documentHeader(title: String, subtitle: String?, code: String, day: Day?) -> View {
        var placeDate: String?
        if let day {
            let date = l.longDate(day)
            placeDate = placeName(content.site.organisation).map { "\($0), \(date)" } ?? date.capitalizedFirst
        }
        return ["title": title, "subtitle": subtitle as Any, "code": code, "place_date": placeDate as Any]
    }

    /// A signer's block: role (and what they sign for), the name the record gives, the date.
    func signature(_ role: String, for detail: String? = nil, name: String?, on day: Day?) -> View {
        ["role": role, "detail": detail as Any, "name": name.flatMap { $0.isEmpty ? nil : $0 } as Any, "date": day.map { l.date($0) } as Any]
    }

    /// BM.CTCL.01's signers. A confidential request keeps the blocks, without the names.
    func requestSignatures(_ r: Request) -> [View] {
        let c = r.confidential
        return [
            signature(l.t("sign_reporter"), for: "5.2.1", name: c ? nil : r.reportedBy, on: r.opened),
            signature(l.t("sign_unit_head"), for: l.t("sign_unit_head_for"), name: c ? nil : r.decidedBy, on: r.decidedOn),
            signature(l.t("sign_iso_committee"), for: l.t("sign_iso_committee_for"), name: c ? nil : r.approvedBy, on: r.approvedOn ?? r.assignedOn),
            signature(l.t("sign_verifier"), for: "5.6", name: c ? nil : r.verifiedBy, on: r.verifiedOn),
        ]
    }
}
