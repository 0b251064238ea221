// The participant page: join with the code, follow the facilitator's exercise, vote.
// Plain JavaScript with no libraries, so it works on a room's isolated Wi-Fi. Every
// text from the server is set with textContent, never as HTML.
"use strict";

const S = JSON.parse(document.getElementById("strings").textContent);
const TOKEN_KEY = "workshop-vote-token";
const $ = (id) => document.getElementById(id);

let token = localStorage.getItem(TOKEN_KEY);
let version = -1;
let exercise = null;
let control = null; // the shape the exercise's kind declared: its entry in SHAPES
let chosen = {};
let sentScores = null;
let typed = []; // items whose answer the facilitator set over this phone's: they stand as set
let following = false;

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function show(section) {
  for (const id of ["join", "wait", "vote", "write"]) $(id).hidden = id !== section;
  if (section !== "write") heading(S.title); // writing: write.js says which (the sheet, an answer)
}

// The page's heading and the tab's title say what the phone does now: it read "Vote"
// while the groups wrote their sheets.
function heading(text) {
  $("brand").textContent = text;
  document.title = text;
}

function setMessage(element, text, kind) {
  element.textContent = text || "";
  element.className = "message" + (kind ? " " + kind : "");
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function headers() {
  const h = { "Content-Type": "application/json" };
  if (token) h.Authorization = "Bearer " + token;
  return h;
}

function refusal(body) {
  // "refused": the session's own reason, already in the page's language (shown as text).
  if (body.reason === "refused" && body.detail) return body.detail;
  return S["refused_" + body.reason] || S.error;
}

// The code as typed without spaces and without the characters drawn as nothing (a zero-width
// space or BOM pasted from a chat or mail): the core's class (text_safety.INVISIBLE), put into
// the page by page.py, so the page and the server read a code by one rule.
function bareCode(code) {
  const invisible = new RegExp("[" + $("code").dataset.invisible + "]", "g");
  return code.replace(/\s+/g, "").replace(invisible, "");
}

async function join(code) {
  setMessage($("join-message"), S.joining);
  $("join-button").disabled = true;
  try {
    const response = await fetch("/api/join", {
      method: "POST", headers: headers(), body: JSON.stringify({ code: bareCode(code) }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      setMessage($("join-message"), refusal(body), "bad");
      return;
    }
    token = body.token;
    localStorage.setItem(TOKEN_KEY, token);
    setMessage($("join-message"), "");
    follow();
  } catch (error) {
    setMessage($("join-message"), S.offline, "bad");
  } finally {
    $("join-button").disabled = false;
  }
}

function askForCode(message) {
  token = null;
  localStorage.removeItem(TOKEN_KEY);
  following = false;
  $("who").hidden = true;
  show("join");
  setMessage($("join-message"), message || "", message ? "bad" : "");
  $("code").focus();
}

// Long polling: the server holds the request until the round changes (or a timeout),
// so the page follows the facilitator at once without asking many times a second.
async function follow() {
  if (following) return;
  following = true;
  let backoff = 1000;
  while (following && token) {
    try {
      const response = await fetch("/api/state?v=" + version, { headers: headers(), cache: "no-store" });
      if (response.status === 401) {
        askForCode(S.refused_unknown_token);
        return;
      }
      if (response.status === 429) {
        await sleep(1000 * Number(response.headers.get("Retry-After") || 2));
        continue;
      }
      if (!response.ok) throw new Error(String(response.status));
      const state = await response.json();
      $("offline").hidden = true;
      backoff = 1000;
      if (state.version !== version) {
        version = state.version;
        render(state);
      }
    } catch (error) {
      $("offline").textContent = S.offline;
      $("offline").hidden = false;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 10000);
    }
  }
}

function render(state) {
  $("who").textContent = fill(S.you_are, { id: state.participant });
  $("who").hidden = false;
  // A scribe still writing when the facilitator moves on finishes first (write.js).
  if (typeof Scribe !== "undefined" && Scribe.hold(state, render)) return;
  if (!state.open || !state.exercise) {
    exercise = null;
    if (state.write && typeof Scribe !== "undefined") {
      // The groups write, or everyone answers in their own words (write.js).
      show("write");
      Scribe.render(state.write);
      return;
    }
    $("wait-text").textContent = S.waiting;
    show("wait");
    return;
  }
  exercise = state.exercise;
  control = SHAPES[exercise.control.shape];
  chosen = Object.assign({}, state.mine);
  typed = Array.isArray(state.typed) ? state.typed : [];
  sentScores = Object.keys(chosen).length ? canonical(chosen) : null;
  $("ex-title").textContent = exercise.title;
  $("ex-prompt").textContent = exercise.prompt;
  $("ex-prompt").hidden = !exercise.prompt;
  $("legend").textContent = legend();
  const list = $("items");
  list.className = control.listClass;
  list.replaceChildren(...exercise.items.map(control.row));
  $("dots").hidden = !control.dots;
  show("vote");
  update(sentScores ? S.sent : "", sentScores ? "ok" : "");
}

function legend() {
  return control.legend();
}

// A shape's parameters come with the exercise (``exercise.control``), as its kind declared them.
function dotsLegend() {
  const votes = exercise.control;
  if (votes.dots === 1) return S.dots_rule_single;
  return fill(votes.max_per_item > 1 ? S.dots_rule : S.dots_rule_one, {
    n: votes.dots, max: votes.max_per_item,
  });
}

function scaleLegend() {
  const scale = exercise.scale;
  return scale.min + " = " + scale.min_label + "   ·   " + scale.max + " = " + scale.max_label;
}

// Scores as a text that ignores the order they were chosen in, to tell whether they changed.
function canonical(scores) {
  return JSON.stringify(Object.keys(scores).sort().map((key) => [key, scores[key]]));
}

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function itemText(item, index) {
  const prefix = exercise.items.length > 1 ? index + 1 + ". " : "";
  const text = element("p", "item-text", prefix + item.text);
  text.id = "item-" + index;
  // Set by the facilitator over this phone's answer: said beside it, and a change is refused.
  if (typed.includes(item.id)) text.append(" ", element("span", "typed-note", S.typed_note));
  return text;
}

function ratingRow(item, index) {
  const scale = exercise.scale;
  const text = itemText(item, index);
  const choices = element("div", "choices");
  choices.setAttribute("role", "group");
  choices.setAttribute("aria-labelledby", text.id);
  for (let value = scale.min; value <= scale.max; value++) {
    const button = element("button", "choice", String(value));
    button.type = "button";
    button.dataset.item = item.id;
    button.dataset.value = String(value);
    button.setAttribute("aria-pressed", String(chosen[item.id] === value));
    button.addEventListener("click", () => choose(item.id, value, choices));
    choices.appendChild(button);
  }
  // Even rows, the last step at the right above its label: a 1-10 scale wrapped 8 + 2 on a
  // phone, "10" at the left of the second row under nothing (page.css, found by hand: explore17).
  const steps = scale.max - scale.min + 1;
  choices.style.setProperty("--steps", String(steps));
  choices.style.setProperty("--narrow", String(steps > 7 ? Math.ceil(steps / 2) : steps));
  const ends = element("div", "ends");
  ends.append(element("span", "", scale.min_label), element("span", "", scale.max_label));
  const li = element("li");
  li.append(text, choices, ends);
  return li;
}

// A ranking: the rating buttons, but a place given to another item moves here (as the
// server moves it), so each place is held by one item at a time.
function placeRow(item, index) {
  const li = ratingRow(item, index);
  li.querySelector(".choices").addEventListener("click", (event) => {
    const value = Number(event.target.dataset.value);
    if (!value) return;
    for (const [other, given] of Object.entries(chosen)) {
      if (other !== item.id && given === value) delete chosen[other];
    }
    for (const button of $("items").querySelectorAll("button.choice")) {
      button.setAttribute("aria-pressed", String(chosen[button.dataset.item] === Number(button.dataset.value)));
    }
    update("", "");
  });
  return li;
}

function choose(itemId, value, group) {
  chosen[itemId] = value;
  for (const button of group.children) {
    button.setAttribute("aria-pressed", String(Number(button.dataset.value) === value));
  }
  update("", "");
}

// A single choice: one large button per option, pressed like a radio button. The vote
// is one dot on the chosen option; the server takes it off the option chosen before.
function choiceRow(item) {
  const button = element("button", "option", item.text);
  button.type = "button";
  button.dataset.item = item.id;
  button.setAttribute("aria-pressed", String(chosen[item.id] === 1));
  button.addEventListener("click", () => {
    chosen = { [item.id]: 1 };
    for (const other of $("items").querySelectorAll("button.option")) {
      other.setAttribute("aria-pressed", String(other === button));
    }
    update("", "");
  });
  const li = element("li");
  li.append(button);
  return li;
}

// A dot vote: a - / + stepper per option. Only options with dots are sent, and the
// server replaces the device's earlier dots with them.
function dotRow(item, index) {
  const text = itemText(item, index);
  const stepper = element("div", "stepper");
  stepper.setAttribute("role", "group");
  stepper.setAttribute("aria-labelledby", text.id);
  const count = element("output", "count");
  count.dataset.item = item.id;
  stepper.append(
    stepButton("\u2212", fill(S.remove_dot, { n: index + 1 }), item.id, -1),
    count,
    stepButton("+", fill(S.add_dot, { n: index + 1 }), item.id, 1),
  );
  const li = element("li");
  li.append(text, stepper);
  return li;
}

function stepButton(sign, label, itemId, step) {
  const button = element("button", "step", sign);
  button.type = "button";
  button.dataset.item = itemId;
  button.dataset.step = String(step);
  button.setAttribute("aria-label", label);
  button.addEventListener("click", () => {
    const dots = (chosen[itemId] || 0) + step;
    if (dots > 0) chosen[itemId] = dots;
    else delete chosen[itemId];
    update("", "");
  });
  return button;
}

function dotsLeft() {
  return exercise.control.dots - Object.values(chosen).reduce((sum, dots) => sum + dots, 0);
}

// Redraw every stepper and the counter from ``chosen``: + stops at the dots a person
// has and at the most one option may take, - at none.
function paintDots() {
  const left = dotsLeft();
  const most = exercise.control.max_per_item;
  for (const count of $("items").querySelectorAll("output.count")) {
    const dots = chosen[count.dataset.item] || 0;
    count.textContent = String(dots);
    count.classList.toggle("some", dots > 0);
    count.setAttribute("aria-label", fill(S.dots_on, { n: dots }));
  }
  for (const button of $("items").querySelectorAll("button.step")) {
    const dots = chosen[button.dataset.item] || 0;
    button.disabled = button.dataset.step === "1" ? left <= 0 || dots >= most : dots <= 0;
  }
  $("dots").textContent = fill(S.dots_left, { n: Math.max(0, left), total: exercise.control.dots });
}

// What the person still has to do before sending, or "" when the answer is complete.
function pending() {
  return control.pending();
}

function itemsLeft() {
  const left = exercise.items.filter((item) => !(item.id in chosen)).length;
  return left ? fill(S.left, { n: left }) : "";
}

// A ranking is sent whole (the core's ranking.unplaced, which the server checks too): part
// of one made the items' counts differ and read a few first places as the room's order.
function placesLeft() {
  const left = exercise.items.filter((item) => !(item.id in chosen)).length;
  return left ? fill(S.rank_all, { n: left }) : "";
}

function update(message, kind) {
  if (control.dots) paintDots();
  const todo = pending();
  const changed = canonical(chosen) !== sentScores;
  $("send").textContent = sentScores ? S.send_changes : S.send;
  // A dot vote that was sent can be taken back by sending it with no dots left on it.
  const withdrawing = control.dots && sentScores && sentScores !== canonical({});
  $("send").disabled = !(Object.keys(chosen).length || withdrawing) || !changed || (control.whole && !!todo);
  if (message) setMessage($("status"), message, kind);
  else setMessage($("status"), todo || (changed ? "" : S.sent), todo ? "" : "ok");
}

async function send() {
  if (!exercise) return;
  const scores = Object.assign({}, chosen);
  $("send").disabled = true;
  setMessage($("status"), S.sending);
  try {
    const response = await fetch("/api/vote", {
      method: "POST", headers: headers(), body: JSON.stringify({ exercise: exercise.id, scores }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) return askForCode(S.refused_unknown_token);
    if (!response.ok) {
      update(refusal(body), "bad");
      $("send").disabled = false;
      return;
    }
    sentScores = canonical(scores);
    update(S.sent, "ok");
  } catch (error) {
    update(S.offline, "bad");
    $("send").disabled = false;
  }
}

// The control shapes a phone can draw, keyed by shape. A kind declares its shape and the
// shape's parameters (``Body.control`` in the core) and the server sends them with the
// exercise, so this page names no kind and a new kind with an existing shape adds nothing
// here (tests/voting/test_page_kinds.py checks that SHAPES holds exactly the core's
// ``Shape``). row: one item's control; listClass: the list's class; legend: the rule above
// the items; pending: what is left to do before sending; dots: the counter of dots left
// (and sending no dots takes the vote back); whole: "Send" stays off until nothing is pending.
const SHAPES = {
  rate: { row: ratingRow, listClass: "", legend: scaleLegend, pending: itemsLeft, dots: false },
  order: { row: placeRow, listClass: "", legend: scaleLegend, pending: placesLeft, dots: false, whole: true },
  choose_one: {
    row: choiceRow,
    listClass: "options",
    legend: () => S.choose_one,
    pending: () => (Object.keys(chosen).length ? "" : S.pick_one),
    dots: false,
  },
  dots: {
    row: dotRow,
    listClass: "",
    legend: dotsLegend,
    pending: () => (Object.keys(chosen).length || sentScores ? "" : S.place_dots),
    dots: true,
  },
};

function start() {
  document.title = S.title;
  $("code-label").textContent = S.code_label;
  $("join-button").textContent = S.join;
  $("privacy").textContent = S.privacy;
  $("send").textContent = S.send;
  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    join($("code").value);
  });
  $("send").addEventListener("click", send);
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("c");
  if (fromLink) history.replaceState(null, "", location.pathname);
  if (fromLink) {
    show("join");
    $("code").value = fromLink;
    join(fromLink);
  } else if (token) {
    follow();
  } else {
    askForCode("");
  }
}

start();
