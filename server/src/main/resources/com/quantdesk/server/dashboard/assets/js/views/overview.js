// Overview: equity (today and since inception), today's P&L, exposure by sector, trading states,
// recent alerts, and the kill switch for RISK users.

import { h, fill, rupees, signed, tone, stamp } from '../dom.js';
import { LineChart } from '../chart.js';
import { stateBadge, killSwitch, series, failed, recovered, latest, severity, isSystem } from './common.js';

export function mount(root, ctx) {
  const cards = h('div.cards', { 'aria-label': 'account figures' });
  const card = (key, label) => {
    const value = h('div.value', { 'data-figure': key });
    const sub = h('div.sub');
    cards.append(h('div.card', h('div.label', { text: label }), value, sub));
    return { value, sub };
  };
  const equity = card('equity', 'Equity');
  const dayNet = card('day-net', "Today's P&L");
  const cash = card('cash', 'Cash');
  const state = card('state', 'Trading state');

  let range = 'day';
  let alive = true;
  const equityLoads = latest();
  const chart = new LineChart([{ label: 'equity', color: '--accent', fill: true }],
    { height: 240, yFmt: v => rupees(v).replace(/\.\d\d$/, ''), label: 'equity curve' });
  const rangeButtons = h('div.seg', { role: 'group', 'aria-label': 'equity range' },
    [['day', 'Today'], ['all', 'Since inception']].map(([value, label]) => h('button', { type: 'button',
      'aria-pressed': String(value === range), 'data-range': value, text: label, onclick: () => {
        range = value;
        rangeButtons.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.range === range)));
        chart.xFmt = range === 'day' ? chart.xFmt0 : t => new Date(t).toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });
        loadEquity();
      } })));
  chart.xFmt0 = chart.xFmt;
  const sectors = h('div', { 'aria-label': 'exposure by sector' });
  const statesBox = h('div');
  const alerts = h('div', { 'aria-label': 'recent alerts' });
  const killBox = h('div');

  fill(root,
    h('h1', { text: 'Overview · ' + ctx.account }),
    h('div.grid',
      h('div.span-12', cards),
      h('section.panel.span-8', h('div.panel-head', h('h2', { text: 'Equity' }), rangeButtons), chart.el),
      h('section.panel.span-4', h('div.panel-head', h('h2', { text: 'Exposure by sector' })), sectors),
      h('section.panel.span-4', h('div.panel-head', h('h2', { text: 'Risk state' })), statesBox),
      h('section.panel.span-8', h('div.panel-head', h('h2', { text: 'Recent alerts' })), alerts),
      ctx.has('RISK') ? h('section.span-12', killBox) : null));

  let positions = [];
  let states = null;
  let bots = [];
  let kill = null;

  function figures(f) {
    equity.value.textContent = '₹ ' + rupees(f.equity);
    equity.sub.textContent = 'realized ' + rupees(f.realized) + ' · unrealized ' + rupees(f.unrealized);
    dayNet.value.textContent = signed(f.dayNet);
    dayNet.value.className = 'value ' + tone(f.dayNet);
    dayNet.sub.textContent = 'realized ' + rupees(f.dayRealized) + ' · unrealized ' + rupees(f.unrealized)
      + ' · charges ' + rupees(f.dayCharges);
    cash.value.textContent = '₹ ' + rupees(f.cash);
  }

  function exposure() {
    const bySector = new Map();
    let total = 0;
    for (const p of positions) {
      const value = Math.abs(Number(p.marketValue));
      if (!value) continue;
      const sector = ctx.sectors[p.symbol] || 'Other';
      bySector.set(sector, (bySector.get(sector) || 0) + value);
      total += value;
    }
    if (!total) {
      sectorRows.clear();
      fill(sectors, h('p.muted', { text: 'No open positions.' }));
      return;
    }
    sectors.querySelector('p.muted')?.remove();
    // Each sector's row is kept and changed in place; only the order is set again.
    for (const [sector, row] of sectorRows) {
      if (!bySector.has(sector)) { row.el.remove(); sectorRows.delete(sector); }
    }
    const rows = [...bySector.entries()].sort((a, b) => b[1] - a[1]);
    rows.forEach(([sector, value]) => {
      let row = sectorRows.get(sector);
      if (!row) {
        row = { bar: h('div.fill'), text: h('span.num') };
        row.el = h('div.hbar', { 'data-sector': sector }, h('span', { text: sector }), h('div.track', row.bar), row.text);
        sectorRows.set(sector, row);
      }
      const share = (100 * value / total).toFixed(1);
      row.bar.style.width = share + '%';
      row.text.textContent = rupees(value) + ' · ' + share + ' %';
      sectors.append(row.el);
    });
  }
  const sectorRows = new Map();

  function renderStates() {
    if (!states) return;
    const mine = states.accounts[ctx.account] || 'ACTIVE';
    state.value.replaceChildren(stateBadge(states.global === 'HALTED' ? 'HALTED' : mine));
    state.sub.textContent = 'global ' + states.global;
    fill(statesBox, h('table.data', h('tbody',
      h('tr', h('td', { text: 'Global' }), h('td', stateBadge(states.global))),
      Object.entries(states.accounts).map(([a, s]) => h('tr', h('td', { text: 'Account ' + a }), h('td', stateBadge(s)))),
      bots.filter(b => b.account === ctx.account).map(b => h('tr', h('td', { text: 'Bot ' + b.id }),
        h('td', stateBadge(b.state), ' ', h('span', { class: 'num ' + tone(b.net), text: signed(b.net) })))))));
    if (kill) kill.render(states);
  }

  function alertRow(a) {
    return h('div.alert-row', { 'data-seq': a.seq ?? '' }, h('span.muted.num', { text: stamp(a.time) }),
      h('span', { class: 'sev-' + a.severity, text: a.severity.toUpperCase() + ' ' + a.code }),
      h('span.message', { text: (isSystem(a.account) ? '' : a.account + ': ') + (a.bot ? a.bot + ': ' : '') + a.message }));
  }

  const mine = a => isSystem(a.account) || a.account === ctx.account;

  async function loadEquity() {
    const ticket = equityLoads.next();
    try {
      const answer = await ctx.api.get('/equity' + ctx.api.query({ account: ctx.account, range }));
      if (equityLoads.stale(ticket)) return;
      const [times, values] = series(answer.items, 'equity');
      chart.setData(times, values);
    } catch {
      if (!equityLoads.stale(ticket)) chart.setData([], [[]]);
    }
  }

  async function load() {
    try {
      const [portfolio, st, botList] = await Promise.all([ctx.api.get('/portfolio'), ctx.api.get('/risk/states'),
        ctx.api.get('/bots')]);
      if (!alive) return;
      const account = portfolio.items.find(p => p.account === ctx.account);
      if (account) {
        positions = account.positions;
        watchPrices();
        figures({ equity: account.equity, realized: account.realized, unrealized: account.unrealized, cash: account.cash,
          dayNet: account.day.net, dayRealized: account.day.realized, dayCharges: account.day.charges });
        exposure();
      }
      recovered(sectors);
      states = st;
      bots = botList.items;
      renderStates();
    } catch (e) {
      failed(sectors, e);
    }
    loadEquity();
    try {
      // Without an account filter: the system's alerts concern this account too.
      const answer = await ctx.api.get('/alerts' + ctx.api.query({ limit: 50 }));
      if (!alive) return;
      const shown = answer.items.filter(mine).slice(0, 20);
      fill(alerts, shown.length ? shown.map(alertRow) : h('p.muted', { text: 'No alerts.' }));
    } catch (e) {
      failed(alerts, e);
    }
  }

  if (ctx.has('RISK')) {
    kill = killSwitch(ctx, { global: 'ACTIVE', accounts: {} }, s => { states = s; renderStates(); });
    killBox.append(kill.el);
  }

  const stops = [
    ctx.stream.on('pnl', m => {
      if (m.account !== ctx.account) return;
      figures(m.data);
      // One point a minute, as the history has: the minute's point follows the latest figure.
      if (range === 'day') chart.push(Math.floor(Date.parse(m.time) / 60000) * 60000, [Number(m.data.equity)]);
    }),
    ctx.stream.on('positions', m => {
      if (m.account !== ctx.account) return;
      const key = m.data.symbol + ':' + m.data.product;
      const held = positions.find(p => p.symbol + ':' + p.product === key);
      if (held) held.quantity = m.data.quantity;
      else positions.push({ symbol: m.data.symbol, product: m.data.product, quantity: m.data.quantity,
        lastPrice: m.data.averagePrice, marketValue: 0 });
      watchPrices();
      revalue();
    }),
    ctx.stream.on('alerts', m => {
      if (!mine(m)) return;
      const state = m.type === 'TradingStateChanged';
      const code = state ? 'TRADING_' + m.data.current : m.data.code;
      const a = { seq: m.sequence, time: m.time, account: m.account, bot: m.bot, code, severity: severity(code),
        message: state ? m.data.previous + ' -> ' + m.data.current + ': ' + m.data.reason + ' (by ' + m.data.actor + ')'
          : m.data.message };
      alerts.querySelector('p.muted')?.remove();
      alerts.prepend(alertRow(a));
      while (alerts.children.length > 20) alerts.lastElementChild.remove();
      if (state) {
        // A global halt changes many scopes at once: one read of the states after the burst.
        clearTimeout(statesTimer);
        statesTimer = setTimeout(() => ctx.api.get('/risk/states').then(s => { if (alive) { states = s; renderStates(); } })
          .catch(() => {}), 500);
      }
    }),
    ctx.stream.on('bots', m => {
      const bot = bots.find(b => b.id === m.bot);
      if (bot) { bot.state = m.data.state; renderStates(); }
    }),
    ctx.stream.onResync(load),
  ];
  // Market values follow the quotes of the symbols held, so the sector split needs no extra request.
  let statesTimer = null;
  const watched = new Map();
  function watchPrices() {
    if (!alive) return;
    for (const p of positions) {
      if (p.quantity !== 0 && !watched.has(p.symbol)) {
        watched.set(p.symbol, ctx.stream.on('quotes:' + p.symbol, q => {
          positions.filter(x => x.symbol === q.data.symbol).forEach(x => { x.lastPrice = q.data.last; });
          revalue();
        }));
      }
    }
  }
  let revalueTimer = null;
  function revalue() {
    if (revalueTimer) return;
    revalueTimer = setTimeout(() => {
      revalueTimer = null;
      positions.forEach(p => { p.marketValue = Number(p.quantity) * Number(p.lastPrice); });
      exposure();
    }, 500);
  }
  load();
  return () => {
    alive = false;
    stops.forEach(s => s());
    watched.forEach(s => s());
    clearTimeout(revalueTimer);
    clearTimeout(statesTimer);
    chart.destroy();
  };
}

