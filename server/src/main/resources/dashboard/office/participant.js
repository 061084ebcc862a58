// The participant's page: one account's holdings, cash, orders, transfers, auction bids,
// reports, surrenders, compliance codes, waiting transactions, trusted list and credentials.
// Every figure is the API's; the page only formats it.
import {
  $, el, api, all, table, form, button, announce, sectionError, outcome, start, accountsOf,
  money, num, when, ApiError, usingToken, actAs, transactions, signOut, totpShown,
} from './office.js';

const page = { account: null, directory: [], periods: [] };
const ACCOUNT_KEY = 'computecap.office.account';

start(async (who) => {
  const accounts = accountsOf(who).filter((a) => a.role !== 'REGULATOR' && a.role !== 'AUDITOR');
  if (accounts.length === 0) {
    announce('This sign-in acts for no participant account; the registry page is for regulators and auditors.', true);
    return;
  }
  page.who = who;
  const kept = Number(sessionStorage.getItem(ACCOUNT_KEY));
  page.account = accounts.find((a) => a.accountId === kept) || accounts[0];
  actAs(page.account.accountId);
  if (accounts.length > 1) {
    const select = $('account-select');
    for (const a of accounts) {
      select.append(el('option', { value: a.accountId, text: a.accountId + ' ' + (a.name || '') }));
    }
    select.value = page.account.accountId;
    select.addEventListener('change', () => {
      sessionStorage.setItem(ACCOUNT_KEY, select.value);
      location.reload();
    });
    $('account-picker').hidden = false;
  }
  wireForms();
  await refresh();
});

const id = () => page.account.accountId;
const base = () => '/api/accounts/' + id();

/** Reloads every section; a section that fails shows its error and the others still load. */
async function refresh() {
  await Promise.all([
    loadAccount(), loadDirectory(), loadOrders(), loadAuctions(), loadHistories(), loadCompliance(),
    loadTransactions(), loadTrusted(), loadCredentials(),
  ]);
}

async function loadAccount() {
  try {
    const a = await api('GET', base());
    $('account-title').textContent = a.name + ' (account ' + a.accountId + ')';
    const status = a.status ? a.status + (a.statusReason ? ': ' + a.statusReason : '') : 'OPEN';
    $('holdings-cards').replaceChildren(
      card('Free permits', num(a.holdings.freePermits), 'free-permits'),
      card('Reserved permits', num(a.holdings.reservedPermits), 'reserved-permits'),
      card('Account status', status, 'account-status'),
    );
    table('holdings-table', [
      { label: 'Vintage', value: (v) => v.vintage },
      { label: 'Free', value: (v) => num(v.free), num: true },
      { label: 'Reserved (open orders)', value: (v) => num(v.reserved), num: true },
    ], a.holdings.vintages, 'No permits.');
    $('cash-cards').replaceChildren(
      card('Free cash', money(a.cash.freeCents), 'free-cash'),
      card('Reserved cash', money(a.cash.reservedCents), 'reserved-cash'),
      card('Unpaid penalty', money(a.compliance ? a.compliance.unpaidPenaltyCents : null), 'unpaid-penalty'),
      card('Make-good owed', num(a.compliance ? a.compliance.makeGoodOwedPermits : null), 'make-good'),
    );
    $('serials-link').href = base() + '/serials';
  } catch (e) {
    sectionError('holdings-table', e);
  }
}

function card(label, value, idPart) {
  return el('div', { class: 'card' }, [
    el('div', { class: 'label', text: label }),
    el('div', { class: 'value', id: 'card-' + idPart, text: value }),
  ]);
}

async function loadDirectory() {
  try {
    page.directory = await all('/api/accounts');
    const others = page.directory.filter((a) => a.accountId !== id() && a.role === 'PARTICIPANT');
    for (const sel of ['transfer-to', 'trusted-account']) {
      const s = $(sel);
      const keep = s.value;
      s.replaceChildren(...others.map((a) => el('option', { value: a.accountId, text: a.accountId + ' ' + a.name })));
      if (keep) s.value = keep;
    }
  } catch (e) {
    announce('The account directory did not load: ' + e.message, true);
  }
}

const nameOf = (accountId) => {
  const a = page.directory.find((x) => x.accountId === accountId);
  return a ? accountId + ' ' + a.name : String(accountId);
};

async function loadOrders() {
  try {
    const orders = await all(base() + '/orders');
    const open = orders.filter((o) => o.status === 'OPEN');
    table('orders-table', [
      { label: 'Order', value: (o) => o.orderId },
      { label: 'Side', value: (o) => o.side },
      { label: 'Type', value: (o) => o.type },
      { label: 'Vintage', value: (o) => o.vintage },
      { label: 'Price', value: (o) => money(o.priceCents), num: true },
      { label: 'Quantity', value: (o) => num(o.quantity), num: true },
      { label: 'Remaining', value: (o) => num(o.remaining), num: true },
      { label: '', value: (o) => button('Cancel', async () => {
        const r = await api('DELETE', '/api/orders/' + o.orderId);
        announce('Order ' + o.orderId + ': ' + outcome(r));
        await refresh();
      }, { 'aria-label': 'Cancel order ' + o.orderId }) },
    ], open, 'No open orders.');
    const finished = orders.filter((o) => o.status !== 'OPEN').slice(-20).reverse();
    table('finished-orders-table', [
      { label: 'Order', value: (o) => o.orderId },
      { label: 'Side', value: (o) => o.side },
      { label: 'Vintage', value: (o) => o.vintage },
      { label: 'Price', value: (o) => money(o.priceCents), num: true },
      { label: 'Quantity', value: (o) => num(o.quantity), num: true },
      { label: 'Status', value: (o) => o.status },
    ], finished, 'None yet.');
  } catch (e) {
    sectionError('orders-table', e);
  }
}

async function loadAuctions() {
  try {
    const auctions = await all('/api/auctions');
    const open = auctions.filter((a) => a.status === 'OPEN');
    table('auctions-table', [
      { label: 'Auction', value: (a) => a.auctionId },
      { label: 'Period', value: (a) => a.period },
      { label: 'Supply', value: (a) => num(a.supplyPermits), num: true },
      { label: 'Reserve price', value: (a) => money(a.reservePriceCents), num: true },
      { label: 'Status', value: (a) => a.status },
      { label: 'Clearing price', value: (a) => money(a.clearingPriceCents), num: true },
    ], auctions, 'No auctions yet.');
    const s = $('bid-auction');
    s.replaceChildren(...open.map((a) => el('option', { value: a.auctionId, text: 'Auction ' + a.auctionId + ' (period ' + a.period + ')' })));
    const bids = [];
    for (const a of auctions) {
      for (const b of await all('/api/auctions/' + a.auctionId + '/bids')) bids.push(b);
    }
    table('bids-table', [
      { label: 'Auction', value: (b) => b.auctionId },
      { label: 'Bid', value: (b) => b.bidId },
      { label: 'Quantity', value: (b) => num(b.quantity), num: true },
      { label: 'Limit price', value: (b) => money(b.limitPriceCents), num: true },
      { label: 'Status', value: (b) => b.status },
      { label: 'Won', value: (b) => num(b.wonPermits), num: true },
      { label: 'Paid', value: (b) => money(b.paidCents), num: true },
      { label: '', value: (b) => b.status !== 'OPEN' ? '' : button('Withdraw', async () => {
        await api('DELETE', '/api/auctions/' + b.auctionId + '/bids/' + b.bidId);
        announce('Bid ' + b.bidId + ' withdrawn.');
        await refresh();
      }, { 'aria-label': 'Withdraw bid ' + b.bidId }) },
    ], bids, 'No bids.');
  } catch (e) {
    sectionError('auctions-table', e);
  }
}

const historyColumns = (fields) => [
  { label: 'Time', value: (r) => when(r.tick) },
  { label: 'What', value: (r) => r.event },
  ...fields.map(([label, key]) => ({ label, value: (r) => (r.data[key] == null ? '–' : num(r.data[key])), num: true })),
];

async function loadHistories() {
  const lists = [
    ['reports-table', '/reports', [['Period', 'period'], ['Quantity', 'quantity']], 'No reports.'],
    ['meter-table', '/meter-readings', [['Period', 'period'], ['Quantity', 'quantity']], 'No meter readings.'],
    ['surrenders-table', '/surrenders', [['Period', 'period'], ['Quantity', 'quantity']], 'No surrenders.'],
  ];
  await Promise.all(lists.map(async ([tableId, path, fields, empty]) => {
    try {
      table(tableId, historyColumns(fields), (await all(base() + path)).reverse(), empty);
    } catch (e) {
      sectionError(tableId, e);
    }
  }));
}

async function loadCompliance() {
  try {
    page.periods = await api('GET', '/api/periods');
    const closed = page.periods.filter((p) => p.status === 'CLOSED');
    const rows = [];
    for (const p of closed) {
      const codes = await all('/api/periods/' + p.period + '/compliance-codes');
      const mine = codes.find((c) => c.accountId === id());
      rows.push(mine || { period: p.period, code: null });
    }
    const current = page.periods.find((p) => p.status === 'CURRENT');
    if (current) {
      for (const input of ['report-period', 'surrender-period']) if (!$(input).value) $(input).value = current.period;
      if (!$('order-vintage').value) $('order-vintage').value = current.period;
      if (!$('transfer-vintage').value) $('transfer-vintage').value = current.period;
    }
    table('compliance-table', [
      { label: 'Period', value: (r) => r.period },
      { label: 'Code', value: (r) => r.code == null ? 'not assessed' : el('span', { class: 'code code-' + r.code, text: r.code, title: codeMeaning(r.code) }) },
      { label: 'Reported', value: (r) => r.reported == null ? '–' : r.reported ? 'yes' : 'no' },
      { label: 'Obligation', value: (r) => num(r.obligationPermits), num: true },
      { label: 'Surrendered by the deadline', value: (r) => num(r.surrenderedByDeadlinePermits), num: true },
      { label: 'Shortfall', value: (r) => num(r.shortfallPermits), num: true },
    ], rows, 'No period has closed yet.');
  } catch (e) {
    sectionError('compliance-table', e);
  }
}

function codeMeaning(code) {
  return {
    A: 'A: surrendered at least the obligation by the deadline',
    B: 'B: surrendered less than the obligation by the deadline',
    C: 'C: no report by the deadline',
    D: 'D: the regulator corrected the figure after an audit',
  }[code] || code;
}

function loadTransactions() {
  return transactions('transactions-table', () => true, refresh);
}

async function loadTrusted() {
  try {
    const list = await api('GET', base() + '/trusted-accounts');
    table('trusted-table', [
      { label: 'Account', value: (t) => nameOf(t.trustedAccountId) },
      { label: 'In effect from', value: (t) => when(t.effectiveTick) },
      { label: 'In effect', value: (t) => (t.inEffect ? 'yes' : 'not yet') },
      { label: '', value: (t) => button('Remove', async () => {
        await api('DELETE', base() + '/trusted-accounts/' + t.trustedAccountId);
        announce('Account ' + t.trustedAccountId + ' taken off the trusted list.');
        await refresh();
      }, { class: 'small danger', 'aria-label': 'Remove account ' + t.trustedAccountId + ' from the trusted list' }) },
    ], list, 'No trusted accounts.');
  } catch (e) {
    sectionError('trusted-table', e);
  }
}

async function loadCredentials() {
  const who = page.who;
  const facts = [
    ['Person', who.personId == null ? 'none (an account token)' : who.name + ' (person ' + who.personId + ')'],
    ['Acting for', page.account.accountId + ' ' + (page.account.name || '')],
    ['Rights', page.account.initiator == null ? '–' : [page.account.initiator ? 'initiates' : '', page.account.approver ? 'approves' : ''].filter(Boolean).join(' and ') || 'none'],
    ['Signed in with', usingToken() ? 'an API token (no session)' : 'a session'],
    ['Session ends if idle until', who.sessionExpiresTick == null ? '–' : when(who.sessionExpiresTick)],
  ];
  $('session-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const personal = who.personId != null;
  $('password-form').hidden = !personal;
  // For password managers: the name the new password belongs to (no name: not sent).
  $('password-username').value = who.name || '';
  $('totp-form').hidden = !personal;
  $('sessions-h').hidden = !personal || usingToken();
  $('sessions-table').hidden = !personal || usingToken();
  if (personal && !usingToken()) {
    try {
      const list = await api('GET', '/api/sessions');
      table('sessions-table', [
        { label: 'Session', value: (s) => s.sessionId + (s.current ? ' (this browser)' : '') },
        { label: 'Signed in with', value: (s) => s.via },
        { label: 'Started', value: (s) => when(s.createdMs) },
        { label: 'Last used', value: (s) => when(s.lastSeenMs) },
        {
          label: 'End',
          value: (s) => s.current ? '–' : button('End session', async () => {
            await api('DELETE', '/api/sessions/' + s.sessionId);
            announce('Session ' + s.sessionId + ' ended.');
            await loadCredentials();
          }, { 'aria-label': 'End session ' + s.sessionId }),
        },
      ], list, 'No sessions.');
    } catch (e) {
      sectionError('sessions-table', e);
    }
  }
  try {
    table('tokens-table', [
      { label: 'Token', value: (t) => t.tokenId },
      { label: 'Issued', value: (t) => when(t.issuedTick) },
      { label: 'Expires', value: (t) => when(t.expiresTick) },
      { label: 'Status', value: (t) => t.status },
    ], await all(base() + '/tokens'), 'No API tokens.');
  } catch (e) {
    sectionError('tokens-table', e);
  }
}

/** A form's answer: the page reloaded, then what the command did. */
async function reloaded(answer) {
  await refresh();
  return outcome(answer);
}

function wireForms() {
  form('deposit-form', (v) => api('POST', base() + '/' + v.direction, { amountCents: v.amountCents }),
    reloaded);
  form('order-form', (v) => {
    const body = { accountId: id(), side: v.side, type: v.type, vintage: v.vintage, quantity: v.quantity, priceCents: v.priceCents ?? 0 };
    if (v.type === 'LIMIT' && v.priceCents == null) {
      throw new ApiError(400, { code: 'REQUIRED', message: 'a limit order needs a price per permit', field: 'priceCents' });
    }
    return api('POST', '/api/orders', body);
  }, async (r) => {
    await refresh();
    return (r.orderId ? 'Order ' + r.orderId + ' accepted. ' : '') + outcome(r);
  });
  form('transfer-form', (v) => api('POST', '/api/transfers', { fromAccountId: id(), toAccountId: v.toAccountId, vintage: v.vintage, quantity: v.quantity }),
    reloaded);
  form('bid-form', (v) => api('POST', '/api/auctions/' + v.auctionId + '/bids', { bidId: v.bidId, accountId: id(), quantity: v.quantity, limitPriceCents: v.limitPriceCents }),
    reloaded);
  form('report-form', (v) => api('POST', '/api/reports', Object.assign({ accountId: id() }, v)),
    reloaded);
  form('surrender-form', (v) => api('POST', base() + '/surrenders', v),
    reloaded);
  form('trusted-form', (v) => api('POST', base() + '/trusted-accounts', v),
    reloaded);
  $('sign-out-here').addEventListener('click', signOut);
  form('password-form', (v) => api('POST', '/api/persons/' + page.who.personId + '/password', v),
    () => 'Password changed: use it at your next sign-in.');
  form('totp-form', () => api('POST', '/api/persons/' + page.who.personId + '/totp'), totpShown);
  $('serials-link').addEventListener('click', async (ev) => {
    ev.preventDefault();
    const t = $('serials-table');
    t.hidden = false;
    try {
      // {accountId, vintages: [{vintage, permits, ranges: [{first, last}]}]} (issue 15).
      const answer = await api('GET', base() + '/serials');
      table('serials-table', [
        { label: 'Vintage', value: (v) => v.vintage },
        { label: 'Permits', value: (v) => num(v.permits), num: true },
        { label: 'Serial ranges', value: (v) => v.ranges.map((r) => (r.first === r.last ? num(r.first) : num(r.first) + '–' + num(r.last))).join(', ') },
      ], answer.vintages || [], 'No serial numbers held.');
    } catch (e) {
      sectionError('serials-table', e);
    }
  });
}
