// The validation report is still being computed: ask again every few seconds and show it as soon as it
// is there. The URL to ask comes from the script tag's data-check attribute.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-check");
  if (!url) { return; }
  function check() {
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (r) { if (r.ok) { window.location.reload(); } else { window.setTimeout(check, 3000); } })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 3000);
})();
