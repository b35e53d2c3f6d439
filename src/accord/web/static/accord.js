/* Accord briefing desk: compose sources, call /api/brief, show the cited briefing.
   Every piece of text from the server goes into the page through textContent, never
   innerHTML: article text is untrusted. */
"use strict";

(function () {
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const HTML_SUFFIX = /\.(html?|xhtml)$/i;
  const PALETTE = 8;
  /* Entries of a long section shown at once; the rest sit behind "N more". */
  const SHOWN = { discrepancies: 8, facts: 12, speakers: 8, single_source: 10 };

  const state = {
    request: null, // the last request sent to /api/brief
    json: "", // its response, verbatim
    briefing: null,
    sources: new Map(), // id -> {panel, body, spans: [], colour}
    pinned: null, // the citation chip whose highlight stays on
    roots: new Map(), // source id -> the original it copies (itself for an original)
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
      const response = await fetch("/api/brief", {
        method: "POST", headers: { "Content-Type": "application/json" }, body,
      });
      if (!response.ok) {
        showError(await errorMessage(response));
        return;
      }
      state.json = await response.text();
      state.request = request;
      showBriefing(JSON.parse(state.json));
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

  async function download(format) {
    if (!state.request) return;
    if (format === "json") {
      saveBlob(new Blob([state.json], { type: "application/json" }), "briefing.json");
      return;
    }
    const response = await fetch("/api/render", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...state.request, format }),
    });
    if (!response.ok) {
      alert(await errorMessage(response));
      return;
    }
    const type = format === "md" ? "text/markdown" : "text/html";
    saveBlob(new Blob([await response.text()], { type }), `briefing.${format}`);
  }

  /* ---------- highlighting ---------- */

  function clearHighlight() {
    $$(".sent.hl, .sent.hl-focus").forEach((s) => s.classList.remove("hl", "hl-focus"));
    $$(".source-panel.cited").forEach((p) => p.classList.remove("cited"));
    $$(".cite.active").forEach((c) => c.classList.remove("active"));
  }

  /* Scroll the span's own panel (not the page) so that the span sits a third of the way
     down. Measured from the boxes on screen: offsetTop depends on which ancestor is
     positioned, and was wrong for every panel but the first. */
  function scrollIntoPanel(span) {
    const body = span.closest(".source-body");
    if (!body) return;
    const offset = span.getBoundingClientRect().top - body.getBoundingClientRect().top;
    const top = body.scrollTop + offset - body.clientHeight / 3;
    body.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
  }

  function highlight(evidence, focus, chip) {
    clearHighlight();
    if (chip) chip.classList.add("active");
    let focusPanel = null;
    for (const ev of evidence) {
      const source = state.sources.get(ev.source);
      const span = source && source.spans[ev.sentence];
      if (!span) continue;
      const isFocus = focus && ev.source === focus.source && ev.sentence === focus.sentence;
      span.classList.add(isFocus ? "hl-focus" : "hl");
      source.panel.classList.add("cited");
      scrollIntoPanel(span);
      if (isFocus) focusPanel = source.panel;
    }
    if (focusPanel) {
      const column = $(".sources-col");
      const top = focusPanel.offsetTop - column.offsetTop - 8;
      if (top < column.scrollTop || top > column.scrollTop + column.clientHeight - 120) {
        column.scrollTo({ top, behavior: "smooth" });
      }
    }
  }

  function restorePinned() {
    if (state.pinned && document.contains(state.pinned)) state.pinned.dispatchEvent(new Event("cite:show"));
    else clearHighlight();
  }

  /* A chip citing ``source``; ``evidence`` is every sentence behind the statement. */
  function citeChip(source, evidence, style = "name") {
    const own = evidence.filter((e) => e.source === source);
    const info = state.sources.get(source);
    const label = style === "number" && info ? String(info.number) : style === "dot" ? "" : source;
    const chip = el("button", {
      type: "button", class: `cite cite-${style}`, text: label,
      "aria-label": style === "name" ? null : `source ${source}`,
      "data-source": source,
      "data-sentence": own.length ? String(own[0].sentence) : null,
      "data-colour": info ? info.colour : null,
      title: own.length ? `${source}, sentence ${own[0].sentence + 1}: ${own[0].text}` : source,
      "aria-pressed": "false",
    });
    const show = () => highlight(evidence, own[0] || null, chip);
    chip.addEventListener("cite:show", show);
    chip.addEventListener("mouseenter", show);
    chip.addEventListener("focus", show);
    chip.addEventListener("mouseleave", restorePinned);
    chip.addEventListener("blur", restorePinned);
    chip.addEventListener("click", () => {
      const pinning = state.pinned !== chip;
      if (state.pinned) state.pinned.setAttribute("aria-pressed", "false");
      state.pinned = pinning ? chip : null;
      chip.setAttribute("aria-pressed", String(pinning));
      if (pinning) show(); else clearHighlight();
    });
    return chip;
  }

  /* ---------- duplicates and long lists ---------- */

  /* Source id -> the original report it copies (itself for an original). */
  function originals(briefing) {
    const parent = new Map(briefing.sources.map((s) => [s.id, s.duplicate_of || s.id]));
    const roots = new Map();
    for (const id of parent.keys()) {
      let root = id;
      const seen = new Set([root]);
      while (parent.get(root) && parent.get(root) !== root && !seen.has(parent.get(root))) {
        root = parent.get(root);
        seen.add(root);
      }
      roots.set(id, root);
    }
    return roots;
  }

  /* A statement's sources, one per original report (copies of a counted one in ``also``). */
  function support(sources) {
    const counted = [];
    const also = [];
    const covered = new Set();
    for (const id of new Set(sources)) {
      const root = state.roots.get(id) || id;
      if (covered.has(root)) also.push(id);
      else { covered.add(root); counted.push(id); }
    }
    /* The briefing cites an original once; its copies carry the same text all the same. */
    for (const [id, root] of state.roots) {
      if (covered.has(root) && !counted.includes(id) && !also.includes(id)) also.push(id);
    }
    return { counted, also };
  }

  /* The first ``limit`` entries as they are; the rest one click away, saying how many. */
  function withMore(items, limit, build, what) {
    const shown = items.slice(0, limit);
    const rest = items.slice(limit);
    return [build(shown), rest.length ? el("details", { class: "more" },
      el("summary", {}, `${rest.length} more ${what}`), build(rest)) : null];
  }

  function chips(sources, evidence, style = "name") {
    const { counted, also } = support(sources);
    return el("span", { class: "cites" }, counted.map((s) => citeChip(s, evidence, style)),
      also.length ? el("span", { class: "also", text: ` (also in ${also.join(", ")})` }) : null);
  }

  /* One mark per original report, in source order: a chip where it (or a copy of it)
     supports, a hollow dot where not. */
  function supportDots(sources, evidence) {
    const byRoot = new Map();
    for (const id of sources) {
      const root = state.roots.get(id) || id;
      if (!byRoot.has(root)) byRoot.set(root, id);
    }
    return el("span", { class: "cites dots" }, state.briefing.sources.filter((s) => !s.duplicate_of).map((s) =>
      byRoot.has(s.id) ? citeChip(byRoot.get(s.id), evidence, "dot")
        : el("span", { class: "dot-empty", title: `${s.id}: not mentioned` })));
  }

  /* ---------- the briefing ---------- */

  function sourceMeta(source) {
    const parts = [];
    for (const key of ["outlet", "date", "url", "path"]) {
      if (source[key]) parts.push(source[key]);
    }
    return parts.join(" · ");
  }

  function renderSourcePanel(source, index) {
    const colour = String(index % PALETTE);
    const body = el("div", { class: "source-body", tabindex: 0 });
    const spans = [];
    let cursor = 0;
    const text = source.text || "";
    (source.sentences || []).forEach((range, i) => {
      if (range.start > cursor) body.append(text.slice(cursor, range.start));
      const span = el("span", { class: "sent", "data-index": String(i), text: text.slice(range.start, range.end) });
      spans.push(span);
      body.append(span);
      cursor = Math.max(cursor, range.end);
    });
    if (cursor < text.length) body.append(text.slice(cursor));

    const removed = source.removed || [];
    const removedBlock = removed.length ? el("details", { class: "removed", open: "" },
      el("summary", {}, `Removed by cleaning (${removed.length})`),
      el("ul", {}, removed.map((r) => el("li", {},
        el("del", { text: r.text }), " ", el("span", { class: "reason", text: r.reason }))))) : null;

    const panel = el("section", { class: "source-panel", id: `source-${index}`, "data-source": source.id, "data-colour": colour },
      el("header", { class: "source-head" },
        el("span", { class: "source-tag", "data-colour": colour, text: String(index + 1) }),
        el("div", { class: "source-title" },
          el("span", { class: "source-name", "data-colour": colour, text: source.id }),
          el("strong", { text: source.title || "Untitled report" }),
          el("span", { class: "meta", text: [sourceMeta(source), `${spans.length} sentences`].filter(Boolean).join(" · ") })),
        source.duplicate_of ? el("span", { class: "pill pill-warn", text: `duplicate of ${source.duplicate_of}` }) : null),
      body,
      removedBlock);
    state.sources.set(source.id, { panel, body, spans, colour, number: index + 1 });
    return panel;
  }

  function renderSummary(briefing) {
    const box = $("#summary");
    if (!briefing.summary.length) {
      box.replaceChildren(el("p", { class: "empty", text: "No summary: the sources share no sentences." }));
      return;
    }
    box.replaceChildren(el("p", {}, briefing.summary.map((s, i) => el("span", { class: "sum-sent", "data-index": String(i) },
      el("span", { class: "sum-text", text: s.text }), chips(s.sources, s.evidence, "number"), " "))));
    $("#notes").replaceChildren(...(briefing.notes || []).map((n) => el("li", { text: n })));
  }

  function renderDiscrepancies(briefing) {
    const list = briefing.discrepancies || [];
    $("#discrepancy-count").textContent = list.length ? String(list.length) : "";
    if (!list.length) {
      $("#discrepancies").replaceChildren(el("p", { class: "empty", text: "No conflicting figures, places, dates or speakers found." }));
      return;
    }
    const table = (items) => {
      const rows = [];
      for (const d of items) {
        d.variants.forEach((v, i) => {
          rows.push(el("tr", { class: i === 0 ? "first" : null },
            i === 0 ? el("th", { scope: "rowgroup", rowspan: String(d.variants.length) },
              el("span", { class: "about", text: d.about }),
              d.about.toLowerCase() === d.kind ? null : el("span", { class: `kind kind-${d.kind}`, text: d.kind })) : null,
            el("td", { class: "variant", text: v.claimant ? `${v.text} — ${v.claimant}` : v.text }),
            el("td", { class: "variant-sources" }, chips(v.sources, v.evidence))));
        });
      }
      return el("table", { class: "discrepancies" },
        el("thead", {}, el("tr", {}, el("th", { text: "What differs" }), el("th", { text: "Account" }), el("th", { text: "Sources" }))),
        el("tbody", {}, rows));
    };
    $("#discrepancies").replaceChildren(...withMore(list, SHOWN.discrepancies, table, "discrepancies"));
  }

  function renderQuotes(briefing) {
    const groups = new Map();
    for (const q of briefing.quotes || []) {
      const key = q.speaker || "";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(q);
    }
    $("#quote-count").textContent = (briefing.quotes || []).length ? String(briefing.quotes.length) : "";
    if (!groups.size) {
      $("#quotes").replaceChildren(el("p", { class: "empty", text: "No direct quotations." }));
      return;
    }
    const speakers = Array.from(groups.keys()).sort((a, b) => (a === "") - (b === "") || groups.get(b).length - groups.get(a).length);
    const block = (names) => el("div", {}, names.map((speaker) => el("div", { class: "speaker" },
      el("div", { class: "speaker-name", text: speaker || "Unattributed" }),
      groups.get(speaker).map((q) => el("blockquote", { class: "quote" },
        el("span", { class: "quote-text", text: `“${q.text.replace(/^["“]|["”]$/g, "")}”` }),
        chips(q.sources, q.evidence))))));
    $("#quotes").replaceChildren(...withMore(speakers, SHOWN.speakers, block, "speakers"));
  }

  function renderSingle(briefing) {
    const list = briefing.single_source || [];
    $("#single-count").textContent = list.length ? String(list.length) : "";
    if (!list.length) {
      $("#single-source").replaceChildren(el("li", { class: "empty", text: "Every claim in the summary has more than one source." }));
      return;
    }
    const item = (c) => el("li", { class: "claim" },
      el("span", { text: c.text }), " ",
      chips([c.source], [{ source: c.source, sentence: c.sentence, text: c.text }]));
    const shown = list.slice(0, SHOWN.single_source);
    const rest = list.slice(SHOWN.single_source);
    $("#single-source").replaceChildren(...shown.map(item), rest.length ? el("li", { class: "more-item" },
      el("details", { class: "more" }, el("summary", {}, `${rest.length} more claims`),
        el("ul", { class: "single" }, rest.map(item)))) : null);
  }

  function renderFacts(briefing) {
    const count = (f) => support(f.sources).counted.length;
    const facts = (briefing.facts || []).slice().sort((a, b) => count(b) - count(a));
    const total = Math.max(1, briefing.sources.filter((s) => !s.duplicate_of).length);
    $("#fact-count").textContent = facts.length ? String(facts.length) : "";
    if (!facts.length) {
      $("#facts").replaceChildren(el("p", { class: "empty", text: "No figures, dates, places or names found." }));
      return;
    }
    const row = (f) => el("li", { class: "fact" },
      el("span", { class: "fact-label" }, el("span", { class: `kind kind-${f.kind}`, text: f.kind }), el("span", { text: f.text })),
      el("span", { class: "bar", role: "img", "aria-label": `${count(f)} of ${total} sources` },
        el("span", { class: "bar-fill", style: `width:${Math.round((100 * Math.min(count(f), total)) / total)}%` })),
      el("span", { class: "fact-support", text: `${count(f)}/${total}` }),
      supportDots(f.sources, f.evidence || []));
    $("#facts").replaceChildren(...withMore(facts, SHOWN.facts,
      (items) => el("ul", { class: "facts" }, items.map(row)), "facts"));
  }

  function showBriefing(briefing) {
    state.briefing = briefing;
    state.roots = originals(briefing);
    state.sources.clear();
    state.pinned = null;
    const panels = briefing.sources.map(renderSourcePanel);
    $("#source-panels").replaceChildren(...panels);
    renderSummary(briefing);
    renderDiscrepancies(briefing);
    renderQuotes(briefing);
    renderSingle(briefing);
    renderFacts(briefing);
    const words = briefing.summary.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
    const copies = briefing.sources.filter((s) => s.duplicate_of).length;
    const reports = `${briefing.sources.length - copies} sources${copies ? ` (+${copies} ${copies === 1 ? "copy" : "copies"}, not counted)` : ""}`;
    $("#result-meta").textContent = `${reports} · ${briefing.summary.length} sentences · ${words} words`;
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
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && state.pinned) {
        state.pinned.setAttribute("aria-pressed", "false");
        state.pinned = null;
        clearHighlight();
      }
    });
    offerExample();
  });
})();
