// Explorable figures: progressive enhancement of the figures sitegen draws at build time. Without this file
// every figure still shows its SVG, its data table and its CSV link. With it a line chart answers a pointer
// (a readout of every series at that x and a vertical rule), its points can be stepped through with the arrow
// keys once the chart has focus, and its legend entries hide or show their series.
// Each widget is a function of the element that holds its data (see `widgets` at the end); `enhance(root)`
// runs them on a subtree, so a figure whose chart is swapped later is enhanced the same way.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function make(ns, name, attributes, parent) {
    var node = ns ? document.createElementNS(ns, name) : document.createElement(name);
    for (var key in attributes) node.setAttribute(key, attributes[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  // A value as the data table writes it: the data already holds six significant digits; the table uses a
  // typographic minus and exponents without "+" below 1e-4 and from 1e15 on. Strings ("NaN", "∞") stay.
  function numberText(v) {
    if (typeof v !== "number") return v === null || v === undefined ? "no value" : v;
    var a = Math.abs(v);
    var s = a !== 0 && (a < 1e-4 || a >= 1e15) ? v.toExponential().replace("e+", "e") : String(v);
    return s.charAt(0) === "-" ? "\u2212" + s.slice(1) : s;
  }

  // The chart's scale, data → viewBox units, as LineChart drew it (linear or base-10 log).
  function scale(spec) {
    var log = spec.scale === "log";
    var f = log ? Math.log10 : function (v) { return v; };
    var d0 = f(spec.domain[0]), d1 = f(spec.domain[1]), r0 = spec.range[0], r1 = spec.range[1];
    return function (v) {
      if (typeof v !== "number" || (log && v <= 0)) return null;
      var t = (f(v) - d0) / (d1 - d0);
      return isFinite(t) ? r0 + t * (r1 - r0) : (r0 + r1) / 2;
    };
  }

  function seriesClass(k) { return "sgc-s" + (k % 8 + 1); }

  // A line chart (LineChart.readoutJSON beside its SVG): readout, rule, focus marks, keyboard, legend toggles.
  function lineChart(box, data) {
    var svg = box.querySelector("svg.sgc");
    var n = data.at.length;
    if (!svg || !n) return;
    var x = scale(data.x), y = scale(data.y);
    var px = data.at.map(x);
    var top = Math.min(data.y.range[0], data.y.range[1]), bottom = Math.max(data.y.range[0], data.y.range[1]);
    var shown = data.series.map(function () { return true; });
    var index = -1;

    var layer = make(SVG, "g", { "class": "sgc-focus", "aria-hidden": "true", visibility: "hidden" }, svg);
    var rule = make(SVG, "line", { y1: top, y2: bottom }, layer);
    var marks = data.series.map(function (s, k) { return make(SVG, "circle", { "class": "sgc-mark " + seriesClass(k), r: 4.5 }, layer); });
    var tip = make(null, "div", { "class": "chart-tip", "aria-hidden": "true" }, box);
    tip.hidden = true;
    var live = make(null, "p", { "class": "visually-hidden", "aria-live": "polite" }, box);
    var hint = make(null, "p", { "class": "visually-hidden", id: (svg.id || box.parentNode.id || "chart") + "-keys" }, box);
    hint.textContent = "Left and right arrow keys read the values point by point; Home and End jump to the ends.";
    box.setAttribute("aria-describedby", hint.id);

    // Box coordinates (CSS px inside the chart box, scrolled content included) of a viewBox point.
    function boxPoint(vx, vy) {
      var m = svg.getScreenCTM(), r = box.getBoundingClientRect();
      return { left: m.a * vx + m.e - r.left - box.clientLeft + box.scrollLeft,
               top: m.d * vy + m.f - r.top - box.clientTop + box.scrollTop };
    }

    function show(i, announce) {
      index = Math.max(0, Math.min(n - 1, i));
      var at = px[index], said = [];
      rule.setAttribute("x1", at);
      rule.setAttribute("x2", at);
      tip.textContent = "";
      make(null, "strong", {}, tip).textContent = data.label + " " + numberText(data.at[index]);
      data.series.forEach(function (s, k) {
        var v = s.values[index], py = shown[k] ? y(v) : null;
        marks[k].setAttribute("visibility", py === null ? "hidden" : "inherit");
        if (py !== null) { marks[k].setAttribute("cx", at); marks[k].setAttribute("cy", py); }
        if (!shown[k] || v === null) return;
        var row = make(null, "span", { "data-series": k }, tip);
        make(null, "i", { "class": "chart-swatch", style: "background:var(--chart-series-" + (k % 8 + 1) + ")" }, row);
        make(null, "span", {}, row).textContent = s.label;
        make(null, "b", {}, row).textContent = numberText(v);
        said.push(s.label + " " + numberText(v));
      });
      layer.setAttribute("visibility", "visible");
      tip.hidden = false;
      var p = boxPoint(at, top);
      if (announce) {
        live.textContent = data.label + " " + numberText(data.at[index]) + ": " + (said.join(", ") || "no series shown");
        // On a phone the box scrolls sideways: keep the rule in view.
        if (p.left < box.scrollLeft + 8 || p.left > box.scrollLeft + box.clientWidth - 8) {
          box.scrollLeft = p.left - box.clientWidth / 2;
          p = boxPoint(at, top);
        }
      }
      // A readout taller than the plot (many series on a phone) turns compact: two columns of one-line rows whose
      // labels may be cut short (the legend and the live region have them whole). Either way it stays inside the
      // box: reaching below it would make the box scroll up and down, and the legend under the pointer jump.
      tip.classList.remove("chart-tip-compact");
      if (tip.offsetHeight > boxPoint(at, bottom).top - p.top) tip.classList.add("chart-tip-compact");
      // Beside the rule, on the side with room, within the box's visible width; just below the plot's top.
      var width = tip.offsetWidth, shownFrom = box.scrollLeft, shownTo = box.scrollLeft + box.clientWidth;
      var left = p.left + 12 + width <= shownTo ? p.left + 12 : p.left - 12 - width;
      tip.style.left = Math.max(shownFrom, Math.min(left, shownTo - width)) + "px";
      tip.style.top = Math.max(0, Math.min(p.top + 4, box.clientHeight - tip.offsetHeight)) + "px";
    }

    function hide() {
      layer.setAttribute("visibility", "hidden");
      tip.hidden = true;
    }

    // The position nearest the pointer, or -1 when the pointer is off the plot's width.
    function nearest(event) {
      var m = svg.getScreenCTM();
      var vx = (event.clientX - m.e) / m.a;
      var lo = Math.min(data.x.range[0], data.x.range[1]), hi = Math.max(data.x.range[0], data.x.range[1]);
      if (vx < lo - 8 || vx > hi + 8) return -1;
      var best = 0;
      for (var i = 1; i < n; i++) if (Math.abs(px[i] - vx) < Math.abs(px[best] - vx)) best = i;
      return best;
    }

    function point(event) {
      var i = nearest(event);
      if (i < 0) { if (document.activeElement !== box) hide(); } else show(i, false);
    }
    svg.addEventListener("pointermove", point);
    svg.addEventListener("pointerdown", point);
    svg.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse" && document.activeElement !== box) hide();
    });
    document.addEventListener("pointerdown", function (event) {
      if (!box.contains(event.target)) hide();
    });

    var keys = { ArrowRight: 1, ArrowLeft: -1 };
    box.addEventListener("keydown", function (event) {
      if (event.target !== box || event.altKey || event.ctrlKey || event.metaKey) return;
      var i = event.key === "Home" ? 0 : event.key === "End" ? n - 1
        : event.key === "PageUp" ? index + Math.ceil(n / 10) : event.key === "PageDown" ? index - Math.ceil(n / 10)
        : keys[event.key] ? (index < 0 ? n - 1 : index + keys[event.key]) : null;
      if (event.key === "Escape") { hide(); return; }
      if (i === null) return;
      event.preventDefault();
      show(i, true);
    });
    box.addEventListener("focus", function () { show(index < 0 ? n - 1 : index, true); });
    box.addEventListener("blur", hide);

    // Legend entries and line-end labels become toggle buttons laid over the SVG's own text.
    var toggles = [];
    data.series.forEach(function (s, k) {
      var label = svg.querySelector(".sgc-key[data-series='" + k + "'], .sgc-entry[data-series='" + k + "']");
      if (!label) return;
      var button = make(null, "button", { type: "button", "class": "chart-toggle", "aria-pressed": "true" }, box);
      make(null, "span", { "class": "visually-hidden" }, button).textContent = "Show " + s.label;
      button.addEventListener("click", function () {
        shown[k] = !shown[k];
        button.setAttribute("aria-pressed", String(shown[k]));
        var parts = svg.querySelectorAll("[data-series='" + k + "']");
        for (var j = 0; j < parts.length; j++) parts[j].classList.toggle("sgc-off", !shown[k]);
        if (!tip.hidden) show(index, false);
      });
      toggles.push({ button: button, label: label });
    });
    function place() {
      var r = box.getBoundingClientRect();
      toggles.forEach(function (t) {
        var b = t.label.getBoundingClientRect();
        var left = b.left - r.left - box.clientLeft + box.scrollLeft - 3, top = b.top - r.top - box.clientTop + box.scrollTop - 2;
        var style = t.button.style;
        style.left = left + "px";
        style.top = top + "px";
        style.width = Math.min(b.width + 6, box.scrollWidth - left) + "px";
        style.height = b.height + 4 + "px";
      });
    }
    place();
    if (window.ResizeObserver) new ResizeObserver(place).observe(svg);
  }

  // A landscape's step control (LandscapeFigure: a range input, an output and this data beside the SVG): the
  // input moves one marker along every path at once; the output says each run's point and loss at that step
  // in the data table's digits. Without this script the input stays hidden and the output names the last step.
  function landscapeSteps(control, data) {
    var svg = control.parentNode.querySelector(".chart.landscape svg.sgc");
    var input = control.querySelector("input[type=range]"), output = control.querySelector("output");
    var n = data.at.length;
    if (!svg || !input || !output || !n) return;
    var x = scale(data.x), y = scale(data.y);
    var clip = svg.querySelector("clipPath");
    var layer = make(SVG, "g", { "class": "sgc-focus", "aria-hidden": "true" }, svg);
    if (clip) layer.setAttribute("clip-path", "url(#" + clip.id + ")");
    var marks = data.series.map(function (s, k) {
      return make(SVG, "circle", { "class": "sgc-mark sgc-now " + seriesClass(k), r: 6 }, layer);
    });
    function show(i) {
      output.textContent = "Step " + data.at[i] + ": " + data.series.map(function (s, k) {
        var px = x(s.x[i]), py = y(s.y[i]);
        marks[k].setAttribute("visibility", px === null || py === null ? "hidden" : "visible");
        if (px !== null && py !== null) { marks[k].setAttribute("cx", px); marks[k].setAttribute("cy", py); }
        return s.label + " (" + numberText(s.x[i]) + ", " + numberText(s.y[i]) + "), loss " + numberText(s.loss[i]);
      }).join("; ");
      input.setAttribute("aria-valuetext", "step " + data.at[i]);
    }
    input.max = n - 1;
    input.value = n - 1;
    input.disabled = false;
    input.addEventListener("input", function () { show(+input.value); });
    show(n - 1);
  }

  // A sweep (SweepFigure): its sliders and selects pick a point, whose table and chart (a <template>) replace
  // the view; the point's numbers go to the live region. The controls stay disabled without this script.
  function sweep(controls) {
    var figure = controls.parentNode, view = figure.querySelector(".sweep-view");
    var points = figure.querySelectorAll("template.sweep-point");
    var inputs = controls.querySelectorAll("input, select"), out = controls.querySelector("output");
    function update() {
      var p = 0;
      for (var i = 0; i < inputs.length; i++) {
        var c = inputs[i], values = c.dataset.values ? c.dataset.values.split(" ") : null;
        p = p * (values ? values.length : c.options.length) + Number(c.value);
        if (values) {
          c.setAttribute("aria-valuetext", c.labels[0].textContent + " = " + values[c.value]);
          c.nextElementSibling.textContent = values[c.value];
        }
      }
      var t = points[p];
      if (!t) return;
      view.replaceChildren(t.content.cloneNode(true));
      out.textContent = t.dataset.text;
      enhance(view);
    }
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].disabled = false;
      inputs[i].addEventListener("input", update);
    }
  }

  function readJSON(node) {
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  // selector of the element holding a widget's data → the widget, given the figure box and that data.
  var widgets = [
    ["script.chart-readout", function (node) {
      var data = readJSON(node);
      if (data) lineChart(node.parentNode, data);
    }],
    ["script.landscape-data", function (node) {
      var data = readJSON(node);
      if (data) landscapeSteps(node.parentNode, data);
    }],
    ["div.sweep-controls", sweep]
  ];

  function enhance(root) {
    widgets.forEach(function (widget) {
      var nodes = root.querySelectorAll(widget[0]);
      for (var i = 0; i < nodes.length; i++) {
        if (nodes[i].dataset.enhanced) continue;
        nodes[i].dataset.enhanced = "1";
        widget[1](nodes[i]);
      }
    });
  }

  enhance(document);
})();
