/* The printout's trace (overrides/main.html): today's date in the page's language. */
export const initToday = (element) => {
  element.textContent = new Date().toLocaleDateString(document.documentElement.lang, { dateStyle: "long" });
};
