// SPARQL page: load an example without a page reload, run with Ctrl+Enter. The page works without it.
(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  var textarea = document.getElementById("query");
  var select = document.getElementById("example");
  var loadButton = document.getElementById("load-example");
  if (select && textarea && loadButton) {
    loadButton.addEventListener("click", function (event) {
      var template = document.getElementById("example-" + select.value);
      if (!template) return;
      event.preventDefault();
      textarea.value = template.content.textContent;
      textarea.focus();
    });
  }
  if (form && textarea) {
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.submit();
      }
    });
  }
})();
