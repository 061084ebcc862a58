// Sign-in for persons (issue 16). POST /api/session with name, password and TOTP code; the
// server sets an HttpOnly session cookie (this script never sees it) and answers who signed in,
// with the CSRF token the office pages read again from GET /api/me. Errors come as
// {code, message, field} and are shown next to the field they name.
"use strict";

(function () {
  const form = document.getElementById("signin-form");
  const submit = document.getElementById("signin-submit");
  const formError = document.getElementById("form-error");
  // The API names fields by their JSON names; personId is entered as the name here.
  const fieldOf = { name: "name", personId: "name", password: "password", totp: "totp" };

  function clearErrors() {
    formError.hidden = true;
    formError.textContent = "";
    for (const id of ["name", "password", "totp"]) {
      const e = document.getElementById(id + "-error");
      e.hidden = true;
      e.textContent = "";
      document.getElementById(id).removeAttribute("aria-invalid");
    }
  }

  function showError(field, message) {
    const id = fieldOf[field];
    if (!id) {
      formError.textContent = message;
      formError.hidden = false;
      submit.focus();
      return;
    }
    const input = document.getElementById(id);
    const e = document.getElementById(id + "-error");
    e.textContent = message;
    e.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }

  // Only a path of this site: never send a person elsewhere after signing in.
  function nextPage() {
    const next = new URLSearchParams(window.location.search).get("next");
    return next && /^\/office\/[A-Za-z0-9_\-./]*$/.test(next) && !next.includes("..")
      ? next
      : "/office/";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const name = document.getElementById("name").value.trim();
    const password = document.getElementById("password").value;
    const totp = document.getElementById("totp").value.trim();
    if (!name) { showError("name", "Enter your name."); return; }
    if (!password) { showError("password", "Enter your password."); return; }
    if (!/^[0-9]{6}$/.test(totp)) {
      showError("totp", "Enter the six digits your authenticator app shows now.");
      return;
    }
    const body = /^[0-9]+$/.test(name)
      ? { personId: Number(name), password, totp }
      : { name, password, totp };
    submit.disabled = true;
    try {
      const r = await fetch("/api/session", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body),
      });
      if (r.status === 201) {
        window.location.assign(nextPage());
        return;
      }
      let err = { message: "Signing in failed (" + r.status + ")." };
      try { err = await r.json(); } catch (e) { /* not JSON: keep the status */ }
      if (err.field === "totp") { document.getElementById("totp").value = ""; }
      showError(err.field, err.message);
    } catch (e) {
      showError(null, "The server cannot be reached: " + e.message);
    } finally {
      submit.disabled = false;
    }
  });

  // Offer the organisation's sign-in when the server has an OpenID Connect provider.
  fetch("/api/oidc", { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : { enabled: false }))
    .then((c) => { document.getElementById("oidc").hidden = !c.enabled; })
    .catch(() => {});

  const reason = new URLSearchParams(window.location.search).get("error");
  if (reason) { showError(null, reason); }
  document.getElementById("name").focus();
})();
