/* Checklists: ticks kept in this browser (localStorage, keyed by the items' ids in data/), a count
   announced politely, Reset (asks first) and Print. No network, no cookies. Without scripts the page
   is a plain printable list and the buttons stay hidden (see the ip-js class in main.html). */
(() => {
  "use strict";
  const tools = document.querySelector("[data-ip-tools]");
  if (!tools) return;

  const PREFIX = "ipraktik:tjek:";
  const boxes = [...document.querySelectorAll("input[data-ip-item]")];
  const progress = tools.querySelector("[data-ip-progress]");
  const key = (box) => PREFIX + box.dataset.ipItem;
  // Storage can be switched off or full (private modes): the boxes still tick, just unsaved.
  const store = (() => {
    try {
      localStorage.getItem(PREFIX);
      return localStorage;
    } catch (error) {
      return null;
    }
  })();

  const count = () => {
    const done = boxes.filter((box) => box.checked).length;
    progress.textContent = tools.dataset.progress.replace("{done}", done).replace("{total}", boxes.length);
  };
  const save = (box) => {
    if (!store) return;
    try {
      if (box.checked) store.setItem(key(box), "1");
      else store.removeItem(key(box));
    } catch (error) { /* full: keep the tick on screen */ }
  };

  // A renamed item (published-ids.yml, renamed:) names its former ids: a tick saved under one moves to the
  // new id once, and the old key goes, so a visitor's ticks survive the rename.
  const migrate = (box) => {
    if (!store || !box.dataset.ipWas) return;
    try {
      for (const old of box.dataset.ipWas.split(" ")) {
        if (store.getItem(PREFIX + old) === "1") store.setItem(key(box), "1");
        store.removeItem(PREFIX + old);
      }
    } catch (error) { /* full: the old tick stays where it was */ }
  };

  for (const box of boxes) {
    migrate(box);
    if (store && store.getItem(key(box)) === "1") box.checked = true;
    box.addEventListener("change", () => {
      save(box);
      count();
    });
  }
  tools.querySelector("[data-ip-print]").addEventListener("click", () => window.print());
  tools.querySelector("[data-ip-reset]").addEventListener("click", () => {
    if (!window.confirm(tools.dataset.confirm)) return;
    for (const box of boxes) {
      box.checked = false;
      save(box);
    }
    count();
  });
  if (!store) tools.querySelector(".ip-checklist__saved").hidden = true;
  count();
})();
