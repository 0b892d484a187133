/* Every page's print trace (overrides/main.html): today's date, so a printout says when it was printed. */
(() => {
  "use strict";
  for (const today of document.querySelectorAll("[data-ip-today]")) {
    today.textContent = new Date().toLocaleDateString(document.documentElement.lang, { dateStyle: "long" });
  }
})();
