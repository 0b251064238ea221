// Writing from a device: a group's fields of a sheet, table or action list, or open answers.
// Loaded after page.js, whose S, $, headers(), token, fill(), sleep(), refusal() and
// askForCode() it uses, and after its parts write-dates.js (a date field holding words),
// write-moved.js (the facilitator moves on while someone writes) and write-open.js (open
// answers); page.js calls Scribe.render(state.write) when the facilitator's exercise is one
// devices write in.
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
  const PAUSE_MS = 300; // a pause in typing this long sends the field
  const LONGEST_MS = 1500; // and while typing on, it is sent at least this often
  const POLL_MS = 2500;

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

  function load(key, empty) {
    try {
      return JSON.parse(localStorage.getItem(key) || "") || empty;
    } catch (error) {
      return empty;
    }
  }
  let pending = load(PENDING_KEY, {}); // "exercise|group|field" -> {exercise, group, field, text, base}

  function keep() {
    localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
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
      if (changed) answering.drawOpen();
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
      words = dates.drawWordsBox(field.key, index);
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
      if (field.shape === "date" && dates.dueWords(field.key)) return dates.drawWords(field.key, Boolean(input.value));
      typed(field.key, input.value);
    });
    box.append(...(words ? [input, words, note] : [input, note]));
    return box;
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
    if (here) dates.drawWords(entry.field, false);
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
      if (input && field.shape === "date" && !(dates.dueWords(key) && input.value)) dates.drawWords(key, false);
      const who = body.writers[key];
      if (who) fieldNote(key, fill(W.writing_too, { who }), "");
    }
  }

  function start() {
    $("w-change").addEventListener("click", () => {
      group = "";
      localStorage.removeItem(GROUP_KEY);
      pickGroup();
    });
    // Texts typed before a reload or a lost connection are sent as soon as the page is back.
    if (Object.keys(pending).length) retryLater();
  }

  // The parts in their own files (write-dates.js, write-moved.js, write-open.js) see this
  // scribe's state through `sheet`: the same variables, read and set where they live.
  const sheet = {
    W, el, load, status, fieldInput, typed,
    get task() { return task; },
    set task(value) { task = value; },
    get group() { return group; },
    get known() { return known; },
    get lastTyped() { return lastTyped; },
    set lastTyped(value) { lastTyped = value; },
  };
  const dates = DateWords(sheet);
  const moves = MovedOn(sheet);
  const answering = OpenAnswers(sheet);

  start();
  return { render, hold: moves.hold };
})();
