/* What the page modules share: the browser's local storage (which may be switched off or full), fields
   kept under a key, the tool bar (print, copy as text, clear after a question), the clipboard and
   mailto links. Nothing here talks to a network and nothing sets a cookie. */
import { dateInWords } from "./ip-dates.js";

/* localStorage, or nothing where it is switched off (some private modes): fields then work unsaved. */
export const store = (() => {
  let local = null;
  try {
    localStorage.getItem("ipraktik:");
    local = localStorage;
  } catch (error) { /* no storage: keep working on screen */ }
  const attempt = (action) => {
    try {
      return local ? action(local) : null;
    } catch (error) {
      return null; /* full: what is on screen stays on screen */
    }
  };
  return {
    available: local !== null,
    get: (key) => attempt((s) => s.getItem(key)),
    has: (key) => attempt((s) => s.getItem(key) !== null) === true,
    set: (key, value) => attempt((s) => s.setItem(key, value)),
    remove: (key) => attempt((s) => s.removeItem(key)),
  };
})();

/* A renamed item (published-ids.yml, renamed:) lists its former ids in data-ip-was: what was saved under
   one of them moves to the new key once (unless the new key already holds something), and the old key goes,
   so a visitor's ticks and notes survive the rename. */
export const moveFormer = (element, prefix, key) => {
  for (const old of (element.dataset.ipWas || "").split(" ").filter(Boolean)) {
    const saved = store.get(prefix + old);
    if (saved !== null && !store.has(key)) store.set(key, saved);
    store.remove(prefix + old);
  }
};

/* A field's value as stored: a ticked box is "1", an unticked one "". */
export const valueOf = (field) => (field.type === "checkbox" ? (field.checked ? "1" : "") : field.value);

/* Set a field and its printed copy (the mirror after a textarea, see templates/partials/typed_text.jinja). */
export const setValue = (field, value) => {
  if (field.type === "checkbox") field.checked = value === "1";
  else field.value = value;
  mirror(field);
};

export const mirror = (field) => {
  const copy = field.nextElementSibling;
  /* A date prints in words in the page's language: the field itself shows it as the browser's own
     language writes it ("12/07/2026" in an American browser). */
  const shown = field.type === "date" ? dateInWords(field.value) : field.value.trim();
  if (copy && copy.hasAttribute("data-ip-mirror")) copy.textContent = shown;
  /* An empty date field would print the browser's "dd/mm/yyyy"; on paper it is a line (checklist.css). */
  if (field.type === "date") field.classList.toggle("ip-empty", !field.value);
};

/* Restore a field from `key` and save every change to it; an emptied field removes its key. */
export const keepField = (field, key, onChange = () => {}) => {
  const saved = store.get(key);
  if (saved !== null) setValue(field, saved);
  const save = () => {
    const value = valueOf(field);
    if (value === "") store.remove(key);
    else store.set(key, value);
    mirror(field);
    onChange(field);
  };
  field.addEventListener("input", save);
  field.addEventListener("change", save);
  mirror(field);
};

/* Text for a mail or a document: "Label: value", a value on several lines indented under its label. */
export const labelled = (label, value) => {
  const lines = value.trim().split(/\r?\n/);
  return lines.length > 1 ? `${label}:\n  ${lines.join("\n  ")}` : `${label}: ${lines[0]}`;
};

/* An element's words as one line (what a reader sees, without the markup's line breaks). */
export const wordsOf = (element) => (element ? element.textContent.replace(/\s+/g, " ").trim() : "");

/* The visible label of a field. */
export const labelOf = (field) => wordsOf(field.labels && field.labels[0]);

export const copyText = async (text) => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    /* Older browsers, or no permission: the selection way, which needs a field in the page. */
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "ip-offscreen";
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (ignored) { /* copied stays false */ }
    area.remove();
    return copied;
  }
};

/* A mail with no address (the sender picks the intern), line breaks as RFC 6068 asks. */
export const mailto = (subject, body) =>
  `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, "\r\n"))}`;

/* Dates in the page's language, whatever the browser's (ip-dates.js). */
export { dateInWords, formatDate, pageLocale } from "./ip-dates.js";

/* The page's title, for the first line of what is copied. */
export const pageTitle = () => wordsOf(document.querySelector("article h1"));

/* The tool bar (templates/partials/tool_bar.jinja, checklist_tools.jinja): Print, Copy as text with a
   polite status, and Clear (or Reset) after the visitor says yes. */
export const bindToolbar = (bar, { text, clear }) => {
  const status = bar.querySelector("[data-ip-status]");
  const say = (message) => {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = message; }, 50); /* a new text is announced again */
  };
  bar.querySelector("[data-ip-print]").addEventListener("click", () => window.print());
  bar.querySelector("[data-ip-copy]").addEventListener("click", async () => {
    say((await copyText(text())) ? bar.dataset.copied : bar.dataset.copyFailed);
  });
  bar.querySelector("[data-ip-clear], [data-ip-reset]").addEventListener("click", () => {
    if (!window.confirm(bar.dataset.confirm)) return;
    clear();
    status.textContent = "";
  });
  const saved = bar.querySelector(".ip-checklist__saved, .ip-tools__saved");
  if (saved && !store.available) saved.hidden = true;
};

/* A text box the keyboard reaches stays wholly below the sticky header (WCAG 2.2, 2.4.11/2.4.12). Chrome
   scrolls a focused text box so that its caret shows, which after a long text is its last line: its top
   could end up under the header. Scrolling the box itself into view (html's scroll-padding-top keeps it
   clear of the header) puts all of it in sight. */
export const keepFocusInView = (form) => {
  form.addEventListener("focusin", (event) => {
    const field = event.target;
    const header = document.querySelector(".md-header");
    if (field.tagName !== "TEXTAREA" || !header) return;
    if (field.getBoundingClientRect().top < header.getBoundingClientRect().bottom) {
      field.scrollIntoView({ block: "start" });
    }
  });
};
