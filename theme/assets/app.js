// Cải tiến: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Search ignores case and tones: "tre han" finds "trễ hạn", "dang" finds "Đăng". Text typed on
  // a Mac may arrive decomposed (NFD); NFD is what the tones are stripped from anyway.
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  var FLAGS = { open: 1, overdue: 2, due_soon: 4, leader: 8, undecided: 16, missing_progress: 32, actions_late: 64 };
  var FIELDS = ["q", "status", "stage", "unit", "kind", "source", "year"];
  var PAGE = 500;

  function dateText(iso, locale) {
    if (!iso) return "";
    return locale === "vi" ? iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) : iso;
  }

  // The request list over every request (tickets/index.js), filtered by the state in the URL:
  // tickets/index.html?q=…&status=overdue&unit=tthcc. Without the script the plain table stays.
  function setUpFilters() {
    var form = document.getElementById("filters");
    var table = document.getElementById("tickets");
    var index = window.caitienTickets;
    if (!form || !table || !index) return;
    form.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll(".pagination, #static-count"), function (e) { e.hidden = true; });
    var root = table.getAttribute("data-root") || "";
    var body = table.tBodies[0];
    var count = document.getElementById("filter-count");
    var more = document.getElementById("show-more"), moreBox = document.getElementById("show-more-box");
    var controls = {};
    FIELDS.forEach(function (name) { controls[name] = document.getElementById("filter-" + name); });
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = index.rows.map(function (r) {
      var unit = index.units[r[2]], stage = index.stages[r[3]], kind = index.kinds[r[4]], source = index.sources[r[5]];
      return {
        id: r[0], title: r[1], unit: unit[0], unitName: unit[1], stage: stage[0], stageName: stage[1],
        kind: kind[0], kindName: kind[1], source: source[0], opened: r[6], due: r[7], owner: r[8], timing: r[9],
        flags: r[10], year: r[6].slice(0, 4),
        text: fold([r[0], r[1], unit[0], unit[1], stage[1], kind[1], source[1], r[8], r[11]].join(" "))
      };
    });
    var state = {}, sortKey = null, ascending = true, shown = PAGE;

    function readURL() {
      var params = new URLSearchParams(window.location.search);
      FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
      // `stage=overdue` (a list, not a stage) reads as `status=overdue`.
      if (state.stage && FLAGS[state.stage] && !index.stages.some(function (s) { return s[0] === state.stage; })) {
        state.status = state.stage; state.stage = "";
      }
      FIELDS.forEach(function (name) { if (controls[name]) controls[name].value = state[name]; });
      // A value the list does not offer (a unit since removed) is kept in the state, and matches nothing.
    }

    function writeURL() {
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
      var query = params.toString();
      try { window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "")); } catch (e) { /* file:// */ }
    }

    function matches(row) {
      var words = fold(state.q).split(/\s+/).filter(Boolean);
      for (var i = 0; i < words.length; i++) if (row.text.indexOf(words[i]) === -1) return false;
      if (state.status && !(row.flags & (FLAGS[state.status] || 0))) return false;
      if (state.stage && row.stage !== state.stage) return false;
      if (state.unit && row.unit !== state.unit) return false;
      if (state.kind && row.kind !== state.kind) return false;
      if (state.source && row.source !== state.source) return false;
      if (state.year && row.year !== state.year) return false;
      return true;
    }

    function cell(tr, label, text, className) {
      var td = document.createElement("td");
      td.setAttribute("data-label", label);
      if (className) td.className = className;
      if (text !== undefined) td.textContent = text;
      tr.appendChild(td);
      return td;
    }

    function render() {
      var found = rows.filter(matches);
      if (sortKey) {
        found.sort(function (a, b) {
          var x = sortKey === "unit" ? fold(a.unitName) : sortKey === "stage" ? a.stage : fold(String(a[sortKey] || ""));
          var y = sortKey === "unit" ? fold(b.unitName) : sortKey === "stage" ? b.stage : fold(String(b[sortKey] || ""));
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
      }
      var labels = headers.map(function (h) { return h.textContent; });
      var fragment = document.createDocumentFragment();
      found.slice(0, shown).forEach(function (row) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-stage", row.stage);
        tr.setAttribute("data-unit", row.unit);
        var a = document.createElement("a");
        a.href = root + "tickets/" + row.id + "/index.html";
        a.textContent = row.id;
        cell(tr, labels[0]).appendChild(a);
        cell(tr, labels[1], row.title);
        var badge = document.createElement("span");
        badge.className = "stage " + row.stage;
        badge.textContent = row.stageName;
        cell(tr, labels[2]).appendChild(badge);
        cell(tr, labels[3], row.kindName);
        cell(tr, labels[4], row.unitName);
        cell(tr, labels[5], dateText(row.opened, index.locale));
        cell(tr, labels[6], dateText(row.due, index.locale), row.flags & FLAGS.overdue ? "late" : "");
        var owner = cell(tr, labels[7], row.owner);
        if (row.timing) {
          var timing = document.createElement("span");
          timing.className = "timing" + (row.flags & 128 ? " late" : "");
          timing.textContent = row.timing;
          owner.appendChild(document.createTextNode(" "));
          owner.appendChild(timing);
        }
        fragment.appendChild(tr);
      });
      body.textContent = "";
      body.appendChild(fragment);
      count.value = found.length + " / " + rows.length;
      moreBox.hidden = found.length <= shown;
    }

    function update() {
      FIELDS.forEach(function (name) { if (controls[name]) state[name] = controls[name].value; });
      shown = PAGE;
      writeURL();
      render();
    }

    headers.forEach(function (th) {
      th.tabIndex = 0;
      function sort() {
        var key = th.getAttribute("data-key");
        ascending = sortKey === key ? !ascending : true;
        sortKey = key;
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        render();
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.getElementById("filter-reset").addEventListener("click", function (e) {
      e.preventDefault();
      FIELDS.forEach(function (name) { if (controls[name]) controls[name].value = ""; });
      update();
    });
    more.addEventListener("click", function () { shown += PAGE; render(); });
    readURL();
    render();
  }

  function setUpSorting() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
      if (table.id === "tickets" && window.caitienTickets) return;
      var headers = table.tHead.rows[0].cells;
      Array.prototype.forEach.call(headers, function (th, column) {
        th.tabIndex = 0;
        function sort() {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          function key(row) { var c = row.cells[column]; return c.dataset.sort !== undefined ? c.dataset.sort : fold(c.textContent); }
          rows.sort(function (a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1); });
          rows.forEach(function (row) { body.appendChild(row); });
        }
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
      });
    });
  }

  function setUpPrint() {
    Array.prototype.forEach.call(document.querySelectorAll(".print-button"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // The request list loads every request (tickets/index.js) only on its own page.
  function loadIndex(then) {
    var table = document.getElementById("tickets");
    var src = table && table.getAttribute("data-index");
    if (!src) { then(); return; }
    var script = document.createElement("script");
    script.src = src;
    script.onload = then;
    script.onerror = then;
    document.head.appendChild(script);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpPrint();
    loadIndex(function () { setUpFilters(); setUpSorting(); });
  });
})();
