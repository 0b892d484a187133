/* Sharing a planning tool without a server (templates/partials/plan_share.jinja, issue 24). What a visitor
   typed (the tool's fields as kept under its prefix by ip-storage.js) goes into a small JSON document, saved as
   a file or carried in a link after "#plan=" (a browser never sends that part to a server). Opening one, from
   the file field or from such a link, shows each field that will change and replaces nothing until the
   visitor says so; then the page reloads and the tool reads the fields as it always does.

   The document says what it is, so a plan from an older guide still opens, or says why not:
     {"guide": "innovationspraktik", "version": 1, "kind": "ipraktik:program:", "saved": "2026-12-07",
      "fields": {"<field id>": "<value as stored>", ...}}
   A newer version this page cannot read is refused with a message; a field the guide no longer has is
   listed as not opened; a renamed one (data-ip-was) is opened under its new id. */
import { copyText, labelOf, store, wordsOf } from "./ip-storage.js";

export const GUIDE = "innovationspraktik";
export const VERSION = 1;
/* From version n to n + 1, when the format changes: MIGRATIONS[1] = (plan) => ({ ...plan, version: 2 }). */
const MIGRATIONS = {};
const LINK = "#plan=";
const OPENED = "#plan-opened";

/* UTF-8 JSON as base64url (RFC 4648 §5): safe in an address, no padding. */
export const encode = (plan) => {
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(plan))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

export const decode = (text) => {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
};

/* A plan this page can open, brought up to the current version; or throws Error(reason), reason being the
   name of the message to show: notAPlan, tooNew or otherTool. */
export const readPlan = (plan, kind) => {
  const fields = plan && plan.fields;
  if (!plan || plan.guide !== GUIDE || !Number.isInteger(plan.version) || plan.version < 1
      || typeof fields !== "object" || Array.isArray(fields)
      || !Object.values(fields).every((value) => typeof value === "string")) throw new Error("notAPlan");
  if (plan.version > VERSION) throw new Error("tooNew");
  if (plan.kind !== kind) throw new Error("otherTool");
  let current = plan;
  while (current.version < VERSION) current = MIGRATIONS[current.version](current);
  return current;
};

export const initShare = (section) => {
  const kind = section.dataset.prefix;
  const tool = section.parentElement.closest("[data-module]");   /* the tool this section sits in */
  const fields = [...tool.querySelectorAll("[data-ip-field]")];
  const byId = new Map(fields.map((field) => [field.dataset.ipField, field]));
  for (const field of fields) {
    for (const old of (field.dataset.ipWas || "").split(" ").filter(Boolean)) byId.set(old, field);
  }
  const status = section.querySelector("[data-ip-status]");
  const review = section.querySelector("[data-ip-review]");
  const say = (message) => {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = message; }, 50); /* announced again */
  };

  const plan = () => {
    const saved = {};
    for (const field of fields) {
      const value = store.get(kind + field.dataset.ipField);
      if (value !== null) saved[field.dataset.ipField] = value;
    }
    return { guide: GUIDE, version: VERSION, kind, saved: new Date().toISOString().slice(0, 10), fields: saved };
  };

  section.querySelector("[data-ip-save-file]").addEventListener("click", () => {
    const current = plan();
    const file = new Blob([JSON.stringify(current, null, 2) + "\n"], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    /* The page's own folder names the file: program-2026-12-07.json, praktikaftale-2026-12-07.json. */
    link.download = `${location.pathname.split("/").filter(Boolean).pop()}-${current.saved}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  section.querySelector("[data-ip-copy-link]").addEventListener("click", async () => {
    const address = `${location.origin}${location.pathname}${LINK}${encode(plan())}`;
    say((await copyText(address)) ? section.dataset.linkCopied : section.dataset.copyFailed);
  });

  /* What a stored value looks like on the page: a choice's words, a ticked box as ✓, an empty field as empty. */
  const shown = (field, value) => {
    if (value === null || value === "") return section.dataset.empty;
    if (field.type === "checkbox") return value === "1" ? "✓" : section.dataset.empty;
    if (field.tagName === "SELECT") {
      const option = [...field.options].find((o) => o.value === value);
      return option ? wordsOf(option) : value;
    }
    return value;
  };
  /* A field's name: its group and label (the agreement has a "Name" for each party), or the headings that
     label it (a programme cell: its day and part). */
  const nameOf = (field) => {
    const group = wordsOf(field.closest("fieldset") && field.closest("fieldset").querySelector("legend"));
    const label = labelOf(field) || (field.getAttribute("aria-labelledby") || "").split(" ")
      .map((id) => wordsOf(document.getElementById(id))).filter(Boolean).join(", ");
    return group ? `${group} – ${label}` : label;
  };

  /* Nothing opened: any review still on screen goes, so the message is the only answer. */
  const fail = (reason, candidate) => {
    close();
    const message = section.dataset[reason] || section.dataset.notAPlan;
    const other = JSON.parse(section.dataset.tools)[candidate && candidate.kind];
    say(reason === "otherTool" && other ? message.replace("{page}", other.title) : message);
  };

  let pending = null;
  const close = () => {
    review.hidden = true;
    pending = null;
    if (location.hash.startsWith(LINK)) history.replaceState(null, "", location.pathname + location.search);
  };

  /* Show what opening `candidate` would change, and wait for the visitor's answer. */
  const offer = (candidate) => {
    let opened;
    try {
      opened = readPlan(candidate, kind);
    } catch (error) {
      fail(error.message, candidate);
      return;
    }
    pending = { ...opened, fields: {} };
    const notOpened = [];
    for (const [id, value] of Object.entries(opened.fields)) {
      const field = byId.get(id);
      if (field) pending.fields[field.dataset.ipField] = value;
      else notOpened.push(id);
    }
    const rows = review.querySelector("tbody");
    rows.replaceChildren();
    for (const field of fields) {
      const now = store.get(kind + field.dataset.ipField);
      const next = pending.fields[field.dataset.ipField] ?? null;
      if ((now ?? "") === (next ?? "")) continue;
      const row = rows.insertRow();
      for (const text of [nameOf(field), shown(field, now), shown(field, next)]) row.insertCell().textContent = text;
    }
    review.querySelector("[data-ip-changes]").hidden = rows.rows.length === 0;
    review.querySelector("[data-ip-review-intro]").textContent = rows.rows.length
      ? review.querySelector("[data-ip-review-intro]").dataset.text : section.dataset.noChanges;
    const leftOut = review.querySelector("[data-ip-not-opened]");
    leftOut.querySelector("ul").replaceChildren(...notOpened.map((id) => {
      const item = document.createElement("li");
      item.textContent = id;
      return item;
    }));
    leftOut.hidden = notOpened.length === 0;
    review.hidden = false;
    review.scrollIntoView({ block: "start" });
    review.focus();
  };
  const intro = review.querySelector("[data-ip-review-intro]");
  intro.dataset.text = intro.textContent;

  review.querySelector("[data-ip-replace]").addEventListener("click", () => {
    for (const field of fields) {
      const key = kind + field.dataset.ipField;
      const value = pending.fields[field.dataset.ipField];
      if (value === undefined) store.remove(key);
      else store.set(key, value);
    }
    /* The tool reads its fields on load, as it always does; the status says it worked. */
    history.replaceState(null, "", location.pathname + location.search + OPENED);
    location.reload();
  });
  review.querySelector("[data-ip-keep]").addEventListener("click", close);

  section.querySelector("[data-ip-open-file]").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    event.target.value = "";
    if (!file) return;
    try {
      offer(JSON.parse(await file.text()));
    } catch (error) {
      fail("notAPlan");
    }
  });

  if (location.hash.startsWith(LINK)) {
    try {
      offer(decode(location.hash.slice(LINK.length)));
    } catch (error) {
      fail("notAPlan");
    }
  } else if (location.hash === OPENED) {
    history.replaceState(null, "", location.pathname + location.search);
    say(section.dataset.opened);
  }
};
