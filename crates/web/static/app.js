// dossier workbench: the little script the pages use. Every page works without it; it adds
// keyboard shortcuts, the evidence selection on a document's page, and the add-claim form's
// fields for the chosen type. No inline script anywhere: the CSP allows this file alone.
(function () {
  "use strict";

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT" || target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (event.key === "/") {
      var box = document.getElementById("q");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });

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
  });
})();
