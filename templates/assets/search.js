// The search box: progressive enhancement (without JavaScript the box stays hidden). The index is a script
// the build writes (assets/search-index.js, defining window.sitegenSearchIndex, the lessons in shards), loaded on first use
// with a <script> element, which works from a static host and from disk (file://), where fetch is refused.
// Nothing else is requested. Words are folded (case, diacritics), every word of the query must match, the
// last one as a prefix while typing; heading matches rank above figure captions, which rank above prose.
(function () {
  "use strict";
  var box = document.querySelector(".site-search");
  if (!box) return;
  var input = box.querySelector(".site-search-input");
  var panel = box.querySelector(".site-search-panel");
  var list = box.querySelector(".site-search-results");
  var status = box.querySelector(".site-search-status");
  var indexURL = box.getAttribute("data-index");
  var root = box.getAttribute("data-root") || "";
  if (!input || !panel || !list || !status || !indexURL) return;
  box.hidden = false;

  var MAX_RESULTS = 8;
  var WORD = /[\p{L}\p{N}]+/gu;
  // Score of a word found in an entry's title, by entry kind (0 section, 1 figure), and in its text.
  var TITLE_WEIGHT = [100, 60];
  var TEXT_WEIGHT = [1, 10];
  var PREFIX_FACTOR = 0.6;

  function fold(text) { return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }
  // Words are folded again and again when results are shown: remember each one.
  var folds = new Map();
  function foldWord(word) {
    var folded = folds.get(word);
    if (folded === undefined) { folded = fold(word); folds.set(word, folded); }
    return folded;
  }

  // --- the index: built in the browser from the numbered texts the build wrote ---
  // A text is a run of token numbers into its shard's words, in base 45: a character of the first 45 of DIGITS
  // ends a number, one of the last 45 is a higher digit of it (Sources/Site/Search/SearchVocabulary.swift).
  var DIGITS = "";
  for (var c = 35; c <= 126; c++) if (c !== 47 && c !== 92) DIGITS += String.fromCharCode(c);
  var BASE = 45;
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS.charAt(d)] = d;
  var WORD_START = /^[\p{L}\p{N}]/u;

  var index = null;
  var loading = false;

  function numbers(code) {
    var out = [], value = 0;
    for (var i = 0; i < code.length; i++) {
      var digit = DIGIT[code.charAt(i)];
      if (digit === undefined) break;
      if (digit >= BASE) { value = value * BASE + digit - BASE; } else { out.push(value * BASE + digit); value = 0; }
    }
    return out;
  }

  // A text back from its numbers (into the words of its entry's shard, which start at wordBase in index.words):
  // a space between two words, every other gap as written.
  function decode(code, wordBase) {
    var ids = numbers(code), text = "", previousWord = false;
    for (var i = 0; i < ids.length; i++) {
      var id = wordBase + ids[i];
      var word = index.isWord[id];
      if (word && previousWord) text += " ";
      text += index.words[id] || "";
      previousWord = word;
    }
    return text;
  }

  // The shards joined into one index: pages, entries and words one after another, each entry's page number moved
  // by the pages of the shards before it, and its text's numbers read against its shard's words (wordBase).
  function buildIndex(data) {
    var pages = [], entries = [], words = [], wordBase = [];
    // An index written before shards (a cache may still hold one for a while) is one shard.
    var shards = data.shards || (data.entries ? [data] : []);
    for (var s = 0; s < shards.length; s++) {
      var shard = shards[s], pageBase = pages.length, base = words.length;
      for (var p = 0; p < shard.pages.length; p++) pages.push(shard.pages[p]);
      for (var w = 0; w < shard.words.length; w++) words.push(shard.words[w]);
      for (var r = 0; r < shard.entries.length; r++) {
        var row = shard.entries[r];
        entries.push([row[0] + pageBase, row[1], row[2], row[3], row[4]]);
        wordBase.push(base);
      }
    }
    var isWord = words.map(function (w) { return WORD_START.test(w); });
    var folded = words.map(function (w, i) { return isWord[i] ? foldWord(w) : ""; });
    var postings = new Map();
    for (var e = 0; e < entries.length; e++) {
      var kind = entries[e][1];
      var title = fold(entries[e][3]).match(WORD) || [];
      for (var t = 0; t < title.length; t++) addWord(postings, e, title[t], TITLE_WEIGHT[kind], false);
      var ids = numbers(entries[e][4]);
      for (var k = 0; k < ids.length; k++) {
        var id = wordBase[e] + ids[k];
        if (isWord[id]) addWord(postings, e, folded[id], TEXT_WEIGHT[kind], true);
      }
    }
    var sorted = Array.from(postings.keys()).sort();
    var frozen = new Map();
    sorted.forEach(function (word) {
      var p = postings.get(word);
      frozen.set(word, { ids: Int32Array.from(p.ids), scores: Float64Array.from(p.scores) });
    });
    return { pages: pages, entries: entries, words: words, wordBase: wordBase, isWord: isWord, vocabulary: sorted,
             postings: frozen, texts: [] };
  }

  function addWord(postings, entry, word, weight, repeats) {
    var p = postings.get(word);
    if (!p) { p = { ids: [], scores: [] }; postings.set(word, p); }
    var last = p.ids.length - 1;
    if (last >= 0 && p.ids[last] === entry) {
      // A word met again in the same entry: the best field counts, and a few repeats in prose add to it.
      if (weight > p.scores[last]) p.scores[last] = weight;
      else if (repeats && p.scores[last] < 2 * weight) p.scores[last] += 0.25 * weight;
    } else {
      p.ids.push(entry);
      p.scores.push(weight);
    }
  }

  function entryText(e) {
    if (index.texts[e] === undefined) index.texts[e] = decode(index.entries[e][4], index.wordBase[e]);
    return index.texts[e];
  }

  function load(then) {
    if (index) { then(); return; }
    if (window.sitegenSearchIndex) { index = buildIndex(window.sitegenSearchIndex); then(); return; }
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = indexURL;
    script.onload = function () {
      if (window.sitegenSearchIndex) index = buildIndex(window.sitegenSearchIndex);
      then();
    };
    script.onerror = function () { showStatus("The search index could not be loaded."); };
    document.head.appendChild(script);
  }

  // --- queries ---
  function terms(query) {
    var words = fold(query).match(WORD) || [];
    var prefix = words.length > 0 && !/\s$/.test(query);
    return words.map(function (word, i) { return { word: word, prefix: prefix && i === words.length - 1 }; });
  }

  function firstAtLeast(words, prefix) {
    var low = 0, high = words.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (words[mid] < prefix) low = mid + 1; else high = mid;
    }
    return low;
  }

  // Every entry holding every term (AND), best first: the sum of each term's best score in it.
  function search(query) {
    var ts = terms(query);
    if (!index || ts.length === 0) return [];
    var n = index.entries.length;
    var total = new Float64Array(n);
    var matched = new Uint8Array(n);
    var best = new Float64Array(n);
    for (var t = 0; t < ts.length; t++) {
      best.fill(0);
      var term = ts[t];
      var start = term.prefix ? firstAtLeast(index.vocabulary, term.word) : -1;
      var k = term.prefix ? start : 0;
      for (;;) {
        var word;
        if (term.prefix) {
          word = index.vocabulary[k++];
          if (word === undefined || word.lastIndexOf(term.word, 0) !== 0) break;
        } else {
          if (k++ > 0) break;
          word = term.word;
        }
        var p = index.postings.get(word);
        if (!p) continue;
        var factor = word === term.word ? 1 : PREFIX_FACTOR;
        for (var j = 0; j < p.ids.length; j++) {
          var s = p.scores[j] * factor;
          if (s > best[p.ids[j]]) best[p.ids[j]] = s;
        }
      }
      for (var e = 0; e < n; e++) {
        if (best[e] > 0 && matched[e] === t) { matched[e] = t + 1; total[e] += best[e]; }
      }
    }
    var hits = [];
    for (var h = 0; h < n; h++) if (matched[h] === ts.length) hits.push(h);
    hits.sort(function (a, b) { return total[b] - total[a] || a - b; });
    return hits;
  }

  // --- showing results ---
  // One compiled scanner for the texts shown (compiling a Unicode class costs more than scanning a text).
  var SCAN = new RegExp(WORD.source, "gu");
  function matches(word, ts) {
    var folded = foldWord(word);
    for (var i = 0; i < ts.length; i++) {
      if (ts[i].prefix ? folded.lastIndexOf(ts[i].word, 0) === 0 : folded === ts[i].word) return true;
    }
    return false;
  }

  // `text` from `from` to `to` as text nodes, the matching words in <mark> (never parsed as HTML).
  function highlighted(text, from, to, ts, into) {
    var re = SCAN;
    re.lastIndex = from;
    var at = from, match;
    while ((match = re.exec(text)) !== null && match.index < to) {
      var end = Math.min(match.index + match[0].length, to);
      if (!matches(match[0], ts)) continue;
      into.appendChild(document.createTextNode(text.slice(at, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(match.index, end);
      into.appendChild(mark);
      at = end;
    }
    into.appendChild(document.createTextNode(text.slice(at, to)));
  }

  // About 160 characters of `text` around its first matching word, cut at spaces.
  function snippet(text, ts, into) {
    var re = SCAN;
    re.lastIndex = 0;
    var first = -1, match;
    while ((match = re.exec(text)) !== null) {
      if (matches(match[0], ts)) { first = match.index; break; }
    }
    var from = first < 0 ? 0 : Math.max(0, first - 50);
    if (from > 0) { var space = text.indexOf(" ", from); from = space >= 0 && space < first ? space + 1 : from; }
    var to = Math.min(text.length, from + 160);
    if (to < text.length) { var back = text.lastIndexOf(" ", to); if (back > from) to = back; }
    if (from > 0) into.appendChild(document.createTextNode("… "));
    highlighted(text, from, to, ts, into);
    if (to < text.length) into.appendChild(document.createTextNode(" …"));
  }

  function href(entry) {
    var page = index.pages[entry[0]];
    return root + page[0] + "index.html" + (entry[2] ? "#" + encodeURIComponent(entry[2]) : "");
  }

  var active = -1;
  var shown = [];

  function showStatus(text) {
    status.textContent = text;
    panel.hidden = false;
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function render() {
    var query = input.value;
    var ts = terms(query);
    list.textContent = "";
    shown = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (ts.length === 0) { status.textContent = ""; close(); return; }
    if (!index) { showStatus("Loading the search index…"); return; }
    var hits = search(query);
    hits.slice(0, MAX_RESULTS).forEach(function (e, i) {
      var entry = index.entries[e];
      var option = document.createElement("a");
      option.className = "site-search-option";
      option.id = "site-search-option-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.tabIndex = -1;
      option.href = href(entry);
      // The heading (or figure), then the lesson it is in, then the words around the match.
      var heading = document.createElement("span");
      heading.className = "site-search-heading";
      highlighted(entry[3], 0, entry[3].length, ts, heading);
      option.appendChild(heading);
      if (entry[2]) {
        var lesson = document.createElement("span");
        lesson.className = "site-search-lesson";
        lesson.textContent = index.pages[entry[0]][1];
        option.appendChild(lesson);
      }
      var text = entryText(e);
      if (text) {
        var context = document.createElement("span");
        context.className = "site-search-context";
        snippet(text, ts, context);
        option.appendChild(context);
      }
      list.appendChild(option);
      shown.push(option);
    });
    var count = hits.length;
    status.textContent = count === 0 ? "No results for “" + query.trim() + "”."
      : count > MAX_RESULTS ? MAX_RESULTS + " of " + count + " results; type more words to narrow them."
      : count + (count === 1 ? " result." : " results.");
    panel.hidden = false;
    input.setAttribute("aria-expanded", shown.length > 0 ? "true" : "false");
  }

  function select(i) {
    if (active >= 0 && shown[active]) shown[active].setAttribute("aria-selected", "false");
    active = i;
    if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
    shown[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", shown[active].id);
    shown[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", function () { load(function () { if (input.value) render(); }); });
  input.addEventListener("input", function () {
    if (index) render(); else { showStatus("Loading the search index…"); load(render); }
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (panel.hidden && input.value) render();
      if (shown.length === 0) return;
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      select(active < 0 ? (step > 0 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length);
    } else if (event.key === "Enter") {
      var target = shown[active >= 0 ? active : 0];
      if (!target) return;
      event.preventDefault();
      close();
      window.location.href = target.href;
    } else if (event.key === "Escape") {
      if (!panel.hidden) { event.preventDefault(); close(); }
      else if (input.value) { event.preventDefault(); input.value = ""; render(); }
    }
  });
  // Keep the focus in the box while a result is clicked; close when the focus leaves it.
  panel.addEventListener("mousedown", function (event) { event.preventDefault(); });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) close();
  });
  window.addEventListener("hashchange", close);
  // "/" anywhere but in a text field focuses the box.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
