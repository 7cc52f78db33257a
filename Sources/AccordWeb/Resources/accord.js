// Accord's only script: small conveniences on top of pages that work without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Filter and "as of" choices apply as soon as they change; the button stays for keyboards and no-script.
  for (const select of document.querySelectorAll("form.autosubmit select")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // Forms that change the record ask once more before sending.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
});
