// dossier workbench: the little script the pages use. Every page works without it; it adds
// keyboard shortcuts, the evidence selection on a document's page, and the add-claim form's
// fields for the chosen type. No inline script anywhere: the CSP allows this file alone.
(function () {
  "use strict";

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT" || target.isContentEditable);
  }

  function click(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); return true; }
    return false;
  }

  // j/k: the next or previous claim (a claim's page links them), else move through the
  // page's list of claims (.nav-item), Enter opening the one marked.
  function step(delta) {
    var link = document.querySelector(delta > 0 ? "a[rel=next]" : "a[rel=prev]");
    var items = document.querySelectorAll(".nav-item");
    if (!items.length) {
      if (link) { window.location.href = link.href; }
      return;
    }
    var at = -1;
    for (var i = 0; i < items.length; i++) {
      if (items[i] === document.activeElement) { at = i; }
      items[i].classList.remove("nav-current");
    }
    var next = Math.max(0, Math.min(items.length - 1, at + delta));
    items[next].classList.add("nav-current");
    items[next].focus();
    items[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var done = true;
    switch (event.key) {
      case "/":
        var box = document.getElementById("q");
        if (box) { box.focus(); box.select(); } else { done = false; }
        break;
      case "a": done = click("accept"); break;
      case "r": done = click("reject"); break;
      case "e":
        var field = document.querySelector("form.edit input:not([type=hidden])");
        if (field) { field.focus(); field.select(); } else { done = false; }
        break;
      case "j": step(1); break;
      case "k": step(-1); break;
      default: done = false;
    }
    if (done) { event.preventDefault(); }
  });

  var SVG = "http://www.w3.org/2000/svg";

  // The timeline: zoom and pan by re-placing every mark and bar from its date (data-t),
  // and the axis's years for the window shown.
  function setupTimeline() {
    var svg = document.getElementById("timeline");
    if (!svg) { return; }
    var X0 = 150, X1 = 985;
    var full = [parseFloat(svg.dataset.from), parseFloat(svg.dataset.to)];
    var view = full.slice();
    var height = svg.viewBox.baseVal.height;
    var ticks = svg.querySelector("g.ticks");
    function x(t) { return X0 + (t - view[0]) / (view[1] - view[0]) * (X1 - X0); }
    function draw() {
      var marks = svg.querySelectorAll("[data-t]");
      for (var i = 0; i < marks.length; i++) {
        var t = parseFloat(marks[i].dataset.t);
        marks[i].setAttribute("cx", x(t));
        marks[i].style.display = (t < view[0] || t > view[1]) ? "none" : "";
      }
      var bars = svg.querySelectorAll("[data-t0]");
      for (var j = 0; j < bars.length; j++) {
        var a = Math.max(parseFloat(bars[j].dataset.t0), view[0]);
        var b = Math.min(parseFloat(bars[j].dataset.t1), view[1]);
        bars[j].style.display = b < a ? "none" : "";
        bars[j].setAttribute("x", x(a));
        bars[j].setAttribute("width", Math.max(3, x(b) - x(a)));
      }
      while (ticks.firstChild) { ticks.removeChild(ticks.firstChild); }
      var span = view[1] - view[0];
      var steps = [1 / 12, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100];
      var stepv = steps.find(function (s) { return span / s <= 12; }) || 200;
      for (var y = Math.ceil(view[0] / stepv) * stepv; y <= view[1]; y += stepv) {
        var line = document.createElementNS(SVG, "line");
        line.setAttribute("x1", x(y)); line.setAttribute("x2", x(y));
        line.setAttribute("y1", 18); line.setAttribute("y2", height);
        var text = document.createElementNS(SVG, "text");
        text.setAttribute("x", x(y)); text.setAttribute("y", 14);
        var year = Math.floor(y + 1e-9);
        var month = Math.round((y - year) * 12);
        text.textContent = stepv < 1 ? year + "-" + String(month + 1).padStart(2, "0") : String(year);
        ticks.appendChild(line); ticks.appendChild(text);
      }
    }
    function zoom(factor, at) {
      var centre = at === undefined ? (view[0] + view[1]) / 2 : at;
      var span = Math.max(1 / 12, Math.min(full[1] - full[0], (view[1] - view[0]) * factor));
      view = [centre - (centre - view[0]) * span / (view[1] - view[0]), 0];
      view[1] = view[0] + span;
      draw();
    }
    function timeAt(clientX) {
      var box = svg.getBoundingClientRect();
      var px = (clientX - box.left) / box.width * 1000;
      return view[0] + (px - X0) / (X1 - X0) * (view[1] - view[0]);
    }
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 0.8 : 1.25, timeAt(event.clientX));
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.closest("a")) { return; }
      drag = { x: event.clientX, view: view.slice() };
      svg.classList.add("dragging");
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var box = svg.getBoundingClientRect();
      var dt = (event.clientX - drag.x) / box.width * 1000 / (X1 - X0) * (drag.view[1] - drag.view[0]);
      view = [drag.view[0] - dt, drag.view[1] - dt];
      draw();
    });
    svg.addEventListener("pointerup", function () { drag = null; svg.classList.remove("dragging"); });
    controls("timeline", function (how) {
      if (how === "in") { zoom(0.5); } else if (how === "out") { zoom(2); } else { view = full.slice(); draw(); }
    });
    draw();
  }

  // The network: zoom by the view box, and a node's links lit while it is pointed at.
  function setupNetwork() {
    var svg = document.getElementById("network");
    if (!svg) { return; }
    var full = [0, 0, 920, 520];
    var box = full.slice();
    function set() { svg.setAttribute("viewBox", box.join(" ")); }
    function zoom(f) {
      var cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2;
      box[2] = Math.max(90, Math.min(full[2] * 2, box[2] * f));
      box[3] = box[2] * full[3] / full[2];
      box[0] = cx - box[2] / 2; box[1] = cy - box[3] / 2;
      set();
    }
    controls("network", function (how) {
      if (how === "in") { zoom(0.7); } else if (how === "out") { zoom(1.4); } else { box = full.slice(); set(); }
    });
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 0.85 : 1.18);
    }, { passive: false });
    var nodes = svg.querySelectorAll("a.node");
    function light(i, on) {
      var lines = svg.querySelectorAll("line[data-a='" + i + "'], line[data-b='" + i + "']");
      for (var k = 0; k < lines.length; k++) { lines[k].classList.toggle("hl", on); }
    }
    for (var n = 0; n < nodes.length; n++) {
      (function (node) {
        var i = node.dataset.i;
        node.addEventListener("pointerenter", function () { light(i, true); });
        node.addEventListener("pointerleave", function () { light(i, false); });
        node.addEventListener("focus", function () { light(i, true); });
        node.addEventListener("blur", function () { light(i, false); });
      })(nodes[n]);
    }
  }

  function controls(name, act) {
    var group = document.querySelector("div.zoom[data-for='" + name + "']");
    if (!group) { return; }
    group.hidden = false;
    group.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (button) { act(button.dataset.zoom); }
    });
  }

  // UTF-8 length of a string: the server's offsets are bytes of the extracted text.
  function bytes(s) { return new TextEncoder().encode(s).length; }

  // The byte offset in the document's text of a point (a text node and an offset in it),
  // from the nearest element that says where its text starts (data-at).
  function offsetOf(node, offset) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    var holder = el && el.closest("[data-at]");
    if (!holder) { return null; }
    if (node.nodeType !== Node.TEXT_NODE) { return parseInt(holder.dataset.at, 10); }
    var before = "";
    var walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t === node) { before += t.data.slice(0, offset); break; }
      before += t.data;
    }
    return parseInt(holder.dataset.at, 10) + bytes(before);
  }

  function setupEvidence() {
    var text = document.getElementById("doctext");
    var quote = document.getElementById("ev-quote");
    if (!text || !quote) { return; }
    var start = document.getElementById("ev-start");
    var end = document.getElementById("ev-end");
    function take() {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
      var range = sel.getRangeAt(0);
      if (!text.contains(range.commonAncestorContainer)) { return; }
      var s = offsetOf(range.startContainer, range.startOffset);
      var e = offsetOf(range.endContainer, range.endOffset);
      quote.value = sel.toString();
      if (s !== null && e !== null && s < e) {
        start.value = String(s); end.value = String(e);
      } else {
        // The selection ends outside the text's pieces: the server finds the words.
        start.value = ""; end.value = "";
      }
    }
    text.addEventListener("mouseup", take);
    text.addEventListener("keyup", take);
    // Typing in the box makes the words the evidence, wherever they are.
    quote.addEventListener("input", function () { start.value = ""; end.value = ""; });
  }

  function setupTypes() {
    var select = document.getElementById("add-type");
    if (!select) { return; }
    var sets = document.querySelectorAll("fieldset.fields");
    function show() {
      for (var i = 0; i < sets.length; i++) {
        var on = sets[i].dataset.type === select.value;
        sets[i].hidden = !on;
        sets[i].disabled = !on;
      }
    }
    select.addEventListener("change", show);
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupEvidence();
    setupTypes();
    setupTimeline();
    setupNetwork();
  });
})();
