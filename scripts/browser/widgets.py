"""Drives the page's widgets in Chromium as a reader would and checks what they show.

Line charts (figures.js): hovering at an x and tapping there show a readout whose values are the CSV's at that x
(to the table's six significant digits); with the keyboard alone, Tab reaches the chart, the arrow keys, Home and
End step the readout, and Tab then Enter on a legend toggle hides and shows its series (aria-pressed). Folded
listings: Tab to "Show all N lines", Enter unfolds the whole listing, Enter folds it again. Sweeps: Tab to the
slider, arrow keys, Home and End pick points; the readout, table and chart follow, and the chart is the CSV's point.
Every line chart's readout stays inside its box's visible area, at each width and in each theme, without making the
box scroll or grow.
"""
import csv
import json
import os

from devtools import evaluate

KEYS = {"Tab": ("Tab", 9, ""), "Enter": ("Enter", 13, "\r"), "ArrowRight": ("ArrowRight", 39, ""),
        "ArrowUp": ("ArrowUp", 38, ""), "ArrowDown": ("ArrowDown", 40, ""),
        "ArrowLeft": ("ArrowLeft", 37, ""), "Home": ("Home", 36, ""), "End": ("End", 35, "")}

STATE = r"""
((withData) => {
  const a = document.activeElement;
  const boxes = [...document.querySelectorAll('.chart')].filter(b => b.querySelector('script.chart-readout'));
  const folds = [...document.querySelectorAll('.code-fold summary')];
  const chart = b => {
    const tip = b.querySelector('.chart-tip');
    return {figure: b.closest('figure') ? b.closest('figure').id : '',
      data: withData ? JSON.parse(b.querySelector('script.chart-readout').textContent) : null,
      shown: !!tip && !tip.hidden,
      head: tip ? (tip.querySelector('strong') || {}).textContent || '' : '',
      rows: tip ? [...tip.querySelectorAll('[data-series]')].map(r => [+r.dataset.series, r.querySelector('b').textContent]) : [],
      pressed: [...b.querySelectorAll('.chart-toggle')].map(t => t.getAttribute('aria-pressed')),
      hidden: [...b.querySelectorAll('svg > g.sgc-series')].map(g => getComputedStyle(g).visibility === 'hidden')};
  };
  const fold = s => { const pre = s.closest('.code-folded').querySelector('pre');
    return {open: s.parentElement.open, height: pre.clientHeight, full: pre.scrollHeight}; };
  return JSON.stringify({
    active: boxes.indexOf(a) >= 0 ? ['chart', boxes.indexOf(a)] : folds.indexOf(a) >= 0 ? ['fold', folds.indexOf(a)]
      : a && a.classList.contains('chart-toggle') ? ['toggle', boxes.indexOf(a.closest('.chart')),
          [...a.parentElement.querySelectorAll('.chart-toggle')].indexOf(a)] : [a === document.body ? 'body' : 'other'],
    charts: boxes.map(chart), folds: folds.map(fold)});
})(%s)
"""


def press(browser, session, name):
    key, code, text = KEYS[name]
    down = {"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code}
    if text:
        down["text"] = text
    browser.send("Input.dispatchKeyEvent", down, session)
    browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": key, "windowsVirtualKeyCode": code}, session)


def state(browser, session, data=None):
    """What the widgets show now; each chart's embedded data is taken from `data` (a first state) when given."""
    now = json.loads(evaluate(browser, session, STATE % ("false" if data else "true")))
    if data:
        for chart, first in zip(now["charts"], data["charts"]):
            chart["data"] = first["data"]
    return now


def number(text):
    return float(text.replace("\u2212", "-"))


def csv_series(page_file, figure):
    """(run, column) → {x: value} from the figure's CSV beside the page. A sweep's CSV starts with its options'
    columns: its runs are named with their point (`lr=0.01 SGD`), and with one option each column's last value per
    run is also kept against the swept value (`final …`), as the chart of the final metric plots it. A block run
    with seeds has a `seed` column and a row per seed: its chart draws the mean over the seeds, and so is this; a
    sweep with seeds plots, at each swept value, the mean of the seeds' final values."""
    path = os.path.join(os.path.dirname(page_file), figure.removeprefix("experiment-") + ".csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, values, finals = rows[0], {}, {}
    r = header.index("run")
    seeded = header[r + 1] == "seed"
    at = r + 2 if seeded else r + 1
    for row in rows[1:]:
        run = " ".join([f"{o}={float(v):g}" if v not in ("true", "false") else f"{o}={v}"
                        for o, v in zip(header[:r], row[:r])] + [row[r]])
        for c in range(at + 1, len(header)):
            if row[c] not in ("", "nan", "inf", "-inf"):
                values.setdefault((run, header[c]), {}).setdefault(float(row[at]), []).append(float(row[c]))
                if r == 1:   # each seed's rows come in epoch order: the last one written is its final value
                    seed = row[r + 1] if seeded else ""
                    finals.setdefault((row[r], "final " + header[c]), {}).setdefault(float(row[0]), {})[seed] = float(row[c])
    means = lambda column: {x: sum(v) / len(v) for x, v in column.items()}
    return ({key: means(column) for key, column in values.items()}
            | {key: means({x: list(by_seed.values()) for x, by_seed in column.items()}) for key, column in finals.items()})


def close(shown, exact):
    return abs(shown - exact) <= 5e-6 * abs(exact) + 1e-300


def match_columns(chart, columns):
    """For each series, the CSV column whose values equal the embedded ones at every x (None when none does)."""
    data, found = chart["data"], []
    for s in data["series"]:
        pairs = [(x, v) for x, v in zip(data["at"], s["values"]) if isinstance(v, (int, float))]
        found.append(next((key for key, col in columns.items()
                           if pairs and all(x in col and close(v, col[x]) for x, v in pairs)), None))
    return found


def readout_problems(chart, index, columns, found, how):
    data, problems = chart["data"], []
    if not chart["shown"]:
        return [f"{how}: no readout shown"]
    x = data["at"][index]
    if number(chart["head"].split()[-1]) != x:
        problems.append(f"{how}: readout is for '{chart['head']}', expected {data['label']} {x}")
    for series, text in chart["rows"]:
        key = found[series]
        if key is None or x not in columns[key]:
            continue
        if not close(number(text), columns[key][x]):
            problems.append(f"{how}: {data['series'][series]['label']} reads {text} at {x}, the CSV has {columns[key][x]}")
    expected = sum(1 for k, s in enumerate(data["series"]) if s["values"][index] is not None and chart["pressed"][k:k + 1] != ["false"])
    if len(chart["rows"]) != expected:
        problems.append(f"{how}: the readout has {len(chart['rows'])} rows, expected {expected}")
    return problems


def keyboard_problems(browser, session, page_file):
    """Tab through the page; operate every chart, legend toggle and fold met on the way."""
    problems = []
    evaluate(browser, session, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); 0")
    first = state(browser, session)
    columns = {c: csv_series(page_file, ch["figure"]) for c, ch in enumerate(first["charts"])}
    found = {c: match_columns(ch, columns[c]) for c, ch in enumerate(first["charts"])}
    for c, ch in enumerate(first["charts"]):
        for k, key in enumerate(found[c]):
            if key is None:
                problems.append(f"chart {ch['figure']}: series '{ch['data']['series'][k]['label']}' matches no column of its CSV")
    charts_seen, folds_seen, toggles_seen = set(), set(), set()
    for _ in range(600):
        press(browser, session, "Tab")
        now = state(browser, session, first)
        kind = now["active"][0]
        if kind == "body":
            break
        if kind == "chart" and now["active"][1] not in charts_seen:
            c = now["active"][1]
            charts_seen.add(c)
            n = len(now["charts"][c]["data"]["at"])
            name = now["charts"][c]["figure"]
            problems += readout_problems(now["charts"][c], n - 1, columns[c], found[c], f"{name}, focused")
            for key, index in (("ArrowLeft", n - 2), ("Home", 0), ("ArrowRight", 1), ("End", n - 1)):
                press(browser, session, key)
                problems += readout_problems(state(browser, session, first)["charts"][c], max(index, 0), columns[c], found[c],
                                             f"{name}, after {key}")
        elif kind == "toggle" and (now["active"][1], now["active"][2]) not in toggles_seen:
            c, k = now["active"][1], now["active"][2]
            toggles_seen.add((c, k))
            press(browser, session, "Enter")
            off = state(browser, session, first)["charts"][c]
            press(browser, session, "Enter")
            on = state(browser, session, first)["charts"][c]
            if off["pressed"][k] != "false" or not off["hidden"][k]:
                problems.append(f"{now['charts'][c]['figure']}: Enter on legend toggle {k + 1} did not hide its series")
            if on["pressed"][k] != "true" or on["hidden"][k]:
                problems.append(f"{now['charts'][c]['figure']}: a second Enter on legend toggle {k + 1} did not show its series again")
        elif kind == "fold" and now["active"][1] not in folds_seen:
            f = now["active"][1]
            folds_seen.add(f)
            before = now["folds"][f]
            press(browser, session, "Enter")
            opened = state(browser, session, first)["folds"][f]
            press(browser, session, "Enter")
            closed = state(browser, session, first)["folds"][f]
            if not before["height"] < before["full"]:
                problems.append(f"folded listing {f + 1} is not folded ({before['height']} of {before['full']} px shown)")
            if not (opened["open"] and opened["height"] >= opened["full"] - 1):
                problems.append(f"Enter on 'Show all' of listing {f + 1} did not unfold it ({opened['height']} of {opened['full']} px)")
            if closed["open"] or closed["height"] != before["height"]:
                problems.append(f"a second Enter on listing {f + 1} did not fold it again")
    if len(charts_seen) != len(first["charts"]):
        problems.append(f"keyboard: Tab reached {len(charts_seen)} of {len(first['charts'])} charts")
    toggles = sum(len(ch["pressed"]) for ch in first["charts"])
    if len(toggles_seen) != toggles:
        problems.append(f"keyboard: Tab reached {len(toggles_seen)} of {toggles} legend toggles")
    if len(folds_seen) != len(first["folds"]):
        problems.append(f"keyboard: Tab reached {len(folds_seen)} of {len(first['folds'])} folded listings")
    return problems, columns, found, first


def pointer_problems(browser, session, columns, found, first):
    """Hover and tap each chart at 40 % and 70 % of its points; click a legend toggle twice."""
    problems = []
    count = len(first["charts"])
    for c in range(count):
        for fraction, how in ((0.4, "hover"), (0.7, "tap")):
            where = json.loads(evaluate(browser, session, f"""(() => {{
              const box = [...document.querySelectorAll('.chart')].filter(b => b.querySelector('script.chart-readout'))[{c}];
              box.scrollIntoView({{block: 'center', behavior: 'instant'}});
              const d = JSON.parse(box.querySelector('script.chart-readout').textContent);
              const log = d.x.scale === 'log', f = log ? Math.log10 : v => v;
              // A reader taps the plot, not a line-end label laid over it (its toggle button would take the tap):
              // the first point, from {fraction} of the way along leftwards, with a free spot above it.
              let found = null;
              for (let step = 0; step <= 4 && !found; step++) {{
                const back = step / 10;
                const i = Math.floor((d.at.length - 1) * Math.max(0, {fraction} - back));
                const vx = d.x.range[0] + (f(d.at[i]) - f(d.x.domain[0])) / (f(d.x.domain[1]) - f(d.x.domain[0])) * (d.x.range[1] - d.x.range[0]);
                const m = box.querySelector('svg').getScreenCTM();
                box.scrollLeft = Math.max(0, m.a * vx + m.e - box.getBoundingClientRect().left - box.clientWidth / 2);
                const m2 = box.querySelector('svg').getScreenCTM();
                for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {{
                  const vy = d.y.range[0] + t * (d.y.range[1] - d.y.range[0]);
                  const x = m2.a * vx + m2.e, y = m2.d * vy + m2.f;
                  if (!document.elementFromPoint(x, y)?.closest('.chart-toggle')) {{ found = {{x, y, i}}; break; }}
                }}
                if (!found && step === 4) found = {{x: m2.a * vx + m2.e, y: m2.d * (d.y.range[0] + d.y.range[1]) / 2 + m2.f, i}};
              }}
              return JSON.stringify(found);
            }})()"""))
            if how == "hover":
                browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": where["x"], "y": where["y"]}, session)
            else:
                point = [{"x": where["x"], "y": where["y"]}]
                browser.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point}, session)
                browser.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []}, session)
            chart = state(browser, session, first)["charts"][c]
            problems += readout_problems(chart, where["i"], columns[c], found[c], f"{chart['figure']}, {how}")
        browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1}, session)
        target = json.loads(evaluate(browser, session, f"""(() => {{
          const box = [...document.querySelectorAll('.chart')].filter(b => b.querySelector('script.chart-readout'))[{c}];
          // The tap left the chart focused with its readout open (a tall readout can make the box scroll up and
          // down); a reader taps elsewhere first, which closes it.
          if (document.activeElement) document.activeElement.blur();
          const t = box.querySelector('.chart-toggle'); if (!t) return 'null';
          t.scrollIntoView({{block: 'center', inline: 'center', behavior: 'instant'}});
          const r = t.getBoundingClientRect(); return JSON.stringify({{x: r.left + r.width / 2, y: r.top + r.height / 2}});
        }})()"""))
        if not target:
            continue
        for expected in ("false", "true"):
            hit = evaluate(browser, session, f"""(() => {{
              const box = [...document.querySelectorAll('.chart')].filter(b => b.querySelector('script.chart-readout'))[{c}];
              const e = document.elementFromPoint({target["x"]}, {target["y"]});
              return e === box.querySelector('.chart-toggle') ? 'toggle' : (e ? e.tagName + '.' + (e.getAttribute('class') || '') + ' in ' + (e.closest('figure') || {{}}).id : 'nothing');
            }})()""")
            if hit != "toggle":
                problems.append(f"chart {c}: the first legend toggle is covered by {hit}")
            for kind in ("mousePressed", "mouseReleased"):
                browser.send("Input.dispatchMouseEvent", {"type": kind, "x": target["x"], "y": target["y"],
                                                          "button": "left", "clickCount": 1}, session)
            chart = state(browser, session, first)["charts"][c]
            if chart["pressed"][0] != expected or chart["hidden"][0] != (expected == "false"):
                problems.append(f"{chart['figure']}: clicking the first legend entry left aria-pressed={chart['pressed'][0]}, "
                                f"series hidden={chart['hidden'][0]}")
    return problems


SWEEP = r"""
(() => {
  const a = document.activeElement;
  return JSON.stringify([...document.querySelectorAll('.sweep-controls')].map(c => {
    const figure = c.closest('figure'), view = figure.querySelector('.sweep-view'), input = c.querySelector('input, select');
    const script = view.querySelector('script.chart-readout');
    return {figure: figure.id, focused: a === input, disabled: input.disabled, value: +input.value,
      values: (input.dataset.values || '').split(' '), valuetext: input.getAttribute('aria-valuetext'),
      readout: c.querySelector('output').textContent, label: (view.querySelector('.chart') || {}).ariaLabel || '',
      data: script ? JSON.parse(script.textContent) : null,
      cells: [...view.querySelectorAll('table.results tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))};
  }));
})()
"""


def sweep_problems(browser, session, page_file):
    """Keyboard only: Tab to each sweep's slider, move it with the arrow keys, Home and End; each time the slider's
    value, the live readout, the table and the chart must be the chosen point's, and the chart's values its CSV rows."""
    problems = []
    sweeps = json.loads(evaluate(browser, session, SWEEP))
    for i, first in enumerate(sweeps):
        name = first["figure"]
        if first["disabled"]:
            problems.append(f"{name}: the sweep's control is still disabled after the script ran")
            continue
        evaluate(browser, session, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); 0")
        for _ in range(600):
            press(browser, session, "Tab")
            if json.loads(evaluate(browser, session, SWEEP))[i]["focused"]:
                break
        else:
            problems.append(f"{name}: Tab never reached the sweep's slider")
            continue
        columns = csv_series(page_file, name)
        n = len(first["values"])
        for key, expected in (("Home", 0), ("ArrowRight", 1), ("ArrowUp", 2), ("ArrowDown", 1), ("End", n - 1),
                              ("ArrowLeft", n - 2), ("Home", 0)):
            press(browser, session, key)
            now = json.loads(evaluate(browser, session, SWEEP))[i]
            how = f"{name}, after {key}"
            if now["value"] != expected:
                problems.append(f"{how}: the slider is at {now['value']}, expected {expected}")
                continue
            point = f"{first['valuetext'].split(' = ')[0]}={now['values'][expected]}"
            if now["valuetext"] != point.replace("=", " = "):
                problems.append(f"{how}: aria-valuetext is '{now['valuetext']}'")
            if not now["readout"].startswith(point + ":"):
                problems.append(f"{how}: the readout says '{now['readout']}', expected the point {point}")
            if f"({point})" not in now["label"]:
                problems.append(f"{how}: the chart is '{now['label']}', not the point {point}")
            for row in now["cells"]:
                if any(cell not in now["readout"] for cell in row):
                    problems.append(f"{how}: the table row {row} is not what the readout says: '{now['readout']}'")
            for s in (now["data"] or {"series": []})["series"]:
                candidates = [col for (run, c), col in columns.items() if run == f"{point} {s['label']}"
                              or (run.startswith(point + " ") and c.replace("_", " ") == s["label"])]
                pairs = [(x, v) for x, v in zip(now["data"]["at"], s["values"]) if isinstance(v, (int, float))]
                if not any(all(x in col and close(v, col[x]) for x, v in pairs) for col in candidates):
                    problems.append(f"{how}: the chart's '{s['label']}' is not the CSV's rows for {point}")
    return problems


READOUT_FIT = r"""
(() => JSON.stringify([...document.querySelectorAll('.chart')].filter(b => b.querySelector('script.chart-readout')).map(b => {
  const height = b.getBoundingClientRect().height, overflow = b.scrollHeight - b.clientHeight, shown = [];
  b.focus();
  for (const key of ['End', 'Home']) {
    b.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
    const tip = b.querySelector('.chart-tip'), t = tip.getBoundingClientRect(), r = b.getBoundingClientRect();
    const left = r.left + b.clientLeft, top = r.top + b.clientTop;
    shown.push({key, rows: tip.querySelectorAll('[data-series]').length, compact: tip.classList.contains('chart-tip-compact'),
      tip: [t.left - left, t.top - top, t.right - left, t.bottom - top], box: [b.clientWidth, b.clientHeight],
      overflow: b.scrollHeight - b.clientHeight - overflow, grew: r.height - height});
  }
  b.blur();
  return {figure: b.closest('figure') ? b.closest('figure').id : '', shown};
})))()
"""


def readout_fit_problems(browser, session):
    """Each line chart's readout, at its last and its first point, lies inside the chart box's visible area and
    neither makes the box scroll up and down nor changes its height, whatever the number of series (one taller than
    the plot turns compact: two columns of one-line rows)."""
    problems = []
    for chart in json.loads(evaluate(browser, session, READOUT_FIT)):
        for s in chart["shown"]:
            left, top, right, bottom = s["tip"]
            width, height = s["box"]
            where = f"{chart['figure']}: the readout at {s['key']} ({s['rows']} series{', compact' if s['compact'] else ''})"
            if left < -0.5 or top < -0.5 or right > width + 0.5 or bottom > height + 0.5:
                problems.append(f"{where} spans {left:.0f}..{right:.0f} × {top:.0f}..{bottom:.0f} px, outside the chart box's "
                                f"{width} × {height} px")
            if s["overflow"] > 0.5:
                problems.append(f"{where} makes the chart box scroll up and down ({s['overflow']:.0f} px)")
            if abs(s["grew"]) > 0.5:
                problems.append(f"{where} changes the chart box's height by {s['grew']:.1f} px")
    return problems


def widget_problems(browser, session, page_file):
    from landscape import landscape_problems  # the step control of landscape figures (landscape.py)
    if not evaluate(browser, session, "!!document.querySelector('script.chart-readout, .code-fold, .landscape-steps')"):
        return []
    problems, columns, found, first = keyboard_problems(browser, session, page_file)
    # Last: focusing and blurring each chart moves where the next Tab starts from.
    return (problems + pointer_problems(browser, session, columns, found, first)
            + landscape_problems(browser, session, page_file) + sweep_problems(browser, session, page_file)
            + readout_fit_problems(browser, session))
