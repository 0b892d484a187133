/* The sign-up page (templates/signup.jinja, bound by data-module="ip-signup"). Keeps each form's
   "Write the email" link (a real mailto: link) in step with what the visitor types, copies the same
   text to the clipboard, shows only the chosen form (none before a choice; without scripts all of them
   show) and opens the form a link asked for (/tilmelding/#tilmeld-vaert). Nothing is sent or stored:
   the visitor's own mail program sends the email, if they choose to. */
(() => {
  "use strict";

  // The email's text, laid out as the page's no-script link lays it out: greeting, opening, each
  // question on its own line with the answer below it, closing.
  // An answer may carry its own first sentence ("Vi har fundet hinanden": the intern and the host each
  // say who they are); the last such answer chosen wins over the form's own.
  const mailText = (form, newline) => {
    const { greeting, closing } = form.dataset;
    let { opening } = form.dataset;
    const answers = [];
    for (const field of form.querySelectorAll("[data-signup-question]")) {
      let answer = field.value.trim();
      if (field.tagName === "SELECT") {
        const option = field.selectedOptions[0];
        if (option.dataset.opening) opening = option.dataset.opening;
        // "Choose an answer" is no answer (the email leaves it blank); "Not sure yet" is one.
        answer = "noAnswer" in option.dataset ? "" : option.text;
      }
      answers.push(field.dataset.label, answer.replace(/\r?\n/g, newline), "");
    }
    const lines = [greeting, "", opening, "", ...answers];
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

  // Only the chosen form shows; before a choice, none (the choices come first, then their questions).
  const showChosen = (root) => {
    const chosen = root.querySelector("[data-signup-choice]:checked");
    for (const form of root.querySelectorAll("[data-signup-form]")) form.hidden = !chosen || form.id !== chosen.value;
  };

  // A link to /tilmelding/#<form id> picks that form, as if the visitor had chosen it.
  const choose = (root) => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const choice = [...root.querySelectorAll("[data-signup-choice]")].find((radio) => radio.value === id);
    if (choice) choice.checked = true;
    showChosen(root);
    // The browser scrolled to the form while it was hidden: scroll again, now that it shows.
    if (choice) document.getElementById(id).scrollIntoView();
  };

  for (const root of document.querySelectorAll('[data-module="ip-signup"]')) {
    for (const form of root.querySelectorAll("[data-signup-form]")) initForm(root, form);
    root.addEventListener("change", (event) => {
      if (event.target.matches("[data-signup-choice]")) showChosen(root);
    });
    choose(root);
    window.addEventListener("hashchange", () => choose(root));
    // Back to the page from elsewhere: the browser may restore a choice after the script ran.
    window.addEventListener("pageshow", () => showChosen(root));
  }
})();
