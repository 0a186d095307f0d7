// Shared by the console's pages: API calls (with the optional bearer token), the clock bar with
// the simulation's speed control, number formatting and small DOM helpers. No framework.
"use strict";

const Tandem = (() => {
  const TOKEN_KEY = "tandem.token";
  const SPEEDS = [1, 10, 30, 60, 120, 300, 600];

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  }

  /** Calls the service's API (paths relative to the page); throws an Error with the problem's detail. */
  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: "application/json" }, options.headers || {});
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (token()) headers["Authorization"] = "Bearer " + token();
    const response = await fetch(path, {
      method: options.method || "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      let detail = json && (json.detail || json.title) || text || response.statusText;
      if (json && Array.isArray(json.errors) && json.errors.length) {
        detail = json.errors.map(e => (e.field ? e.field + ": " : "") + e.message).join("; ");
      }
      const error = new Error(response.status + " " + detail);
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /** A number with sensible precision; "–" when unknown. */
  function num(v, digits) {
    if (v === null || v === undefined || !isFinite(v)) return "–";
    if (digits !== undefined) return Number(v).toFixed(digits);
    const a = Math.abs(v);
    return Number(v).toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
  }

  /** Simulated time counts from 1970-01-01T00:00Z: show it as elapsed time, T+1d 02:03:04. */
  function simTime(iso) {
    const s = Math.floor(Date.parse(iso) / 1000);
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600);
    const m = Math.floor(s % 3600 / 60), sec = s % 60;
    const p = x => String(x).padStart(2, "0");
    return "T+" + (d ? d + "d " : "") + p(h) + ":" + p(m) + ":" + p(sec);
  }

  let simulated = false;

  /** Shows a time as the clock in use does: elapsed simulated time, or UTC wall time. */
  function time(iso) {
    if (!iso) return "–";
    return simulated ? simTime(iso) : iso.replace("T", " ").replace(/\.\d+Z$/, "Z");
  }

  function status(message, isError) {
    const s = document.getElementById("status");
    if (!s) return;
    s.textContent = message || "";
    s.classList.toggle("error", !!isError);
  }

  let clockBuilt = false;

  async function refreshClock() {
    const box = document.getElementById("clock");
    let c;
    try {
      c = await api("v1/console/clock");
    } catch (e) {
      box.textContent = "clock unavailable: " + e.message;
      return;
    }
    simulated = c.simulated;
    if (!c.simulated) {
      box.textContent = "Live cluster · " + time(c.now);
      return;
    }
    if (!clockBuilt) {
      box.textContent = "";
      const select = el("select", { id: "speed" },
        SPEEDS.map(s => el("option", { value: s, text: s + "×" })));
      const form = el("form", { id: "speed-form" },
        el("label", { for: "speed", text: "Speed" }), select,
        el("button", { type: "submit", id: "speed-set", text: "Set speed" }));
      form.addEventListener("submit", async ev => {
        ev.preventDefault();
        try {
          await api("v1/console/clock", { method: "PUT", body: { speed: Number(select.value) } });
          delete select.dataset.touched;
          status("Simulation speed set to " + select.value + "×.");
          refreshClock();
        } catch (e) {
          status("Could not set the speed: " + e.message, true);
        }
      });
      box.append(
        el("span", { id: "scenario" }),
        el("strong", { id: "sim-finished", class: "finished", hidden: true }),
        el("span", {}, "Simulated time ", el("span", { id: "sim-time", class: "sim-time" })),
        el("span", { id: "speed-now" }),
        form);
      clockBuilt = true;
    }
    document.getElementById("scenario").textContent = "Simulation " + c.scenario;
    const done = document.getElementById("sim-finished");
    done.hidden = !c.finished;
    done.textContent = c.finished ? "Finished: " + c.finished.replace(/\d{4}-[^ ]*Z/, m => simTime(m)) : "";
    document.getElementById("sim-time").textContent = simTime(c.now);
    document.getElementById("speed-now").textContent = "at " + num(c.speed, 0) + "×";
    const select = document.getElementById("speed");
    if (document.activeElement !== select && !select.dataset.touched) {
      if (![...select.options].some(o => Number(o.value) === c.speed)) {
        select.append(el("option", { value: c.speed, text: num(c.speed, 0) + "×" }));
      }
      select.value = String(c.speed);
    }
    select.onchange = () => { select.dataset.touched = "1"; };
  }

  function tokenForm() {
    const form = document.getElementById("token-form");
    const input = document.getElementById("token");
    if (!form) return;
    input.value = token();
    form.addEventListener("submit", ev => {
      ev.preventDefault();
      if (input.value) sessionStorage.setItem(TOKEN_KEY, input.value);
      else sessionStorage.removeItem(TOKEN_KEY);
      status(input.value ? "Token saved for this tab." : "Token removed.");
    });
  }

  /** Calls fn now and then every ms milliseconds, one call at a time. */
  function every(ms, fn) {
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      try { await fn(); } finally { running = false; }
    };
    run();
    return setInterval(run, ms);
  }

  tokenForm();
  every(1000, refreshClock);

  return { api, el, num, time, simTime, status, every, isSimulated: () => simulated };
})();
