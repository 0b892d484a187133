/* Dates as the page's language writes them, whatever the browser's own language: the page's <html lang>
   picks the locale, so a Danish page says "7. december 2026" and an English one the British "7 December
   2026" (never the American "December 7, 2026"). The one place for this: the print trace on every page
   imports this small module alone, the page modules take it through ip-storage.js. */
const LOCALES = { da: "da-DK", en: "en-GB" };

export const pageLocale = () => {
  const lang = document.documentElement.lang;
  return LOCALES[lang] || lang;
};

/* A date in words ("7. december 2026"); other Intl options for other forms ("mandag 7. december"). */
export const formatDate = (date, options = { dateStyle: "long" }) =>
  new Intl.DateTimeFormat(pageLocale(), options).format(date);

/* A date field's value ("2026-12-07") in words; at noon, so no time zone moves it to another day. */
export const dateInWords = (value) => (value ? formatDate(new Date(`${value}T12:00`)) : "");
