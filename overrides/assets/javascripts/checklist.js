/* A checklist or the worksheet: ticks and typed notes kept in this browser under the items' ids from
   data/ (ipraktik:tjek:<id>, ipraktik:note:<id>; the prefixes come from data/planning.yml through the
   bar's data attributes), a count announced politely, Print, Copy as text and Reset (asks first).
   Without scripts the page is a plain printable list and the bar stays hidden (the ip-js class). */
import { bindToolbar, keepField, labelled, mirror, moveFormer, pageTitle, setValue, store, wordsOf } from "./ip-storage.js";

export const initChecklist = (bar) => {
  const boxes = [...document.querySelectorAll("input[data-ip-item]")];
  const notes = [...document.querySelectorAll("textarea[data-ip-note]")];
  const progress = bar.querySelector("[data-ip-progress]");
  const tickKey = (box) => bar.dataset.tickPrefix + box.dataset.ipItem;
  const noteKey = (note) => bar.dataset.notePrefix + note.dataset.ipNote;

  const count = () => {
    const done = boxes.filter((box) => box.checked).length;
    progress.textContent = bar.dataset.progress.replace("{done}", done).replace("{total}", boxes.length);
  };
  const saveTick = (box) => {
    if (box.checked) store.set(tickKey(box), "1");
    else store.remove(tickKey(box));
  };

  for (const box of boxes) {
    moveFormer(box, bar.dataset.tickPrefix, tickKey(box));
    if (store.get(tickKey(box)) === "1") box.checked = true;
    box.addEventListener("change", () => {
      saveTick(box);
      count();
    });
  }
  for (const note of notes) {
    moveFormer(note, bar.dataset.notePrefix, noteKey(note));
    keepField(note, noteKey(note));
  }
  window.addEventListener("beforeprint", () => notes.forEach(mirror));

  /* In reading order: the title, each phase's heading, each item ticked or not, each question with its notes. */
  const text = () => {
    const lines = [pageTitle()];
    for (const part of document.querySelectorAll("article h2, article .ip-check, article .ip-question")) {
      if (part.matches("h2")) {
        lines.push("", wordsOf(part).toUpperCase());
        continue;
      }
      const box = part.querySelector("input[data-ip-item]");
      const label = wordsOf(part.querySelector(".ip-check__text, .ip-question__text"));
      const note = part.querySelector("textarea[data-ip-note]");
      const head = box ? `[${box.checked ? "x" : " "}] ${label}` : label;
      lines.push(note && note.value.trim() ? labelled(head, note.value) : head);
    }
    return lines.join("\n") + "\n";
  };
  const clear = () => {
    for (const box of boxes) {
      box.checked = false;
      saveTick(box);
    }
    for (const note of notes) {
      setValue(note, "");
      store.remove(noteKey(note));
    }
    count();
  };

  bindToolbar(bar, { text, clear });
  count();
};
