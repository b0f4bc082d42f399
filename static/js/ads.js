/* Gazette ads: fill the ad placeholders of a (possibly cached) page and count what
   readers actually see. Loaded with `defer`, no inline script, no third parties.
   Each slot's creative list is a small cached JSON; the draw happens here, by weight,
   among the highest priority present, for the reader's device class. */
(function () {
  "use strict";

  var SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

  /* The same media queries as the reserved boxes in gazette.css, so the ad drawn is
     the one that fits the box the page reserved. */
  function deviceClass() {
    if (!window.matchMedia("(min-width: 768px)").matches) return "mobile";
    if (!window.matchMedia("(min-width: 1024px)").matches) return "tablet";
    return "desktop";
  }

  function fits(creative, box) {
    if (!box) return false;
    var parts = box.split("x");
    return creative.w <= +parts[0] && creative.h <= +parts[1];
  }

  function eligibleFor(creatives, device, box) {
    return creatives.filter(function (c) {
      return (!c.devices.length || c.devices.indexOf(device) !== -1) && fits(c, box);
    });
  }

  function weighted(items, weightOf, random) {
    var total = items.reduce(function (sum, item) { return sum + weightOf(item); }, 0);
    var point = random() * total;
    for (var i = 0; i < items.length; i++) {
      point -= weightOf(items[i]);
      if (point < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /* The highest priority present wins; then a campaign by its weight; then one of its
     creatives (those that fit this device) by the creative's own weight. */
  function choose(creatives, random) {
    if (!creatives.length) return null;
    random = random || Math.random;
    var top = Math.max.apply(null, creatives.map(function (c) { return c.priority; }));
    var groups = {};
    var order = [];
    creatives.forEach(function (c) {
      if (c.priority !== top) return;
      var key = c.campaign === undefined ? "c" + c.id : String(c.campaign);
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(c);
    });
    var campaigns = order.map(function (key) { return groups[key]; });
    var group = weighted(campaigns, function (g) { return g[0].weight; }, random);
    return weighted(group, function (c) { return c.creative_weight || 1; }, random);
  }

  var lists = {};
  function load(src) {
    if (!lists[src]) {
      lists[src] = fetch(src, { credentials: "omit" })
        .then(function (r) { return r.ok ? r.json() : { creatives: [] }; })
        .catch(function () { return { creatives: [] }; });
    }
    return lists[src];
  }

  function send(beacon, creativeId, slotKey) {
    var body = new URLSearchParams({ c: String(creativeId), s: slotKey });
    if (!(navigator.sendBeacon && navigator.sendBeacon(beacon, body))) {
      fetch(beacon, { method: "POST", body: body, keepalive: true, credentials: "omit" });
    }
  }

  /* An impression is half the ad in view, page visible, for one unbroken second. */
  function watch(slot, frame, creative) {
    var timer = null;
    var counted = false;
    function stop() { if (timer) { clearTimeout(timer); timer = null; } }
    function fire() {
      counted = true;
      observer.disconnect();
      send(slot.getAttribute("data-ad-beacon"), creative.id, slot.getAttribute("data-ad-slot"));
      slot.setAttribute("data-ad-seen", "");
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (counted) return;
        if (entry.intersectionRatio >= 0.5 && document.visibilityState === "visible") {
          if (!timer) timer = setTimeout(fire, 1000);
        } else {
          stop();
        }
      });
    }, { threshold: [0, 0.5, 1] });
    observer.observe(frame);
    document.addEventListener("visibilitychange", function () {
      if (counted) return;
      stop();
      if (document.visibilityState === "visible") {
        observer.unobserve(frame); // observing again reports the current state afresh
        observer.observe(frame);
      }
    });
  }

  function render(slot, creative) {
    var frame = slot.querySelector(".ad-slot__frame");
    var label = slot.getAttribute("data-ad-label") || "";
    frame.textContent = "";
    if (creative.kind === "image") {
      var link = document.createElement("a");
      link.href = creative.click;
      link.rel = "sponsored noopener";
      link.target = "_blank";
      var img = document.createElement("img");
      img.width = creative.w;
      img.height = creative.h;
      img.alt = creative.img.alt;
      img.decoding = "async";
      img.srcset = creative.img.srcset;
      img.src = creative.img.src;
      link.appendChild(img);
      frame.appendChild(link);
    } else {
      var iframe = document.createElement("iframe");
      iframe.setAttribute("sandbox", SANDBOX); // no allow-scripts, no allow-same-origin
      iframe.width = creative.w;
      iframe.height = creative.h;
      iframe.title = label;
      iframe.setAttribute("scrolling", "no");
      iframe.src = creative.frame;
      frame.appendChild(iframe);
    }
    frame.setAttribute("data-size", creative.w + "x" + creative.h);
    slot.classList.add("ad-slot--filled");
    slot.setAttribute("data-ad-creative", String(creative.id));
    watch(slot, frame, creative);
  }

  function fill(slot) {
    if (slot.hasAttribute("data-ad-state")) return;
    slot.setAttribute("data-ad-state", "loading");
    load(slot.getAttribute("data-ad-src")).then(function (data) {
      var device = deviceClass();
      var box = (data.boxes || {})[device];
      var creative = choose(eligibleFor(data.creatives || [], device, box));
      slot.setAttribute("data-ad-state", creative ? "filled" : "empty");
      if (creative) {
        render(slot, creative);
      } else if (slot.getBoundingClientRect().top > window.innerHeight) {
        slot.hidden = true; // out of sight, so hiding it moves nothing the reader sees
      } else {
        slot.classList.add("ad-slot--empty");
      }
    });
  }

  function start() {
    var slots = Array.prototype.slice.call(document.querySelectorAll(".ad-slot[data-ad-src]"));
    if (!slots.length || !("IntersectionObserver" in window)) return;
    // Lazy: a slot's ad is fetched when it comes within a screen of the viewport.
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          near.unobserve(entry.target);
          fill(entry.target);
        }
      });
    }, { rootMargin: "100% 0px" });
    slots.forEach(function (slot) {
      if (slot.hasAttribute("data-ad-eager")) fill(slot);
      else near.observe(slot);
    });
  }

  window.GazetteAds = { choose: choose, deviceClass: deviceClass, eligibleFor: eligibleFor };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
