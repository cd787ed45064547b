// Dateline's pages. Every text from the data is set with textContent, never
// as HTML. The charts draw what the JSON API returns for the page's filters.
"use strict";

(function () {
  const page = document.body.dataset.page;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The link to the sentence an event came from.
  function sentenceHref(docID, sentence) {
    return "/documents/" + encodeURIComponent(docID) + "#s" + sentence[0];
  }

  // The note panel beside the text or chart.
  const note = document.getElementById("note");
  function showNote(items) {
    if (!note) return;
    const body = note.querySelector(".body");
    body.replaceChildren(...items);
    note.hidden = items.length === 0;
  }
  if (note) note.querySelector(".close").addEventListener("click", () => { note.hidden = true; });

  function evidenceList(title, evidence) {
    const items = [el("div", { class: "item" }, title)];
    for (const ev of evidence || []) {
      const d = el("div", { class: "item" });
      d.append(el("span", { class: "kind" }, ev.code + " "));
      d.append(el("a", { href: sentenceHref(ev.doc_id, ev.sentence) }, ev.text));
      items.push(d);
    }
    return items;
  }

  // Sortable tables: click a header to sort the rows shown by that column.
  for (const table of document.querySelectorAll("table.sortable")) {
    const heads = table.querySelectorAll("thead th");
    heads.forEach((th, col) => {
      th.addEventListener("click", () => {
        const asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(h => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        const num = th.classList.contains("num");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows).filter(r => r.cells.length > col);
        const key = r => r.cells[col].textContent.trim();
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          const c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          return asc ? c : -c;
        });
        body.append(...rows);
      });
    });
  }

  // The article: a click lists every annotation under the pointer, from
  // the innermost out, and outlines all the pieces of the innermost one.
  const text = document.getElementById("text");
  if (text) {
    const kinds = { m: "entity", u: "mention", t: "time", q: "quote", e: "event", s: "sentence" };
    text.addEventListener("click", ev => {
      for (const lit of text.querySelectorAll(".lit")) lit.classList.remove("lit");
      const items = [];
      let first = null;
      for (let n = ev.target; n && n !== text; n = n.parentElement) {
        const k = n.dataset.k;
        if (!k) continue;
        first = first || k;
        const d = el("div", { class: "item" });
        d.append(el("div", { class: "kind" }, kinds[k[0]] || k));
        d.append(document.createTextNode(n.title));
        items.push(d);
      }
      // An entity's mentions ("m4.0", "m4.1") are lit together.
      const ent = first && /^m\d+\./.exec(first);
      const sel = ent ? '[data-k^="' + ent[0] + '"]' : '[data-k="' + CSS.escape(first) + '"]';
      if (first) for (const p of text.querySelectorAll(sel)) p.classList.add("lit");
      showNote(items);
    });
  }

  const chart = document.getElementById("chart");
  const status = document.getElementById("status");
  if (!chart || typeof d3 === "undefined") return;
  const params = new URLSearchParams(location.search);

  function api(path, extra) {
    const q = new URLSearchParams(params);
    for (const k in extra || {}) q.set(k, extra[k]);
    return fetch(path + "?" + q.toString()).then(r => {
      if (!r.ok) return r.json().then(e => { throw new Error(e.error || r.statusText); });
      return r.json();
    });
  }
  function fail(err) { status.textContent = "Could not draw: " + err.message; }

  const quadNames = { "1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict", "4": "material conflict" };
  const quadColors = { "1": "#3b7dd8", "2": "#1a9a82", "3": "#e08a2c", "4": "#d0342c" };

  function drawTimeline() {
    const by = document.getElementById("by");
    const draw = () => api("/api/timeline", { by: by.value }).then(t => {
      chart.replaceChildren();
      const days = t.days;
      status.textContent = days.reduce((n, d) => n + d.events, 0) + " dated events on " + days.length + " days" +
        (t.undated ? "; " + t.undated + " without a day" : "") + ". Negated events are not counted.";
      if (!days.length) return;
      const groups = Array.from(new Set(days.flatMap(d => Object.keys(d.counts)))).sort();
      const color = t.by === "quad" ? g => quadColors[g] : d3.scaleOrdinal(groups, d3.schemeTableau10.concat(d3.schemeSet3));
      const W = 1000, H = 380, m = { l: 40, r: 10, t: 10, b: 40 };
      const parse = d3.utcParse("%Y-%m-%d");
      const first = parse(days[0].day), last = d3.utcDay.offset(parse(days[days.length - 1].day), 1);
      const x = d3.scaleUtc([first, last], [m.l, W - m.r]);
      const y = d3.scaleLinear([0, d3.max(days, d => d.events)], [H - m.b, m.t]).nice();
      const bw = Math.max(1, x(d3.utcDay.offset(first, 1)) - x(first) - 1);
      const svg = d3.select(chart).append("svg").attr("viewBox", [0, 0, W, H]);
      svg.append("g").attr("class", "axis").attr("transform", `translate(0,${H - m.b})`).call(d3.axisBottom(x).ticks(8));
      svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(6));
      for (const d of days) {
        let y0 = 0;
        const g = svg.append("g").attr("class", "bar").on("click", () => {
          location.href = "/events?" + new URLSearchParams({ ...Object.fromEntries(params), since: d.day, until: d.day });
        });
        for (const k of groups) {
          const n = d.counts[k] || 0;
          if (!n) continue;
          g.append("rect").attr("x", x(parse(d.day))).attr("width", bw)
            .attr("y", y(y0 + n)).attr("height", y(y0) - y(y0 + n)).attr("fill", color(k))
            .append("title").text(d.day + " · " + (t.by === "quad" ? quadNames[k] : "root " + k) + ": " + n);
          y0 += n;
        }
      }
      const legend = svg.append("g").attr("transform", `translate(${W - m.r - 190},${m.t + 5})`);
      groups.forEach((k, i) => {
        const g = legend.append("g").attr("transform", `translate(0,${i * 16})`);
        g.append("rect").attr("width", 10).attr("height", 10).attr("fill", color(k));
        g.append("text").attr("x", 14).attr("y", 9).attr("font-size", 11).text(t.by === "quad" ? quadNames[k] : "root " + k);
      });
    }).catch(fail);
    by.addEventListener("change", draw);
    draw();
  }

  function drawNetwork() {
    api("/api/graph").then(g => {
      status.textContent = g.nodes.length + " actors, " + g.edges.length + " directed links. Negated events are not counted.";
      if (!g.nodes.length) return;
      const W = 1000, H = 640;
      const svg = d3.select(chart).append("svg").attr("viewBox", [0, 0, W, H]);
      svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8)
        .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 10).attr("markerHeight", 10).attr("orient", "auto")
        .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#777");
      const nodes = g.nodes.map(n => ({ ...n }));
      const links = g.edges.map(e => ({ ...e }));
      const r = d3.scaleSqrt([0, d3.max(nodes, n => n.events)], [4, 22]);
      const w = d3.scaleSqrt([0, d3.max(links, l => l.events) || 1], [1, 8]);
      const gold = d3.scaleDiverging([-10, 0, 10], d3.interpolateRdBu);
      const sim = d3.forceSimulation(nodes)
        .force("link", d3.forceLink(links).id(n => n.id).distance(110))
        .force("charge", d3.forceManyBody().strength(-260))
        .force("center", d3.forceCenter(W / 2, H / 2))
        .force("collide", d3.forceCollide(n => r(n.events) + 4));
      const edge = svg.append("g").selectAll("path").data(links).join("path").attr("class", "edge")
        .attr("stroke", l => gold(l.goldstein / l.events)).attr("stroke-width", l => w(l.events)).attr("marker-end", "url(#arrow)")
        .on("click", (ev, l) => showNote(evidenceList(l.source.id + " → " + l.target.id + ": " + l.events +
          " events, Goldstein sum " + l.goldstein.toFixed(1), l.evidence)));
      edge.append("title").text(l => l.source.id + " → " + l.target.id + ": " + l.events + " events");
      const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
        .on("click", (ev, n) => { location.href = "/events?actor=" + encodeURIComponent(n.id); })
        .call(d3.drag()
          .on("start", (ev, n) => { if (!ev.active) sim.alphaTarget(0.3).restart(); n.fx = n.x; n.fy = n.y; })
          .on("drag", (ev, n) => { n.fx = ev.x; n.fy = ev.y; })
          .on("end", (ev, n) => { if (!ev.active) sim.alphaTarget(0); n.fx = null; n.fy = null; }));
      node.append("circle").attr("r", n => r(n.events));
      node.append("text").attr("x", n => r(n.events) + 3).attr("y", 4).text(n => n.id);
      node.append("title").text(n => n.id + (n.name ? " (" + n.name + ")" : "") + ": " + n.events + " events");
      sim.on("tick", () => {
        edge.attr("d", l => {
          const dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, len = Math.hypot(dx, dy) || 1;
          const k = (r(l.target.events) + 2) / len;
          return `M${l.source.x},${l.source.y}L${l.target.x - dx * k},${l.target.y - dy * k}`;
        });
        node.attr("transform", n => `translate(${n.x},${n.y})`);
      });
    }).catch(fail);
  }

  function drawMap() {
    Promise.all([fetch("/static/vendor/countries-110m.json").then(r => r.json()), api("/api/places")]).then(([world, p]) => {
      const places = p.places;
      status.textContent = places.length + " places, " + places.reduce((n, x) => n + x.events, 0) +
        " events with a located place. Negated events are not counted.";
      const W = 1000, H = 520;
      const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
      const path = d3.geoPath(projection);
      const svg = d3.select(chart).append("svg").attr("viewBox", [0, 0, W, H]);
      svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
      svg.append("path").attr("class", "land").attr("d", path(topojson.feature(world, world.objects.countries)));
      const r = d3.scaleSqrt([0, d3.max(places, x => x.events) || 1], [3, 20]);
      svg.append("g").selectAll("circle").data(places).join("circle").attr("class", "place")
        .attr("cx", x => projection([x.lon, x.lat])[0]).attr("cy", x => projection([x.lon, x.lat])[1])
        .attr("r", x => r(x.events)).attr("data-geonameid", x => x.geonameid)
        .on("click", (ev, x) => showNote(evidenceList(x.name + " (GeoNames " + x.geonameid + "): " + x.events + " events", x.evidence)))
        .append("title").text(x => x.name + ": " + x.events + " events");
    }).catch(fail);
  }

  if (page === "timeline") drawTimeline();
  if (page === "network") drawNetwork();
  if (page === "map") drawMap();
})();
