/* The programme sketch in a calendar (templates/partials/programme_calendar.jinja, issue 24): a calendar
   file made in the browser from what is on screen, one all-day event for each day of the stay with that
   day's morning and afternoon as its description and the host's address, when typed, as its location.
   Each event's UID is its first day and number, so a programme downloaded again after a change updates
   the events already in the calendar instead of adding them twice. The file writer (ics.js) loads on the
   first click, so the page itself carries none of it. */
import { pageLocale, pageTitle, wordsOf } from "./ip-storage.js";
import { weekday } from "./programme.js";

export const initCalendar = (root) => {
  const form = root.closest("[data-module='ip-programme']");
  const start = form.querySelector("[data-ip-start]");
  const address = form.querySelector(`[data-ip-field="${root.dataset.location}"]`);
  const status = root.querySelector("[data-ip-status]");

  const events = () => [...form.querySelectorAll("tr[data-ip-day]")].filter((row) => !row.hidden).map((row) => {
    const n = Number(row.dataset.ipDay);
    const parts = [...row.querySelectorAll("[data-ip-cell]")].filter((cell) => cell.value.trim()).map((cell) => {
      const part = wordsOf(document.getElementById(cell.getAttribute("aria-labelledby").split(" ")[1]));
      return `${part}:\n${cell.value.trim()}`;
    });
    return {
      uid: `ipraktik-${start.value}-${n}@${location.hostname || "innovationspraktik"}`,
      day: weekday(`${start.value}T12:00`, n),
      summary: root.dataset.event.replace("{n}", n),
      description: parts.join("\n\n"),
      location: address ? address.value.trim() : "",
    };
  });

  root.querySelector("[data-ip-calendar]").addEventListener("click", async () => {
    if (!start.value) {
      status.textContent = root.dataset.needsStart;
      start.focus();
      return;
    }
    status.textContent = "";
    const { calendar } = await import("./ics.js");
    const text = calendar({
      productId: `-//COI//Innovationspraktik//${pageLocale().toUpperCase()}`,
      name: pageTitle(),
      events: events(),
    });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    link.download = `${location.pathname.split("/").filter(Boolean).pop()}-${start.value}.ics`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
};
