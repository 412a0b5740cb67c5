// Councils screens, progressive enhancement only: every form works without this file.
// On the attendance list, show the reason and representative boxes only when they apply.
(function () {
  function sync(form) {
    const status = form.querySelector("select[name=status]");
    if (!status) return;
    const absent = status.value === "absent" || status.value === "represented";
    const reason = form.querySelector("input[name=reason]");
    const representative = form.querySelector("input[name=representative]");
    const written = form.querySelector("label.written-opinion");
    if (reason) reason.hidden = !absent;
    if (representative) representative.hidden = status.value !== "represented";
    if (written) written.hidden = !absent;
  }
  function syncAll(root) {
    root.querySelectorAll("form.attendance-form").forEach(sync);
  }
  document.addEventListener("DOMContentLoaded", () => syncAll(document));
  document.addEventListener("change", (event) => {
    const form = event.target.closest && event.target.closest("form.attendance-form");
    if (form) sync(form);
  });
  document.addEventListener("htmx:afterSwap", (event) => syncAll(event.detail.target.parentNode || document));
})();
