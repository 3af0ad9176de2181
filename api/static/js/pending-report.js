// The validation report is still being computed: ask again every few seconds and show it as soon as
// it is there. The JSON URL comes from the script element's data-url attribute.
(function () {
  "use strict";
  var url = document.currentScript.getAttribute("data-url");
  function check() {
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (r) { if (r.ok) { window.location.reload(); } else { window.setTimeout(check, 3000); } })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 3000);
})();
