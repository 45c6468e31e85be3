// pmr-print serve: the page without reloads. The form works without this script too: the server
// then answers with the PDF, or with the page and the messages beside the fields.
"use strict";

(function () {
  const messages = document.getElementById("messages").dataset;
  const makeForm = document.getElementById("make");
  const readForm = document.getElementById("read");
  const status = document.getElementById("status");
  const frame = document.getElementById("pdf");
  const download = document.getElementById("download");
  const preview = document.querySelector(".preview");
  const empty = document.getElementById("empty");
  let pdfUrl = null;
  let entriesUrl = null;
  let made = false; // the preview shows what the form now says
  let ticking = null;

  function showProduct() {
    const chosen = makeForm.querySelector('input[name="product"]:checked');
    const product = chosen ? chosen.value : "handout";
    for (const set of makeForm.querySelectorAll("fieldset[data-product]")) {
      const hidden = !set.dataset.product.split(" ").includes(product);
      set.hidden = hidden;
      set.disabled = hidden; // a hidden product's fields are not sent
    }
  }

  // The accessible HTML edition (handout, cards): the buttons say what they make.
  function showEdition() {
    const chosen = makeForm.querySelector('input[name="product"]:checked');
    const edition = makeForm.querySelector('input[name="format"]:checked');
    const html = edition && !edition.closest("fieldset[disabled]") && edition.value === "html";
    const zip = chosen && chosen.value === "workshop";
    const button = document.getElementById("make-button");
    button.textContent = html ? messages.makeHtml : zip ? messages.makeZip : messages.makePdf;
    download.textContent = html ? messages.downloadHtml : zip ? messages.downloadZip : messages.downloadPdf;
  }

  function clearErrors(form) {
    for (const slot of form.querySelectorAll("[data-error-for]")) {
      slot.textContent = "";
      slot.hidden = true;
    }
    for (const field of form.querySelectorAll('[aria-invalid="true"]')) {
      field.removeAttribute("aria-invalid");
    }
    const summary = form.querySelector(".summary");
    if (summary) summary.hidden = true;
  }

  // Each message beside its field, and a summary on top linking to every bad field.
  function showErrors(form, errors) {
    const listed = [];
    for (const { field, message } of errors) {
      const enabled = (element) => !element.closest("fieldset[disabled]");
      const slot = [...form.querySelectorAll('[data-error-for="' + CSS.escape(field) + '"]')].find(enabled);
      const inputs = [...form.querySelectorAll('[name="' + CSS.escape(field) + '"]')].filter(enabled);
      if (!slot || !inputs.length) {
        listed.push({ message, input: null });
        continue;
      }
      slot.textContent = message;
      slot.hidden = false;
      const more = slot.closest("details");
      if (more) more.open = true; // an advanced option is wrong: show it
      for (const input of inputs) {
        if (input.type !== "checkbox" && input.type !== "radio") input.setAttribute("aria-invalid", "true");
      }
      listed.push({ message, input: inputs[0] });
    }
    const summary = form.querySelector(".summary");
    if (!summary) {
      const loose = listed.filter((entry) => !entry.input).map((entry) => entry.message);
      if (loose.length) status.textContent = messages.failed + " " + loose.join(" ");
      const first = listed.find((entry) => entry.input);
      if (first) first.input.focus();
      return;
    }
    const heading = document.createElement("p");
    heading.textContent = messages.fix;
    const list = document.createElement("ul");
    for (const { message, input } of listed) {
      const item = document.createElement("li");
      if (input) {
        const link = document.createElement("a");
        link.href = "#" + input.id;
        link.textContent = message; // the message names the field as the page labels it
        link.addEventListener("click", (event) => {
          event.preventDefault();
          input.focus();
        });
        item.append(link);
      } else {
        item.textContent = message;
      }
      list.append(item);
    }
    summary.replaceChildren(heading, list);
    summary.hidden = false;
    summary.focus();
    summary.scrollIntoView({ block: "start" });
  }

  function makeLabel() {
    return document.getElementById("make-button").textContent;
  }

  // A result always matches the form: an edit after Make marks the preview out of date and takes
  // Download away until Make is pressed again.
  function markStale() {
    if (!made) return;
    made = false;
    preview.classList.add("stale");
    download.hidden = true;
    status.textContent = messages.stale.replace("{make}", makeLabel());
  }

  // After an error nothing is offered: the previous client's file must not be downloaded.
  function clearPreview() {
    made = false;
    preview.classList.remove("stale");
    download.hidden = true;
    frame.hidden = true;
    frame.src = "about:blank";
    if (pdfUrl) URL.revokeObjectURL(pdfUrl);
    pdfUrl = null;
    empty.hidden = false;
    empty.textContent = messages.cleared.replace("{make}", makeLabel());
    document.getElementById("problems").hidden = true;
  }

  // Slow jobs (a print file, a workshop pack, a web page, a long log) say so and count seconds.
  function isSlow() {
    const data = new FormData(makeForm);
    const product = data.get("product");
    if (product === "workshop") return true;
    if (product === "booklet") return data.get("impose") === "true" || data.get("format") === "html";
    if (product === "log") return Number(data.get("weeks")) > 12 || !!(data.get("entries") && data.get("entries").size);
    return data.get("format") === "html";
  }

  function startClock() {
    const elapsed = document.getElementById("elapsed");
    const started = Date.now();
    elapsed.textContent = "";
    ticking = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      elapsed.textContent = messages.seconds.replace("{seconds}", seconds);
    }, 1000);
  }

  function stopClock() {
    clearInterval(ticking);
    document.getElementById("elapsed").textContent = "";
  }

  function fileName(response, fallback) {
    const header = response.headers.get("content-disposition") || "";
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  function showProblems(list, response) {
    const raw = response.headers.get("x-pmr-problems");
    list.replaceChildren();
    list.hidden = !raw;
    if (!raw) return;
    const intro = document.createElement("li");
    intro.className = "intro";
    intro.textContent = messages.skipped;
    list.append(intro);
    for (const problem of JSON.parse(raw)) {
      const item = document.createElement("li");
      item.textContent = problem;
      list.append(item);
    }
  }

  // What the server says about the request as a whole, in the page's words and beside the file
  // that made it too large (the rest are messages beside their fields already).
  function inPageWords(form, status, errors) {
    const chosen = [...form.querySelectorAll('input[type="file"]')].find(
      (input) => input.files.length && !input.closest("fieldset[disabled]"),
    );
    return errors.map(({ field, message }) => {
      if (status === 503) return { field: "body", message: messages.busy };
      if (field !== "body") return { field, message };
      if (status === 413 && chosen) return { field: chosen.name, message: messages.tooLarge };
      return { field, message: status === 413 ? messages.tooLarge : message };
    });
  }

  // What a long job counts, by product: a workshop its packets, a booklet's print file the pages
  // it places on the sheets, a long log its weeks.
  function countedIn() {
    const product = new FormData(makeForm).get("product");
    const unit = product === "workshop" ? "packets" : product === "booklet" ? "pages" : "weeks";
    return { said: messages[unit], label: messages[unit + "Label"] };
  }

  // A long job's count as the server's worker tells it (GET /progress/<job>): "12 of 40 packets".
  function showProgress(done, total, unit) {
    const bar = document.getElementById("progress");
    const text = document.getElementById("progress-text");
    const shown = total > 0;
    bar.hidden = !shown;
    text.hidden = !shown;
    if (!shown) return;
    const said = unit.said.replace("{done}", done).replace("{total}", total);
    bar.setAttribute("aria-label", unit.label);
    bar.setAttribute("aria-valuemax", total);
    bar.setAttribute("aria-valuenow", done);
    bar.setAttribute("aria-valuetext", said);
    document.getElementById("progress-bar").style.width = (100 * done) / total + "%";
    text.textContent = said;
  }

  function watchProgress(job) {
    const unit = countedIn();
    let asking = false;
    let stopped = false;
    const timer = setInterval(async () => {
      if (asking) return;
      asking = true;
      try {
        const response = await fetch("/progress/" + job, { cache: "no-store" });
        if (response.ok) {
          const found = await response.json();
          if (stopped) return;
          showProgress(found.done, found.total, unit);
        }
      } catch (ignored) {
        // the request itself says when the server is gone
      } finally {
        asking = false;
      }
    }, 500);
    return () => {
      stopped = true;
      clearInterval(timer);
      showProgress(0, 0, unit);
    };
  }

  function jobId() {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    return "page-" + [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function post(form, extra = {}) {
    let response;
    const body = new FormData(form);
    for (const [key, value] of Object.entries(extra)) body.append(key, value);
    try {
      response = await fetch(form.action, {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
      });
    } catch (error) {
      showErrors(form, [{ field: "body", message: messages.offline }]); // the server has stopped
      return null;
    }
    if (response.ok) return response;
    let errors = [{ field: "body", message: response.status + " " + response.statusText }];
    try {
      errors = (await response.json()).errors;
    } catch (ignored) {
      // not JSON: keep the status line
    }
    showErrors(form, inPageWords(form, response.status, errors));
    return null;
  }

  // Focus on the preview's heading, the preview in view: while a job is made (the Make button is
  // disabled, and focus would fall to the page) and when it is done (the next Tab is Download).
  function showPreview() {
    document.getElementById("preview-title").focus({ preventScroll: true });
    const top = preview.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 3) preview.scrollIntoView({ block: "start" });
  }

  async function make(event) {
    event.preventDefault();
    clearErrors(makeForm);
    const button = document.getElementById("make-button");
    made = false;
    download.hidden = true;
    button.disabled = true;
    const data = new FormData(makeForm);
    const working =
      data.get("product") === "workshop"
        ? messages.workingZip
        : data.get("format") === "html"
          ? messages.workingHtml
          : messages.working;
    status.textContent = working + (isSlow() ? " " + messages.slow : "");
    if (!frame.src || frame.hidden) empty.textContent = ""; // not "press Make": it is pressed
    showPreview();
    startClock();
    const job = jobId();
    const stopWatching = isSlow() ? watchProgress(job) : () => {};
    try {
      const response = await post(makeForm, { job });
      if (!response) {
        status.textContent = "";
        clearPreview();
        return;
      }
      const blob = await response.blob();
      if (pdfUrl) URL.revokeObjectURL(pdfUrl);
      pdfUrl = URL.createObjectURL(blob);
      // A PDF or web page shows in the frame; a zip (the workshop pack) is only downloaded.
      const shown = !(response.headers.get("content-type") || "").startsWith("application/zip");
      frame.src = shown ? pdfUrl + "#navpanes=0&view=FitH" : "about:blank";
      frame.hidden = !shown;
      empty.hidden = shown;
      empty.textContent = shown ? "" : messages.zipReady;
      download.href = pdfUrl;
      download.download = fileName(response, "pmr.pdf");
      download.hidden = false;
      preview.classList.remove("stale");
      made = true;
      status.textContent = messages.ready + " " + download.download;
      showProblems(document.getElementById("problems"), response);
      showPreview(); // next Tab: Download
    } catch (error) {
      clearPreview();
      status.textContent = messages.failed + " " + error;
    } finally {
      stopWatching();
      stopClock();
      button.disabled = false;
    }
  }

  // The read-back as a table: the server's CSV or JSON, as sent, back into records.
  function csvRows(text) {
    const rows = [];
    let row = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") {
        row.push(cell);
        cell = "";
      } else if (c === "\n") {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = "";
      } else if (c !== "\r") cell += c;
    }
    if (cell || row.length) rows.push([...row, cell]);
    return rows;
  }

  // A cell the server marked as text for spreadsheets ('=...) as the client typed it.
  const undefused = (cell) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

  function entryRecords(text, kind) {
    text = text.replace(/^\ufeff/, "");
    if (kind === "json") return JSON.parse(text);
    const [head, ...rows] = csvRows(text);
    return rows.map((row) => Object.fromEntries(head.map((key, i) => [key, undefused(row[i] || "")])));
  }

  const dayName = new Intl.DateTimeFormat(document.documentElement.lang === "zh" ? "zh-CN" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });

  function cells(row, values) {
    for (const [value, number] of values) {
      const cell = document.createElement("td");
      cell.textContent = value === null || value === undefined ? "" : String(value);
      if (number) cell.className = "number";
      row.append(cell);
    }
  }

  const rating = (value) => (value === null || value === undefined || value === "" ? "–" : value);
  function tension(record) {
    if (rating(record.before) === "–" && rating(record.after) === "–") return "";
    return rating(record.before) + " → " + rating(record.after);
  }

  function dayRow(record) {
    const row = document.createElement("tr");
    const day = document.createElement("th");
    day.scope = "row";
    day.textContent = dayName.format(new Date(record.date + "T00:00:00Z"));
    row.append(day);
    return row;
  }

  function showEntries(records) {
    const rows = [];
    for (const record of records) {
      const practised = record.practised;
      const said = practised === true || practised === "yes" ? messages.yes : practised === false || practised === "no" ? messages.no : "";
      if (said || !(record.reflection_relaxed || record.reflection_noticed)) {
        const row = dayRow(record);
        cells(row, [[said], [record.time], [record.minutes, true], [record.protocol], [tension(record), true], [record.notes]]);
        rows.push(row);
      }
      if (record.reflection_relaxed || record.reflection_noticed) {
        const row = dayRow(record);
        row.className = "reflection";
        const cell = document.createElement("td");
        cell.colSpan = 6;
        const title = document.createElement("strong");
        title.textContent = messages.reflection;
        cell.append(title);
        for (const [label, text] of [[messages.relaxed, record.reflection_relaxed], [messages.noticed, record.reflection_noticed]]) {
          if (!text) continue;
          const line = document.createElement("span");
          line.textContent = label + (label.endsWith("：") ? "" : " ") + text; // no space after "："
          cell.append(line);
        }
        row.append(cell);
        rows.push(row);
      }
    }
    document.getElementById("read-rows").replaceChildren(...rows);
  }

  async function read(event) {
    event.preventDefault();
    clearErrors(readForm);
    const result = document.getElementById("read-result");
    result.hidden = true;
    const response = await post(readForm);
    if (!response) return;
    const blob = await response.blob(); // as sent: a CSV keeps its byte order mark for Excel
    const text = await blob.text();
    document.getElementById("read-output").textContent = text;
    const kind = (response.headers.get("content-type") || "").includes("json") ? "json" : "csv";
    showEntries(entryRecords(text, kind));
    const link = document.getElementById("read-download");
    if (entriesUrl) URL.revokeObjectURL(entriesUrl);
    entriesUrl = URL.createObjectURL(blob);
    link.href = entriesUrl;
    link.download = fileName(response, "entries.csv");
    link.textContent = link.download;
    result.hidden = false;
    showProblems(document.getElementById("read-problems"), response);
  }

  for (const radio of makeForm.querySelectorAll('input[name="product"]')) {
    radio.addEventListener("change", showProduct);
    radio.addEventListener("change", showEdition);
  }
  for (const radio of makeForm.querySelectorAll('input[name="format"]')) {
    radio.addEventListener("change", showEdition);
  }
  // File fields show the chosen file's name in the page's language (see .file in page.css).
  for (const input of document.querySelectorAll('.file input[type="file"]')) {
    const name = input.parentElement.querySelector(".file-name");
    input.addEventListener("change", () => {
      name.textContent = input.files.length ? input.files[0].name : messages.noFile;
    });
  }
  // Switching the page's language keeps what was typed (files cannot be kept: browsers forbid it).
  const KEPT = "pmr-print-form";
  function keepForm() {
    const values = [];
    for (const element of makeForm.elements) {
      if (!element.name || element.type === "file" || element.type === "hidden") continue;
      if ((element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
      // The PDF's language left as this page's follows the page, as on a fresh page.
      if (element.id === "f-lang" && element.value === document.documentElement.lang) continue;
      values.push([element.id, element.type, element.value]);
    }
    sessionStorage.setItem(KEPT, JSON.stringify(values));
  }
  function restoreForm() {
    const kept = sessionStorage.getItem(KEPT);
    sessionStorage.removeItem(KEPT);
    if (!kept) return;
    for (const box of makeForm.querySelectorAll('input[type="checkbox"]')) box.checked = false;
    for (const [id, type, value] of JSON.parse(kept)) {
      const element = document.getElementById(id);
      if (!element) continue;
      if (type === "checkbox" || type === "radio") element.checked = true;
      else element.value = value;
    }
  }
  for (const link of document.querySelectorAll(".switch a")) link.addEventListener("click", keepForm);

  // "Automatic" says what it picks for the chosen language of the PDF.
  const auto = JSON.parse(messages.auto);
  function showAutomatic() {
    const picked = auto[document.getElementById("f-lang").value];
    if (!picked) return;
    document.getElementById("auto-paper").textContent = messages.automatic.replace("{picked}", picked.paper);
    document.getElementById("auto-locale").textContent = messages.automatic.replace("{picked}", picked.locale);
  }
  document.getElementById("f-lang").addEventListener("change", showAutomatic);

  makeForm.addEventListener("input", markStale);
  makeForm.addEventListener("change", markStale);
  restoreForm();
  showAutomatic();
  document.documentElement.classList.add("js");
  makeForm.addEventListener("submit", make);
  readForm.addEventListener("submit", read);
  showProduct();
  showEdition();
})();
