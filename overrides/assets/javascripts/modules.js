/* Starts each component on the page by its data-module attribute (as GOV.UK Frontend does); a page
   without any of them loads nothing more. Loaded as a module, so it runs once the page is parsed. */
import { initChecklist } from "./checklist.js";
import { initProgramme } from "./programme.js";
import { initAgreement } from "./agreement.js";
import { initShare } from "./share.js";
import { initCalendar } from "./programme-calendar.js";

const MODULES = {
  "ip-checklist": initChecklist,
  "ip-programme": initProgramme,
  "ip-agreement": initAgreement,
  "ip-share": initShare,
  "ip-calendar": initCalendar,
};

for (const root of document.querySelectorAll("[data-module]")) {
  const init = MODULES[root.dataset.module];
  if (init) init(root);
}
