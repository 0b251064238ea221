// Writing from a device: a group's fields of a sheet, table or action list, or open answers.
// Loaded after page.js, whose S, $, headers(), token, fill(), sleep(), refusal() and
// askForCode() it uses; page.js calls Scribe.render(state.write) when the facilitator's
// exercise is one devices write in.
//
// Never lose a character: every keystroke is kept in localStorage at once (PENDING) and
// sent after a short pause; a text leaves PENDING only when the server has answered that
// it is on disk. A failed send is tried again until it gets through (also after the page
// or the laptop restarts). Each write names the version of the text it was typed over
// (base): the server keeps both texts when someone else changed the field meanwhile.
// Every text from the server is set with textContent or .value, never as HTML.
"use strict";

const Scribe = (() => {
  const W = {};
  for (const [key, value] of Object.entries(S)) if (key.startsWith("write.")) W[key.slice(6)] = value;
  const GROUP_KEY = "workshop-scribe-group";
  const PENDING_KEY = "workshop-scribe-pending";
  const ANSWERS_KEY = "workshop-open-answers";
  const DRAFT_KEY = "workshop-open-draft";
  const PAUSE_MS = 300; // a pause in typing this long sends the field
  const LONGEST_MS = 1500; // and while typing on, it is sent at least this often
  const POLL_MS = 2500;
  const HOLD_MS = 30000; // typed this recently (or a field in use) when the facilitator moves on: finish first
  const IDLE_MS = 60000; // a sheet kept to finish goes on to the facilitator's exercise after this long untouched

  let task = null; // state.write: the exercise on show, its mode, groups and fields
  let group = localStorage.getItem(GROUP_KEY) || "";
  let known = {}; // field key -> {text, version} as the server last said, for task + group
  const inflight = {};
  const timers = {};
  const firstChange = {};
  let polling = false;
  let retrying = false;
  let lastTyped = 0;
  let lastField = null; // {exercise, group, key}: where this scribe last typed, to carry on there
  let resumeKey = ""; // the field to put the cursor at the end of once its text is back
  let held = null; // the state the page shows next, while the scribe finishes the sheet left
  let heldAt = 0;
  let resume = null; // page.js's render, to show `held` when the scribe goes on
  let idleTimer = null;
  let left = null; // {exercise, title}: the sheet the facilitator moved on from, while the page says so
  let afterLeft = ""; // what the page showed next (shown()): a further change ends the notice

  function load(key, empty) {
    try {
      return JSON.parse(localStorage.getItem(key) || "") || empty;
    } catch (error) {
      return empty;
    }
  }
  let pending = load(PENDING_KEY, {}); // "exercise|group|field" -> {exercise, group, field, text, base}
  let answers = load(ANSWERS_KEY, {}); // exercise -> [{id, text, acked}]

  function keep() {
    localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  }

  function keepAnswers() {
    localStorage.setItem(ANSWERS_KEY, JSON.stringify(answers));
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  }

  function status(text, kind) {
    setMessage($("w-status"), text, kind);
  }

  function pkey(exercise, groupId, field) {
    return exercise + "|" + groupId + "|" + field;
  }

  // --- drawing ----------------------------------------------------------------------

  function render(write) {
    const changed = !task || !write || task.exercise !== write.exercise;
    task = write;
    if (!write) return;
    if (changed) status("", ""); // "Tak! Dit svar er modtaget." stood under the next exercise's sheet
    heading(write.mode === "open" ? W.heading_open : W.heading_group);
    $("w-title").textContent = write.title;
    $("w-prompt").textContent = write.prompt;
    $("w-prompt").hidden = !write.prompt;
    $("w-open").hidden = write.mode !== "open";
    if (write.mode === "open") {
      $("w-groups").hidden = true;
      $("w-sheet").hidden = true;
      if (changed) drawOpen();
      return;
    }
    if (!write.groups.some((g) => g.id === group)) group = "";
    if (!group) return pickGroup();
    if (changed || $("w-sheet").hidden) drawSheet();
    else poll();
  }

  function pickGroup() {
    $("w-groups").hidden = false;
    $("w-sheet").hidden = true;
    $("w-groups-label").textContent = W.pick_group;
    $("w-group-buttons").replaceChildren(
      ...task.groups.map((g) => {
        const button = el("button", { type: "button", class: "option" }, g.name);
        button.addEventListener("click", () => {
          group = g.id;
          localStorage.setItem(GROUP_KEY, group);
          drawSheet();
        });
        return button;
      }),
    );
  }

  function drawSheet() {
    $("w-groups").hidden = true;
    $("w-sheet").hidden = false;
    const named = task.groups.find((g) => g.id === group);
    $("w-group-name").textContent = fill(W.group_is, { group: named ? named.name : group });
    $("w-change").textContent = W.change_group;
    known = {};
    const list = $("w-fields");
    list.replaceChildren(...task.fields.map(drawField));
    const again = lastField && lastField.exercise === task.exercise && lastField.group === group;
    if (again) carryOn(lastField.key);
    poll();
  }

  // Back on a sheet this scribe was writing when the facilitator moved on: the cursor where
  // they stopped (the end of their field), so they go on with the sentence at once.
  function carryOn(key) {
    const input = fieldInput(key);
    if (!input) return;
    input.focus();
    resumeKey = key;
    atEnd(input);
  }

  function atEnd(input) {
    if (typeof input.selectionStart !== "number" || !input.value) return; // a date or a choice: no cursor
    input.setSelectionRange(input.value.length, input.value.length);
    resumeKey = "";
  }

  function drawField(field, index) {
    const box = el("div", { class: "field" });
    if (field.section) box.append(el("h2", { class: "section" }, field.section));
    const id = "f-" + index;
    box.append(el("label", { for: id }, field.label));
    const described = [];
    if (field.question || field.subs.length) {
      const q = el("div", { class: "question", id: "q-" + index });
      if (field.question) q.append(el("p", {}, field.question));
      for (const sub of field.subs) q.append(el("p", { class: "sub" }, sub));
      box.append(q);
      described.push("q-" + index);
    }
    let input;
    if (field.shape === "lines") {
      input = el("textarea", { rows: "4" });
    } else if (field.shape === "choice") {
      input = el("select", {});
      input.append(el("option", { value: "" }, "—"));
      for (const [value, label] of field.options) input.append(el("option", { value }, label));
    } else {
      input = el("input", { type: field.shape === "date" ? "date" : "text", autocomplete: "off" });
    }
    input.id = id;
    input.dataset.key = field.key;
    if (field.shape !== "choice") input.maxLength = field.max;
    let words = null;
    if (field.shape === "date") {
      words = drawWordsBox(field.key, index);
      input.dataset.words = words.id;
      described.push(words.id + "-text");
    }
    const note = el("p", { class: "field-status", id: "s-" + index, "aria-live": "polite" });
    described.push(note.id);
    input.setAttribute("aria-describedby", described.join(" "));
    const mine = pending[pkey(task.exercise, group, field.key)];
    if (mine) input.value = mine.text;
    input.addEventListener(field.shape === "choice" || field.shape === "date" ? "change" : "input", () => {
      // A date half typed on a keyboard (one part cleared with Backspace) reads as "" in the
      // browser: sent, it erased the date on file while the page said "Saved". Wait for a whole
      // date (a picker's Clear still sends "": the input then holds no bad input).
      if (field.shape === "date" && input.validity.badInput) return fieldNote(field.key, W.date_incomplete, "bad");
      // Words on file ("næste fredag", kept as written in the app): a date picked replaces them
      // only when the scribe says so; cleared again, nothing is sent and the words stay.
      if (field.shape === "date" && dueWords(field.key)) return drawWords(field.key, Boolean(input.value));
      typed(field.key, input.value);
    });
    box.append(...(words ? [input, words, note] : [input, note]));
    return box;
  }

  // --- a date field holding words ---------------------------------------------------
  //
  // An action's date may hold words ("næste fredag": the facilitator left the app's date field
  // so, and it is saved as written). A date input cannot show words: it stood empty, so the
  // scribe did not see them, and a date picked replaced them at once. Now the words are shown
  // under it, and a date picked asks first: "Use the date" or "Keep the words".

  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

  function dueWords(key) {
    const text = (known[key] || {}).text || "";
    return text && !ISO_DATE.test(text) ? text : "";
  }

  function drawWordsBox(key, index) {
    const box = el("div", { class: "written", id: "d-" + index });
    box.hidden = true;
    const use = el("button", { type: "button", class: "link" }, W.due_use);
    const keepWords = el("button", { type: "button", class: "link" }, W.due_keep);
    use.addEventListener("click", () => {
      const input = fieldInput(key);
      if (input && input.value) typed(key, input.value);
      drawWords(key, false);
    });
    keepWords.addEventListener("click", () => {
      const input = fieldInput(key);
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
    const input = fieldInput(key);
    if (!input || !input.dataset.words) return;
    const box = $(input.dataset.words);
    const words = dueWords(key);
    const ask = asking && Boolean(words) && Boolean(input.value);
    box.hidden = !words;
    const template = ask ? W.due_replace_ask : W.due_written;
    box.querySelector("p").textContent = words ? fill(template, { text: words, date: input.value }) : "";
    box.querySelector(".written-buttons").hidden = !ask;
  }

  function fieldInput(key) {
    return document.querySelector(`#w-fields [data-key="${CSS.escape(key)}"]`);
  }

  function fieldNote(key, text, kind) {
    const input = fieldInput(key);
    if (!input) return;
    const note = $(input.getAttribute("aria-describedby").split(" ").pop());
    note.textContent = text || "";
    note.className = "field-status" + (kind ? " " + kind : "");
  }

  // --- a group's fields -------------------------------------------------------------

  function typed(field, text) {
    const key = pkey(task.exercise, group, field);
    lastTyped = Date.now();
    lastField = { exercise: task.exercise, group, key: field };
    const entry = pending[key];
    if (entry) {
      entry.text = text;
      entry.refused = false;
    } else pending[key] = { exercise: task.exercise, group, field, text, base: (known[field] || {}).version || "" };
    keep();
    fieldNote(field, W.saving, "");
    clearTimeout(timers[key]);
    firstChange[key] = firstChange[key] || Date.now();
    const wait = Math.max(0, Math.min(PAUSE_MS, LONGEST_MS - (Date.now() - firstChange[key])));
    timers[key] = setTimeout(() => send(key), wait);
  }

  async function send(key) {
    const entry = pending[key];
    if (!entry || inflight[key] || !token) return;
    inflight[key] = true;
    delete firstChange[key];
    const sent = entry.text;
    try {
      const response = await fetch("/api/write", {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({
          exercise: entry.exercise, group: entry.group, field: entry.field, text: sent, base: entry.base,
        }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.status === 401) return askForCode(S.refused_unknown_token);
      if (!response.ok) {
        const retry = response.status >= 500 || response.status === 429 || response.status === 408;
        // Refused for good (a date that is no date): kept here, sent again once it is changed.
        entry.refused = !retry;
        keep();
        failed(entry, retry ? W.unsaved : (W["refused_" + body.reason] || refusal(body)), retry);
        return;
      }
      saved(key, entry, sent, body);
    } catch (error) {
      failed(entry, W.unsaved, true);
    } finally {
      inflight[key] = false;
    }
    if (pending[key] && pending[key].text !== sent) send(key);
  }

  // Where a cursor at `at` in `before` is in `after` (core.writing.moved, the same rule):
  // another writer's words merged in before it move it on, words put in at it or after it
  // do not, so this scribe's next key goes on their own word, not after the other's.
  function moved(at, before, after) {
    const most = Math.min(before.length, after.length);
    let front = 0;
    while (front < most && before[front] === after[front]) front++;
    let back = 0;
    while (back < most - front && before[before.length - 1 - back] === after[after.length - 1 - back]) back++;
    let end = before.length - back;
    if (end === front && after.length > before.length) {
      let all = 0;
      while (all < before.length && before[before.length - 1 - all] === after[after.length - 1 - all]) all++;
      front = end = before.length - all;
    }
    if (at <= front) return at;
    if (at >= end) return at + after.length - before.length;
    return Math.min(at, after.length - back);
  }

  // Show `text` in a field, its cursor kept where this scribe was typing (setting the value
  // alone put it at the end, after words another writer added behind it).
  function show(input, text) {
    const typing = document.activeElement === input && typeof input.selectionStart === "number";
    const at = typing ? moved(input.selectionStart, input.value, text) : 0;
    input.value = text;
    if (typing) input.setSelectionRange(at, at); // not a date or a choice: they have no cursor
  }

  function saved(key, entry, sent, body) {
    const here = task && task.exercise === entry.exercise && group === entry.group;
    if (here) known[entry.field] = { text: body.text, version: body.version };
    const input = here ? fieldInput(entry.field) : null;
    const now = pending[key];
    if (now && now.text === sent) {
      delete pending[key];
      if (input && input.value === sent && body.text !== sent) show(input, body.text);
    } else if (now) {
      // Typed on meanwhile: the next send is typed over what the server holds now, the
      // words typed on put where the sent text ends in it (not after the other writer's).
      now.base = body.version;
      if (body.text !== sent && now.text.startsWith(sent)) {
        const at = moved(sent.length, sent, body.text);
        const merged = body.text.slice(0, at) + now.text.slice(sent.length) + body.text.slice(at);
        if (input) show(input, merged);
        now.text = merged;
      }
    }
    keep();
    if (here) drawWords(entry.field, false);
    if (here) fieldNote(entry.field, body.outcome === "merged" ? W.merged : W.saved, "ok");
  }

  function failed(entry, message, retry) {
    if (task && task.exercise === entry.exercise && group === entry.group) fieldNote(entry.field, message, "bad");
    if (retry) retryLater();
  }

  async function retryLater() {
    if (retrying) return;
    retrying = true;
    let backoff = 1000;
    const waiting = () => Object.keys(pending).filter((key) => !pending[key].refused);
    while (waiting().length) {
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 5000);
      for (const key of waiting()) await send(key);
    }
    retrying = false;
  }

  // The group's texts as they are now: others' words appear, who else writes is shown.
  async function poll() {
    if (polling) return;
    polling = true;
    while (task && task.mode === "group" && group && !$("w-sheet").hidden && !$("write").hidden) {
      try {
        const query = "?e=" + encodeURIComponent(task.exercise) + "&g=" + encodeURIComponent(group);
        const response = await fetch("/api/texts" + query, { headers: headers(), cache: "no-store" });
        if (response.ok) {
          const body = await response.json();
          if (task && body.exercise === task.exercise && body.group === group) refill(body);
        } else if (response.status === 409) {
          group = "";
          localStorage.removeItem(GROUP_KEY);
          pickGroup();
        }
      } catch (error) {
        // offline: page.js says so; the texts come with the next answer
      }
      await sleep(POLL_MS);
    }
    polling = false;
  }

  function refill(body) {
    for (const field of task.fields) {
      const key = field.key;
      const text = body.texts[key] || "";
      const before = known[key];
      known[key] = { text, version: body.versions[key] };
      const input = fieldInput(key);
      const mine = pending[pkey(task.exercise, group, key)];
      // A field is refilled only when nothing typed here waits for the server.
      if (input && !mine && input.value !== text && (!before || input.value === before.text)) show(input, text);
      if (input && key === resumeKey && document.activeElement === input) atEnd(input);
      if (input && field.shape === "date" && !(dueWords(key) && input.value)) drawWords(key, false);
      const who = body.writers[key];
      if (who) fieldNote(key, fill(W.writing_too, { who }), "");
    }
  }

  // --- the facilitator moves on while this scribe writes ---------------------------
  //
  // The sheet used to vanish under the scribe's fingers, the next exercise in its place and
  // nothing said. Now a scribe typing (or in a field) keeps the sheet to finish, told that
  // the facilitator moved on and that what is written is kept; "Go on" (or a minute
  // untouched) shows the facilitator's exercise. Writes to the sheet left are still taken
  // (scribes.py), so nothing typed meanwhile is lost, and every keystroke waits in PENDING
  // until it is on disk, as always. When the facilitator goes back to the sheet, the scribe
  // carries on in the field they were writing.
  //
  // An open answer being typed goes the same way (it vanished with nothing said, kept only as
  // a draft): finished and sent on the exercise left (the server takes it), or kept on the
  // phone as a draft, said so, and in its box to send when the exercise comes back.

  function shown(state) {
    if (state.open && state.exercise) return "v" + state.exercise.id;
    return state.write ? "w" + state.write.exercise : "";
  }

  // Whether the page shows words this person is writing: a group's sheet, or an open answer not sent.
  function writingHere() {
    if (!task || $("write").hidden) return false;
    if (task.mode === "open") return !$("w-open").hidden && Boolean($("w-answer").value.trim());
    return Boolean(group) && !$("w-sheet").hidden;
  }

  function inWriting(node) {
    return Boolean(node) && ($("w-fields").contains(node) || node === $("w-answer"));
  }

  function busy() {
    return inWriting(document.activeElement) || Date.now() - lastTyped < HOLD_MS;
  }

  function notice(text, go) {
    $("moved").hidden = !text;
    $("moved-text").textContent = text || "";
    $("moved-go").textContent = W.moved_go;
    $("moved-go").hidden = !go;
  }

  // Called by page.js with each new state: true keeps the sheet on screen (page.js then draws nothing).
  function hold(state, redraw) {
    const write = !state.open || !state.exercise ? state.write : null;
    if (left && write && write.exercise === left.exercise) {
      left = null; // the sheet (or the question) is back: drawn again (or still there), the scribe carries on
      held = null;
      clearInterval(idleTimer);
      notice("", false);
      return false;
    }
    if (held) {
      held = state;
      return true;
    }
    if (writingHere() && !(write && write.exercise === task.exercise)) {
      const open = task.mode === "open";
      left = { exercise: task.exercise, title: task.title };
      if (busy()) {
        held = state;
        heldAt = Date.now();
        resume = redraw;
        notice(fill(open ? W.moved_finish_open : W.moved_finish, { title: task.title }), true);
        idleTimer = setInterval(() => {
          if (Date.now() - Math.max(lastTyped, heldAt) >= IDLE_MS) goOn();
        }, 1000);
        return true;
      }
      afterLeft = shown(state);
      notice(fill(open ? W.moved_draft : W.moved_kept, { title: left.title }), false);
      task = null; // drawn afresh when it comes back, even after a vote between (render's "changed")
      return false;
    }
    if (left && shown(state) !== afterLeft) {
      left = null;
      notice("", false);
    }
    return false;
  }

  function goOn() {
    clearInterval(idleTimer);
    const next = held;
    held = null;
    if (!next) return;
    lastTyped = 0;
    if (inWriting(document.activeElement)) document.activeElement.blur();
    resume(next); // through hold() again: not busy now, so the page says the sheet is kept, and goes on
  }

  // --- open answers ----------------------------------------------------------------

  function drawOpen() {
    $("w-anon").textContent = W.anonymous;
    $("w-answer-label").textContent = W.answer_label;
    $("w-answer-send").textContent = W.answer_send;
    const area = $("w-answer");
    area.maxLength = task.max;
    area.value = localStorage.getItem(DRAFT_KEY + "|" + task.exercise) || "";
    drawMine();
    if (area.value && !area.disabled) {
      // A draft kept when the facilitator moved on: in its box, the cursor at its end, to send.
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    }
    for (const answer of mine()) if (!answer.acked) sendAnswer(task.exercise, answer);
  }

  function mine() {
    return (answers[task.exercise] = answers[task.exercise] || []);
  }

  function drawMine() {
    const list = mine();
    $("w-mine").replaceChildren(...list.map((a) => el("li", { class: a.acked ? "sent" : "unsent" }, a.text)));
    const left = task.per_device - list.length;
    $("w-answer").disabled = left <= 0;
    $("w-answer-send").disabled = left <= 0 || !$("w-answer").value.trim();
    $("w-chars").textContent = left <= 0 ? W.answer_max : fill(W.chars_left, { n: task.max - $("w-answer").value.length });
  }

  function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(9));
    return "a" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function submitAnswer() {
    const text = $("w-answer").value.trim();
    if (!text || !task) return;
    const answer = { id: newId(), text, acked: false };
    mine().push(answer);
    keepAnswers();
    $("w-answer").value = "";
    localStorage.removeItem(DRAFT_KEY + "|" + task.exercise);
    drawMine();
    sendAnswer(task.exercise, answer);
  }

  async function sendAnswer(exercise, answer) {
    let backoff = 1000;
    while (!answer.acked) {
      status(W.saving, "");
      try {
        const response = await fetch("/api/answer", {
          method: "POST", headers: headers(), body: JSON.stringify({ exercise, answer: answer.id, text: answer.text }),
        });
        const body = await response.json().catch(() => ({}));
        if (response.status === 401) return askForCode(S.refused_unknown_token);
        if (response.ok) {
          answer.acked = true;
          keepAnswers();
          status(W.answer_sent, "ok");
          break;
        }
        if (response.status < 500 && response.status !== 429 && response.status !== 408) {
          status(W["refused_" + body.reason] || refusal(body), "bad");
          return;
        }
      } catch (error) {
        // offline: tried again below
      }
      status(W.unsaved, "bad");
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 5000);
    }
    if (task && task.exercise === exercise) drawMine();
  }

  function start() {
    $("w-change").addEventListener("click", () => {
      group = "";
      localStorage.removeItem(GROUP_KEY);
      pickGroup();
    });
    $("w-answer").addEventListener("input", () => {
      lastTyped = Date.now();
      if (task) localStorage.setItem(DRAFT_KEY + "|" + task.exercise, $("w-answer").value);
      if (task) drawMine();
    });
    $("w-answer-send").addEventListener("click", submitAnswer);
    $("moved-go").addEventListener("click", goOn);
    // Texts typed before a reload or a lost connection are sent as soon as the page is back.
    if (Object.keys(pending).length) retryLater();
  }

  start();
  return { render, hold };
})();
