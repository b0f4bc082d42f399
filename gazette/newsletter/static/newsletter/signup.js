// Sign up without leaving the page. Works on cached pages: it needs no CSRF token
// (the endpoint is CSRF-exempt, see gazette/newsletter/views.py). Without JavaScript
// the form posts normally and the reader sees a result page.
(function () {
  "use strict";
  function show(form, text, isError) {
    var status = form.querySelector("[role=status]");
    if (!status) return;
    status.hidden = false;
    status.textContent = text;
    status.classList.toggle("is-error", !!isError);
  }
  function onSubmit(event) {
    var form = event.target;
    if (!form.matches("[data-newsletter-signup]") || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "omit",
    })
      .then(function (response) {
        return response.json().then(function (data) {
          show(form, data.message, !data.ok);
          if (data.ok) form.reset();
        });
      })
      .catch(function () {
        show(form, form.getAttribute("data-offline-message") || "Network error: please try again.", true);
      })
      .then(function () {
        if (button) button.disabled = false;
      });
  }
  document.addEventListener("submit", onSubmit);
})();
