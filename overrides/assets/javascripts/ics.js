/* A calendar file (iCalendar, RFC 5545) from a list of all-day events, for Outlook, Google and Apple
   calendars: CRLF line ends, text escaped (\\ ; , and line breaks), every line folded at 75 octets of
   UTF-8 without splitting a character, and a UID and DTSTAMP on every event. No time zones are needed:
   an all-day event is a date. */

/* 2026-12-07 (a Date, local) as 20261207. */
const date = (day) =>
  `${day.getFullYear()}${String(day.getMonth() + 1).padStart(2, "0")}${String(day.getDate()).padStart(2, "0")}`;

/* The moment as UTC, 20261207T101500Z. */
const stamp = (moment) => moment.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export const escapeText = (text) =>
  text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/* A content line folded: at most 75 octets a line, each following line starting with one space (§3.1). */
export const fold = (line) => {
  const encoder = new TextEncoder();
  const lines = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = lines.length ? 74 : 75;     /* a continuation line's leading space counts */
    if (octets + size > limit) {
      lines.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n ");
};

/* events: [{uid, day (Date), summary, description, location}]; returns the file's text. */
export const calendar = ({ productId, name, events, now = new Date() }) => {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${productId}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`];
  for (const event of events) {
    const next = new Date(event.day);
    next.setDate(next.getDate() + 1);
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${date(event.day)}`, `DTEND;VALUE=DATE:${date(next)}`,
      `SUMMARY:${escapeText(event.summary)}`, "TRANSP:OPAQUE");
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
};
