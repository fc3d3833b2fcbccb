import CaiTienModel

/// The roll-up's UI words. Vietnamese by default (the province reads Vietnamese); English with
/// `--lang en`.
public struct RollupStrings: Sendable {
    let lang: String
    let title, heading, asOf, wardsCount, searchLabel, searchPlaceholder, shown, wardsSection, totalRow: String
    let ward, open, overdue, awaitingLeader, recurring, attainment, lastReview, reviewDue, auditDue, inspectionOverdue, legalOverdue, dataDay: String
    let tileWards, tileUnreachable, tileStale: String
    let chartOverdue, chartOverdueNone, chartStatus: String
    let statusCurrent, statusStale, statusUnreachable, statusUnknownSchema: String
    let due, notDue, noReview, staleBadge, days, onlyFigures, generatedBy, noJS: String

    public static let vi = RollupStrings(
        lang: "vi",
        title: "Tổng hợp cải tiến HTQLCL các phường, xã",
        heading: "Tổng hợp tình hình cải tiến hệ thống quản lý chất lượng của các phường, xã",
        asOf: "Số liệu tổng hợp ngày", wardsCount: "đơn vị",
        searchLabel: "Tìm đơn vị", searchPlaceholder: "Gõ tên phường, xã (có dấu hoặc không dấu)…", shown: "đơn vị",
        wardsSection: "Số liệu từng đơn vị", totalRow: "Tổng cộng",
        ward: "Đơn vị", open: "Phiếu đang mở", overdue: "Quá hạn", awaitingLeader: "Chờ lãnh đạo",
        recurring: "KPH lặp lại cần HĐKP", attainment: "Đạt mục tiêu năm", lastReview: "XXLĐ gần nhất",
        reviewDue: "Đến hạn XXLĐ", auditDue: "Đến hạn đánh giá nội bộ", inspectionOverdue: "Báo cáo sau kiểm tra quá hạn",
        legalOverdue: "Cập nhật VBQPPL quá hạn", dataDay: "Số liệu ngày",
        tileWards: "Đơn vị được tổng hợp", tileUnreachable: "Không đọc được số liệu", tileStale: "Số liệu cũ hơn",
        chartOverdue: "Phiếu quá hạn theo đơn vị (20 đơn vị nhiều nhất)", chartOverdueNone: "Không đơn vị nào có phiếu quá hạn.",
        chartStatus: "Tình trạng số liệu của các đơn vị",
        statusCurrent: "Số liệu trong", statusStale: "Số liệu cũ hơn", statusUnreachable: "Không đọc được số liệu",
        statusUnknownSchema: "Phiên bản data.json chưa hỗ trợ",
        due: "Đến hạn", notDue: "Chưa", noReview: "Chưa có", staleBadge: "cũ", days: "ngày",
        onlyFigures: "Chỉ tổng hợp số liệu; nội dung phiếu của các đơn vị không được đưa vào trang này.",
        generatedBy: "Tạo bởi Cải tiến từ data.json của các đơn vị",
        noJS: "Bảng sắp xếp theo tên đơn vị; bật JavaScript để tìm kiếm và sắp xếp theo cột."
    )

    public static let en = RollupStrings(
        lang: "en",
        title: "QMS improvement roll-up of the wards and communes",
        heading: "Improvement of the quality management system across the wards and communes",
        asOf: "Roll-up of", wardsCount: "wards",
        searchLabel: "Find a ward", searchPlaceholder: "Type a ward's name (tones optional)…", shown: "wards",
        wardsSection: "Each ward", totalRow: "Total",
        ward: "Ward", open: "Open requests", overdue: "Overdue", awaitingLeader: "Awaiting the leader",
        recurring: "Recurring NCs needing action", attainment: "Objectives met", lastReview: "Last management review",
        reviewDue: "Review due", auditDue: "Internal audit due", inspectionOverdue: "Inspection reports overdue",
        legalOverdue: "Legal updates overdue", dataDay: "Data of",
        tileWards: "Wards rolled up", tileUnreachable: "Could not be read", tileStale: "Data older than",
        chartOverdue: "Overdue requests by ward (top 20)", chartOverdueNone: "No ward has an overdue request.",
        chartStatus: "State of the wards' data",
        statusCurrent: "Data within", statusStale: "Data older than", statusUnreachable: "Could not be read",
        statusUnknownSchema: "data.json version not supported",
        due: "Due", notDue: "No", noReview: "None yet", staleBadge: "stale", days: "days",
        onlyFigures: "Figures only: no ward's request text is brought onto this page.",
        generatedBy: "Made by Cải tiến from the wards' data.json",
        noJS: "Sorted by ward; turn JavaScript on to search and sort by column."
    )
}


/// A whole number with the language's thousands separator: `3.321` (vi), `3,321` (en).
func formatCount(_ n: Int, _ lang: String) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += lang == "vi" ? "." : "," }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}

/// A fraction as a percentage with one decimal: `85,7%` (vi), `85.7%` (en).
func formatPercent(_ fraction: Double, _ lang: String) -> String {
    let tenths = Int((fraction * 1000).rounded())
    let whole = tenths / 10, decimal = tenths % 10
    return decimal == 0 ? "\(whole)%" : "\(whole)\(lang == "vi" ? "," : ".")\(decimal)%"
}

/// A coordinate for SVG: at most one decimal.
private func coordinate(_ v: Double) -> String {
    let tenths = Int((v * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
}

/// Horizontal bars with labels and values, drawn at build time: readable without a script.
func barChart(title: String, id: String, bars: [(label: String, value: Int, tone: String)], lang: String) -> String {
    let rowH = 24.0, labelW = 260.0, width = 640.0, valueW = 60.0
    let height = Double(max(bars.count, 1)) * rowH + 8
    let maximum = Double(max(bars.map(\.value).max() ?? 0, 1))
    let plotW = width - labelW - valueW
    var s = "<svg class=\"chart\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" role=\"img\" aria-labelledby=\"\(id)-title\" xmlns=\"http://www.w3.org/2000/svg\">"
    s += "<title id=\"\(id)-title\">\(escapeHTML(title))</title>"
    for (i, bar) in bars.enumerated() {
        let y = 4 + Double(i) * rowH
        let w = plotW * Double(bar.value) / maximum
        let shown = bar.label.count > 36 ? String(bar.label.prefix(35)) + "…" : bar.label
        s += "<text class=\"axis\" x=\"\(coordinate(labelW - 8))\" y=\"\(coordinate(y + 16))\" text-anchor=\"end\">\(escapeHTML(shown))</text>"
        s += "<rect class=\"bar \(bar.tone)\" x=\"\(coordinate(labelW))\" y=\"\(coordinate(y + 4))\" width=\"\(coordinate(w))\" height=\"\(coordinate(rowH - 9))\"><title>\(escapeHTML(bar.label)): \(formatCount(bar.value, lang))</title></rect>"
        s += "<text class=\"value\" x=\"\(coordinate(labelW + w + 6))\" y=\"\(coordinate(y + 16))\">\(formatCount(bar.value, lang))</text>"
    }
    return s + "</svg>"
}

/// The roll-up's index.html: totals, two charts, and one row per ward linking to its site.
/// Every value is escaped; only figures and the wards' names and addresses are shown.
public func rollupPage(_ r: Rollup, strings t: RollupStrings) -> String {
    let lang = t.lang
    let dash = "—"
    func day(_ d: Day) -> String { lang == "vi" ? d.vietnamese : d.iso }
    func count(_ n: Int?) -> String { n.map { formatCount($0, lang) } ?? dash }
    let totals = r.totals
    var h = "<!doctype html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    h += "<title>\(escapeHTML(t.title)) — \(day(r.today))</title>\n"
    h += "<link rel=\"stylesheet\" href=\"assets/rollup.css\">\n</head>\n<body>\n"
    h += "<header><h1>\(escapeHTML(t.heading))</h1>"
    h += "<p>\(escapeHTML(t.asOf)) <time datetime=\"\(r.today.iso)\">\(day(r.today))</time> · \(formatCount(totals.wards, lang)) \(escapeHTML(t.wardsCount))</p></header>\n<main>\n"

    // Totals.
    func tile(_ label: String, _ value: String, alert: Bool = false) -> String {
        "<div class=\"tile\(alert ? " alert" : "")\"><span class=\"value\">\(escapeHTML(value))</span><span class=\"label\">\(escapeHTML(label))</span></div>"
    }
    h += "<section class=\"tiles\" aria-label=\"\(escapeHTML(t.totalRow))\">"
    h += tile(t.tileWards, formatCount(totals.wards, lang))
    h += tile(t.tileUnreachable, formatCount(totals.unreachable + totals.unknownSchema, lang), alert: totals.unreachable + totals.unknownSchema > 0)
    h += tile("\(t.tileStale) \(r.staleAfterDays) \(t.days)", formatCount(totals.stale, lang), alert: totals.stale > 0)
    h += tile(t.open, formatCount(totals.open, lang))
    h += tile(t.overdue, formatCount(totals.overdue, lang), alert: totals.overdue > 0)
    h += tile(t.awaitingLeader, count(totals.awaitingLeader))
    h += tile(t.recurring, formatCount(totals.recurringUncovered, lang), alert: totals.recurringUncovered > 0)
    h += tile("\(t.attainment) \(r.year)", totals.attainment.map { formatPercent($0, lang) } ?? dash)
    h += tile(t.reviewDue, formatCount(totals.reviewDue, lang), alert: totals.reviewDue > 0)
    if let n = totals.auditDue { h += tile(t.auditDue, formatCount(n, lang), alert: n > 0) }
    if let n = totals.inspectionReportsOverdue { h += tile(t.inspectionOverdue, formatCount(n, lang), alert: n > 0) }
    if let n = totals.legalOverdue { h += tile(t.legalOverdue, formatCount(n, lang), alert: n > 0) }
    h += "</section>\n"

    // Charts.
    let worst = r.rows.compactMap { row in row.figures.map { (label: row.name, value: $0.overdue, tone: "overdue") } }
        .filter { $0.value > 0 }
        .sorted { ($0.value, foldVietnamese($1.label)) > ($1.value, foldVietnamese($0.label)) }
        .prefix(20)
    h += "<section class=\"charts\">\n<figure><figcaption>\(escapeHTML(t.chartOverdue))</figcaption>"
    h += worst.isEmpty ? "<p>\(escapeHTML(t.chartOverdueNone))</p>" : barChart(title: t.chartOverdue, id: "chart-overdue", bars: Array(worst), lang: lang)
    h += "</figure>\n<figure><figcaption>\(escapeHTML(t.chartStatus))</figcaption>"
    h += barChart(title: t.chartStatus, id: "chart-status", bars: [
        ("\(t.statusCurrent) \(r.staleAfterDays) \(t.days)", totals.current, "current"),
        ("\(t.statusStale) \(r.staleAfterDays) \(t.days)", totals.stale, "stale"),
        (t.statusUnreachable, totals.unreachable, "unreachable"),
        (t.statusUnknownSchema, totals.unknownSchema, "unreachable"),
    ], lang: lang)
    h += "</figure>\n</section>\n"

    // The table: a plain table without the script, which adds search and sorting.
    h += "<section class=\"wards\"><h2>\(escapeHTML(t.wardsSection))</h2>\n"
    h += "<form id=\"search\" role=\"search\" hidden><label for=\"q\">\(escapeHTML(t.searchLabel))</label> "
    h += "<input type=\"search\" id=\"q\" name=\"q\" placeholder=\"\(escapeHTML(t.searchPlaceholder))\" autocomplete=\"off\"> "
    h += "<output id=\"shown\" for=\"q\"></output> \(escapeHTML(t.shown))</form>\n"
    h += "<noscript><p class=\"note\">\(escapeHTML(t.noJS))</p></noscript>\n"
    h += "<div class=\"scroll\"><table id=\"wards\" class=\"sortable\">\n<thead><tr>"
    let headers: [(String, String)] = [
        (t.ward, "text"), (t.open, "number"), (t.overdue, "number"), (t.awaitingLeader, "number"), (t.recurring, "number"),
        ("\(t.attainment) \(r.year)", "number"), (t.lastReview, "text"), (t.reviewDue, "number"), (t.auditDue, "number"),
        (t.inspectionOverdue, "number"), (t.legalOverdue, "number"), (t.dataDay, "text"),
    ]
    for (label, type) in headers { h += "<th scope=\"col\" data-type=\"\(type)\">\(escapeHTML(label))</th>" }
    h += "</tr></thead>\n<tbody>\n"
    for row in r.rows {
        let status = r.status(row)
        let name = row.name
        h += "<tr class=\"\(status.rawValue)\" data-search=\"\(escapeHTML(foldVietnamese(name + " " + row.source.text)))\">"
        let link = row.figures?.baseURL.flatMap(webAddress) ?? row.source.siteURL
        h += "<th scope=\"row\" data-sort=\"\(escapeHTML(foldVietnamese(name)))\">"
        h += link.map { "<a href=\"\(escapeHTML($0))\">\(escapeHTML(name))</a>" } ?? escapeHTML(name)
        if row.figures?.organisation != nil || row.source.name != nil { h += "<small>\(escapeHTML(row.source.text))</small>" }
        h += "</th>"
        func number(_ n: Int?, alert: Bool = false) -> String {
            guard let n else { return "<td class=\"num\" data-sort=\"-1\">\(dash)</td>" }
            return "<td class=\"num\(alert && n > 0 ? " alert" : "")\" data-sort=\"\(n)\">\(formatCount(n, lang))</td>"
        }
        func flag(_ b: Bool?) -> String {
            guard let b else { return "<td data-sort=\"-1\">\(dash)</td>" }
            return b ? "<td class=\"alert\" data-sort=\"1\">\(escapeHTML(t.due))</td>" : "<td data-sort=\"0\">\(escapeHTML(t.notDue))</td>"
        }
        guard let f = row.figures else {
            for _ in 1...10 { h += "<td data-sort=\"-1\">\(dash)</td>" }
            let label = status == .unknownSchema ? t.statusUnknownSchema : t.statusUnreachable
            let reason = row.result.problemText(in: Language(locale: t.lang))
            h += "<td class=\"problem\" data-sort=\"\"><strong>\(escapeHTML(label))</strong>: \(escapeHTML(reason))</td></tr>\n"
            continue
        }
        h += number(f.open)
        h += number(f.overdue, alert: true)
        h += number(f.awaitingLeader)
        h += number(f.recurringUncovered, alert: true)
        if let a = f.objectives[r.year]?.attainment {
            h += "<td class=\"num\" data-sort=\"\(coordinate(a * 1000))\">\(formatPercent(a, lang))</td>"
        } else {
            h += "<td class=\"num\" data-sort=\"-1\">\(dash)</td>"
        }
        if let last = f.lastReview {
            h += "<td data-sort=\"\(last.iso)\"><time datetime=\"\(last.iso)\">\(day(last))</time></td>"
        } else {
            h += "<td data-sort=\"\">\(escapeHTML(t.noReview))</td>"
        }
        h += flag(f.reviewDue)
        h += flag(f.auditDue)
        h += number(f.inspectionReportsOverdue, alert: true)
        h += number(f.legalOverdue, alert: true)
        h += "<td data-sort=\"\(f.today.iso)\"><time datetime=\"\(f.today.iso)\">\(day(f.today))</time>"
        if status == .stale { h += " <span class=\"badge stale\">\(escapeHTML(t.staleBadge)) \(formatCount(r.age(f), lang)) \(escapeHTML(t.days))</span>" }
        h += "</td></tr>\n"
    }
    h += "</tbody>\n<tfoot><tr><th scope=\"row\">\(escapeHTML(t.totalRow))</th>"
    h += "<td class=\"num\">\(formatCount(totals.open, lang))</td><td class=\"num\">\(formatCount(totals.overdue, lang))</td>"
    h += "<td class=\"num\">\(count(totals.awaitingLeader))</td><td class=\"num\">\(formatCount(totals.recurringUncovered, lang))</td>"
    h += "<td class=\"num\">\(totals.attainment.map { formatPercent($0, lang) } ?? dash)</td><td></td>"
    h += "<td class=\"num\">\(formatCount(totals.reviewDue, lang))</td><td class=\"num\">\(count(totals.auditDue))</td>"
    h += "<td class=\"num\">\(count(totals.inspectionReportsOverdue))</td><td class=\"num\">\(count(totals.legalOverdue))</td><td></td></tr></tfoot>\n"
    h += "</table></div></section>\n</main>\n"
    h += "<footer><p>\(escapeHTML(t.onlyFigures))</p><p>\(escapeHTML(t.generatedBy)) · <a href=\"data.json\">data.json</a></p></footer>\n"
    h += "<script src=\"assets/rollup.js\"></script>\n</body>\n</html>\n"
    return h
}

/// An absolute http(s) address, to link a ward's site; a relative `base_url` ("/") says nothing
/// about where the ward publishes, and any other scheme is never linked.
func webAddress(_ text: String) -> String? {
    let lower = text.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), text.count > 8,
          !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
    return text
}

extension Result where Success == WardFigures, Failure == WardProblem {
    /// Why the ward has no figures, in English; empty when it has.
    var problemText: String { problemText(in: .en) }
    /// Why the ward has no figures, in `language`; empty when it has.
    public func problemText(in language: Language) -> String { if case .failure(let p) = self { return p.text(language) } else { return "" } }
}

/// Search without tones, sorting by column, the query kept in the address (`?q=`).
public let rollupScript = #"""
// Cải tiến roll-up: search without tones and sorting by column. The page works without it.
(function () {
  "use strict";
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("wards");
    var form = document.getElementById("search");
    if (!table || !form) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var input = document.getElementById("q");
    var shown = document.getElementById("shown");
    form.hidden = false;
    function apply() {
      var needle = fold(input.value.trim());
      var n = 0;
      rows.forEach(function (row) {
        var ok = !needle || (row.dataset.search || "").indexOf(needle) !== -1;
        row.hidden = !ok;
        if (ok) n++;
      });
      shown.value = n + " / " + rows.length;
      var url = new URL(window.location.href);
      if (needle) url.searchParams.set("q", input.value.trim()); else url.searchParams.delete("q");
      try { window.history.replaceState(null, "", url.toString()); } catch (e) { /* file:// in some browsers */ }
    }
    input.value = new URL(window.location.href).searchParams.get("q") || "";
    input.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();

    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      var numeric = th.dataset.type === "number";
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") === "descending" || (!th.hasAttribute("aria-sort") && !numeric);
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        function key(row) {
          var v = row.cells[column].dataset.sort;
          return numeric ? parseFloat(v) : v;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
"""#

public let rollupStyle = """
:root { --ink: #1d2733; --muted: #5b6877; --line: #d5dbe2; --alert: #b3261e; --stale: #8a5a00; --bar: #2f6fb0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #f6f8fa; }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 16px; }
header h1 { font-size: 1.4rem; margin: 20px 0 4px; }
header p, footer p, .note { color: var(--muted); margin: 4px 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 16px 0; }
.tile { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; display: flex; flex-direction: column; }
.tile .value { font-size: 1.6rem; font-weight: 600; }
.tile .label { color: var(--muted); font-size: .9rem; }
.tile.alert .value { color: var(--alert); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { width: 100%; height: auto; }
svg .axis, svg .value { font-size: 12px; fill: var(--ink); }
svg .bar { fill: var(--bar); }
svg .bar.overdue, svg .bar.unreachable { fill: var(--alert); }
svg .bar.stale { fill: var(--stale); }
.wards h2 { margin: 24px 0 8px; }
#search { margin: 8px 0; }
#search input { font: inherit; padding: 6px 8px; width: min(420px, 100%); }
.scroll { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #eef2f6; font-weight: 600; }
thead th button { font: inherit; border: 0; background: none; padding: 0; cursor: pointer; text-align: left; color: inherit; }
thead th[aria-sort=ascending] button::after { content: " ▲"; }
thead th[aria-sort=descending] button::after { content: " ▼"; }
tbody th { font-weight: 500; }
tbody th small { display: block; color: var(--muted); font-weight: 400; word-break: break-all; }
td.num, tfoot td { text-align: right; font-variant-numeric: tabular-nums; }
td.alert { color: var(--alert); font-weight: 600; }
tr.stale td:last-child { color: var(--stale); }
.badge.stale { display: inline-block; border: 1px solid var(--stale); color: var(--stale); border-radius: 4px; padding: 0 4px; font-size: .8rem; }
tr.unreachable, tr.unknown_schema { background: #fdf1f0; }
td.problem { color: var(--alert); min-width: 260px; }
tfoot th, tfoot td { font-weight: 600; background: #eef2f6; }
footer { margin: 24px auto; }
@media print { .charts { display: block; } #search { display: none; } thead th { position: static; } }
"""
