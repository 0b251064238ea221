// The facilitator moves on while someone writes, for write.js (loaded before it; write.js
// calls MovedOn(sheet) with its W, the exercise on show, the group and when it was last typed in).
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
"use strict";

function MovedOn(sheet) {
  const { W } = sheet;
  const HOLD_MS = 30000; // typed this recently (or a field in use) when the facilitator moves on: finish first
  const IDLE_MS = 60000; // a sheet kept to finish goes on to the facilitator's exercise after this long untouched

  let held = null; // the state the page shows next, while the scribe finishes the sheet left
  let heldAt = 0;
  let resume = null; // page.js's render, to show `held` when the scribe goes on
  let idleTimer = null;
  let left = null; // {exercise, title}: the sheet the facilitator moved on from, while the page says so
  let afterLeft = ""; // what the page showed next (shown()): a further change ends the notice

  function shown(state) {
    if (state.open && state.exercise) return "v" + state.exercise.id;
    return state.write ? "w" + state.write.exercise : "";
  }

  // Whether the page shows words this person is writing: a group's sheet, or an open answer not sent.
  function writingHere() {
    const task = sheet.task;
    if (!task || $("write").hidden) return false;
    if (task.mode === "open") return !$("w-open").hidden && Boolean($("w-answer").value.trim());
    return Boolean(sheet.group) && !$("w-sheet").hidden;
  }

  function inWriting(node) {
    return Boolean(node) && ($("w-fields").contains(node) || node === $("w-answer"));
  }

  function busy() {
    return inWriting(document.activeElement) || Date.now() - sheet.lastTyped < HOLD_MS;
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
    const task = sheet.task;
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
          if (Date.now() - Math.max(sheet.lastTyped, heldAt) >= IDLE_MS) goOn();
        }, 1000);
        return true;
      }
      afterLeft = shown(state);
      notice(fill(open ? W.moved_draft : W.moved_kept, { title: left.title }), false);
      sheet.task = null; // drawn afresh when it comes back, even after a vote between (render's "changed")
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
    sheet.lastTyped = 0;
    if (inWriting(document.activeElement)) document.activeElement.blur();
    resume(next); // through hold() again: not busy now, so the page says the sheet is kept, and goes on
  }

  $("moved-go").addEventListener("click", goOn);
  return { hold };
}
