/* Gazette discovery: count an article view once the page is really seen, and turn the
   Popular Posts periods into tabs. No cookies, no storage; works on cached pages because
   the article id comes from this script tag's data attributes. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-gazette-discovery]");
  if (!script) return;

  function sendView() {
    var page = script.getAttribute("data-page");
    if (!page || !navigator.sendBeacon) return;
    var body = new URLSearchParams();
    body.set("p", page);
    body.set("l", script.getAttribute("data-lang") || document.documentElement.lang);
    navigator.sendBeacon(script.getAttribute("data-endpoint"), body);
  }

  // A prerendered or background page is not a view until someone looks at it.
  function whenSeen(fn) {
    if (document.prerendering) {
      document.addEventListener("prerenderingchange", function () { whenSeen(fn); }, { once: true });
    } else if (document.visibilityState === "visible") {
      fn();
    } else {
      document.addEventListener("visibilitychange", function onChange() {
        if (document.visibilityState !== "visible") return;
        document.removeEventListener("visibilitychange", onChange);
        fn();
      });
    }
  }

  function afterLoad(fn) {
    if (document.readyState === "complete") fn();
    else window.addEventListener("load", fn, { once: true });
  }

  function setUpTabs(rail) {
    var tablist = rail.querySelector("[role=tablist]");
    if (!tablist) return;
    var tabs = Array.prototype.slice.call(tablist.querySelectorAll("[role=tab]"));
    function select(tab, focus) {
      tabs.forEach(function (other) {
        var chosen = other === tab;
        other.setAttribute("aria-selected", chosen ? "true" : "false");
        other.tabIndex = chosen ? 0 : -1;
        document.getElementById(other.getAttribute("aria-controls")).hidden = !chosen;
      });
      if (focus) tab.focus();
    }
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { select(tab, false); });
      tab.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index }[event.key];
        if (step === undefined) return;
        if (document.dir === "rtl" && (event.key === "ArrowRight" || event.key === "ArrowLeft")) step = -step;
        event.preventDefault();
        select(tabs[(index + step + tabs.length) % tabs.length], true);
      });
    });
    tablist.hidden = false;
    rail.classList.add("popular--tabbed");
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-popular]"), setUpTabs);
  afterLoad(function () { whenSeen(sendView); });
})();
