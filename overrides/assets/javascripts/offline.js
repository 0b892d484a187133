/* The guide offline (issue 24): once the page has loaded, the browser installs this language's service
   worker (sw.js in the build's root, two folders up from this file; the build writes it, see
   guide/offline.py). It keeps the guide for use without a network. Without it the guide works online as
   before, so a browser that refuses it (an old one, a private window) is left alone. */
if ("serviceWorker" in navigator) {
  const worker = new URL("../../sw.js", document.currentScript.src);
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(worker).catch(() => { /* online as before */ });
  });
}
