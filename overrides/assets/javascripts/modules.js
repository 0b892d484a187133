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

/* Sharing a plan and the calendar file (issue 24) load on first use, so a page's first view carries none
   of their code: when the visitor reaches for them (a pointer over or the focus in the component), or at
   once when the address holds a plan to open. A click or a chosen file that comes before the code is done
   again once it has arrived. */
const ON_USE = {
  "ip-share": {
    load: () => import("./share.js").then((module) => module.initShare),
    now: () => location.hash.startsWith("#plan"),
  },
  "ip-calendar": {
    load: () => import("./programme-calendar.js").then((module) => module.initCalendar),
    now: () => false,
  },
};

const startOnUse = (root, { load, now }) => {
  let started = null;
  let ready = false;
  const start = () => {
    started = started || load().then((init) => {
      init(root);
      ready = true;
    });
    return started;
  };
  if (now()) return start();
  for (const type of ["pointerover", "touchstart", "focusin"]) {
    root.addEventListener(type, start, { once: true, passive: true });
  }
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!ready && button) start().then(() => button.click());
  });
  root.addEventListener("change", (event) => {
    if (!ready) start().then(() => event.target.dispatchEvent(new Event("change", { bubbles: true })));
  });
  return null;
};

for (const root of document.querySelectorAll("[data-module]")) {
  const init = MODULES[root.dataset.module];
  if (init) init(root);
  else if (ON_USE[root.dataset.module]) startOnUse(root, ON_USE[root.dataset.module]);
}
