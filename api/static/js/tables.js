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
        headers.forEach(function (other) {
          other.removeAttribute("aria-sort");
          // the arrow and the spoken sort state move with the sort (they stayed on the old column)
          other.querySelectorAll("a > span").forEach(function (span) { span.remove(); });
        });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var arrow = document.createElement("span");
        arrow.setAttribute("aria-hidden", "true");
        arrow.textContent = descending ? "\u25BC" : "\u25B2";
        var spoken = document.createElement("span");
        spoken.className = "visually-hidden";
        spoken.textContent = "(" + (descending ? table.dataset.sortedDesc : table.dataset.sortedAsc) + ")";
        link.appendChild(document.createTextNode(" "));
        link.appendChild(arrow);
        link.appendChild(spoken);
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
    // the number of rows shown is announced (WCAG 4.1.3): a live region that exists before it changes
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.id = table.id + "-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.parentNode.appendChild(status);
    var total = table.tBodies[0].rows.length;
    var timer = null;
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
      window.clearTimeout(timer);  // announce once typing pauses, not at every key
      timer = window.setTimeout(function () {
        status.textContent = (table.dataset.shown || "{shown} / {total}")
          .replace("{shown}", shown).replace("{total}", total);
      }, 400);
    });
  });
})();
