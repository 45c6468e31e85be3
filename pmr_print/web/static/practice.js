/* The practice page: the session's audio plays; the page shows what the plan says at the audio's
   current time (the part, its figure and words, the countdown of a hold or relax period, the line
   being said). Every word comes from the page: the plan (#plan) and the messages (#messages). */
"use strict";

(() => {
  const byId = (id) => document.getElementById(id);
  const parts = JSON.parse(byId("plan").textContent);
  const words = byId("messages").dataset;
  const audio = byId("audio");
  const play = byId("play");
  const status = byId("status");
  const announce = byId("announce");
  const countdown = byId("countdown");
  const total = parts.length ? parts[parts.length - 1].end : 0;
  const partButtons = Array.from(document.querySelectorAll("button.part"));
  const poses = Array.from(document.querySelectorAll(".pose"));
  let shown = -1; // the part on show
  let pose = "";
  let pending = 0; // where to start when the audio has not loaded yet
  let frame = 0;
  let started = false;

  const now = () => (audio.readyState > 0 ? audio.currentTime : pending);

  function partAt(t) {
    let found = 0;
    parts.forEach((part, index) => {
      if (part.at <= t + 0.05) found = index;
    });
    return found;
  }

  const phaseAt = (part, t) => part.phases.find((phase) => phase.at <= t && t < phase.end);

  function lineAt(part, t) {
    let found = null;
    for (const line of part.lines) if (line.at <= t + 0.05) found = line;
    return found;
  }

  const clock = (t) => {
    const whole = Math.max(0, Math.floor(t));
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  };

  function showPart(index, told) {
    const part = parts[index];
    shown = index;
    byId("step-line").textContent = part.step;
    byId("part-title").textContent = part.title;
    byId("instruction").textContent = part.instruction;
    byId("instruction").hidden = !part.instruction;
    byId("figure").hidden = part.figure === null;
    // a step; the quiet time (a countdown, no figure); or words only, shown large
    const kind = part.phases.length ? "timed" : "speech";
    byId("stage").dataset.kind = part.figure !== null ? "step" : kind;
    pose = "";
    partButtons.forEach((button, at) => {
      if (at === index) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
    });
    if (told) announce.textContent = part.title;
  }

  function showPose(part, phase) {
    const wanted = phase && phase.kind !== "tense" ? "rest" : "tense";
    if (wanted === pose) return;
    pose = wanted;
    poses.forEach((element) => {
      element.hidden = !(
        Number(element.dataset.figure) === part.figure && element.dataset.pose === wanted
      );
    });
  }

  function render(told) {
    const t = now();
    const index = partAt(t);
    if (index !== shown) showPart(index, told);
    const part = parts[index];
    const phase = phaseAt(part, t);
    if (part.figure !== null) showPose(part, phase);
    countdown.classList.toggle("idle", !phase);
    countdown.setAttribute("aria-hidden", phase ? "false" : "true");
    if (phase) {
      countdown.dataset.phase = phase.kind;
      const left = Math.max(0, Math.ceil(phase.end - t - 0.05));
      byId("count-number").textContent = String(left);
      byId("phase-label").textContent = words[phase.kind] || "";
      byId("phase-cue").textContent = phase.cue;
      const done = (100 * (t - phase.at)) / (phase.end - phase.at);
      byId("ring-bar").style.strokeDashoffset = String(Math.min(100, Math.max(0, done)));
    }
    const line = lineAt(part, t);
    byId("caption").textContent = line ? line.text : "";
    byId("clock").textContent = `${clock(t)} / ${clock(total)}`;
    byId("track-bar").style.width = `${total ? (100 * t) / total : 0}%`;
  }

  function tick() {
    render(true);
    frame = audio.paused ? 0 : requestAnimationFrame(tick);
  }

  function label() {
    if (!audio.paused) play.textContent = words.pause;
    else play.textContent = started ? words.resume : words.start;
  }

  function toggle() {
    if (audio.paused) {
      started = true;
      status.textContent = audio.readyState > 2 ? "" : words.preparing;
      audio.play().catch(() => label());
    } else {
      audio.pause();
    }
  }

  function seek(index) {
    const at = Math.max(0, Math.min(parts.length - 1, index));
    pending = parts[at].at;
    if (audio.readyState > 0) audio.currentTime = pending;
    render(true);
  }

  const move = (by) => seek(partAt(now()) + by);

  play.addEventListener("click", toggle);
  byId("next").addEventListener("click", () => move(1));
  byId("previous").addEventListener("click", () => move(-1));
  partButtons.forEach((button) =>
    button.addEventListener("click", () => seek(Number(button.dataset.part))),
  );

  audio.addEventListener("loadedmetadata", () => {
    if (pending) audio.currentTime = pending;
  });
  audio.addEventListener("canplay", () => {
    if (status.textContent === words.preparing) status.textContent = started ? "" : words.ready;
  });
  audio.addEventListener("play", () => {
    label();
    if (!frame) frame = requestAnimationFrame(tick);
  });
  audio.addEventListener("playing", () => {
    status.textContent = "";
  });
  audio.addEventListener("pause", () => {
    label();
    if (!audio.ended) status.textContent = words.paused;
    render(true);
  });
  audio.addEventListener("ended", () => {
    started = false; // Start plays the session again from its beginning
    label();
  });
  audio.addEventListener("seeked", () => render(true));
  audio.addEventListener("timeupdate", () => {
    if (audio.paused) render(true);
  });
  audio.addEventListener("error", () => {
    status.textContent = words.failed;
  });

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable) return;
    const control = /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === " " && !control) toggle();
    else if (key === "k") toggle();
    else if (key === "n" || key === "ArrowRight") move(1);
    else if (key === "p" || key === "ArrowLeft") move(-1);
    else return;
    event.preventDefault();
  });

  if (audio.readyState > 2) status.textContent = words.ready;
  if (audio.error) status.textContent = words.failed;
  render(false);
})();
