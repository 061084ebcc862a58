// The front office's landing page (issue 16): shows who is signed in (GET /api/session, which
// carries /api/me's answer) and signs out. Without a live session it goes to the sign-in page.
"use strict";

(async function () {
  const summary = document.getElementById("me-summary");
  let me;
  try {
    // GET /api/session answers 200 signed in or not, so a signed-out visit logs no error.
    const r = await fetch("/api/session", { credentials: "same-origin" });
    const state = await r.json();
    if (!state.signedIn) {
      window.location.assign("/office/signin.html");
      return;
    }
    me = state.me;
  } catch (e) {
    summary.textContent = "The server cannot be reached: " + e.message;
    return;
  }
  document.getElementById("who").textContent = me.name || "account " + me.accountId;
  const kind = me.regulator ? " (regulator)" : me.auditor ? " (auditor)" : "";
  summary.textContent =
    (me.name ? me.name + ", person " + me.personId : "account " + me.accountId) +
    kind + ": acting for account " + me.accountId + " as " + me.role + ".";
  const body = document.getElementById("me-accounts-body");
  for (const a of me.accounts || []) {
    const tr = document.createElement("tr");
    for (const text of [a.name + " (" + a.accountId + ")", a.role,
      a.initiator ? "yes" : "no", a.approver ? "yes" : "no"]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  document.getElementById("me-accounts").hidden = !(me.accounts || []).length;

  // The pages of the person's roles (docs/office.md).
  const pages = [];
  if ((me.accounts || []).some((a) => a.role === "PARTICIPANT" || a.role === "INSURER")) {
    pages.push(["/office/participant.html", "My account: holdings, cash, orders, transfers, "
      + "auction bids, reports, surrender, compliance, approvals, trusted list, credentials"]);
  }
  if (me.regulator || me.auditor) {
    pages.push(["/office/registry.html", me.regulator
      ? "The registry: accounts, representatives, allocation, auctions, evaluations, period "
        + "close, approvals, reversals, reserves, public reports, audits"
      : "The registry, to read: accounts, periods, compliance, approvals, reserves, reports, "
        + "audits"]);
  }
  pages.push(["/", "The market dashboard"]);
  const list = document.getElementById("pages");
  for (const [href, text] of pages) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    const li = document.createElement("li");
    li.appendChild(a);
    list.appendChild(li);
  }

  document.getElementById("signout").addEventListener("click", async () => {
    await fetch("/api/session", {
      method: "DELETE",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": me.csrfToken || "" },
    });
    window.location.assign("/office/signin.html");
  });
})();
