import CaiTienAnalysis
import CaiTienModel

// The pages of the ward's other duties (SPEC §5): internal audits, inspections, legal
// documents, and their dashboard tiles. Views format; the figures decide what is late.

extension SiteModel {
    /// The four list pages of SPEC §5, each linking to the others.
    func dutyTabs(current: String, depth: Int) -> [View] {
        let root = rootPrefix(depth)
        return [
            ("audits", "nav_audits", OutputLayout.auditsIndex), ("inspections", "nav_inspections", OutputLayout.inspectionsIndex),
            ("legal", "nav_legal", OutputLayout.legalIndex), ("report", "nav_reports", OutputLayout.reportsIndex),
        ].map { key, label, path in ["label": l.t(label), "href": root + path, "current": key == current] as View }
    }

    /// A request named by a finding: its id, link and stage (a link only when it exists).
    func findingRequest(_ id: String?, depth: Int) -> Any {
        guard let id else { return nil as View? as Any }
        let request = requestIndex[id].map { content.requests[$0] }
        return [
            "id": id, "href": request.map { _ in requestLink(id, depth: depth) } as Any,
            "stage": request.map { l.stage($0.stage) } ?? "", "stage_key": request?.stage.rawValue ?? "",
        ] as View
    }

    func unitLinks(_ codes: [String], depth: Int) -> [View] {
        codes.map { ["name": unitName($0), "href": rootPrefix(depth) + OutputLayout.unit($0)] as View }
    }
}

// MARK: - Internal audits

extension SiteModel {
    func auditPeriod(_ a: Audit) -> String {
        guard let end = a.end, end != a.date else { return l.date(a.date) }
        return "\(l.date(a.date)) – \(l.date(end))"
    }

    func auditsIndexView() -> View {
        let depth = 1
        let f = figures.audits
        let unanswered = Set(f.unansweredFindings)
        let audits = content.audits.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        let byID = Dictionary(content.audits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let confidential = confidentialRequestIDs(content)
        func findingItem(_ findingID: String, due: Day?) -> View? {
            guard let hash = findingID.lastIndex(of: "#"), let audit = byID[String(findingID[..<hash])],
                  let n = Int(findingID[findingID.index(after: hash)...]), audit.findings.indices.contains(n - 1) else { return nil }
            let finding = audit.findings[n - 1]
            let withheld = finding.isWithheld(confidential)
            return ["id": findingID, "href": "\(audit.id)/index.html#finding-\(n)", "unit": unitName(finding.unit),
                    "text": withheld ? l.t("confidential_notice") : finding.text, "due": due.map { l.date($0) } as Any]
        }
        return [
            "tabs": dutyTabs(current: "audits", depth: depth),
            "last": l.date(f.last), "has_last": f.last != nil, "days_since": f.daysSinceLast as Any,
            "due": f.due, "next_due": l.date(f.nextDue),
            "audits": audits.map { a -> View in
                var counts: [FindingType: Int] = [:]
                for finding in a.findings { counts[finding.type, default: 0] += 1 }
                let open = a.findings.indices.filter { unanswered.contains(a.findingID($0)) }.count
                return ["id": a.id, "href": "\(a.id)/index.html", "period": auditPeriod(a), "lead": a.leadAuditor,
                        "scope": a.scope.map { ["name": unitName($0)] as View },
                        "nonconformities": counts[.nonconformity] ?? 0, "observations": counts[.observation] ?? 0,
                        "opportunities": counts[.opportunity] ?? 0, "open": open, "has_open": open > 0]
            },
            "has_audits": !audits.isEmpty,
            "unanswered": f.unansweredFindings.compactMap { findingItem($0, due: nil) }, "has_unanswered": !f.unansweredFindings.isEmpty,
            "awaiting": f.awaitingRequest.compactMap { findingItem($0.finding, due: $0.requestDue) }, "has_awaiting": !f.awaitingRequest.isEmpty,
        ]
    }

    func auditView(_ a: Audit) -> View {
        let depth = 2
        let unanswered = Set(figures.audits.unansweredFindings)
        let awaiting = Dictionary(figures.audits.awaitingRequest.map { ($0.finding, $0.requestDue) }, uniquingKeysWith: { a, _ in a })
        let confidential = confidentialRequestIDs(content)
        var counts: [FindingType: Int] = [:]
        for finding in a.findings { counts[finding.type, default: 0] += 1 }
        let findings: [View] = a.findings.enumerated().map { i, finding in
            let withheld = finding.isWithheld(confidential)
            let id = a.findingID(i)
            return [
                "number": i + 1, "unit": unitName(finding.unit), "unit_href": rootPrefix(depth) + OutputLayout.unit(finding.unit),
                "clause": finding.clause ?? "", "type": l.t("finding_" + finding.type.rawValue), "type_key": finding.type.rawValue,
                "text": withheld ? l.t("confidential_notice") : finding.text, "withheld": withheld,
                "ticket": findingRequest(finding.ticket, depth: depth),
                "unanswered": unanswered.contains(id), "request_due": awaiting[id].map { l.date($0) } as Any,
            ]
        }
        return [
            "id": a.id, "period": auditPeriod(a), "lead": a.leadAuditor, "list_href": rootPrefix(depth) + OutputLayout.auditsIndex,
            "auditors": a.auditors.map { ["name": $0] as View }, "has_auditors": !a.auditors.isEmpty,
            "scope": unitLinks(a.scope, depth: depth),
            "approved_by": a.approvedBy ?? "", "approved_on": l.date(a.approvedOn), "approved": a.approvedOn != nil || a.approvedBy != nil,
            "findings": findings, "has_findings": !findings.isEmpty,
            "counts": FindingType.allCases.map { ["label": l.t("finding_" + $0.rawValue), "count": counts[$0] ?? 0] as View },
            "body": a.bodyHTML,
            "signatures": [signature(l.t("sign_lead_auditor"), name: a.leadAuditor, on: a.lastDay),
                           signature(l.t("sign_audit_approver"), name: a.approvedBy, on: a.approvedOn)],
        ]
    }
}

// MARK: - Inspections

extension SiteModel {
    /// Where an inspection's report stands: overdue, late, sent on time, awaited, or nothing to report.
    func reportStatus(_ i: Inspection) -> (key: String, label: String) {
        let f = figures.inspections
        let key: String
        if f.reportsOverdue.contains(i.id) { key = "overdue" }
        else if f.reportsLate.contains(i.id) { key = "late" }
        else if i.firstReport != nil { key = "on_time" }
        else if i.findings.isEmpty { key = "none" }
        else { key = "waiting" }
        return (key, l.t("report_" + key))
    }

    func inspectionsIndexView() -> View {
        let depth = 1
        let months = content.site.settings.inspectionReportMonths
        let f = figures.inspections
        return [
            "tabs": dutyTabs(current: "inspections", depth: depth),
            "inspections": content.inspections.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map { i -> View in
                let status = reportStatus(i)
                return ["id": i.id, "href": "\(i.id)/index.html", "date": l.date(i.date), "by": i.by,
                        "mode": l.t("mode_" + i.mode.rawValue), "findings": i.findings.count,
                        "report_due": i.findings.isEmpty ? "" : l.date(i.reportDue(months: months)),
                        "reported_on": l.date(i.firstReport?.date), "status": status.label, "status_key": status.key,
                        "response": i.response.map { l.t("response_" + $0.rawValue) } ?? "",
                        "rejected_open": f.rejectedOpen.contains(i.id)]
            },
            "has_inspections": !content.inspections.isEmpty,
            // Who must act and how late: the agency owes each of these reports.
            "overdue_reports": content.inspections.filter { f.reportsOverdue.contains($0.id) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
                .map { i -> View in
                    let due = i.reportDue(months: months)
                    return ["href": "\(i.id)/index.html", "date": l.date(i.date), "by": i.by, "due": l.date(due),
                            "timing": due.map { l.timing(.late(today.days(since: $0))) } ?? ""]
                },
            "has_overdue_reports": !f.reportsOverdue.isEmpty,
            "owner": l.t("role_agency_head"),
        ]
    }

    func inspectionView(_ i: Inspection) -> View {
        let depth = 2
        let confidential = confidentialRequestIDs(content)
        let due = i.reportDue(months: content.site.settings.inspectionReportMonths)
        let status = reportStatus(i)
        return [
            "id": i.id, "date": l.date(i.date), "by": i.by, "list_href": rootPrefix(depth) + OutputLayout.inspectionsIndex, "mode": l.t("mode_" + i.mode.rawValue), "reference": i.reference ?? "",
            "findings": i.findings.enumerated().map { n, finding -> View in
                let withheld = finding.isWithheld(confidential)
                return ["number": n + 1, "text": withheld ? l.t("confidential_notice") : finding.text, "withheld": withheld,
                        "ticket": findingRequest(finding.ticket, depth: depth)]
            },
            "has_findings": !i.findings.isEmpty,
            "report_due": i.findings.isEmpty ? "" : l.date(due), "status": status.label, "status_key": status.key,
            "reports": i.reports.map { r -> View in
                ["date": l.date(r.date), "ref": r.ref ?? "", "late": due.map { r.date > $0 } ?? false]
            },
            "has_reports": !i.reports.isEmpty,
            "response": i.response.map { l.t("response_" + $0.rawValue) } ?? "", "response_key": i.response?.rawValue ?? "",
            "response_on": l.date(i.responseOn), "has_response": i.response != nil,
            "rejected_open": figures.inspections.rejectedOpen.contains(i.id),
            "body": i.bodyHTML,
            // The inspection record (Mẫu 21 of TT 26/2014) is signed by the head of the team and the agency.
            "signatures": [signature(l.t("sign_inspection_head"), name: nil, on: i.date),
                           signature(l.t("sign_inspected_agency"), name: nil, on: i.date)],
        ]
    }
}

// MARK: - Legal documents

extension SiteModel {
    func legalView() -> View {
        let depth = 1
        let months = content.site.settings.legalUpdateMonths
        let g = figures.legal
        let overdue = Set(g.overdue), late = Set(g.late)
        // Overdue first, then late, then awaiting (earliest due first), then taken in on time.
        func rank(_ d: LegalDocument) -> Int {
            overdue.contains(d.id) ? 0 : late.contains(d.id) ? 1 : d.updatedOn == nil ? 2 : 3
        }
        let rows = content.legal.sorted {
            let (a, b) = (rank($0), rank($1))
            if a != b { return a < b }
            let (da, db) = ($0.updateDue(months: months) ?? $0.effectiveOn, $1.updateDue(months: months) ?? $1.effectiveOn)
            return a == 3 ? (da, $0.id) > (db, $1.id) : (da, $0.id) < (db, $1.id)
        }
        return [
            "tabs": dutyTabs(current: "legal", depth: depth),
            "months": months,
            "documents": rows.map { d -> View in
                let key = overdue.contains(d.id) ? "overdue" : late.contains(d.id) ? "late"
                    : d.updatedOn != nil ? "on_time" : d.effectiveOn > today ? "not_in_effect" : "pending"
                return ["id": d.id, "title": d.title, "issued_on": l.date(d.issuedOn), "effective_on": l.date(d.effectiveOn),
                        "update_due": l.date(d.updateDue(months: months)), "updated_on": l.date(d.updatedOn),
                        "status": l.t("legal_" + key), "status_key": key,
                        "affects": d.affects.isEmpty ? l.t("affects_none") : d.affects.joined(separator: ", "),
                        "units": d.units.map { ["name": unitName($0), "href": rootPrefix(depth) + OutputLayout.unit($0)] as View },
                        "ticket": findingRequest(d.ticket, depth: depth)]
            },
            "has_documents": !rows.isEmpty,
            "overdue_documents": rows.filter { overdue.contains($0.id) }.map { d -> View in
                let due = d.updateDue(months: months)
                return ["id": d.id, "title": d.title, "due": l.date(due),
                        "timing": due.map { l.timing(.late(today.days(since: $0))) } ?? ""]
            },
            "has_overdue_documents": !g.overdue.isEmpty,
            "owner": l.t("role_iso_committee"),
            "overdue": g.overdue.count, "late": g.late.count, "pending": g.pending.count,
            "on_time_rate": l.percent(g.onTimeRate),
            "signatures": [signature(l.t("sign_prepared_by"), name: nil, on: nil),
                           signature(l.t("sign_head_of_agency"), name: nil, on: nil)],
        ]
    }
}

// MARK: - Dashboard

extension SiteModel {
    /// Tiles for the duties of SPEC §5, each shown only when there is something to do.
    func dutyTiles() -> [View] {
        var tiles: [View] = []
        func tile(_ key: String, _ value: String, href: String, note: String? = nil) {
            tiles.append(["label": l.t(key), "value": value, "alert": true, "href": href, "note": note as Any, "key": key])
        }
        let a = figures.audits
        if a.due {
            tile("tile_audit_due", a.daysSinceLast.map(String.init) ?? l.t("no_audit_yet"), href: OutputLayout.auditsIndex,
                 note: a.last.map { l.date($0) })
        }
        if !a.unansweredFindings.isEmpty {
            tile("tile_unanswered_findings", String(a.unansweredFindings.count), href: OutputLayout.auditsIndex + "#unanswered")
        }
        if !figures.inspections.reportsOverdue.isEmpty {
            tile("tile_inspection_reports_overdue", String(figures.inspections.reportsOverdue.count), href: OutputLayout.inspectionsIndex + "#overdue")
        }
        if !figures.legal.overdue.isEmpty {
            tile("tile_legal_overdue", String(figures.legal.overdue.count), href: OutputLayout.legalIndex + "#overdue")
        }
        return tiles
    }
}

// MARK: - The pages

/// A page of SPEC §5 to render: where, from which template, under which title, and its view,
/// made only when the page is rendered.
struct DutyPage {
    var path: String
    var template: String
    var title: String
    var view: () -> View
}

extension SiteModel {
    /// Every page of SPEC §5. Each is made from the whole content (`PageInputs.site`): a list or
    /// a report reads many records, and an audit's page shows its findings' requests.
    func dutyPages() -> [DutyPage] {
        var pages = [
            DutyPage(path: OutputLayout.auditsIndex, template: "audits", title: l.t("audits_title"), view: auditsIndexView),
            DutyPage(path: OutputLayout.inspectionsIndex, template: "inspections", title: l.t("inspections_title"), view: inspectionsIndexView),
            DutyPage(path: OutputLayout.legalIndex, template: "legal", title: l.t("legal_title"), view: legalView),
        ]
        for a in content.audits {
            pages.append(DutyPage(path: OutputLayout.audit(a.id), template: "audit", title: "\(l.t("audit_report")) \(auditPeriod(a))",
                                  view: { auditView(a) }))
        }
        for i in content.inspections {
            pages.append(DutyPage(path: OutputLayout.inspection(i.id), template: "inspection", title: "\(l.t("inspection_record")) \(l.date(i.date))",
                                  view: { inspectionView(i) }))
        }
        return pages + reportPages()
    }
}

// MARK: - Deadlines

/// A deadline of SPEC §5: its day, a stable id for calendars, what it is, and which page shows it.
struct DutyDeadline {
    var day: Day
    var uid: String
    var label: String
    var detail: String
    var path: String
}

extension Figures {
    /// The deadlines of SPEC §5 still to meet: the next internal audit, a request for each
    /// audit nonconformity awaiting one, each inspection report not sent, each legal document
    /// not yet taken in.
    func dutyDeadlines(_ content: Content, l: Localizer) -> [DutyDeadline] {
        var out: [DutyDeadline] = []
        // A site that keeps no audit here gets no audit deadline (the dashboard's tile says one is due).
        if audits.lastID != nil, let due = audits.nextDue {
            out.append(DutyDeadline(day: due, uid: "internal-audit-due", label: l.t("deadline_audit"), detail: "QĐ 19/2014 Điều 4.4b",
                                    path: OutputLayout.auditsIndex))
        }
        for (finding, due) in audits.awaitingRequest {
            out.append(DutyDeadline(day: due, uid: "finding-\(finding.replacingOccurrences(of: "#", with: "-"))-request",
                                    label: "\(l.t("deadline_finding_request")) \(finding)", detail: "BM.CTCL.01", path: OutputLayout.auditsIndex))
        }
        let inspectionsByID = Dictionary(content.inspections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, due) in inspections.reportsDue {
            let signed = inspectionsByID[id].map { l.date($0.date) } ?? id
            out.append(DutyDeadline(day: due, uid: "inspection-\(id)-report", label: "\(l.t("deadline_inspection_report")) \(signed)",
                                    detail: inspectionsByID[id]?.by ?? "", path: OutputLayout.inspection(id)))
        }
        let months = content.site.settings.legalUpdateMonths
        for document in content.legal where document.updatedOn == nil {
            guard let due = document.updateDue(months: months) else { continue }
            out.append(DutyDeadline(day: due, uid: "legal-\(document.id)-update", label: "\(l.t("deadline_legal_update")) \(document.id)",
                                    detail: document.title, path: OutputLayout.legalIndex))
        }
        return out
    }
}
