"""Drives the step control of landscape figures (figures.js `landscapeSteps`) with the keyboard alone and checks
that it moves a marker along every path to the right step: Tab reaches the slider, Home, ArrowRight and End
move it, and after each key the text names that step with each run's (x, y) and loss as in the figure's CSV
(to the table's six significant digits), and each run's marker sits where the chart's scale puts that point.
"""
import json

from devtools import evaluate
from widgets import close, csv_series, number, press

STATE = r"""
JSON.stringify([...document.querySelectorAll('.landscape-steps')].map(c => {
  const figure = c.closest('figure'), data = JSON.parse(c.querySelector('script.landscape-data').textContent);
  const input = c.querySelector('input[type=range]');
  return {figure: figure.id, data, value: +input.value, disabled: input.disabled, focused: document.activeElement === input,
    text: c.querySelector('output').textContent,
    marks: [...figure.querySelectorAll('svg .sgc-now')].map(m => [m.getAttribute('visibility'), +m.getAttribute('cx'), +m.getAttribute('cy')])};
}))
"""


def scale(spec):
    (d0, d1), (r0, r1) = spec["domain"], spec["range"]
    return lambda v: r0 + (v - d0) / (d1 - d0) * (r1 - r0)


def step_problems(control, columns, how):
    data, problems = control["data"], []
    step = data["at"][control["value"]]
    head, _, rest = control["text"].partition(": ")
    if head != f"Step {step}":
        problems.append(f"{how}: the text says '{head}', expected 'Step {step}'")
    parts = rest.split("; ")
    x, y = scale(data["x"]), scale(data["y"])
    for k, s in enumerate(data["series"]):
        label = s["label"]
        expected = {name: columns.get((label, name), {}).get(float(step)) for name in ("x", "y", "loss")}
        if None in expected.values():
            problems.append(f"{how}: the CSV has no {label} at step {step}")
            continue
        text = parts[k] if k < len(parts) else ""
        try:
            point, loss = text[len(label) + 2:].split("), loss ")
            shown = [number(v) for v in point.split(", ")] + [number(loss)]
        except ValueError:
            problems.append(f"{how}: cannot read '{text}' for {label}")
            continue
        for name, value in zip(("x", "y", "loss"), shown):
            if not close(value, expected[name]):
                problems.append(f"{how}: {label} {name} reads {value} at step {step}, the CSV has {expected[name]}")
        visibility, cx, cy = control["marks"][k]
        if visibility != "visible" or abs(cx - x(expected["x"])) > 0.6 or abs(cy - y(expected["y"])) > 0.6:
            problems.append(f"{how}: {label}'s marker is at ({cx}, {cy}) ({visibility}), expected "
                            f"({x(expected['x']):.1f}, {y(expected['y']):.1f}) for step {step}")
    return problems


def landscape_problems(browser, session, page_file):
    controls = json.loads(evaluate(browser, session, STATE))
    problems = []
    for c, first in enumerate(controls):
        how = first["figure"]
        if first["disabled"]:
            problems.append(f"{how}: the step slider was not enabled by the page script")
            continue
        columns = csv_series(page_file, first["figure"])
        problems += step_problems(first, columns, f"{how}, as loaded")
        # Keyboard only: Tab from the top of the page until the slider has focus.
        evaluate(browser, session, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); 0")
        for _ in range(600):
            press(browser, session, "Tab")
            if evaluate(browser, session, f"document.activeElement === document.querySelectorAll('.landscape-steps input')[{c}]"):
                break
        else:
            problems.append(f"{how}: Tab never reached the step slider")
            continue
        for keys, name in [(["Home"], "Home"), (["ArrowRight"] * 3, "3 × ArrowRight"), (["End"], "End")]:
            for key in keys:
                press(browser, session, key)
            problems += step_problems(json.loads(evaluate(browser, session, STATE))[c], columns, f"{how}, after {name}")
    return problems
