/* Accord briefing: interaction only. The briefing itself is HTML the server rendered
   (render/templates); this script is the same in the static page (inlined) and the web app
   (/assets/briefing.js), and works on any briefing inserted later, because it listens on
   the document: hover, focus or click a citation chip to highlight the sentences behind
   the statement in every source panel, each panel scrolled to its sentence. */
"use strict";

(function () {
  let pinned = null; // the chip whose highlight stays on (click; Escape clears)

  function panelOf(source) {
    for (const panel of document.querySelectorAll(".source-panel")) {
      if (panel.dataset.source === source) return panel;
    }
    return null;
  }

  function clear() {
    document.querySelectorAll(".sent.hl, .sent.hl-focus").forEach((s) => s.classList.remove("hl", "hl-focus"));
    document.querySelectorAll(".source-panel.cited").forEach((p) => p.classList.remove("cited"));
    document.querySelectorAll(".cite.active").forEach((c) => c.classList.remove("active"));
  }

  /* Scroll the span's own panel (not the page) so that the span sits a third of the way
     down, measured from the boxes on screen. */
  function scrollIntoPanel(span) {
    const body = span.closest(".source-body");
    if (!body) return;
    const offset = span.getBoundingClientRect().top - body.getBoundingClientRect().top;
    const top = body.scrollTop + offset - body.clientHeight / 3;
    body.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
  }

  function evidenceOf(chip) {
    const holder = chip.closest("[data-evidence]");
    try {
      return holder ? JSON.parse(holder.dataset.evidence) : [];
    } catch (_) {
      return [];
    }
  }

  function show(chip) {
    clear();
    chip.classList.add("active");
    const focusSource = chip.dataset.source;
    const focusSentence = chip.dataset.sentence;
    let focusPanel = null;
    for (const [source, sentence] of evidenceOf(chip)) {
      const panel = panelOf(source);
      const span = panel && panel.querySelector(`.sent[data-index="${Number(sentence)}"]`);
      if (!span) continue;
      const folded = span.closest("details:not([open])");
      if (folded) folded.open = true; // a copy's text is folded: open it to show the sentence
      const isFocus = source === focusSource && String(sentence) === focusSentence;
      span.classList.add(isFocus ? "hl-focus" : "hl");
      panel.classList.add("cited");
      scrollIntoPanel(span);
      if (isFocus) focusPanel = panel;
    }
    const column = document.querySelector(".sources-col");
    if (focusPanel && column && column.scrollHeight > column.clientHeight) {
      const top = focusPanel.offsetTop - column.offsetTop - 8;
      if (top < column.scrollTop || top > column.scrollTop + column.clientHeight - 120) {
        column.scrollTo({ top, behavior: "smooth" });
      }
    }
  }

  function restore() {
    if (pinned && document.contains(pinned)) show(pinned);
    else clear();
  }

  function unpin() {
    if (pinned) pinned.setAttribute("aria-pressed", "false");
    pinned = null;
  }

  /* A link to one sentence (a coverage-grid cell: data-target="s-ID-N") highlights it. */
  function showTarget(link) {
    clear();
    const span = document.getElementById(link.dataset.target);
    if (!span) return;
    const folded = span.closest("details:not([open])");
    if (folded) folded.open = true;
    span.classList.add("hl-focus");
    const panel = span.closest(".source-panel");
    if (panel) panel.classList.add("cited");
    scrollIntoPanel(span);
  }

  const chipAt = (event) => (event.target instanceof Element ? event.target.closest(".cite") : null);
  const linkAt = (event) =>
    event.target instanceof Element ? event.target.closest("a[data-target]") : null;

  document.addEventListener("mouseover", (event) => {
    const chip = chipAt(event);
    if (chip && !chip.contains(event.relatedTarget)) show(chip);
    const link = !chip && linkAt(event);
    if (link && !link.contains(event.relatedTarget)) showTarget(link);
  });
  document.addEventListener("mouseout", (event) => {
    const chip = chipAt(event) || linkAt(event);
    if (chip && !chip.contains(event.relatedTarget)) restore();
  });
  document.addEventListener("focusin", (event) => {
    const chip = chipAt(event);
    if (chip) show(chip);
  });
  document.addEventListener("focusout", (event) => {
    if (chipAt(event)) restore();
  });
  document.addEventListener("click", (event) => {
    const chip = chipAt(event);
    if (!chip) return;
    const pinning = pinned !== chip;
    unpin();
    if (pinning) {
      pinned = chip;
      chip.setAttribute("aria-pressed", "true");
      show(chip);
    } else {
      clear();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && pinned) {
      unpin();
      clear();
    }
  });
  /* A new briefing replaces the old one: forget a chip that is no longer on the page. */
  document.addEventListener("accord:briefing", () => { pinned = null; });
})();
