// The "Drucken / PDF" button: shown when JavaScript runs, opens the browser's print dialogue (where
// "Als PDF speichern" is one of the printers). Without JavaScript the browser's own menu prints.
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
