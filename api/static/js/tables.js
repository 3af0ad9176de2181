// Progressive enhancement for data tables: instant text filtering and sorting in the browser.
// Without JavaScript the same works through the links and the filter form (server side).
(function () {
  "use strict";
  function cellText(row, index) {
    var cell = row.children[index];
    return cell ? cell.textContent.trim() : "";
  }
  function compare(a, b, numeric) {
    if (numeric) {
      var x = parseFloat(a.replace(",", ".")), y = parseFloat(b.replace(",", "."));
      if (isNaN(x)) return isNaN(y) ? 0 : 1;
      if (isNaN(y)) return -1;
      return x - y;
    }
    if (!a) return b ? 1 : 0;
    if (!b) return -1;
    return a.localeCompare(b, document.documentElement.lang || "de", { sensitivity: "base" });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      var link = th.querySelector("a");
      if (!link) return;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var descending = th.getAttribute("aria-sort") === "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.dataset.numeric === "1";
        rows.sort(function (r1, r2) {
          var result = compare(cellText(r1, index), cellText(r2, index), numeric);
          return descending ? -result : result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", link.href);
        }
      });
    });
  });
  document.querySelectorAll("input[data-table-filter]").forEach(function (input) {
    var table = document.getElementById(input.dataset.tableFilter);
    if (!table) return;
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLocaleLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var match = !needle || row.textContent.toLocaleLowerCase().indexOf(needle) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      var count = table.querySelector("caption .count");
      if (count) count.textContent = "(" + shown + ")";
    });
  });
})();
