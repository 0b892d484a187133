// pa11y (HTML_CodeSniffer runner) over many URLs in one Chromium: `node pa11y.mjs < request.json`.
// Request: {"urls": [...], "standard": "WCAG2AA", "executablePath": "...", "args": [...], "tabs": N}.
// Prints {"URL": [issue, ...], ...} as JSON; tests/browser/test_pa11y.py reads it and decides.
// One browser for every page (a process or a browser per page would cost a second or more each), N tabs
// at a time: pa11y waits for the network to be quiet on each page, time the other tabs use.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const browser = await puppeteer.launch({executablePath: request.executablePath, args: request.args});
const results = {};
const queue = [...request.urls];
async function worker() {
  for (let url = queue.shift(); url; url = queue.shift()) {
    const page = await browser.newPage();
    const result = await pa11y(url, {browser, page, standard: request.standard, runners: ["htmlcs"]});
    results[url] = result.issues;
    await page.close();
  }
}
try {
  await Promise.all(Array.from({length: request.tabs || 1}, worker));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
