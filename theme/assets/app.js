// Cải tiến: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Vietnamese text typed on a Mac may arrive decomposed (NFD): match on NFC, case-folded.
  function fold(text) { return (text || "").normalize("NFC").toLocaleLowerCase("vi"); }

  function setUpFilters() {
    var form = document.getElementById("filters");
    var table = document.getElementById("tickets");
    if (!form || !table) return;
    form.hidden = false;
    var text = document.getElementById("filter-text");
    var stage = document.getElementById("filter-stage");
    var unit = document.getElementById("filter-unit");
    var count = document.getElementById("filter-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var haystack = rows.map(function (row) { return fold(row.textContent); });
    function apply() {
      var needle = fold(text.value.trim());
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = (!needle || haystack[i].indexOf(needle) !== -1) &&
          (!stage.value || row.dataset.stage === stage.value) &&
          (!unit.value || row.dataset.unit === unit.value);
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.value = shown + " / " + rows.length;
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  function setUpSorting() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
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

  document.addEventListener("DOMContentLoaded", function () { setUpFilters(); setUpSorting(); setUpPrint(); });
})();
