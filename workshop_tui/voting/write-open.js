// Open answers from a device, for write.js (loaded before it; write.js calls
// OpenAnswers(sheet) with its W, el, load, status and the exercise on show).
//
// Each answer is kept in localStorage (ANSWERS_KEY) before it is sent and sent again until
// the server has it (acked); the text being typed is kept as a draft per exercise (DRAFT_KEY),
// so a reload or the facilitator moving on loses nothing. Every text is set with textContent.
"use strict";

function OpenAnswers(sheet) {
  const { W, el, status } = sheet;
  const ANSWERS_KEY = "workshop-open-answers";
  const DRAFT_KEY = "workshop-open-draft";
  const answers = sheet.load(ANSWERS_KEY, {}); // exercise -> [{id, text, acked}]

  function keepAnswers() {
    localStorage.setItem(ANSWERS_KEY, JSON.stringify(answers));
  }

  function drawOpen() {
    const task = sheet.task;
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
    const task = sheet.task;
    return (answers[task.exercise] = answers[task.exercise] || []);
  }

  function drawMine() {
    const task = sheet.task;
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
    const task = sheet.task;
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
    if (sheet.task && sheet.task.exercise === exercise) drawMine();
  }

  $("w-answer").addEventListener("input", () => {
    sheet.lastTyped = Date.now();
    if (sheet.task) localStorage.setItem(DRAFT_KEY + "|" + sheet.task.exercise, $("w-answer").value);
    if (sheet.task) drawMine();
  });
  $("w-answer-send").addEventListener("click", submitAnswer);
  return { drawOpen };
}
