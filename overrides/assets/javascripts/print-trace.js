/* The `ip-today` component of every page's print trace (overrides/main.html): today's date in the page's
   language, so a printout says when it was printed. Loaded on every page by itself rather than through
   modules.js, which would bring the checklist and planning modules to pages that have none of them; it
   imports the date helper alone, not the page modules' other helpers. */
import { formatDate } from "./ip-dates.js";

for (const today of document.querySelectorAll('[data-module="ip-today"]')) {
  today.textContent = formatDate(new Date());
}
