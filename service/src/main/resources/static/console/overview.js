// The overview at "/": one row per managed deployment, refreshed every two seconds.
"use strict";

(() => {
  const { api, el, num, time, status, every } = Tandem;
  const body = document.querySelector("#deployments tbody");

  function roleCell(row, name) {
    const r = row.roles.find(x => x.role === name);
    if (!r) return el("td", { "data-label": name, text: "–" });
    return el("td", { "data-label": name[0].toUpperCase() + name.slice(1) + " (written / decided / ready / starting)",
        class: "replicas", "data-role": name },
      el("span", { class: "written", title: "written on the target" }, num(r.written, 0)), " / ",
      el("span", { class: "desired", title: "decided" }, num(r.desired, 0)), " / ",
      el("span", { class: "ready", title: "ready" }, num(r.ready, 0)), " / ",
      el("span", { class: "pending", title: "starting" }, num(r.pending, 0)),
      r.slaSized !== null && r.slaSized !== r.desired
        ? el("div", { class: "k" }, "SLA needs " + r.slaSized) : null);
  }

  function render(rows) {
    body.replaceChildren(...rows.map(row => {
      const href = "deployment.html?namespace=" + encodeURIComponent(row.namespace)
        + "&name=" + encodeURIComponent(row.name);
      const health = row.metricsHealthy === null ? "health-unknown"
        : row.metricsHealthy ? "health-ok" : "health-bad";
      const gpus = (row.gpus === null ? "–" : row.gpus) + " / " + row.budgetGpus
        + (row.pool ? " (pool " + row.pool + ")" : "");
      return el("tr", { "data-deployment": row.namespace + "/" + row.name },
        el("td", { "data-label": "Deployment" },
          el("a", { href, class: "deployment-link" }, row.namespace + "/" + row.name)),
        el("td", { "data-label": "Mode" },
          el("span", { class: "mode", "data-mode": row.mode, text: row.mode })),
        el("td", { "data-label": "Metrics", class: health },
          row.metricsHealthy === null ? "not read yet" : row.metricsHealthy ? "healthy" : "unhealthy",
          el("div", { class: "k" }, row.metricsNote)),
        roleCell(row, "prefill"),
        roleCell(row, "decode"),
        el("td", { "data-label": "GPUs / budget", class: "num gpus" }, gpus),
        el("td", { "data-label": "Last reason", class: "reason" },
          row.lastPlanAt ? el("div", { class: "k" }, "planned " + time(row.lastPlanAt)) : "no plan yet",
          row.lastReasons.map(r => el("div", {}, r))));
    }));
    if (!rows.length) {
      body.append(el("tr", {}, el("td", { colspan: 7, text: "No running policies." })));
    }
  }

  every(2000, async () => {
    try {
      render(await api("v1/console/deployments"));
      status("");
    } catch (e) {
      status("Could not read the deployments: " + e.message, true);
    }
  });
})();
