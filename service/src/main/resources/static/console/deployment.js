// One deployment: live charts (polled history), the current state, pause/resume, the what-if
// panel (POST /v1/recommendations, nothing written) and the decision log.
"use strict";

(() => {
  const { api, el, num, time, status, every } = Tandem;
  const params = new URLSearchParams(location.search);
  const ns = params.get("namespace"), name = params.get("name");
  const base = "v1/deployments/" + encodeURIComponent(ns) + "/" + encodeURIComponent(name);
  const MAX_POINTS = 1440;

  // Okabe–Ito; every series also has its own dash pattern, so colour is never the only cue.
  const C = { black: "#000000", orange: "#E69F00", sky: "#56B4E9", green: "#009E73",
    blue: "#0072B2", vermillion: "#D55E00", purple: "#CC79A7" };
  const DASH = [9, 5], DOT = [2, 4], LONG = [14, 4, 3, 4];

  let points = [];
  let decisions = [];
  let latestSeq = 0;
  let meta = null;
  let row = null;
  const charts = {};

  if (!ns || !name) {
    status("No deployment named in the address (deployment.html?namespace=…&name=…).", true);
    return;
  }
  document.getElementById("title").textContent = ns + "/" + name;
  document.title = ns + "/" + name + " · Tandem console";

  // ---- charts

  const x = p => Date.parse(p.at) / 1000;

  function line(label, stroke, extra = {}) {
    return Object.assign({
      label, stroke, width: 2, spanGaps: false, points: { show: false },
      value: (u, v) => v === null || v === undefined ? "–" : num(v),
    }, extra);
  }
  const stepped = () => uPlot.paths.stepped({ align: 1 });

  const CHARTS = {
    load: {
      unit: "req/s",
      series: () => [
        line("observed", C.black, { points: { show: true, size: 5, fill: C.black } }),
        line("forecast mean", C.blue, { dash: DASH }),
        line("forecast P" + num((meta ? meta.forecastQuantile : 0.9) * 100, 0) + " peak: planned for",
          C.vermillion, { dash: LONG, width: 2.5 }),
        line("capacity of the decided replicas", C.green, { paths: stepped(), width: 2.5 }),
      ],
      bands: [{ series: [3, 2], fill: "rgba(230, 159, 0, 0.22)" }],
      data: () => [points.map(p => p.observedRate), points.map(p => p.forecastMean),
        points.map(p => p.forecastPeak), points.map(p => p.capacity)],
    },
    replicas: {
      digits: 0,
      unit: "replicas",
      series: () => [
        line("prefill decided", C.blue, { paths: stepped(), width: 2.5 }),
        line("prefill ready", C.blue, { paths: stepped(), dash: DASH }),
        line("prefill starting", C.blue, { paths: stepped(), dash: DOT, width: 1.5 }),
        line("decode decided", C.vermillion, { paths: stepped(), width: 2.5 }),
        line("decode ready", C.vermillion, { paths: stepped(), dash: DASH }),
        line("decode starting", C.vermillion, { paths: stepped(), dash: DOT, width: 1.5 }),
      ],
      data: () => [
        points.map(p => p.prefill.desired), points.map(p => p.prefill.ready),
        points.map(p => p.prefill.pending),
        points.map(p => p.decode.desired), points.map(p => p.decode.ready),
        points.map(p => p.decode.pending)],
    },
    ttft: {
      log: true,
      unit: "ms",
      series: () => [
        line("observed P" + num(meta.targets.ttftPercentile, 0), C.blue,
          { points: { show: true, size: 5, fill: C.blue } }),
        line("predicted at the decided count", C.sky, { dash: DASH }),
        line("target", C.black, { dash: DOT, width: 2 }),
      ],
      data: () => [points.map(p => p.ttftObservedMillis), points.map(p => p.ttftPredictedMillis),
        points.map(() => meta.targets.ttftMillis)],
    },
    itl: {
      log: true,
      unit: "ms",
      series: () => [
        line("observed P" + num(meta.targets.itlPercentile, 0), C.vermillion,
          { points: { show: true, size: 5, fill: C.vermillion } }),
        line("predicted at the decided count", C.orange, { dash: DASH }),
        line("target", C.black, { dash: DOT, width: 2 }),
      ],
      data: () => [points.map(p => p.itlObservedMillis), points.map(p => p.itlPredictedMillis),
        points.map(() => meta.targets.itlMillis)],
    },
    gpus: {
      digits: 0,
      log: true,
      unit: "GPUs",
      series: () => [
        line("decided", C.green, { paths: stepped(), width: 2.5 }),
        line("budget" + (meta.pool ? " (pool " + meta.pool + ")" : ""), C.purple, { dash: DASH }),
      ],
      data: () => [points.map(p => p.gpus), points.map(p => p.budgetGpus)],
    },
  };

  function xValues(u, splits) {
    const seconds = splits.length > 1 && splits[1] - splits[0] < 60;
    return splits.map(v => {
      if (v === null) return "";
      const iso = new Date(v * 1000).toISOString();
      // elapsed simulated time without the "T+" (the page says what the axis is), or UTC
      const t = Tandem.isSimulated() ? Tandem.simTime(iso).slice(2).replace(/^0(\d:)/, "$1")
        : iso.slice(11, 19);
      return seconds ? t : t.replace(/:\d\d$/, "");
    });
  }

  // latencies span orders of magnitude (a cold start's queue against a 10 ms target) and a budget
  // can dwarf what is held: those charts use a log scale, where zero has no place
  const positive = values => values.map(v => v === null || v === undefined || v <= 0 ? null : v);

  function build(key) {
    const spec = CHARTS[key];
    const figure = document.getElementById("chart-" + key);
    const box = figure.querySelector(".plot");
    const width = Math.max(280, box.clientWidth || 600);
    const opts = {
      width, height: 230,
      tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
      scales: { x: { time: true }, y: spec.log ? { distr: 3, log: 10 }
        : { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { values: xValues, stroke: "#333", grid: { stroke: "#eee" }, space: 80 },
        { label: spec.unit + (spec.log ? " (log scale)" : ""), stroke: "#333",
          grid: { stroke: "#eee" }, size: 60 },
      ],
      series: [{ label: "time", value: (u, v) => v === null ? "–" : time(new Date(v * 1000).toISOString()) },
        ...spec.series().map(s => spec.digits === undefined ? s
          : Object.assign(s, { value: (u, v) => v === null || v === undefined ? "–" : num(v, spec.digits) }))],
      bands: spec.bands,
      legend: { markers: { dash: (u, i) => {
        const d = u.series[i].dash;
        return !d ? "solid" : d[0] <= 2 ? "dotted" : "dashed";
      } } },
      cursor: { drag: { x: false, y: false } },
    };
    const u = new uPlot(opts, [[], ...spec.series().map(() => [])], box);
    new ResizeObserver(() => {
      const w = Math.max(280, box.clientWidth);
      if (Math.abs(w - u.width) > 2) u.setSize({ width: w, height: 230 });
    }).observe(box);
    charts[key] = u;
  }

  function redraw() {
    for (const [key, spec] of Object.entries(CHARTS)) {
      if (!charts[key]) build(key);
      const data = spec.data();
      const u = charts[key];
      u.setData([points.map(x), ...(spec.log ? data.map(positive) : data)]);
      const figure = document.getElementById("chart-" + key);
      // the legend shows the latest values unless the pointer is over the chart
      if (points.length && !(u.cursor.left >= 0)) u.setLegend({ idx: points.length - 1 });
      // a text alternative for the canvas: the caption and the latest value of every series
      const latest = u.series.slice(1).map((s, i) => {
        const column = data[i];
        let v = null;
        for (let j = column.length - 1; j >= 0 && v === null; j--) v = column[j];
        return s.label + " " + num(v);
      });
      figure.querySelector(".plot").setAttribute("aria-label",
        figure.querySelector("figcaption").textContent.trim().replace(/\s+/g, " ")
          + ". Latest: " + latest.join(", ") + ".");
      figure.dataset.points = String(points.length);
      figure.dataset.lastTime = points.length ? points[points.length - 1].at : "";
    }
  }

  // ---- the state now

  function nowPanel() {
    const last = points[points.length - 1];
    const dl = document.getElementById("now");
    const item = (id, label, value) => el("div", { id: "now-" + id }, el("dt", {}, label), el("dd", {}, value));
    const role = r => r ? num(r.written, 0) + " / " + num(r.desired, 0) + " / " + num(r.ready, 0) + " / " + num(r.pending, 0) : "–";
    const t = meta.targets;
    dl.replaceChildren(
      item("metrics", "Metrics", row ? (row.metricsHealthy === null ? "not read yet"
        : row.metricsHealthy ? "✓ healthy" : "✗ " + row.metricsNote) : "–"),
      item("rate", "Rate observed / planned for / capacity", last ? num(last.observedRate) + " / " + num(last.forecastPeak) + " / " + num(last.capacity) + " req/s" : "–"),
      item("prefill", "Prefill written / decided / ready / starting", role(row && row.roles.find(r => r.role === "prefill"))),
      item("decode", "Decode written / decided / ready / starting", role(row && row.roles.find(r => r.role === "decode"))),
      item("ttft", "TTFT P" + num(t.ttftPercentile, 0) + " / target", (last ? num(last.ttftObservedMillis) : "–") + " / " + num(t.ttftMillis) + " ms"),
      item("itl", "ITL P" + num(t.itlPercentile, 0) + " / target", (last ? num(last.itlObservedMillis) : "–") + " / " + num(t.itlMillis) + " ms"),
      item("gpus", "GPUs / budget", (row && row.gpus !== null ? row.gpus : "–") + " / " + meta.budgetGpus + (meta.pool ? " (pool " + meta.pool + ")" : "")),
      item("last", "Last plan", row && row.lastPlanAt ? time(row.lastPlanAt) : "–"));
    document.getElementById("ttft-caption").textContent =
      "TTFT P" + num(t.ttftPercentile, 0) + " (ms): observed and predicted against the " + num(t.ttftMillis) + " ms target";
    document.getElementById("itl-caption").textContent =
      "ITL P" + num(t.itlPercentile, 0) + " (ms): observed and predicted against the " + num(t.itlMillis) + " ms target";
  }

  function showMode() {
    if (!row) return;
    const m = document.getElementById("mode");
    m.dataset.mode = row.mode;
    m.textContent = row.mode;
    document.getElementById("pause").disabled = row.paused;
    document.getElementById("resume").disabled = !row.paused;
  }

  // ---- decision log

  function renderLog() {
    const body = document.querySelector("#decisions tbody");
    const shown = decisions.slice(-200).reverse();
    body.replaceChildren(...shown.map(d => el("tr", { "data-seq": d.seq },
      el("td", { "data-label": "Time", class: "replicas" }, time(d.at)),
      el("td", { "data-label": "Role" }, d.role),
      el("td", { "data-label": "Change", class: "replicas" }, d.from + " → " + d.to),
      el("td", { "data-label": "Mode" }, d.mode === "active" ? "written" : "advised only"),
      el("td", { "data-label": "Reason", class: "reason" },
        el("span", { class: "code" }, d.reason), " ", d.message,
        el("details", { class: "more" }, el("summary", {}, "SLA size and prediction"),
          el("p", {}, "SLA needs " + d.slaSized + ": " + d.slaReason),
          el("p", {}, "Prediction: " + d.predicted))))));
    if (!shown.length) {
      body.append(el("tr", {}, el("td", { colspan: 5, text: "No change decided yet." })));
    }
  }

  // ---- polling

  async function pollHistory() {
    const h = await api("v1/console/deployments/" + encodeURIComponent(ns) + "/"
      + encodeURIComponent(name) + "/history?after=" + latestSeq);
    const first = meta === null;
    meta = h;
    if (h.latestSeq < latestSeq) { // the service restarted: start over
      points = []; decisions = []; latestSeq = 0;
      return;
    }
    points = points.concat(h.points).slice(-MAX_POINTS);
    decisions = decisions.concat(h.decisions).slice(-500);
    latestSeq = h.latestSeq;
    document.body.dataset.latestSeq = String(latestSeq);
    if (first || h.points.length) redraw();
    if (first || h.decisions.length) renderLog();
    nowPanel();
  }

  async function pollRow() {
    const rows = await api("v1/console/deployments");
    row = rows.find(r => r.namespace === ns && r.name === name) || null;
    if (!row) {
      status("No running policy " + ns + "/" + name + ".", true);
      return;
    }
    showMode();
  }

  every(1000, async () => {
    try {
      await pollRow();
      await pollHistory();
    } catch (e) {
      status("Could not read the deployment: " + e.message, true);
    }
  });

  // ---- pause / resume (the same authenticated API as any client)

  async function setPaused(pause) {
    try {
      await api(base + (pause ? "/pause" : "/resume"), { method: "POST" });
      status(pause ? "Paused: plans are still made and shown, nothing is written." : "Resumed.");
      await pollRow();
    } catch (e) {
      status((pause ? "Pause" : "Resume") + " refused: " + e.message, true);
    }
  }
  document.getElementById("pause").addEventListener("click", () => setPaused(true));
  document.getElementById("resume").addEventListener("click", () => setPaused(false));

  // ---- what if

  const form = document.getElementById("whatif-form");
  const result = document.getElementById("whatif-result");

  (async () => {
    try {
      const view = await api(base);
      const s = view.metrics && view.metrics.signals;
      const put = (id, sig, digits) => {
        const input = document.getElementById(id);
        if (!input.value && s && s[sig] && s[sig].health !== "MISSING") input.value = num(s[sig].value, digits);
      };
      put("whatif-rate", "arrivalRate", 1);
      put("whatif-isl", "inputTokensMean", 0);
      put("whatif-osl", "outputTokensMean", 0);
    } catch (e) { /* the fields stay empty; the user types a load */ }
  })();

  function prediction(p) {
    if (p.overloaded || p.millis === null) return el("span", { "data-value": "overloaded" }, "overloaded");
    return el("span", { "data-value": p.millis }, num(p.millis, 1) + " ms " + p.signal.toUpperCase()
      + " P" + num(p.percentile, 0));
  }

  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const load = {
      rate: Number(document.getElementById("whatif-rate").value),
      isl: Number(document.getElementById("whatif-isl").value),
      osl: Number(document.getElementById("whatif-osl").value),
    };
    result.replaceChildren(el("p", {}, "Planning…"));
    try {
      const r = await api("v1/recommendations", { method: "POST",
        body: { policy: { namespace: ns, name }, load } });
      result.replaceChildren(
        el("table", { id: "whatif-plan" },
          el("caption", {}, "Plan for " + num(r.load.rate) + " req/s, ISL " + num(r.load.isl, 0)
            + ", OSL " + num(r.load.osl, 0) + " (dry run: nothing written)"),
          el("thead", {}, el("tr", {},
            ["Role", "Next step", "SLA size", "Predicted at next step", "Predicted at SLA size"]
              .map(h => el("th", { scope: "col" }, h)))),
          el("tbody", {}, r.roles.map(role => el("tr", { "data-role": role.role },
            el("th", { scope: "row" }, role.role),
            el("td", { class: "num", "data-field": "next", "data-value": role.nextStep.replicas },
              String(role.nextStep.replicas), el("div", { class: "k" }, role.nextStep.reason)),
            el("td", { class: "num", "data-field": "sla", "data-value": role.slaSized.replicas },
              String(role.slaSized.replicas), el("div", { class: "k" }, role.slaSized.reason)),
            el("td", { "data-field": "predicted" }, prediction(role.predicted)),
            el("td", { "data-field": "predicted-sla" }, prediction(role.predictedAtSlaSize)))))),
        el("p", { id: "whatif-gpus" }, "GPUs: ",
          el("span", { id: "whatif-gpus-next", "data-value": r.gpus.nextStep }, String(r.gpus.nextStep)),
          " at the next step, ",
          el("span", { id: "whatif-gpus-sla", "data-value": r.gpus.slaSized }, String(r.gpus.slaSized)),
          " at the SLA size, budget ", String(r.gpus.budget), "."),
        el("ul", { id: "whatif-reasons" }, r.reasons.map(x => el("li", {}, x))));
    } catch (e) {
      result.replaceChildren(el("p", { class: "status error", role: "alert" }, "The service refused: " + e.message));
    }
  });
})();
