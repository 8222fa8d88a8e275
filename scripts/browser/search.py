"""Drives the search box (templates/assets/search.js) with the keyboard alone, as a reader would.

The queries come from the site's own index (assets/search-index.js): for a few headings, a word that no other
heading holds. Typing it (after "/" focuses the box) must list that heading's section first, with the word marked
in the result; the arrow keys must move the selection (aria-activedescendant, aria-selected); Enter must open the
lesson at the heading's anchor. The same query in capitals with a diacritic, and its first letters only (the
last word is a prefix), must find the same section first, and with a word no lesson holds added, nothing (every
word must match). Works for any built site, over http:// and file://.

`query_times` types a list of queries into the box and returns how long each took from the input event to the
results on screen (search.js answers synchronously once the index is loaded), for `make bench`.
"""
import glob
import json
import os
import re
import time
import unicodedata

from devtools import evaluate

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def load_index(site):
    """The index the build wrote, its shards joined: {"pages": [[path, title]], "entries": [[page, kind, anchor, title,
    text]], "texts": [each entry's text, read back]}, page numbers counted over the whole course."""
    paths = glob.glob(os.path.join(site, "assets", "search-index.js"))
    if len(paths) != 1:
        return None
    text = open(paths[0], encoding="utf-8").read()
    data = json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))
    joined = {"pages": [], "entries": [], "texts": []}
    for shard in data["shards"]:
        base = len(joined["pages"])
        joined["pages"] += shard["pages"]
        joined["entries"] += [[entry[0] + base] + entry[1:] for entry in shard["entries"]]
        joined["texts"] += shard_texts(shard)
    return joined


DIGITS = "".join(chr(c) for c in range(35, 127) if c not in (47, 92))
BASE = 45


def shard_texts(shard):
    """Each entry's text, read back from its token numbers into its shard's words
    (Sources/Site/Search/SearchVocabulary.swift)."""
    words = shard["words"]
    is_word = [bool(WORD.match(w)) for w in words]
    out = []
    for entry in shard["entries"]:
        text, value, previous = "", 0, False
        for c in entry[4]:
            digit = DIGITS.index(c)
            if digit >= BASE:
                value = value * BASE + digit - BASE
                continue
            n = value * BASE + digit
            value = 0
            if is_word[n] and previous:
                text += " "
            text += words[n]
            previous = is_word[n]
        out.append(text)
    return out


def texts(index):
    """Each entry's text (`load_index` reads them back)."""
    return index["texts"]


def probes(index, count=3):
    """(word, page path, anchor) for up to `count` headings, each with a word of 5+ letters no other title holds."""
    titles = {}
    for n, entry in enumerate(index["entries"]):
        for word in set(fold(w) for w in WORD.findall(entry[3])):
            titles.setdefault(word, set()).add(n)
    found = []
    for n, entry in enumerate(index["entries"]):
        if entry[1] != 0 or not entry[2]:
            continue
        for word in WORD.findall(entry[3]):
            folded = fold(word)
            if len(folded) >= 5 and folded.isalpha() and titles[folded] == {n} \
                    and not any(w != folded and w.startswith(folded) for w in titles):
                found.append((word, index["pages"][entry[0]][0], entry[2], n))
                break
        if len(found) == count:
            break
    return found


KEY_CODES = {"ArrowDown": 40, "ArrowUp": 38, "Enter": 13, "Escape": 27, "/": 191}


def press(browser, session, key, code, text=""):
    """One key, down and up; `text` is what it types."""
    down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": KEY_CODES.get(key, 0)}
    if text:
        down["text"] = text
    browser.send("Input.dispatchKeyEvent", down, session)
    browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code}, session)


def type_text(browser, session, text):
    for c in text:
        press(browser, session, c, "", c)


STATE = r"""(() => {
  const input = document.querySelector('.site-search-input');
  const box = document.querySelector('.site-search');
  const options = [...document.querySelectorAll('.site-search-results [role=option]')];
  return JSON.stringify({
    focused: document.activeElement === input, shown: !!box && !box.hidden && getComputedStyle(box).visibility !== 'hidden',
    expanded: input ? input.getAttribute('aria-expanded') : null,
    active: input ? input.getAttribute('aria-activedescendant') : null,
    options: options.map(o => ({id: o.id, href: o.href, selected: o.getAttribute('aria-selected'),
      marks: [...o.querySelectorAll('mark')].map(m => m.textContent), text: o.textContent})),
    status: (document.querySelector('.site-search-status') || {}).textContent || '',
    url: location.href, ready: document.readyState});
})()"""


def state(browser, session):
    return json.loads(evaluate(browser, session, STATE))


def wait(browser, session, condition, timeout=5):
    deadline = time.time() + timeout
    while True:
        try:
            now = state(browser, session)
        except RuntimeError:  # the page is being replaced (Enter opened a result): ask again
            now = None
        if now is not None and condition(now) or time.time() > deadline:
            return now or state(browser, session)
        time.sleep(0.05)


def clear(browser, session):
    evaluate(browser, session, "(() => { const i = document.querySelector('.site-search-input'); i.value = '';"
                               " i.dispatchEvent(new Event('input')); return 0; })()")


def expect_first(browser, session, query, target, how):
    """Types `query` into the focused box; the first result must link to `target` (a URL ending)."""
    clear(browser, session)
    type_text(browser, session, query)
    now = wait(browser, session, lambda s: s["options"] or s["status"].startswith("No results"))
    if not now["options"]:
        return [f"search {how} '{query}': no results ({now['status']})"], now
    first = now["options"][0]
    if not first["href"].endswith(target):
        return [f"search {how} '{query}': the first result is {first['href']}, expected …{target}"], now
    return [], now


def search_problems(browser, session, site, page_url, page_to_url, load):
    """Keyboard-only search on `page_url`; `page_to_url(path)` gives the URL of a page below the site root."""
    index = load_index(site)
    if index is None:
        return ["search: the site has no single assets/search-index.js"], 0
    targets = probes(index)
    if not targets:
        return ["search: no heading has a word of its own to search for"], 0
    problems = []
    for word, path, anchor, entry in targets:
        problems += load(browser, session, page_url)
        press(browser, session, "/", "Slash", "/")
        now = state(browser, session)
        if not now["focused"] or not now["shown"]:
            problems.append("search: '/' does not focus a visible search box")
            continue
        expected = page_to_url(path) + "#" + anchor
        found, now = expect_first(browser, session, word, expected, "for")
        problems += found
        if found:
            continue
        if word.lower() not in [m.lower() for m in now["options"][0]["marks"]]:
            problems.append(f"search for '{word}': the result does not mark the word (marks {now['options'][0]['marks']})")
        # The words shown around the match are the entry's own text, read back from its shard's words.
        shown = now["options"][0]["text"]
        title, lesson = index["entries"][entry][3], index["pages"][index["entries"][entry][0]][1]
        shown = shown.removeprefix(title).removeprefix(lesson).removeprefix("… ").removesuffix(" …")
        if not shown or shown not in index["texts"][entry]:
            problems.append(f"search for '{word}': the result shows '{shown[:80]}', not words of the section's text")
        if now["expanded"] != "true":
            problems.append(f"search for '{word}': aria-expanded is {now['expanded']} with results shown")
        accented = word.upper().replace("E", "É", 1).replace("A", "Á", 1) if re.search("[AE]", word.upper()) else word.upper()
        problems += expect_first(browser, session, accented, expected, "folding case and diacritics,")[0]
        problems += expect_first(browser, session, word[:max(4, len(word) - 2)], expected, "by prefix,")[0]
        # Every word must match: the heading's word with one no lesson holds finds nothing.
        clear(browser, session)
        type_text(browser, session, word + " zzyzxqv")
        none = wait(browser, session, lambda s: s["status"].startswith("No results"))
        if none["options"]:
            problems.append(f"search for '{word} zzyzxqv': {len(none['options'])} results, expected none (words are ANDed)")
        found, now = expect_first(browser, session, word, expected, "again for")
        problems += found
        press(browser, session, "ArrowDown", "ArrowDown")
        down = state(browser, session)
        if down["active"] != down["options"][0]["id"] or down["options"][0]["selected"] != "true":
            problems.append(f"search: ArrowDown does not select the first result (active {down['active']})")
        if len(down["options"]) > 1:
            press(browser, session, "ArrowDown", "ArrowDown")
            press(browser, session, "ArrowUp", "ArrowUp")
            back = state(browser, session)
            if back["active"] != back["options"][0]["id"] or back["options"][1]["selected"] != "false":
                problems.append("search: ArrowDown then ArrowUp does not come back to the first result")
        press(browser, session, "Enter", "Enter", "\r")
        arrived = wait(browser, session, lambda s: s["url"].endswith(expected) and s["ready"] == "complete")
        if not arrived["url"].endswith(expected):
            problems.append(f"search: Enter on '{word}' led to {arrived['url']}, expected …{expected}")
        elif not evaluate(browser, session, f"!!document.getElementById({json.dumps(anchor)})"):
            problems.append(f"search: the page has no element #{anchor}")
    return problems, len(targets)


def query_times(browser, session, queries, rounds=5):
    """Milliseconds from the input event to the rendered results, per query (the fastest of `rounds`)."""
    evaluate(browser, session, "document.querySelector('.site-search-input').focus(), 0")
    wait(browser, session, lambda s: True, 0)
    evaluate(browser, session, """new Promise(done => { const t0 = Date.now(); (function poll() {
      if (window.sitegenSearchIndex || Date.now() - t0 > 10000) setTimeout(done, 50); else setTimeout(poll, 20); })(); })""")
    script = """((queries, rounds) => {
      const input = document.querySelector('.site-search-input');
      const times = queries.map(q => {
        let best = Infinity;
        for (let r = 0; r < rounds; r++) {
          input.value = ''; input.dispatchEvent(new Event('input'));
          const t = performance.now();
          input.value = q; input.dispatchEvent(new Event('input'));
          document.querySelectorAll('.site-search-results [role=option]').length;
          best = Math.min(best, performance.now() - t);
        }
        return best;
      });
      return JSON.stringify(times);
    })(%s, %d)""" % (json.dumps(queries), rounds)
    return json.loads(evaluate(browser, session, script))
