/* The internship agreement (templates/agreement.jinja): every field kept under
   ipraktik:aftale:<field id>, printed as typed, copied as text group by group. */
import { bindToolbar, keepFocusInView, dateInWords, keepField, labelOf, labelled, mirror, moveFormer, pageTitle, setValue, store, wordsOf }
  from "./ip-storage.js";

export const initAgreement = (form) => {
  keepFocusInView(form);
  const bar = form.querySelector("[data-ip-toolbar]");
  const fields = [...form.querySelectorAll("[data-ip-field]")];
  const key = (field) => bar.dataset.prefix + field.dataset.ipField;
  for (const field of fields) {
    moveFormer(field, bar.dataset.prefix, key(field));
    keepField(field, key(field));
  }

  /* Each group's heading, then "Label: value" for what was filled in; a ticked box as [x]. */
  const text = () => {
    const lines = [pageTitle()];
    for (const group of form.querySelectorAll("fieldset")) {
      lines.push("", wordsOf(group.querySelector("legend")).toUpperCase());
      for (const field of group.querySelectorAll("[data-ip-field]")) {
        if (field.type === "checkbox") lines.push(`[${field.checked ? "x" : " "}] ${labelOf(field)}`);
        else {
          const value = field.tagName === "SELECT" ? wordsOf(field.selectedOptions[0])
            : field.type === "date" ? dateInWords(field.value) : field.value;
          lines.push(labelled(labelOf(field), value.trim() ? value : "–"));
        }
      }
    }
    return lines.join("\n") + "\n";
  };
  const clear = () => {
    for (const field of fields) {
      setValue(field, "");
      store.remove(key(field));
    }
  };
  window.addEventListener("beforeprint", () => fields.forEach(mirror));
  bindToolbar(bar, { text, clear });
};
