// Clusters screens, progressive enhancement only: every form also works without it.
(() => {
  // The scoring grid saves each row as it changes (htmx); the "Lưu tất cả" button
  // stays for browsers without JavaScript, and is hidden once htmx is present.
  document.addEventListener("DOMContentLoaded", () => {
    const grid = document.getElementById("score-grid");
    if (grid && window.htmx) {
      grid.classList.add("live");
    }
  });
  // A saved row briefly says so; a refused row keeps focus on its first input.
  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail.target;
    if (!(target instanceof HTMLElement) || !target.id || !target.id.startsWith("row-")) return;
    const row = document.getElementById(target.id);
    if (!row) return;
    if (row.classList.contains("has-error")) {
      const input = row.querySelector("input, textarea");
      if (input) input.focus();
    } else {
      row.classList.add("saved");
      window.setTimeout(() => row.classList.remove("saved"), 1200);
    }
  });
})();
