// A date field holding words, for write.js's sheets (loaded before it; write.js calls
// DateWords(sheet) with its W, el, fieldInput, typed and the texts the server last sent).
//
// An action's date may hold words ("næste fredag": the facilitator left the app's date field
// so, and it is saved as written). A date input cannot show words: it stood empty, so the
// scribe did not see them, and a date picked replaced them at once. Now the words are shown
// under it, and a date picked asks first: "Use the date" or "Keep the words".
// Every text is set with textContent, never as HTML.
"use strict";

function DateWords(sheet) {
  const { W, el } = sheet;
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

  function dueWords(key) {
    const text = (sheet.known[key] || {}).text || "";
    return text && !ISO_DATE.test(text) ? text : "";
  }

  function drawWordsBox(key, index) {
    const box = el("div", { class: "written", id: "d-" + index });
    box.hidden = true;
    const use = el("button", { type: "button", class: "link" }, W.due_use);
    const keepWords = el("button", { type: "button", class: "link" }, W.due_keep);
    use.addEventListener("click", () => {
      const input = sheet.fieldInput(key);
      if (input && input.value) sheet.typed(key, input.value);
      drawWords(key, false);
    });
    keepWords.addEventListener("click", () => {
      const input = sheet.fieldInput(key);
      if (input) input.value = "";
      drawWords(key, false);
      if (input) input.focus();
    });
    const buttons = el("div", { class: "written-buttons" });
    buttons.append(use, keepWords);
    box.append(el("p", { id: box.id + "-text", "aria-live": "polite" }), buttons);
    return box;
  }

  // The words under a date field (none when it holds a date), and the question when a date was picked.
  function drawWords(key, asking) {
    const input = sheet.fieldInput(key);
    if (!input || !input.dataset.words) return;
    const box = $(input.dataset.words);
    const words = dueWords(key);
    const ask = asking && Boolean(words) && Boolean(input.value);
    box.hidden = !words;
    const template = ask ? W.due_replace_ask : W.due_written;
    box.querySelector("p").textContent = words ? fill(template, { text: words, date: input.value }) : "";
    box.querySelector(".written-buttons").hidden = !ask;
  }

  return { dueWords, drawWordsBox, drawWords };
}
