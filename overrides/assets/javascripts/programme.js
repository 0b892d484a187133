/* The host's programme sketch (templates/programme.jinja). The trip's fields and every cell the host
   changed are kept under ipraktik:program:<field id>; a cell nobody changed shows the suggestions
   (listed below the form, from data/planning.yml) that fit its day: the first, a middle or the last
   day, the morning or afternoon, and the number of interns. */
import { bindToolbar, keepFocusInView, formatDate, keepField, labelOf, labelled, mailto, mirror, pageTitle, setValue, store, wordsOf }
  from "./ip-storage.js";

/* The n-th weekday from the first day (1 is the first day itself). */
export const weekday = (first, n) => {
  const day = new Date(first);
  for (let left = n - 1; left > 0;) {
    day.setDate(day.getDate() + 1);
    if (day.getDay() !== 0 && day.getDay() !== 6) left -= 1;
  }
  return day;
};

export const initProgramme = (form) => {
  keepFocusInView(form);
  const bar = form.querySelector("[data-ip-toolbar]");
  const prefix = bar.dataset.prefix;
  const type = form.querySelector("[data-ip-travel-type]");
  const days = form.querySelector("[data-ip-days]");
  const interns = form.querySelector("[data-ip-interns]");
  const start = form.querySelector("[data-ip-start]");
  const rows = [...form.querySelectorAll("tr[data-ip-day]")];
  const cells = [...form.querySelectorAll("[data-ip-cell]")];
  const trip = [...form.querySelectorAll("[data-ip-field]")].filter((field) => !field.hasAttribute("data-ip-cell"));
  const internFields = [...form.querySelectorAll("[data-ip-intern]")];
  const suggestions = [...document.querySelectorAll("[data-ip-suggestions] li")].map((item) => ({
    days: item.dataset.days.split(" "),
    part: item.dataset.part,
    minInterns: Number(item.dataset.minInterns),
    text: wordsOf(item),
  }));
  const key = (field) => prefix + field.dataset.ipField;
  const mail = bar.querySelector("[data-ip-mail]");
  const dayAndDate = { weekday: "long", day: "numeric", month: "long" };

  const allowedDays = () => type.selectedOptions[0].dataset.days.split(" ");
  const dayCount = () => Number(days.value);
  const dateOf = (n) => (start.value ? weekday(`${start.value}T12:00`, n) : null);

  const suggested = (n, part) => {
    const kind = n === 1 ? "first" : n === dayCount() ? "last" : "middle";
    return suggestions
      .filter((s) => s.part === part && s.days.includes(kind) && Number(interns.value) >= s.minInterns)
      .map((s) => s.text)
      .join("\n");
  };

  /* Show the chosen days and interns, date the rows, and refill the cells nobody changed. */
  const update = () => {
    for (const row of rows) {
      const n = Number(row.dataset.ipDay);
      row.hidden = n > dayCount();
      const date = dateOf(n);
      row.querySelector("[data-ip-date]").textContent = date ? formatDate(date, dayAndDate) : "";
    }
    for (const field of internFields) field.hidden = Number(field.dataset.ipIntern) > Number(interns.value);
    for (const cell of cells) {
      if (!store.has(key(cell)) && !cell.dataset.ipEdited) {
        setValue(cell, suggested(Number(cell.closest("tr").dataset.ipDay), cell.dataset.ipCell));
      }
    }
    mail.href = mailto(form.dataset.subject, text());
  };

  /* The programme as text: the trip, then each day with its morning and afternoon. */
  const text = () => {
    const lines = [pageTitle(), ""];
    for (const field of trip) {
      const shown = field.closest("[hidden]") === null;
      const value = field.tagName === "SELECT" ? wordsOf(field.selectedOptions[0]) : field.value.trim();
      if (shown && value && field !== start) lines.push(labelled(labelOf(field), value));
    }
    if (start.value) {
      const dates = [dateOf(1), dateOf(dayCount())].map((d) => formatDate(d));
      lines.push(labelled(form.dataset.dates, dates.join(" – ")));
    }
    for (const row of rows.filter((r) => !r.hidden)) {
      lines.push("", wordsOf(row.querySelector("th")).toUpperCase());
      for (const cell of row.querySelectorAll("[data-ip-cell]")) {
        const part = wordsOf(document.getElementById(cell.getAttribute("aria-labelledby").split(" ")[1]));
        if (cell.value.trim()) lines.push(labelled(part, cell.value));
      }
    }
    return lines.join("\n") + "\n";
  };

  /* A travel type sets a length it allows; a length the type does not allow makes it "another length".
     Each option's data-days lists every length it allows (the template spells out a type's range). */
  const fitDays = (save) => {
    if (!allowedDays().includes(days.value)) setValue(days, allowedDays()[0]);
    if (save) store.set(key(days), days.value);
  };
  const fitType = () => {
    if (!allowedDays().includes(days.value)) {
      setValue(type, "");
      store.set(key(type), "");
    }
  };

  for (const field of trip) keepField(field, key(field), update);
  /* A stored "" is a choice too (another length), so the type is restored from the key's presence. */
  if (store.has(key(type))) setValue(type, store.get(key(type)));
  type.addEventListener("change", () => { fitDays(true); update(); });
  days.addEventListener("change", () => { fitType(); update(); });
  for (const cell of cells) {
    const saved = store.get(key(cell));
    if (saved !== null) setValue(cell, saved);
    cell.addEventListener("input", () => {
      cell.dataset.ipEdited = "1";
      store.set(key(cell), cell.value); /* kept even when emptied: an empty cell was the host's choice */
      mirror(cell);
      mail.href = mailto(form.dataset.subject, text());
    });
  }
  /* On screen a new programme starts as the first travel type with one intern; the blank form printed
     without scripts has every day and every intern instead. */
  const fresh = (field, value) => {
    if (!store.has(key(field))) setValue(field, value);
  };
  fresh(type, type.options[0].value);
  fresh(interns, "1");
  fitDays(false);

  const clear = () => {
    for (const field of [...trip, ...cells]) {
      store.remove(key(field));
      setValue(field, field.tagName === "SELECT" ? field.options[field.options.length - 1].value : "");
      delete field.dataset.ipEdited;
    }
    setValue(type, type.options[0].value);
    setValue(interns, "1");
    fitDays(false);
    update();
  };
  window.addEventListener("beforeprint", () => cells.forEach(mirror));
  bindToolbar(bar, { text, clear });
  update();
};
