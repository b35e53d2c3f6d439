/* Accord briefing desk: compose sources, ask the server for the briefing (POST /api/view,
   the HTML the server renders for the download too) and show it; download it as JSON,
   Markdown or HTML. Text this script writes itself goes in through textContent. */
"use strict";

(function () {
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const HTML_SUFFIX = /\.(html?|xhtml)$/i;
  const PALETTE = 8;

  const state = {
    request: null, // the last request briefed, for the downloads
  };

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "style") node.style.cssText = value; // CSSOM: allowed by the CSP
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function looksLikeHtml(text) {
    const head = text.trimStart().slice(0, 1000).toLowerCase();
    return head.startsWith("<!doctype html") || head.startsWith("<html") ||
      head.includes("<body") || head.includes("<article") ||
      (head.includes("<p>") && head.includes("</p>"));
  }

  function formatBytes(n) {
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
    return `${(n / 1024 / 1024).toFixed(1)} MB`;
  }

  /* ---------- composing sources ---------- */

  function renumber() {
    $$(".source-input").forEach((card, i) => {
      $(".source-id", card).placeholder = `S${i + 1}`;
      card.dataset.colour = String(i % PALETTE);
    });
    const cards = $$(".source-input");
    cards.forEach((card) => { $(".remove-source", card).disabled = cards.length === 1; });
  }

  function updateSize(card) {
    const text = $(".source-text", card).value;
    $(".size", card).textContent = text.trim() ? formatBytes(new Blob([text]).size) : "";
  }

  function addSource({ id = "", body = "", html = null } = {}) {
    const card = $("#source-input-template").content.firstElementChild.cloneNode(true);
    const area = $(".source-text", card);
    const check = $(".source-html", card);
    $(".source-id", card).value = id;
    area.value = body;
    check.checked = html === null ? looksLikeHtml(body) : html;
    area.addEventListener("input", () => {
      if (!card.dataset.htmlTouched) check.checked = looksLikeHtml(area.value);
      updateSize(card);
    });
    check.addEventListener("change", () => { card.dataset.htmlTouched = "1"; });
    $(".remove-source", card).addEventListener("click", () => {
      card.remove();
      renumber();
    });
    $("#source-inputs").append(card);
    updateSize(card);
    renumber();
    return card;
  }

  function emptyCards() {
    return $$(".source-input").filter((c) => !$(".source-text", c).value.trim() &&
      !$(".source-id", c).value.trim());
  }

  function fillSources(documents) {
    $("#source-inputs").replaceChildren();
    for (const doc of documents) {
      const isHtml = typeof doc.html === "string";
      addSource({ id: doc.id || "", body: isHtml ? doc.html : doc.text, html: isHtml });
    }
    if (!documents.length) { addSource(); addSource(); }
  }

  async function uploadFiles(files) {
    for (const file of files) {
      const body = await file.text();
      const id = file.name.replace(/\.[^.]+$/, "");
      const html = HTML_SUFFIX.test(file.name) ? true : null;
      const free = emptyCards()[0];
      if (free) {
        $(".source-id", free).value = id;
        $(".source-text", free).value = body;
        $(".source-html", free).checked = html === null ? looksLikeHtml(body) : html;
        updateSize(free);
      } else {
        addSource({ id, body, html });
      }
    }
  }

  function collectRequest() {
    const documents = [];
    for (const card of $$(".source-input")) {
      const body = $(".source-text", card).value;
      if (!body.trim()) continue;
      const doc = {};
      const id = $(".source-id", card).value.trim();
      if (id) doc.id = id;
      doc[$(".source-html", card).checked ? "html" : "text"] = body;
      documents.push(doc);
    }
    return { documents, words: Number($("#words").value) || 250 };
  }

  /* ---------- talking to the server ---------- */

  function showError(message) {
    const box = $("#error");
    box.textContent = message;
    box.hidden = !message;
  }

  function setBusy(busy, message = "") {
    $("#run").disabled = busy;
    $("#status").textContent = message;
    $("#status").classList.toggle("working", busy);
  }

  async function errorMessage(response) {
    try {
      const data = await response.json();
      if (data && data.error) return data.error;
    } catch (_) { /* not JSON */ }
    if (response.status === 413) return "The sources are too large to send in one request.";
    return `The server answered ${response.status} ${response.statusText}.`;
  }

  async function submit(event) {
    event.preventDefault();
    showError("");
    const request = collectRequest();
    if (!request.documents.length) {
      showError("Paste at least one report (two or more to cross-check them).");
      return;
    }
    const body = JSON.stringify(request);
    const limit = Number(document.body.dataset.maxBody || 0);
    if (limit && new Blob([body]).size > limit) {
      showError(`The sources add up to ${formatBytes(new Blob([body]).size)}, over the ` +
        `${formatBytes(limit)} limit. Remove or shorten some.`);
      return;
    }
    const n = request.documents.length;
    setBusy(true, `Reading ${n} source${n === 1 ? "" : "s"}…`);
    try {
      const response = await fetch("/api/view", {
        method: "POST", headers: { "Content-Type": "application/json" }, body,
      });
      if (!response.ok) {
        showError(await errorMessage(response));
        return;
      }
      const html = await response.text();
      state.request = request;
      showBriefing(html);
    } catch (err) {
      showError(`Could not reach the Accord server (${err.message}). Is it still running?`);
    } finally {
      setBusy(false);
    }
  }

  function saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /* The server keeps recent briefings, so a download does not brief the sources again. */
  async function download(format) {
    if (!state.request) return;
    const response = await fetch("/api/render", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...state.request, format }),
    });
    if (!response.ok) {
      alert(await errorMessage(response));
      return;
    }
    const type = { json: "application/json", md: "text/markdown" }[format] || "text/html";
    saveBlob(new Blob([await response.text()], { type }), `briefing.${format}`);
  }

  /* ---------- the briefing ---------- */

  /* The server renders the briefing (the same HTML as the download) with every source text
     escaped; inserted as markup, nothing in it runs: innerHTML never starts scripts and the
     Content-Security-Policy allows no inline script or handler. The highlighting is
     /assets/briefing.js, shared with the static page. */
  function showBriefing(html) {
    $("#briefing").innerHTML = html;
    document.dispatchEvent(new Event("accord:briefing"));
    const title = $("#briefing .headline");
    document.title = title ? `${title.textContent} · Accord` : "Accord · briefing desk";
    $("#result").hidden = false;
    $("#compose").classList.add("collapsed");
    $("#result").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  /* ---------- wiring ---------- */

  async function offerExample() {
    try {
      const response = await fetch("/api/examples");
      const examples = response.ok ? await response.json() : [];
      if (!examples.length) return;
      const button = $("#load-example");
      button.hidden = false;
      button.title = `Load the bundled example “${examples[0].name}”`;
      button.addEventListener("click", () => { showError(""); fillSources(examples[0].documents); });
    } catch (_) { /* no examples: the button stays hidden */ }
  }

  document.addEventListener("DOMContentLoaded", () => {
    addSource();
    addSource();
    $("#add-source").addEventListener("click", () => $(".source-text", addSource()).focus());
    $("#upload").addEventListener("change", async (event) => {
      await uploadFiles(Array.from(event.target.files));
      event.target.value = "";
    });
    $("#compose-form").addEventListener("submit", submit);
    $("#edit-sources").addEventListener("click", () => {
      $("#compose").classList.toggle("collapsed");
      $("#compose").scrollIntoView({ behavior: "smooth" });
    });
    $$("[data-download]").forEach((b) => b.addEventListener("click", () => download(b.dataset.download)));
    offerExample();
  });
})();
