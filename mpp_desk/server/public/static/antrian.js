/* My place in the queue: keeps the page live from its event stream (mpp_desk/server/public/queue_page.py).
   Served by mpp-central itself (CSP script-src 'self'); no inline script, no cookies, no storage. Without it,
   the page reloads itself every 30 seconds (<noscript> meta refresh). */
(function () {
  "use strict";
  var place = document.getElementById("place");
  if (!place || !place.getAttribute("data-stream") || !window.EventSource) { return; }
  var words = JSON.parse(place.getAttribute("data-words"));
  var baseTitle = document.title;
  var live = document.getElementById("live");
  var banner = document.getElementById("called");
  var bannerText = document.getElementById("called-text");
  var last = { status: place.getAttribute("data-status"), recalls: -1 };
  var source = new EventSource(place.getAttribute("data-stream"));

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function setText(id, value) {
    var node = document.getElementById(id);
    if (node && node.textContent !== value) { node.textContent = value; }
  }
  function aheadText(n) {
    return n === null ? "-" : n === 0 ? words.ahead_0 : n === 1 ? words.ahead_1 : fill(words.ahead_n, { n: n });
  }
  function waitText(m) { return m === null ? words.wait_none : m === 0 ? words.wait_soon : fill(words.wait_n, { n: m }); }

  function show(p) {
    if (!p.live || (p.status === "waiting" && !document.getElementById("ahead"))) {
      source.close();  /* finished, or waiting again after a transfer: the page as the server draws it now */
      window.location.reload();
      return;
    }
    var status = fill(words.status[p.status] || words.status.waiting, { counter: p.counter_name });
    place.setAttribute("data-status", p.status);
    setText("status", status);
    setText("ahead", aheadText(p.ahead));
    setText("wait", waitText(p.wait));
    p.counters.forEach(function (c) {
      var cell = document.querySelector('tr[data-counter="' + c[0] + '"] td.code');
      if (cell && cell.textContent !== (c[1] || words.free)) { cell.textContent = c[1] || words.free; }
    });
    var called = p.status === "called";
    if (called) {
      bannerText.textContent = fill(words.called, { counter: p.counter_name });
      banner.hidden = false;
      document.title = "\u25B6 " + fill(words.called_title, { counter: p.counter_name }) + " \u00B7 " + baseTitle;
      if ((last.status !== "called" || p.recalls !== last.recalls) && navigator.vibrate) {
        try { navigator.vibrate([400, 150, 400, 150, 400]); } catch (e) { /* not allowed here */ }
      }
    } else {
      banner.hidden = true;
      document.title = baseTitle;
    }
    if (p.status !== last.status || (p.status === "waiting" && p.ahead !== last.ahead)) {
      live.textContent = p.status === "waiting" ? status + ". " + words.ahead_label + ": " + aheadText(p.ahead) + "."
        : status;
    }
    last = { status: p.status, recalls: p.recalls, ahead: p.ahead };
    ["ahead-label", "ahead", "wait-label", "wait", "wait-note"].forEach(function (id) {
      var node = document.getElementById(id);  /* the figures of a waiting ticket only */
      if (node) { node.hidden = p.status !== "waiting"; }
    });
  }

  source.addEventListener("place", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("end", function () { source.close(); });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) {  /* refused (too many pages open, rate limit): plain reloads */
      live.textContent = words.lost;
      window.setTimeout(function () { window.location.reload(); }, 30000);
    }
  };
})();
