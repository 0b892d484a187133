/* The sign-up page (templates/signup.jinja, bound by data-module="ip-signup"). Keeps each form's
   "Write the email" link (a real mailto: link) in step with what the visitor types, copies the same
   text to the clipboard, and opens the form a link asked for (/tilmelding/#tilmeld-vaert). Nothing is
   sent or stored: the visitor's own mail program sends the email, if they choose to. */
(() => {
  "use strict";

  // The email's text, laid out as the page's no-script link lays it out: greeting, opening, each
  // question on its own line with the answer below it, closing.
  const mailText = (form, newline) => {
    const { greeting, opening, closing } = form.dataset;
    const lines = [greeting, "", opening, ""];
    for (const field of form.querySelectorAll("[data-signup-question]")) {
      const answer = field.tagName === "SELECT" ? field.selectedOptions[0].text : field.value.trim();
      lines.push(field.dataset.label, answer.replace(/\r?\n/g, newline), "");
    }
    lines.push(closing);
    return lines.join(newline);
  };

  const mailto = (address, form) =>
    `mailto:${address}?subject=${encodeURIComponent(form.dataset.subject)}` +
    `&body=${encodeURIComponent(mailText(form, "\r\n"))}`;

  const initForm = (root, form) => {
    const link = form.querySelector("[data-signup-mail]");
    const copy = form.querySelector("[data-signup-copy]");
    const status = form.querySelector("[data-signup-status]");
    const update = () => {
      link.href = mailto(root.dataset.address, form);
      status.textContent = "";
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();

    // The clipboard needs a secure page (https or the local machine); without it, no button.
    if (!navigator.clipboard) return;
    copy.hidden = false;
    copy.addEventListener("click", () => {
      const text = `${root.dataset.subjectLabel}: ${form.dataset.subject}\n\n${mailText(form, "\n")}`;
      navigator.clipboard.writeText(text).then(
        () => { status.textContent = root.dataset.copied; },
        () => { status.textContent = root.dataset.copyFailed; });
    });
  };

  // A link to /tilmelding/#<form id> picks that form, as if the visitor had chosen it.
  const choose = (root) => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const choice = [...root.querySelectorAll("[data-signup-choice]")].find((radio) => radio.value === id);
    // The browser then scrolls to the form itself, after the other forms are hidden.
    if (choice) choice.checked = true;
  };

  for (const root of document.querySelectorAll('[data-module="ip-signup"]')) {
    for (const form of root.querySelectorAll("[data-signup-form]")) initForm(root, form);
    choose(root);
    window.addEventListener("hashchange", () => choose(root));
  }
})();
