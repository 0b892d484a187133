/*
 * Material's search worker, taught to find a word in any of its forms (issue 10).
 *
 * Material's search box sends each typed word as a prefix query ("eventyrer*"), which lunr does not
 * stem. Against an index of stems ("eventyr") a whole word longer than its stem then finds nothing;
 * against an index of words an inflected form that is not a prefix of the text's form ("tilmelde" for
 * "Tilmelding", "lønnen" for "løn") finds nothing. Around Material's own worker, which still does all
 * the work, this file
 *   1. indexes every word twice, as written and as its stem (the language's stemmer in lunr);
 *   2. asks for each typed word as itself and as its stem, both as prefixes: "tilmelde" becomes
 *      "tilmelde tilmeld", so the word being typed, the whole word and its other forms all match;
 *      in a question of three words or more, stop words ("hvor", "the") are left out but the last, still
 *      being typed (the index keeps stop words: mkdocs.yml has no stopWordFilter);
 *   3. reports the typed word, not its stem, as found or missing in each result;
 *   4. folds æ, ø and å to ae, oe and aa in the index and in the query (issue 22): every word with one of
 *      them is indexed a third time in the folded spelling, and a typed word is also asked folded, so
 *      "praktikvaert", "hoest", "loen" (a foreign keyboard, a phone) find "praktikvært", "høst", "løn" and
 *      the other way round;
 *   5. marks each place in a result once: a word and its stem (or its folded form) are found at the same
 *      place, and Material wrapped that place in <mark> once per form found, which broke the snippet
 *      ("Turist (2 >dage)"); the positions each result reports are made unique before Material marks them.
 * overrides/main.html points Material at this file with Material's worker as ?material=…; both live in
 * the same folder, so Material's relative paths to lunr's language files still resolve.
 */
"use strict";

(function () {
  const SETUP = 0, QUERY = 2, RESULT = 3;    // Material's message types (SearchMessageType)
  const asked = [];                          // per query in flight, in order: {query term: typed word}
  const SYNTAX = /^[+-]\S|[*~^:]/;         // lunr's own query syntax (+must -not fuzzy~1 boost^2 wild*): as typed
  let language = "en";

  // 1. Wherever a stemmer is loaded (lunr's own, then the language's), it keeps the word beside its stem.
  const load = self.importScripts.bind(self);
  self.importScripts = function (...urls) {
    load(...urls);
    keepWordsBesideStems();
  };

  function keepWordsBesideStems() {
    const lunr = self.lunr;
    if (!lunr) return;
    for (const namespace of [lunr, ...Object.values(lunr)])
      if (namespace && typeof namespace.stemmer === "function" && !namespace.stemmer.stem)
        namespace.stemmer = bothForms(namespace.stemmer);
  }

  function bothForms(stem) {
    function both(token) {
      const stemmed = stem(token.clone());
      const forms = stemmed.toString() === token.toString() ? [token] : [token, stemmed];
      for (const form of [...forms]) {
        const folded = fold(form.toString());
        if (folded !== form.toString()) forms.push(form.clone(() => folded));
      }
      return forms.length === 1 ? token : forms;
    }
    both.label = stem.label;      // the name lunr registered, so it does not warn about an unknown function
    both.stem = stem;
    return both;
  }

  // Danish letters as they are written without them: æ → ae, ø → oe, å → aa (also ä, ö from Swedish and
  // German keyboards). Only words that hold one of them change.
  const FOLDS = { "æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe" };
  function fold(word) {
    return word.replace(/[æøåäö]/g, letter => FOLDS[letter]);
  }

  // 5. A place in the text is reported once per field, whichever form of the word found it.
  function patchSearch() {
    const lunr = self.lunr;
    if (!lunr || !lunr.Index || lunr.Index.prototype.search.unique) return;
    const search = lunr.Index.prototype.search;
    function unique(query) {
      const results = search.call(this, query);
      for (const { matchData } of results) {
        const seen = {};
        for (const fields of Object.values(matchData.metadata))
          for (const [field, data] of Object.entries(fields)) {
            if (!Array.isArray(data.position)) continue;
            const places = seen[field] = seen[field] || new Set();
            data.position = data.position.filter(place => !places.has(place) && places.add(place));
          }
      }
      return results;
    }
    unique.unique = true;
    lunr.Index.prototype.search = unique;
  }

  // 2. Each query Material receives is rewritten before Material's own handler sees it.
  const listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, ...options) {
    const handler = type === "message" ? event => listener({ data: rewrite(event.data) }) : listener;
    listen(type, handler, ...options);
  };

  function rewrite(message) {
    if (message.type === SETUP) language = message.data.config.lang[0];
    if (message.type !== QUERY) return message;
    const { query, typedAs } = expand(message.data);
    asked.push(typedAs);
    return { type: QUERY, data: query };
  }

  function expand(value) {
    const lunr = self.lunr;
    const namespace = language === "en" ? lunr : lunr[language];
    const stem = word => namespace.stemmer.stem(new lunr.Token(word)).toString();
    const isStopWord = word => !namespace.stopWordFilter(new lunr.Token(word));
    const parts = value.trim().split(/\s+/).filter(Boolean)
      .flatMap(part => SYNTAX.test(part) ? [part] : part.split(/-+/));
    // Three words or more are a question ("hvor mange praktikanter"), whose small words say nothing of its
    // subject; one or two may be a heading ("Efter praktikken"), every word of which counts.
    const question = parts.length >= 3;
    const terms = [];
    const typedAs = {};
    parts.forEach((part, i) => {
      if (SYNTAX.test(part)) return void terms.push(part);
      const word = part.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (!word || (question && i < parts.length - 1 && isStopWord(word))) return;
      const forms = [word, stem(word)].filter(Boolean);
      for (const term of new Set([...forms, ...forms.map(fold)])) {
        terms.push(term);
        typedAs[term] = part;
      }
    });
    return { query: terms.join(" "), typedAs };
  }

  // 3. Results name what the visitor typed: "tilmelde" found, not "tilmeld".
  const send = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message.type === RESULT) rename(message.data.items, asked.shift() || {});
    send(message);
  };

  function rename(groups, typedAs) {
    for (const group of groups)
      for (const item of group) {
        const terms = {};
        for (const [term, found] of Object.entries(item.terms)) {
          const typed = typedAs[term] || term;
          terms[typed] = terms[typed] || found;
        }
        item.terms = terms;
      }
  }

  self.importScripts(new URL(self.location.href).searchParams.get("material"));
  patchSearch();
})();
