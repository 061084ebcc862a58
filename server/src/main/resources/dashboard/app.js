/*
 * The dashboard's behaviour. It reads the server's JSON API and keeps the page current from the
 * server-sent events at /api/events (one "market" event per durable batch of commands); when
 * the event stream is unavailable it polls instead. Every value shown comes from the API: the
 * page computes nothing but formatting, so it can never disagree with the registry.
 *
 * Money arrives in cents and is shown with two decimals; times are logical ticks (milliseconds
 * since the epoch on this server) shown in UTC. Text from the server is inserted with
 * textContent only, never as HTML, because account names are chosen by users.
 */
(function () {
  'use strict';

  const POLL_MS = 3000;
  const SAFETY_REFRESH_MS = 30000;
  const RECENT_TRADES = 30;
  const HISTORY_MAX = 500;
  const DEPTH_LEVELS = 8;
  // The participants table shows one page of /api/participants, the largest the API gives.
  const PARTICIPANTS_SHOWN = 1000;
  const CHART_HEIGHT = 280;

  const state = {
    token: null,
    vintage: null,
    layout: 'PER_VINTAGE',
    history: [],
    chart: null,
    chartKey: null,
    stabilityChart: null,
    stabilityChartKey: null,
    currentPeriod: null,
    lastPeriod: null,
    pollTimer: null,
    refreshTimer: null,
    source: null,
    updates: 0,
  };

  // ------------------------------------------------------------------ helpers

  const $ = (id) => document.getElementById(id);

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (k === 'class') e.className = v;
        else if (k === 'style') e.setAttribute('style', v);
        else if (k.startsWith('data-')) e.setAttribute(k, v);
        else e[k] = v;
      }
    }
    for (const c of children) {
      if (c !== null && c !== undefined) {
        e.append(c instanceof Node ? c : document.createTextNode(String(c)));
      }
    }
    return e;
  }

  const intFormat = new Intl.NumberFormat('en-US');
  const compactFormat = new Intl.NumberFormat('en-US', {
    notation: 'compact', maximumFractionDigits: 1,
  });
  const moneyFormat = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: 2, maximumFractionDigits: 2,
  });

  function money(cents) {
    if (cents === null || cents === undefined) return '—';
    return moneyFormat.format(cents / 100);
  }

  function price(cents) {
    return cents ? money(cents) : '—';
  }

  function qty(n) {
    return n === null || n === undefined ? '—' : intFormat.format(n);
  }

  function utcTime(tick) {
    return new Date(tick).toISOString().substring(11, 19);
  }

  function utcTimeTenths(tick) {
    return new Date(tick).toISOString().substring(11, 21);
  }

  function utcDateTime(tick) {
    const iso = new Date(tick).toISOString();
    return iso.substring(0, 10) + ' ' + iso.substring(11, 19) + ' UTC';
  }

  function setText(id, text) {
    const e = $(id);
    if (e.textContent !== text) e.textContent = text;
  }

  function warn(e) {
    console.warn('dashboard refresh failed:', e && e.message ? e.message : e);
  }

  class HttpError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path) {
    const headers = { Accept: 'application/json' };
    if (state.token) headers.Authorization = 'Bearer ' + state.token;
    const res = await fetch(path, { headers, cache: 'no-store' });
    if (!res.ok) {
      let message = res.statusText;
      try {
        const body = await res.json();
        message = body.message || message;
      } catch (ignored) {
        // Not a JSON error body; the status text will do.
      }
      throw new HttpError(res.status, message);
    }
    return res.json();
  }

  // ------------------------------------------------------------------ sign-in

  function loadToken() {
    const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
    const fromUrl = hash.get('token');
    if (fromUrl) {
      sessionStorage.setItem('computecap.token', fromUrl);
      history.replaceState(null, '', location.pathname + location.search);
    }
    state.token = sessionStorage.getItem('computecap.token');
  }

  function setupSignIn() {
    const panel = $('signin-panel');
    $('signin-button').addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      if (!panel.hidden) $('token-input').focus();
    });
    panel.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const t = $('token-input').value.trim();
      if (!t) return;
      state.token = t;
      sessionStorage.setItem('computecap.token', t);
      $('token-input').value = '';
      await showIdentity();
      refreshParticipants();
    });
    $('signout-button').addEventListener('click', () => {
      state.token = null;
      sessionStorage.removeItem('computecap.token');
      showIdentity();
      refreshParticipants();
    });
  }

  async function showIdentity() {
    const status = $('signin-status');
    if (!state.token) {
      $('signin-button').textContent = 'Sign in';
      status.textContent = 'Public view: market data only.';
      return;
    }
    try {
      const me = await api('/api/me');
      $('signin-button').textContent = me.role.charAt(0) + me.role.slice(1).toLowerCase()
        + (me.accountId > 0 ? ' #' + me.accountId : '');
      status.textContent = 'Signed in as ' + me.role + '.';
    } catch (e) {
      $('signin-button').textContent = 'Sign in';
      status.textContent = e.status === 401 ? 'That token was not accepted.' : e.message;
    }
  }

  // ------------------------------------------------------------------ market

  async function refreshMarket() {
    const market = await api('/api/market');
    showPeriod(market.currentPeriod);
    const books = market.books || [];
    const select = $('vintage-select');
    const wanted = books.map((b) => String(b.vintage));
    const have = Array.from(select.options).map((o) => o.value);
    if (wanted.join(',') !== have.join(',')) {
      select.replaceChildren(...books.map((b) => el('option', { value: String(b.vintage) },
        b.bookLayout === 'SINGLE' ? 'All vintages' : 'Vintage ' + b.vintage)));
    }
    if (books.length === 0) {
      state.vintage = null;
      return;
    }
    if (state.vintage === null || !wanted.includes(String(state.vintage))) {
      state.vintage = defaultBook(books, market.currentPeriod).vintage;
    }
    select.value = String(state.vintage);
    const [detail, depth] = await Promise.all([
      api('/api/market/' + state.vintage),
      api('/api/books/' + state.vintage + '?levels=' + DEPTH_LEVELS),
    ]);
    state.layout = detail.bookLayout;
    showKpis(detail);
    state.history = (detail.history || []).slice(-HISTORY_MAX);
    showTrades(null);
    drawChart();
    showDepth(depth);
  }

  /**
   * The book shown first: the current period's when it has any activity, otherwise the most
   * traded one (right after a period closes, trading continues in the banked vintages).
   */
  function defaultBook(books, currentPeriod) {
    const current = books.find((b) => b.vintage === currentPeriod);
    if (current && current.trades + current.openOrders > 0) return current;
    const busiest = books.reduce((a, b) => (b.trades > a.trades ? b : a), books[0]);
    return busiest.trades > 0 ? busiest : current || books[books.length - 1];
  }

  /** The period pill: after the program's last period closes, say so instead of a number. */
  function showPeriod(current) {
    state.currentPeriod = current;
    let text = 'Period ' + current;
    if (current === null || current === undefined) {
      text = 'Market not open';
    } else if (state.lastPeriod !== null && current > state.lastPeriod) {
      text = 'All periods closed';
    }
    setText('current-period', text);
  }

  function showKpis(book) {
    setText('last-price', price(book.lastPriceCents));
    setText('vwap', price(book.vwapCents));
    setText('bid-ask', price(book.bestBidCents) + ' / ' + price(book.bestAskCents));
    setText('volume', qty(book.volume));
    setText('trade-count', qty(book.trades));
    setText('open-orders', qty(book.openOrders));
    showOhlc(book.ohlc || []);
    const phase = $('book-phase');
    phase.textContent = book.phase === 'CALL' ? 'Call auction' : 'Continuous';
    phase.className = 'badge ' + (book.phase === 'CALL' ? 'info' : 'ok');
  }

  function showOhlc(rows) {
    const body = $('ohlc').tBodies[0];
    if (rows.length === 0) {
      body.replaceChildren(el('tr', null,
        el('td', { colSpan: 7, class: 'muted' }, 'No trades in this book yet.')));
      return;
    }
    body.replaceChildren(...rows.slice().reverse().map((o) => el('tr', null,
      el('td', null, String(o.period)),
      el('td', { class: 'num' }, money(o.openCents)),
      el('td', { class: 'num' }, money(o.highCents)),
      el('td', { class: 'num' }, money(o.lowCents)),
      el('td', { class: 'num' }, money(o.closeCents)),
      el('td', { class: 'num' }, money(o.vwapCents)),
      el('td', { class: 'num' }, qty(o.volume)))));
  }

  function showTrades(freshCount) {
    const body = $('trades').tBodies[0];
    const h = state.history;
    const rows = [];
    for (let i = h.length - 1; i >= Math.max(0, h.length - RECENT_TRADES); i--) {
      const t = h[i];
      const before = i > 0 ? h[i - 1] : null;
      const dir = before === null || t.priceCents === before.priceCents ? ''
        : t.priceCents > before.priceCents ? 'up' : 'down';
      const arrow = dir === 'up' ? ' ▲' : dir === 'down' ? ' ▼' : '';
      const row = el('tr', null,
        el('td', null, utcTime(t.tick)),
        el('td', { class: 'num ' + dir }, money(t.priceCents) + arrow),
        el('td', { class: 'num' }, qty(t.quantity)));
      if (freshCount && rows.length < freshCount) row.className = 'fresh';
      rows.push(row);
    }
    body.replaceChildren(...rows);
    $('trades-empty').hidden = rows.length > 0;
  }

  function showDepth(depth) {
    const bids = depth.bids || [];
    const asks = depth.asks || [];
    const levels = Math.max(bids.length, asks.length);
    const cumulative = (side) => {
      let sum = 0;
      return side.map((l) => (sum += l.quantity));
    };
    const cb = cumulative(bids);
    const ca = cumulative(asks);
    const max = Math.max(1, cb.length ? cb[cb.length - 1] : 0, ca.length ? ca[ca.length - 1] : 0);
    const rows = [];
    for (let i = 0; i < levels; i++) {
      const b = bids[i];
      const a = asks[i];
      rows.push(el('tr', null,
        el('td', { class: 'num bidq', style: b ? '--w:' + (100 * cb[i] / max) + '%' : '' },
          b ? qty(b.quantity) : ''),
        el('td', { class: 'num bid' }, b ? money(b.priceCents) : ''),
        el('td', { class: 'num ask' }, a ? money(a.priceCents) : ''),
        el('td', { class: 'num askq', style: a ? '--w:' + (100 * ca[i] / max) + '%' : '' },
          a ? qty(a.quantity) : '')));
    }
    if (levels === 0) {
      rows.push(el('tr', null, el('td', { colSpan: 4, class: 'muted' }, 'The book is empty.')));
    }
    $('depth').tBodies[0].replaceChildren(...rows);
    setText('spread', bids.length && asks.length
      ? 'spread ' + money(asks[0].priceCents - bids[0].priceCents) : '');
  }

  // ------------------------------------------------------------------ chart

  function chartData() {
    const xs = [];
    const prices = [];
    const volumes = [];
    for (const t of state.history) {
      xs.push(t.tick / 1000);
      prices.push(t.priceCents / 100);
      volumes.push(t.quantity);
    }
    return [xs, prices, volumes];
  }

  /** The x range: a minute around trades that all share one instant, else uPlot's. */
  function instantRange(xs, min, max) {
    if (xs.length > 0 && xs[xs.length - 1] - xs[0] < 1) {
      return [xs[0] - 30, xs[xs.length - 1] + 30];
    }
    return [min, max];
  }

  function drawChart() {
    const box = $('price-chart');
    const data = chartData();
    const empty = data[0].length === 0;
    $('chart-empty').hidden = !empty;
    box.hidden = empty;
    if (empty) return;
    const key = String(state.vintage);
    if (state.chart && state.chartKey === key) {
      state.chart.setData(data);
      return;
    }
    if (state.chart) state.chart.destroy();
    const bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 8] }) : null;
    const opts = {
      width: Math.max(320, box.clientWidth),
      height: CHART_HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: true, y: false } },
      legend: { show: false },
      scales: {
        // Trades all at one instant (one call auction, one batch) span no time; uPlot then
        // stretches the axis to a day and every tick reads 00:00:00. Show a minute around them.
        x: { time: true, range: (u, min, max) => instantRange(u.data[0], min, max) },
        y: { range: (u, min, max) => (max - min < 0.01 ? [min * 0.9, max * 1.1 + 0.01] : [min, max]) },
        vol: { range: (u, min, max) => [0, Math.max(1, max) * 4] },
      },
      axes: [
        {
          stroke: '#4a5568', space: 90, grid: { stroke: '#edf2f7' },
          ticks: { stroke: '#e2e8f0' },
          values: (u, splits) => {
            const span = u.scales.x.max - u.scales.x.min;
            const labels = splits.map((v) => (span < 20 ? utcTimeTenths(v * 1000) : utcTime(v * 1000)));
            // The axis is drawn on a canvas; the labels are kept on the element for tests.
            box.dataset.xTicks = labels.join('|');
            return labels;
          },
        },
        {
          stroke: '#4a5568', size: 64,
          grid: { stroke: '#edf2f7' }, ticks: { stroke: '#e2e8f0' },
          values: (u, vals) => vals.map((v) => moneyFormat.format(v)),
        },
        {
          // Quantities reach millions: compact labels ("150K", "1.2M") fit the axis's width.
          scale: 'vol', side: 1, stroke: '#a0aec0', size: 52, grid: { show: false },
          values: (u, vals) => vals.map((v) => compactFormat.format(v)),
        },
      ],
      series: [
        { label: 'Time (UTC)' },
        {
          label: 'Trade price', stroke: '#1f4e9c', width: 2,
          fill: 'rgba(31, 78, 156, 0.06)',
          points: { show: true, size: 5, fill: '#1f4e9c' },
          value: (u, v) => (v === null || v === undefined ? '—' : moneyFormat.format(v)),
        },
        {
          label: 'Quantity', scale: 'vol', stroke: '#a0aec0',
          fill: 'rgba(160, 174, 192, 0.35)', paths: bars, points: { show: false },
        },
      ],
    };
    box.replaceChildren();
    state.chart = new uPlot(opts, data, box);
    state.chartKey = key;
  }

  function resizeChart() {
    if (!state.chart) return;
    const w = Math.max(320, $('price-chart').clientWidth);
    if (w !== state.chart.width) state.chart.setSize({ width: w, height: CHART_HEIGHT });
  }

  // ------------------------------------------------------------------ participants

  async function refreshParticipants() {
    const body = $('participants').tBodies[0];
    const note = $('participants-note');
    if (!state.token) {
      body.replaceChildren();
      note.hidden = false;
      setText('participants-count', '');
      return;
    }
    let list;
    let more = false;
    try {
      const page = await api('/api/participants?limit=' + PARTICIPANTS_SHOWN);
      list = page.items;
      more = page.next !== null;
    } catch (e) {
      body.replaceChildren();
      note.hidden = false;
      note.textContent = e.status === 403
        ? 'This token may not see other participants; a regulator or auditor token can.'
        : e.status === 401 ? 'The token was not accepted: sign in again.'
          : 'Participants could not be loaded: ' + e.message;
      return;
    }
    note.hidden = list.length > 0;
    note.textContent = 'No participants yet.';
    setText('participants-count', (more ? 'first ' : '') + list.length
      + (list.length === 1 ? ' account' : ' accounts'));
    body.replaceChildren(...list.map((p) => {
      const status = p.lastStatus
        ? el('span', { class: 'badge ' + (p.lastStatus === 'COMPLIANT' ? 'ok' : 'bad') },
          p.lastStatus === 'COMPLIANT' ? 'Compliant' : 'Shortfall')
        : el('span', { class: 'badge' }, 'Not assessed');
      return el('tr', { 'data-account': String(p.accountId) },
        el('td', { class: 'name' }, p.name, el('span', { class: 'id' }, '#' + p.accountId)),
        el('td', { class: 'num' }, qty(p.freePermits)),
        el('td', { class: 'num' }, qty(p.reservedPermits)),
        el('td', { class: 'num' }, money(p.freeCashCents)),
        el('td', { class: 'num' + (p.makeGoodOwedPermits > 0 ? ' owed' : '') },
          qty(p.makeGoodOwedPermits)),
        el('td', { class: 'num' + (p.unpaidPenaltyCents > 0 ? ' owed' : '') },
          money(p.unpaidPenaltyCents)),
        el('td', null, status,
          p.lastPeriod !== null ? el('span', { class: 'muted' }, '  period ' + p.lastPeriod)
            : null));
    }));
  }

  // ------------------------------------------------------------------ periods and journal

  async function refreshPeriods() {
    const periods = await api('/api/periods');
    state.lastPeriod = periods.length ? periods[periods.length - 1].period : null;
    if (state.currentPeriod !== null) showPeriod(state.currentPeriod);
    $('periods').replaceChildren(...periods.map((p) => {
      const share = p.capPermits > 0 ? Math.min(100, 100 * p.issuedPermits / p.capPermits) : 0;
      const label = { CLOSED: 'Closed', CURRENT: 'Current', FUTURE: 'Future' }[p.status];
      const badge = el('span', {
        class: 'badge ' + (p.status === 'CURRENT' ? 'info' : ''),
      }, label || p.status);
      const item = el('li', { class: 'period ' + p.status, 'data-period': String(p.period) },
        el('div', { class: 'p-title' }, el('span', { class: 'p-name' }, 'Period ' + p.period),
          badge),
        el('div', { class: 'p-row' }, 'Cap', el('b', null, qty(p.capPermits))),
        el('div', { class: 'bar', title: 'issued / cap' },
          el('span', { style: 'width:' + share.toFixed(1) + '%' })),
        el('div', { class: 'p-row' }, 'Issued', el('b', null, qty(p.issuedPermits))),
        el('div', { class: 'p-row' }, 'Auctioned', el('b', null, qty(p.auctionVolumePermits))));
      if (p.closed) {
        const c = p.closed;
        item.append(
          el('div', { class: 'p-row outcome' }, 'Assessed', el('b', null, qty(c.participants))),
          el('div', { class: 'p-row' }, 'Short',
            el('b', { class: c.shortfalls === 0 ? 'up' : 'down' }, qty(c.shortfalls))),
          el('div', { class: 'p-row' }, 'Audits', el('b', null, qty(p.auditFindings))),
          el('div', {
            class: 'p-row',
            title: 'at close ' + money(c.penaltiesChargedCents)
              + ' + audits ' + money(p.auditPenaltiesCents),
          }, 'Penalties',
          el('b', null, money(c.penaltiesChargedCents + p.auditPenaltiesCents))));
      }
      return item;
    }));
  }

  // ------------------------------------------------------------------ market stability

  const MECHANISM_NAMES = {
    ESCALATING_RESERVE_PRICE: 'Escalating reserve price',
    REOFFER_UNSOLD: 'Unsold re-offered',
    UNSOLD_TO_STABILITY_RESERVE: 'Unsold to stability reserve',
    CANCEL_UNDERSUBSCRIBED: 'Undersubscribed auctions cancelled',
    COST_CONTAINMENT: 'Cost containment (CCR)',
    EMISSIONS_CONTAINMENT: 'Emissions containment (ECR)',
    STABILITY_RESERVE: 'Stability reserve (MSR)',
    PRICE_CONTAINMENT: 'Price containment reserve',
    PRICE_CEILING: 'Price ceiling',
  };

  const RESERVE_NAMES = {
    'auction-reserve': 'Auction reserve',
    'stability-reserve': 'Stability reserve',
    'price-containment-reserve': 'Price containment reserve',
    cancellation: 'Cancelled',
  };

  const RESERVES_AT_CLOSE_PREFIX = 'At close: ';

  /** One action of a period as a line of its tooltip. */
  function actionText(a) {
    const d = a.data;
    const where = d.auctionId !== undefined ? 'auction ' + d.auctionId + ': ' : '';
    const what = {
      AuctionCancelled: () => 'cancelled, ' + qty(d.demandPermits) + ' bid for '
        + qty(d.supplyPermits),
      CostContainmentReleased: () => 'CCR released ' + qty(d.permits) + ' at trigger '
        + money(d.triggerPriceCents),
      EmissionsContainmentWithheld: () => 'ECR withheld ' + qty(d.permits) + ' (vintage '
        + d.vintage + ') at trigger ' + money(d.triggerPriceCents),
      UnsoldPermitsReoffered: () => 're-offered ' + qty(d.permits) + ' of vintage ' + d.vintage,
      UnsoldPermitsMoved: () => 'moved ' + qty(d.permits) + ' unsold of vintage ' + d.vintage
        + ' to the stability reserve',
      StabilityReserveSettled: () => 'stability reserve: TNAC ' + qty(d.tnacPermits) + ', '
        + d.band + ', withheld ' + qty(d.withheldPermits) + ' from the next auctions, release '
        + qty(d.releasePermits) + ', invalidated ' + qty(d.invalidatedPermits),
      StabilityPermitsReleased: () => 'stability reserve released ' + qty(d.permits)
        + ' of vintage ' + d.vintage,
      StabilityPermitsInvalidated: () => 'stability reserve invalidated ' + qty(d.permits)
        + ' of vintage ' + d.vintage,
      PriceContainmentReserveIssued: () => 'price containment reserve filled with '
        + qty(d.permits),
      ReserveSaleCleared: () => 'reserve sale ' + d.saleId + ' sold ' + qty(d.soldPermits)
        + ' for ' + money(d.revenueCents),
      CeilingPermitsSold: () => 'account ' + d.accountId + ' bought ' + qty(d.permits)
        + ' at the ceiling ' + money(d.priceCents),
    }[a.event];
    return where + (what ? what() : a.event);
  }

  /**
   * The columns of the stability table: only those of the mechanisms the program has, and one
   * balance at close per reserve account the registry keeps for it.
   */
  function stabilityColumns(s) {
    const on = new Set(s.mechanisms);
    const cols = [
      { head: 'Period', cell: (p) => String(p.period) },
      { head: 'Reserve price', num: true, cell: (p) => money(p.reservePriceCents) },
    ];
    if (on.has('COST_CONTAINMENT')) {
      cols.push({ head: 'CCR trigger', num: true,
        cell: (p) => money(p.costContainmentTriggerCents) });
    }
    if (on.has('EMISSIONS_CONTAINMENT')) {
      cols.push({ head: 'ECR trigger', num: true,
        cell: (p) => money(p.emissionsContainmentTriggerCents) });
    }
    cols.push(
      { head: 'Auctions', num: true, group: true, cell: (p) => qty(p.auctions) },
      { head: 'Supply', num: true, cell: (p) => qty(p.supplyPermits) },
      { head: 'Sold', num: true, cell: (p) => qty(p.soldPermits) });
    if (on.has('CANCEL_UNDERSUBSCRIBED')) {
      cols.push({ head: 'Cancelled', num: true, acted: (p) => p.cancelledAuctions > 0,
        cell: (p) => qty(p.cancelledAuctions) });
    }
    if (on.has('STABILITY_RESERVE')) {
      cols.push(
        { head: 'TNAC at close', num: true, group: true,
          cell: (p) => (p.tnacPermits === null || p.tnacPermits === undefined ? '—'
            : qty(p.tnacPermits)) },
        { head: 'MSR intake', num: true, acted: (p) => p.stabilityIntakePermits > 0,
          cell: (p) => qty(p.stabilityIntakePermits) },
        { head: 'MSR release', num: true, acted: (p) => p.stabilityReleasePermits > 0,
          cell: (p) => qty(p.stabilityReleasePermits) });
    }
    if (on.has('PRICE_CONTAINMENT')) {
      cols.push({ head: 'Reserve sale', num: true, group: true,
        acted: (p) => p.reserveSalePermits > 0, cell: (p) => qty(p.reserveSalePermits) });
    }
    if (on.has('PRICE_CEILING')) {
      cols.push({ head: 'At ceiling', num: true, acted: (p) => p.ceilingPermits > 0,
        cell: (p) => qty(p.ceilingPermits) });
    }
    const moves = [
      ['COST_CONTAINMENT', 'CCR released', 'costContainmentReleasedPermits'],
      ['EMISSIONS_CONTAINMENT', 'ECR withheld', 'emissionsContainmentWithheldPermits'],
      ['REOFFER_UNSOLD', 'Re-offered', 'reofferedPermits'],
      ['UNSOLD_TO_STABILITY_RESERVE', 'To stability reserve', 'movedToStabilityReservePermits'],
    ];
    let first = true;
    for (const [mechanism, head, field] of moves) {
      if (!on.has(mechanism)) continue;
      cols.push({ head, num: true, group: first, acted: (p) => p[field] > 0,
        cell: (p) => qty(p[field]) });
      first = false;
    }
    s.reserves.forEach((r, i) => {
      cols.push({
        head: RESERVES_AT_CLOSE_PREFIX + (RESERVE_NAMES[r.account] || r.account),
        num: true,
        group: i === 0,
        cell: (p) => (p.reservesAtClose ? qty(p.reservesAtClose[i].permits) : '—'),
      });
    });
    return cols;
  }

  const STABILITY_CHART_HEIGHT = 220;
  const RESERVE_COLOURS = {
    'stability-reserve': '#1f4e9c',
    'price-containment-reserve': '#2f855a',
    'auction-reserve': '#b7791f',
    cancellation: '#a0aec0',
  };

  /**
   * The chart's data: the periods, each reserve's balance at close (null for a period not closed
   * yet), and the permits sold at the price ceiling in each period when the program has one.
   */
  function stabilityChartData(s) {
    const closed = s.periods.some((p) => p.reservesAtClose);
    const xs = closed ? s.periods.map((p) => p.period) : [];
    const series = [];
    s.reserves.forEach((r, i) => {
      series.push({ label: RESERVE_NAMES[r.account] || r.account,
        stroke: RESERVE_COLOURS[r.account] || '#4a5568',
        values: s.periods.map((p) => (p.reservesAtClose ? p.reservesAtClose[i].permits : null)) });
    });
    if (s.mechanisms.includes('PRICE_CEILING')) {
      series.push({ label: 'Sold at the ceiling', stroke: '#c53030', dash: [6, 4],
        values: s.periods.map((p) => (p.reservesAtClose ? p.ceilingPermits : null)) });
    }
    return { xs, series };
  }

  /** The reserves' balances per period (uPlot), redrawn when the reserves or periods change. */
  function drawStabilityChart(s) {
    const box = $('stability-chart');
    const { xs, series } = stabilityChartData(s);
    box.hidden = xs.length === 0 || series.length === 0;
    if (box.hidden) return;
    const data = [xs, ...series.map((x) => x.values)];
    const key = series.map((x) => x.label).join('|');
    // The labels are drawn on a canvas; kept on the element for tests and screen readers.
    box.dataset.series = series.map((x) => x.label).join('|');
    if (state.stabilityChart && state.stabilityChartKey === key) {
      state.stabilityChart.setData(data);
      return;
    }
    if (state.stabilityChart) state.stabilityChart.destroy();
    const opts = {
      width: Math.max(320, box.clientWidth),
      height: STABILITY_CHART_HEIGHT,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { stroke: '#4a5568', grid: { stroke: '#edf2f7' }, ticks: { stroke: '#e2e8f0' },
          label: 'Period', incrs: [1, 2, 5, 10, 20, 50],
          values: (u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v) : '')) },
        { stroke: '#4a5568', size: 60, grid: { stroke: '#edf2f7' }, ticks: { stroke: '#e2e8f0' },
          label: 'Permits', values: (u, vals) => vals.map((v) => compactFormat.format(v)) },
      ],
      series: [
        { label: 'Period' },
        ...series.map((x) => ({ label: x.label, stroke: x.stroke, width: 2, dash: x.dash,
          points: { show: true, size: 6, fill: x.stroke },
          value: (u, v) => (v === null || v === undefined ? '—' : qty(v)) })),
      ],
    };
    box.replaceChildren();
    state.stabilityChart = new uPlot(opts, data, box);
    state.stabilityChartKey = key;
  }

  async function refreshStability() {
    const s = await api('/api/stability');
    const held = s.reserves.some((r) => r.permits > 0);
    const panel = $('stability-panel');
    panel.hidden = s.mechanisms.length === 0 && !held;
    if (panel.hidden) return;
    $('stability-mechanisms').replaceChildren(...(s.mechanisms.length
      ? s.mechanisms.map((m) => el('span', { class: 'badge info' }, MECHANISM_NAMES[m] || m))
      : [el('span', { class: 'muted' }, 'no stability rule in this program')]));
    const now = [];
    s.reserves.forEach((r, i) => {
      if (i > 0) now.push(' · ');
      now.push((RESERVE_NAMES[r.account] || r.account) + ' ', el('b', null, qty(r.permits)));
    });
    $('stability-now').replaceChildren('Now: ', ...now);
    drawStabilityChart(s);
    const cols = stabilityColumns(s);
    const table = $('stability');
    table.tHead.rows[0].replaceChildren(...cols.map((c) => el('th', {
      class: [c.num ? 'num' : '', c.group ? 'group' : ''].join(' ').trim(),
    }, c.head)));
    table.tBodies[0].replaceChildren(...s.periods.map((p) => el('tr', {
      class: p.status,
      'data-period': String(p.period),
      title: p.actions.length
        ? 'Period ' + p.period + ':\n' + p.actions.map(actionText).join('\n')
        : 'Period ' + p.period + ': no action',
    }, ...cols.map((c) => el('td', {
      class: [c.num ? 'num' : '', c.group ? 'group' : '',
        c.acted && c.acted(p) ? 'acted' : ''].join(' ').trim(),
    }, c.cell(p))))));
  }

  function showHead(head) {
    if (head.seq !== undefined) setText('journal-seq', qty(head.seq));
    if (head.headHash) setText('journal-head', head.headHash);
    if (head.stateHash) setText('state-hash', head.stateHash);
    if (head.lastTick) setText('journal-time', utcDateTime(head.lastTick));
  }

  async function refreshHead() {
    showHead(await api('/api/journal/head'));
    showCheckpoint(await api('/api/journal/checkpoint'));
  }

  /** The latest signed checkpoint of the head, for operators to record elsewhere. */
  function showCheckpoint(cp) {
    setText('checkpoint-seq', 'entry ' + qty(cp.seq) + ' at ' + utcDateTime(Date.parse(cp.time)));
    setText('checkpoint-head', cp.headHash);
    setText('checkpoint-key', cp.keyFingerprint);
  }

  // ------------------------------------------------------------------ refresh and live updates

  function stamp() {
    setText('updated-at', utcDateTime(Date.now()));
  }

  async function refreshAll() {
    const results = await Promise.allSettled([refreshMarket(), refreshPeriods(),
      refreshHead(), refreshParticipants(), refreshStability()]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) {
      warn(failed.reason);
      if (state.source === null) setLive('offline', 'Server unreachable');
    }
    stamp();
    return !failed;
  }

  /** After a live event: the slower views are refreshed at most a few times a second. */
  function scheduleRefresh() {
    if (state.refreshTimer !== null) return;
    state.refreshTimer = setTimeout(async () => {
      state.refreshTimer = null;
      await Promise.allSettled([refreshDepthAndKpis(), refreshPeriods(), refreshHead(),
        refreshParticipants(), refreshStability()]);
      stamp();
    }, 300);
  }

  async function refreshDepthAndKpis() {
    if (state.vintage === null) return refreshMarket();
    const depth = await api('/api/books/' + state.vintage + '?levels=' + DEPTH_LEVELS);
    showDepth(depth);
  }

  function onMarket(msg) {
    showHead({ seq: msg.seq, headHash: msg.headHash });
    if (msg.currentPeriod !== null && msg.currentPeriod !== undefined) {
      showPeriod(msg.currentPeriod);
    }
    const books = msg.books || [];
    const book = books.find((b) => b.vintage === state.vintage);
    if (!book && books.length > 0) {
      // A new book opened (or the first one): rebuild the market views from the API.
      refreshMarket().catch(warn);
    } else if (book) {
      showKpis(book);
    }
    let added = 0;
    for (const t of msg.trades || []) {
      if (state.layout === 'SINGLE' || t.vintage === state.vintage) {
        state.history.push({ tick: t.tick, priceCents: t.priceCents, quantity: t.quantity });
        added++;
      }
    }
    if (added > 0) {
      state.history = state.history.slice(-HISTORY_MAX);
      showTrades(added);
      drawChart();
    }
    state.updates++;
    document.body.setAttribute('data-updates', String(state.updates));
    document.body.setAttribute('data-seq', String(msg.seq));
    scheduleRefresh();
  }

  function setLive(mode, text) {
    document.body.setAttribute('data-live', mode);
    setText('live-text', text);
  }

  function startPolling() {
    if (state.pollTimer !== null) return;
    setLive('polling', 'Polling');
    state.pollTimer = setInterval(async () => {
      const ok = await refreshAll();
      setLive(ok ? 'polling' : 'offline', ok ? 'Polling' : 'Server unreachable');
    }, POLL_MS);
  }

  function stopPolling() {
    if (state.pollTimer !== null) {
      clearInterval(state.pollTimer);
      state.pollTimer = null;
    }
  }

  function connectEvents() {
    if (!('EventSource' in window)) {
      startPolling();
      return;
    }
    const source = new EventSource('/api/events');
    state.source = source;
    source.addEventListener('open', () => {
      stopPolling();
      setLive('sse', 'Live');
      refreshAll();
    });
    source.addEventListener('market', (ev) => {
      try {
        onMarket(JSON.parse(ev.data));
        stamp();
      } catch (e) {
        console.warn('bad market event', e);
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        state.source = null;
        startPolling();
        setTimeout(connectEvents, 10000);
      } else {
        setLive('connecting', 'Reconnecting');
      }
    });
  }

  // ------------------------------------------------------------------ start

  function start() {
    loadToken();
    setupSignIn();
    showIdentity();
    $('vintage-select').addEventListener('change', (ev) => {
      state.vintage = Number(ev.target.value);
      refreshMarket().catch(warn);
    });
    if ('ResizeObserver' in window) {
      new ResizeObserver(resizeChart).observe($('price-chart'));
    } else {
      window.addEventListener('resize', resizeChart);
    }
    refreshAll();
    connectEvents();
    setInterval(() => {
      if (state.pollTimer === null) refreshAll();
    }, SAFETY_REFRESH_MS);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
