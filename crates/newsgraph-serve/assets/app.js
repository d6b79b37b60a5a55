// newsgraph web UI: hover tooltips and highlight toggles. Pages work without it.
// Only textContent and classList are used: no HTML is ever built from page data.
(function () {
  "use strict";
  var tip = document.getElementById("tip");

  function show(el, x, y) {
    var text = el.getAttribute("data-tip");
    if (!tip || !text) return;
    tip.textContent = text;
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(x + 14, window.innerWidth - w - 8);
    var top = y + 18;
    if (top + h > window.innerHeight - 8) top = y - h - 12;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = Math.max(8, top) + "px";
  }

  function hide() {
    if (tip) tip.hidden = true;
  }

  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (el) show(el, ev.clientX, ev.clientY); else hide();
  });
  document.addEventListener("mousemove", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (el && tip && !tip.hidden) show(el, ev.clientX, ev.clientY);
  });
  document.addEventListener("focusin", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (el) {
      var r = el.getBoundingClientRect();
      show(el, r.left, r.bottom - 10);
    }
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });

  // Legend checkboxes switch one kind of highlight on and off.
  var body = document.getElementById("body");
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (body) body.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });
})();
