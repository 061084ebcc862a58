// The front office's shared module (issue 16): one fetch wrapper, one way to show the API's
// errors next to the field they name, tables, forms and formatting. Plain JavaScript served as
// it is (no build step); every page imports what it needs from here.
//
// Who is signed in comes from GET /api/session (GET /api/me for a pasted token); requests carry
// the session cookie (same origin) and, on state-changing requests, the session's CSRF token in
// X-CSRF-Token. A machine's API token
// pasted into the address bar as #token=... (as on the dashboard) is used instead when present,
// kept in this tab's sessionStorage only. A person who represents several accounts picks the one
// they act for; a session's requests name it in X-Account.

const TOKEN_KEY = 'computecap.office.token';
const state = { me: null, csrf: null, account: null };

/** Makes the session's requests act for {@code accountId} (one the person represents). */
export function actAs(accountId) {
  state.account = accountId;
}

/** An error answer of the API: {status, code, message, field}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : 'the request failed (' + status + ')');
    this.status = status;
    this.code = body && body.code ? body.code : 'HTTP_' + status;
    this.field = body && body.field ? body.field : null;
  }
}

function bearer() {
  const hash = new URLSearchParams(location.hash.slice(1));
  const fromUrl = hash.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Whether this tab acts with a pasted API token rather than a session. */
export function usingToken() {
  return bearer() != null;
}

/**
 * Calls the API: {@code body} is sent as JSON; the answer's JSON is returned, or an ApiError
 * thrown with the API's {code, message, field}.
 */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = bearer();
  if (token) headers.Authorization = 'Bearer ' + token;
  else if (state.account != null) headers['X-Account'] = String(state.account);
  if (method !== 'GET') {
    if (state.csrf) headers['X-CSRF-Token'] = state.csrf;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let r;
  try {
    r = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { code: 'NETWORK', message: 'the server could not be reached' });
  }
  const text = await r.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = { message: text };
    }
  }
  if (!r.ok) throw new ApiError(r.status, data);
  return data;
}

/** Every item of a paged list ({items, next}), following the cursor (at most 20 pages). */
export async function all(path) {
  const out = [];
  let after = null;
  for (let i = 0; i < 20; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api('GET', path + sep + 'limit=1000' + (after ? '&after=' + after : ''));
    out.push(...page.items);
    if (page.next == null) break;
    after = page.next;
  }
  return out;
}

/**
 * Who is signed in, or null when no one is. A browser asks GET /api/session, which answers 200
 * signed in or not (so a signed-out visit logs no error) and carries /api/me's answer; a pasted
 * API token asks GET /api/me. The answer is kept for the page's life.
 */
export async function me() {
  if (state.me) return state.me;
  if (usingToken()) {
    state.me = await api('GET', '/api/me');
  } else {
    const session = await api('GET', '/api/session');
    if (!session.signedIn) return null;
    state.me = session.me;
  }
  if (state.me.csrfToken) state.csrf = state.me.csrfToken;
  return state.me;
}

/**
 * The accounts the signed-in person (or token) acts for: [{accountId, name, role, initiator,
 * approver}]. A session lists its person's accounts; an account's or a person's token acts for
 * one account.
 */
export function accountsOf(who) {
  if (!who) return [];
  if (Array.isArray(who.accounts) && who.accounts.length > 0) return who.accounts;
  if (who.accountId == null) return [];
  return [{ accountId: who.accountId, role: who.role, name: who.name || '' }];
}

/** Whether the signed-in caller supervises (a regulator or an auditor). */
export function roleOf(who) {
  if (!who) return null;
  if (who.regulator === true) return 'REGULATOR';
  if (who.auditor === true) return 'AUDITOR';
  const accounts = accountsOf(who);
  if (accounts.some((a) => a.role === 'REGULATOR')) return 'REGULATOR';
  if (accounts.some((a) => a.role === 'AUDITOR')) return 'AUDITOR';
  return accounts.length > 0 ? accounts[0].role || 'PARTICIPANT' : null;
}

/** Signs out: ends the session (when there is one) and forgets a pasted token. */
export async function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  try {
    if (!usingToken()) await api('DELETE', '/api/session');
  } catch (e) {
    // No session route, or no session: nothing more to end.
  }
  state.me = null;
  location.assign('/office/signin.html');
}

// ------------------------------------------------------------------ formatting

/** Cents as currency units with two decimals and thousands separators. */
export function money(cents) {
  if (cents == null) return '–';
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100).toLocaleString('en-US');
  return (neg ? '−' : '') + units + '.' + String(abs % 100).padStart(2, '0');
}

/** A whole number with thousands separators. */
export function num(n) {
  return n == null ? '–' : Number(n).toLocaleString('en-US');
}

/** An epoch-millisecond tick as a UTC time. */
export function when(tick) {
  if (tick == null) return '–';
  return new Date(tick).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/**
 * Currency units typed by a person ("21.5", "1,000.00") as whole cents, exactly (no floating
 * point); null when the text is not an amount.
 */
export function parseCents(text) {
  const t = String(text).trim().replace(/,/g, '');
  const m = t.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] || '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return m[1] ? -cents : cents;
}

// ------------------------------------------------------------------ elements

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** A new element with attributes (a string child or an array of children). */
export function el(tag, attrs, children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of [].concat(children == null ? [] : children)) {
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/**
 * Fills the table {@code id} from {@code rows}: columns are [{label, value(row) -> text or Node,
 * num?}]; an empty list shows {@code empty} in one cell.
 */
export function table(id, columns, rows, empty) {
  const t = $(id);
  t.replaceChildren();
  const head = el(
    'tr',
    {},
    columns.map((c) => el('th', { scope: 'col', class: c.num ? 'num' : null, text: c.label })),
  );
  t.append(el('thead', {}, head));
  const body = el('tbody');
  if (rows.length === 0) {
    body.append(
      el('tr', { class: 'empty' }, el('td', { colspan: columns.length, text: empty || 'None.' })),
    );
  }
  for (const row of rows) {
    body.append(
      el(
        'tr',
        {},
        columns.map((c) => {
          const v = c.value(row);
          return el('td', { class: c.num ? 'num' : null }, v instanceof Node ? v : v ?? '–');
        }),
      ),
    );
  }
  t.append(body);
}

/** A button that runs {@code action} and reports its failure in {@code status}. */
export function button(label, action, attrs) {
  const b = el('button', Object.assign({ type: 'button', class: 'small' }, attrs || {}), label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await action();
    } catch (e) {
      announce(e instanceof ApiError ? e.code + ': ' + e.message : String(e), true);
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

/** Says {@code text} in the page's live status line (errors in the error style). */
export function announce(text, error) {
  const s = $('status');
  if (!s) return;
  s.textContent = text;
  s.classList.toggle('error', !!error);
}

/** Shows an error of a section's loading inside that section rather than failing the page. */
export function sectionError(id, e) {
  const t = $(id);
  if (!t) return;
  t.replaceChildren(
    el('caption', { class: 'load-error' }, e instanceof ApiError ? e.code + ': ' + e.message : String(e)),
  );
}

// ------------------------------------------------------------------ forms

/**
 * The form's values by input name: inputs with data-type="int" are numbers, data-type="money"
 * are cents from currency units; empty optional inputs are left out. Throws a field error for a
 * required input left empty or a number that does not read.
 */
function values(form) {
  const out = {};
  for (const input of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    const name = input.name;
    const raw = input.value.trim();
    const label = labelOf(input);
    if (raw === '') {
      if (input.required) throw new ApiError(400, { code: 'REQUIRED', message: label + ' is required', field: name });
      continue;
    }
    const type = input.dataset.type;
    if (type === 'int') {
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
        throw new ApiError(400, { code: 'NOT_A_NUMBER', message: label + ' must be a whole number, got "' + raw + '"', field: name });
      }
      out[name] = Number(raw);
    } else if (type === 'money') {
      const cents = parseCents(raw);
      if (cents == null) {
        throw new ApiError(400, { code: 'NOT_AN_AMOUNT', message: label + ' must be an amount such as 21.50, got "' + raw + '"', field: name });
      }
      out[name] = cents;
    } else {
      out[name] = raw;
    }
  }
  return out;
}

function labelOf(input) {
  const l = input.id ? document.querySelector('label[for="' + input.id + '"]') : null;
  return l ? l.textContent.trim() : input.name;
}

/** Removes every error the form shows. */
function clearErrors(form) {
  const summary = form.querySelector('.error-summary');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
  for (const input of form.querySelectorAll('[aria-invalid="true"]')) {
    input.removeAttribute('aria-invalid');
    const id = input.dataset.errorId;
    if (id && $(id)) $(id).remove();
    const described = (input.getAttribute('aria-describedby') || '')
      .split(' ')
      .filter((x) => x && x !== id);
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
  }
}

/**
 * Shows an error: next to the input the API named (aria-describedby links them, aria-invalid
 * marks it), and in the summary at the top of the form, which takes the focus so that a screen
 * reader reads it; the summary links to the field.
 */
export function showError(form, e) {
  clearErrors(form);
  const err = e instanceof ApiError ? e : new ApiError(0, { message: String(e) });
  const input = err.field ? form.querySelector('[name="' + CSS.escape(err.field) + '"]') : null;
  const summary = form.querySelector('.error-summary');
  const text = err.message + (err.code && err.status !== 400 ? ' (' + err.code + ')' : '');
  if (input) {
    const id = (input.id || form.id + '-' + err.field) + '-error';
    input.dataset.errorId = id;
    input.setAttribute('aria-invalid', 'true');
    const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    input.setAttribute('aria-describedby', described.concat(id).join(' '));
    input.insertAdjacentElement('afterend', el('p', { class: 'field-error', id, text }));
  }
  if (summary) {
    summary.hidden = false;
    summary.append(el('h3', { text: 'There is a problem' }));
    const item = input
      ? el('a', { href: '#' + input.id, onclick: (ev) => { ev.preventDefault(); input.focus(); } }, text)
      : text;
    summary.append(el('ul', {}, el('li', {}, item)));
    summary.focus();
  }
}

/**
 * Wires a form: on submit its values go to {@code send(values)} (which calls the API); success
 * shows {@code done(result, values)}'s message under the form, an error is shown next to its
 * field and in the summary. The form stays usable by keyboard alone (Enter submits).
 */
export function form(id, send, done) {
  const f = $(id);
  if (!f) return;
  f.noValidate = true;
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const result = f.querySelector('.form-result');
    if (result) result.textContent = '';
    const submit = f.querySelector('button[type="submit"], button:not([type])');
    if (submit) submit.disabled = true;
    try {
      const v = values(f);
      clearErrors(f);
      const answer = await send(v);
      const message = done ? await done(answer, v) : 'Done.';
      if (result) result.replaceChildren(message || 'Done.');
    } catch (e) {
      showError(f, e);
    } finally {
      if (submit) submit.disabled = false;
    }
  });
}

/**
 * A new TOTP second factor as its answer shows it once: the QR code to scan and the secret to
 * type where a camera is not at hand.
 */
export function totpShown(answer) {
  return el('div', {}, [
    el('p', { text: 'New second factor for person ' + answer.personId + ': scan the QR code with an authenticator app now; it is shown once.' }),
    el('img', { class: 'qr', src: answer.qrPng, alt: 'QR code of the new TOTP secret', width: 240, height: 240 }),
    el('p', {}, ['Secret (if it cannot be scanned): ', el('code', { class: 'secret', text: answer.secret })]),
  ]);
}

/** What a command's answer did, in words: "waiting for approval" when four-eyes held it. */
export function outcome(answer) {
  const events = (answer && answer.events) || [];
  const names = events.map((e) => e.event);
  if (names.includes('TransactionAwaitingApproval')) {
    const e = events.find((x) => x.event === 'TransactionAwaitingApproval');
    const id = e.data && e.data.transactionId;
    return 'Waiting for a second representative to approve it (transaction ' + id + ').';
  }
  if (names.includes('TransactionDelayed')) {
    return 'Delayed: the receiver is not on the trusted list; it executes after the delay unless cancelled.';
  }
  if (names.includes('TransactionRefused')) {
    const e = events.find((x) => x.event === 'TransactionRefused');
    return 'Approved, but refused when it executed: ' + JSON.stringify(e.data);
  }
  const trades = names.filter((n) => n === 'TradeExecuted').length;
  return 'Done' + (trades ? ': ' + trades + ' trade' + (trades > 1 ? 's' : '') : '') + '.';
}

/**
 * Fills table {@code id} with the waiting transactions (GET /api/transactions: the caller's
 * account's, or all for supervisors), with Approve and Reject (or Cancel, for a delayed transfer)
 * on those {@code decidable(t)} accepts; a decision is announced and {@code after()} reloads.
 */
export async function transactions(id, decidable, after) {
  const decide = async (t, what) => {
    const r = await api('POST', '/api/transactions/' + t.transactionId + '/' + what);
    announce('Transaction ' + t.transactionId + (what === 'approval' ? ' approved. ' + outcome(r) : ' rejected.'));
    await after();
  };
  try {
    table(id, [
      { label: 'Transaction', value: (t) => t.transactionId },
      { label: 'Account', value: (t) => t.accountId ?? 'regulator' },
      { label: 'What', value: (t) => t.command },
      { label: 'Initiated by person', value: (t) => t.initiatorId },
      { label: 'Status', value: (t) => t.status },
      { label: 'Initiated', value: (t) => when(t.initiatedTick) },
      { label: 'Expires or executes', value: (t) => when(t.executeAtTick ?? t.expiresTick) },
      { label: 'Decide', value: (t) => !decidable(t) ? '' : el('div', { class: 'actions' }, [
        t.status === 'AWAITING_APPROVAL'
          ? button('Approve', () => decide(t, 'approval'), { 'aria-label': 'Approve transaction ' + t.transactionId, 'data-write': true })
          : '',
        button(t.status === 'DELAYED' ? 'Cancel' : 'Reject', () => decide(t, 'cancellation'),
          { class: 'small danger', 'aria-label': 'Reject transaction ' + t.transactionId, 'data-write': true }),
      ]) },
    ], await api('GET', '/api/transactions'), 'Nothing is waiting.');
  } catch (e) {
    sectionError(id, e);
  }
}

/**
 * Starts a page: finds who is signed in, shows it in the header with a sign-out button, and
 * calls {@code render(who)}; with no one signed in, points to the sign-in page.
 */
export async function start(render) {
  let who;
  try {
    who = await me();
  } catch (e) {
    announce('The server could not be asked who is signed in: ' + e.message, true);
    return;
  }
  const whoEl = $('who');
  if (!who) {
    // The sign-in page comes back here once the person has signed in.
    location.assign('/office/signin.html?next=' + encodeURIComponent(location.pathname));
    return;
  }
  if (whoEl) {
    const name = who.name || '';
    whoEl.replaceChildren(
      el('span', { class: 'who-name', text: (name ? name + ' · ' : '') + roleOf(who) }),
      button('Sign out', signOut, { id: 'sign-out', class: 'ghost' }),
    );
  }
  await render(who);
}
