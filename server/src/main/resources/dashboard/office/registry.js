// The registry's page for regulators and auditors: accounts and their lifecycle,
// representatives, allocation, auctions, evaluations, periods and compliance codes, the
// approvals queue, reversals, stability reserves, public reports and audits. Auditors read
// everything; the forms (data-write) are for regulators and are hidden from auditors, whom the
// API would refuse (403), except the audit finding's (data-auditor), which auditors record too.
import {
  $, el, api, all, table, form, button, announce, sectionError, outcome, start, roleOf,
  money, num, when, accountsOf, actAs, transactions, totpShown,
} from './office.js';

const page = { directory: [] };

start(async (who) => {
  const role = roleOf(who);
  if (role !== 'REGULATOR' && role !== 'AUDITOR') {
    announce('The registry page is for regulators and auditors; participants use their account page.', true);
    return;
  }
  const own = accountsOf(who).find((a) => a.role === role);
  if (own) actAs(own.accountId);
  if (role === 'AUDITOR') {
    for (const f of document.querySelectorAll('[data-write]:not([data-auditor])')) f.hidden = true;
    wireForms('form[data-path][data-auditor]');
  } else {
    wireForms('form[data-path]');
  }
  $('reps-account').addEventListener('change', loadRepresentatives);
  $('codes-period').addEventListener('change', loadCodes);
  await refresh();
});

async function refresh() {
  await Promise.all([
    loadAccounts(), loadAuctions(), loadPeriods(), loadTransactions(), loadReserves(),
    loadPublicReports(), loadAudits(),
  ]);
  await Promise.all([loadRepresentatives(), loadCodes(), loadEvaluations()]);
}

/** Replaces the text in {@code path}'s {names} with the values of the same names. */
function fill(path, v) {
  const body = Object.assign({}, v);
  const filled = path.replace(/\{(\w+)\}/g, (_, name) => {
    const value = body[name];
    delete body[name];
    return encodeURIComponent(value);
  });
  return { path: filled, body };
}

function wireForms(selector) {
  for (const f of document.querySelectorAll(selector)) {
    form(f.id, (v) => {
      const { path, body } = fill(f.dataset.path, v);
      return api(f.dataset.method, path, body);
    }, async (r) => {
      await refresh();
      if (r && r.qrPng) return totpShown(r);
      if (r && r.code) {
        // An enrolment code is shown once, to be handed to its holder.
        return 'One-time code (shown once, hand it over): ' + r.code;
      }
      return outcome(r);
    });
  }
}

async function loadAccounts() {
  try {
    page.directory = await all('/api/accounts');
    const participants = new Map((await all('/api/participants')).map((p) => [p.accountId, p]));
    const details = await Promise.all(
      page.directory.slice(0, 200).map((a) => api('GET', '/api/accounts/' + a.accountId).catch(() => null)),
    );
    const status = new Map(details.filter(Boolean).map((d) => [d.accountId, d]));
    table('accounts-table', [
      { label: 'Account', value: (a) => a.accountId },
      { label: 'Name', value: (a) => a.name },
      { label: 'Role', value: (a) => a.role },
      { label: 'Status', value: (a) => {
        const d = status.get(a.accountId);
        return d && d.status ? d.status + (d.statusReason ? ' (' + d.statusReason + ')' : '') : '–';
      } },
      { label: 'Free permits', value: (a) => num(participants.get(a.accountId)?.freePermits), num: true },
      { label: 'Free cash', value: (a) => money(participants.get(a.accountId)?.freeCashCents), num: true },
      { label: 'Make-good owed', value: (a) => num(participants.get(a.accountId)?.makeGoodOwedPermits), num: true },
      { label: 'Last compliance', value: (a) => participants.get(a.accountId)?.lastStatus ?? '–' },
    ], page.directory, 'No accounts yet.');
    const s = $('reps-account');
    const keep = s.value;
    s.replaceChildren(...page.directory.map((a) => el('option', { value: a.accountId, text: a.accountId + ' ' + a.name })));
    if (keep) s.value = keep;
  } catch (e) {
    sectionError('accounts-table', e);
  }
}

async function loadRepresentatives() {
  const account = $('reps-account').value;
  if (!account) {
    table('reps-table', [{ label: 'Person', value: () => '' }], [], 'No account chosen.');
    return;
  }
  try {
    table('reps-table', [
      { label: 'Person', value: (r) => r.personId },
      { label: 'Name', value: (r) => r.name },
      { label: 'Initiates', value: (r) => (r.initiator ? 'yes' : 'no') },
      { label: 'Approves', value: (r) => (r.approver ? 'yes' : 'no') },
    ], await api('GET', '/api/accounts/' + account + '/representatives'), 'No representatives.');
  } catch (e) {
    sectionError('reps-table', e);
  }
}

async function loadAuctions() {
  try {
    const auctions = await all('/api/auctions');
    table('auctions-table', [
      { label: 'Auction', value: (a) => a.auctionId },
      { label: 'Period', value: (a) => a.period },
      { label: 'Supply', value: (a) => num(a.supplyPermits), num: true },
      { label: 'Reserve price', value: (a) => money(a.reservePriceCents), num: true },
      { label: 'Bids', value: (a) => num(a.bids), num: true },
      { label: 'Status', value: (a) => a.status },
      { label: 'Clearing price', value: (a) => money(a.clearingPriceCents), num: true },
      { label: 'Sold', value: (a) => num(a.soldPermits), num: true },
      { label: 'Revenue', value: (a) => money(a.revenueCents), num: true },
      { label: '', value: (a) => el('div', { class: 'actions' }, [
        button('Bids', () => showBids(a.auctionId), { 'aria-label': 'Show the bids of auction ' + a.auctionId }),
        a.status === 'OPEN' ? button('Clear', async () => {
          const r = await api('POST', '/api/auctions/' + a.auctionId + '/clear');
          announce('Auction ' + a.auctionId + ': ' + outcome(r));
          await refresh();
        }, { 'aria-label': 'Clear auction ' + a.auctionId, 'data-write': true }) : '',
      ]) },
    ], auctions, 'No auctions yet.');
    hideWritesForAuditors();
  } catch (e) {
    sectionError('auctions-table', e);
  }
}

async function showBids(auctionId) {
  const t = $('auction-bids-table');
  t.hidden = false;
  table('auction-bids-table', [
    { label: 'Auction', value: (b) => b.auctionId },
    { label: 'Bid', value: (b) => b.bidId },
    { label: 'Account', value: (b) => b.accountId },
    { label: 'Quantity', value: (b) => num(b.quantity), num: true },
    { label: 'Limit price', value: (b) => money(b.limitPriceCents), num: true },
    { label: 'Status', value: (b) => b.status },
    { label: 'Won', value: (b) => num(b.wonPermits), num: true },
    { label: 'Paid', value: (b) => money(b.paidCents), num: true },
  ], await all('/api/auctions/' + auctionId + '/bids'), 'No bids in auction ' + auctionId + '.');
}

function hideWritesForAuditors() {
  if ($('open-account-form').hidden) {
    for (const b of document.querySelectorAll('button[data-write]')) b.hidden = true;
  }
}

async function loadPeriods() {
  try {
    const periods = await api('GET', '/api/periods');
    table('periods-table', [
      { label: 'Period', value: (p) => p.period },
      { label: 'Status', value: (p) => p.status },
      { label: 'Cap', value: (p) => num(p.capPermits), num: true },
      { label: 'Issued', value: (p) => num(p.issuedPermits), num: true },
      { label: 'Assessed', value: (p) => num(p.closed?.participants), num: true },
      { label: 'Short', value: (p) => num(p.closed?.shortfalls), num: true },
      { label: 'Penalties', value: (p) => money(p.closed?.penaltiesChargedCents), num: true },
      { label: '', value: (p) => p.status !== 'CURRENT' ? '' : button('Close period ' + p.period, async () => {
        if (!confirm('Close period ' + p.period + '? Compliance is assessed at the close.')) return;
        const r = await api('POST', '/api/periods/' + p.period + '/close');
        announce('Period ' + p.period + ': ' + outcome(r));
        await refresh();
      }, { id: 'close-period-' + p.period, 'data-write': true }) },
    ], periods, 'No periods.');
    hideWritesForAuditors();
    const s = $('codes-period');
    const keep = s.value;
    const closed = periods.filter((p) => p.status === 'CLOSED');
    s.replaceChildren(...closed.map((p) => el('option', { value: p.period, text: 'Period ' + p.period })));
    if (keep && closed.some((p) => String(p.period) === keep)) s.value = keep;
    else if (closed.length) s.value = closed[closed.length - 1].period;
  } catch (e) {
    sectionError('periods-table', e);
  }
}

async function loadCodes() {
  const period = $('codes-period').value;
  const name = (id) => page.directory.find((a) => a.accountId === id)?.name ?? '';
  if (!period) {
    table('codes-table', [{ label: 'Account', value: () => '' }], [], 'No period has closed yet.');
    return;
  }
  try {
    table('codes-table', [
      { label: 'Account', value: (r) => r.accountId + ' ' + name(r.accountId) },
      { label: 'Code', value: (r) => el('span', { class: 'code code-' + r.code, text: r.code }) },
      { label: 'Reported', value: (r) => (r.reported ? 'yes' : 'no') },
      { label: 'Obligation', value: (r) => num(r.obligationPermits), num: true },
      { label: 'By the deadline', value: (r) => num(r.surrenderedByDeadlinePermits), num: true },
      { label: 'Late', value: (r) => num(r.surrenderedLatePermits), num: true },
      { label: 'Shortfall', value: (r) => num(r.shortfallPermits), num: true },
      { label: 'Audit shortfall', value: (r) => num(r.auditShortfallPermits), num: true },
    ], await all('/api/periods/' + period + '/compliance-codes'), 'No participant was assessed.');
  } catch (e) {
    sectionError('codes-table', e);
  }
}

async function loadEvaluations() {
  try {
    const rows = [];
    for (const a of page.directory.filter((x) => x.role === 'PARTICIPANT').slice(0, 50)) {
      for (const r of await all('/api/accounts/' + a.accountId + '/evaluations')) rows.push(Object.assign({ accountId: a.accountId }, r));
    }
    rows.sort((x, y) => y.tick - x.tick);
    table('evaluations-table', [
      { label: 'Time', value: (r) => when(r.tick) },
      { label: 'Account', value: (r) => r.accountId },
      { label: 'What', value: (r) => r.event },
      { label: 'Period', value: (r) => r.data.period },
      { label: 'Signal', value: (r) => r.data.signal ?? '–' },
    ], rows.slice(0, 30), 'No evaluations yet.');
  } catch (e) {
    sectionError('evaluations-table', e);
  }
}

async function loadTransactions() {
  // A regulator's person decides the regulator's own transactions; accounts decide theirs.
  await transactions('transactions-table', (t) => t.accountId == null, refresh);
  hideWritesForAuditors();
}

async function loadReserves() {
  try {
    const s = await api('GET', '/api/stability');
    table('reserves-table', [
      { label: 'Reserve', value: (r) => r.account },
      { label: 'Account', value: (r) => r.accountId },
      { label: 'Permits', value: (r) => num(r.permits), num: true },
    ], s.reserves, 'No reserves.');
  } catch (e) {
    sectionError('reserves-table', e);
  }
}

async function loadPublicReports() {
  try {
    const index = await api('GET', '/api/public/reports');
    table('public-reports-table', [
      { label: 'Period', value: (p) => p.period },
      { label: 'Published', value: (p) => (p.published ? 'yes, ' + when(p.publishedTick) : 'when period ' + p.publishedWhenPeriodCloses + ' closes') },
      { label: 'Report', value: (p) => !p.published ? '–' : el('span', { class: 'actions' }, [
        el('a', { href: '/api/public/periods/' + p.period + '/report.html', text: 'page' }),
        el('a', { href: '/api/public/periods/' + p.period + '/report.csv', text: 'CSV' }),
        el('a', { href: '/api/public/periods/' + p.period + '/report', text: 'JSON' }),
      ]) },
    ], index.periods, 'No periods.');
  } catch (e) {
    sectionError('public-reports-table', e);
  }
}

async function loadAudits() {
  try {
    const draws = await api('GET', '/api/audits');
    const keys = draws.length ? Object.keys(draws[0]) : ['period'];
    table('audits-table', keys.map((k) => ({
      label: k, value: (r) => (Array.isArray(r[k]) ? r[k].join(', ') : typeof r[k] === 'object' && r[k] ? JSON.stringify(r[k]) : r[k]),
    })), draws, 'No audit draws yet.');
  } catch (e) {
    sectionError('audits-table', e);
  }
}
