/* Starts each component on the page by its data-module attribute (as GOV.UK Frontend does); a page
   without any of them loads nothing more. Loaded as a module, so it runs once the page is parsed. */
import { initChecklist } from "./checklist.js";
import { initProgramme } from "./programme.js";
import { initAgreement } from "./agreement.js";

const MODULES = {
  "ip-checklist": initChecklist,
  "ip-programme": initProgramme,
  "ip-agreement": initAgreement,
};
/* Sharing a plan and the calendar file (issue 24) load only on the pages that have them, so a checklist
   page does not carry them. */
const ON_DEMAND = {
  "ip-share": () => import("./share.js").then((module) => module.initShare),
  "ip-calendar": () => import("./programme-calendar.js").then((module) => module.initCalendar),
};

for (const root of document.querySelectorAll("[data-module]")) {
  const init = MODULES[root.dataset.module];
  if (init) init(root);
  else if (ON_DEMAND[root.dataset.module]) ON_DEMAND[root.dataset.module]().then((start) => start(root));
}
