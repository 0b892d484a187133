/* The printout's trace (overrides/main.html): today's date in the page's language. */
import { locale } from "./ip-storage.js";

export const initToday = (element) => {
  element.textContent = new Date().toLocaleDateString(locale(), { dateStyle: "long" });
};
