// Awards screens: progressive enhancement only (pages work without it).
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.classList.contains("select-all")) {
    return;
  }
  const scope = document.getElementById(box.dataset.target);
  if (!scope) {
    return;
  }
  scope.querySelectorAll("input[type=checkbox]:not(.select-all)").forEach((item) => {
    item.checked = box.checked;
  });
});
// Clicking "Chi tiết" a second time folds the inline verdicts away again.
document.addEventListener("htmx:beforeRequest", (event) => {
  const link = event.detail.elt;
  const target = event.detail.target;
  if (link && target && link.dataset.open === "1" && target.id && target.id.startsWith("detail-")) {
    event.preventDefault();
    target.innerHTML = "";
    link.dataset.open = "0";
  } else if (link && target && target.id && target.id.startsWith("detail-")) {
    link.dataset.open = "1";
  }
});
