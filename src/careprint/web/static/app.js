// careprint's app: what htmx does not do by itself (no inline script anywhere: the CSP
// allows scripts from this app only).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // the body map's points are SVG shapes: Enter or Space presses them like a button
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.matches(".marker[role=button]")) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    }
  });

  // a field whose error message is filled in (by the live preview) is marked invalid
  function markInvalid() {
    document.querySelectorAll(".field-error[id]").forEach(function (slot) {
      document.querySelectorAll('[aria-describedby~="' + slot.id + '"]').forEach(function (field) {
        if (slot.textContent.trim()) field.setAttribute("aria-invalid", "true");
        else field.removeAttribute("aria-invalid");
      });
    });
  }
  document.addEventListener("htmx:afterSettle", markInvalid);

  // the PDF password is shown once, in a dialog that holds the focus until it is closed
  function showDialogs(root) {
    root.querySelectorAll("dialog.password-dialog[open]").forEach(function (dialog) {
      if (typeof dialog.showModal === "function" && !dialog.dataset.modal) {
        dialog.dataset.modal = "1";
        dialog.close();
        dialog.showModal();
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { showDialogs(document); });
  document.addEventListener("htmx:afterSettle", function (event) { showDialogs(event.target); });

  // returned handouts: PDFs dropped on the zone are sent at once (without scripts, the file
  // field and the button do the same)
  document.addEventListener("dragover", function (event) {
    var zone = event.target instanceof Element && event.target.closest("#drop-zone");
    if (!zone) return;
    event.preventDefault();
    zone.classList.add("over");
  });
  document.addEventListener("dragleave", function (event) {
    var zone = event.target instanceof Element && event.target.closest("#drop-zone");
    if (zone) zone.classList.remove("over");
  });
  document.addEventListener("drop", function (event) {
    var zone = event.target instanceof Element && event.target.closest("#drop-zone");
    if (!zone || !event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    zone.classList.remove("over");
    var input = document.getElementById("returned-files");
    input.files = event.dataTransfer.files;
    document.getElementById("returned-form").requestSubmit();
  });
})();
