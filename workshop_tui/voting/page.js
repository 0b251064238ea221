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
let chosen = {};
let sentScores = null;
let following = false;

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function show(section) {
  for (const id of ["join", "wait", "vote"]) $(id).hidden = id !== section;
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

function refusal(reason) {
  return S["refused_" + reason] || S.error;
}

async function join(code) {
  setMessage($("join-message"), S.joining);
  $("join-button").disabled = true;
  try {
    const response = await fetch("/api/join", {
      method: "POST", headers: headers(), body: JSON.stringify({ code: code.replace(/\s+/g, "") }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      setMessage($("join-message"), refusal(body.reason), "bad");
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
  if (!state.open || !state.exercise) {
    exercise = null;
    $("wait-text").textContent = S.waiting;
    show("wait");
    return;
  }
  exercise = state.exercise;
  chosen = Object.assign({}, state.mine);
  sentScores = Object.keys(chosen).length ? JSON.stringify(chosen) : null;
  $("ex-title").textContent = exercise.title;
  $("ex-prompt").textContent = exercise.prompt;
  $("ex-prompt").hidden = !exercise.prompt;
  const scale = exercise.scale;
  $("legend").textContent =
    scale.min + " = " + scale.min_label + "   ·   " + scale.max + " = " + scale.max_label;
  const list = $("items");
  list.replaceChildren();
  exercise.items.forEach((item, index) => list.appendChild(itemRow(item, index, scale)));
  show("vote");
  update(sentScores ? S.sent : "", sentScores ? "ok" : "");
}

function itemRow(item, index, scale) {
  const li = document.createElement("li");
  const text = document.createElement("p");
  text.className = "item-text";
  text.id = "item-" + index;
  text.textContent = (exercise.items.length > 1 ? index + 1 + ". " : "") + item.text;
  const choices = document.createElement("div");
  choices.className = "choices";
  choices.setAttribute("role", "group");
  choices.setAttribute("aria-labelledby", text.id);
  for (let value = scale.min; value <= scale.max; value++) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "choice";
    button.textContent = String(value);
    button.dataset.item = item.id;
    button.dataset.value = String(value);
    button.setAttribute("aria-pressed", String(chosen[item.id] === value));
    button.addEventListener("click", () => choose(item.id, value, choices));
    choices.appendChild(button);
  }
  const ends = document.createElement("div");
  ends.className = "ends";
  const low = document.createElement("span");
  low.textContent = scale.min_label;
  const high = document.createElement("span");
  high.textContent = scale.max_label;
  ends.append(low, high);
  li.append(text, choices, ends);
  return li;
}

function choose(itemId, value, group) {
  chosen[itemId] = value;
  for (const button of group.children) {
    button.setAttribute("aria-pressed", String(Number(button.dataset.value) === value));
  }
  update("", "");
}

function update(message, kind) {
  const left = exercise.items.filter((item) => !(item.id in chosen)).length;
  const changed = JSON.stringify(chosen) !== sentScores;
  $("send").textContent = sentScores ? S.send_changes : S.send;
  $("send").disabled = !Object.keys(chosen).length || !changed;
  if (message) setMessage($("status"), message, kind);
  else setMessage($("status"), left ? fill(S.left, { n: left }) : changed ? "" : S.sent, left ? "" : "ok");
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
      update(refusal(body.reason), "bad");
      $("send").disabled = false;
      return;
    }
    sentScores = JSON.stringify(scores);
    update(S.sent, "ok");
  } catch (error) {
    update(S.offline, "bad");
    $("send").disabled = false;
  }
}

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
