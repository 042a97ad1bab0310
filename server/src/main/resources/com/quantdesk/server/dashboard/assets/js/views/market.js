// Market: the watchlist with live prices, and a candlestick chart of one symbol that grows with
// each quote, the user's fills marked on it.

import { h, fill, rupees, signed, percent, tone, quantity, perFrame } from '../dom.js';
import { Table } from '../table.js';
import { CandleChart } from '../chart.js';
import { failed, recovered } from './common.js';

const INTERVALS = { '1m': 60000, '5m': 300000, '15m': 900000, '1d': 86400000 };
const IST = 19800000;   // India is UTC+05:30 all year
const SESSION_OPEN = 9 * 3600000 + 15 * 60000;

/** The start of the bar a quote at `time` (ms) belongs to. */
export function barStart(time, interval) {
  if (interval === '1d') {
    const day = Math.floor((time + IST) / 86400000) * 86400000;
    return day - IST + SESSION_OPEN;
  }
  const size = INTERVALS[interval];
  return Math.floor(time / size) * size;
}

export function mount(root, ctx, [initial]) {
  const symbols = ctx.instruments.map(i => i.symbol);
  let selected = symbols.includes(initial) ? initial : (localStorage.getItem('qd.symbol') || symbols[0]);
  if (!symbols.includes(selected)) selected = symbols[0];
  let interval = localStorage.getItem('qd.interval') || '5m';
  if (!INTERVALS[interval]) interval = '5m';

  const table = new Table([
    { key: 'symbol', label: 'Symbol' },
    { key: 'last', label: 'Last', num: true, fmt: rupees },
    { key: 'change', label: 'Chg', num: true, fmt: signed, cls: tone, flash: false },
    { key: 'changePct', label: 'Chg %', num: true, fmt: v => percent(v), cls: tone, flash: false },
    { key: 'high', label: 'High', num: true, fmt: rupees, flash: false },
    { key: 'low', label: 'Low', num: true, fmt: rupees, flash: false },
    { key: 'volume', label: 'Volume', num: true, fmt: quantity, flash: false },
  ], {
    key: r => r.symbol, empty: 'No quotes yet', tall: true, label: 'watchlist',
    rowClass: r => (r.symbol === selected ? 'selected' : ''),
    onRow: (tr, row) => {
      tr.tabIndex = 0;
      tr.setAttribute('aria-label', row.symbol + ': open its chart');
      tr.classList.toggle('hidden', !matches(row.symbol));
      tr.addEventListener('click', () => choose(row.symbol));
      tr.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(row.symbol); } });
    },
  });
  const search = h('input', { type: 'search', name: 'symbol-filter', placeholder: 'Filter symbols', 'aria-label': 'filter symbols',
    oninput: () => table.rows.forEach((entry, symbol) => entry.tr.classList.toggle('hidden', !matches(symbol))) });
  function matches(symbol) {
    const text = search.value.trim().toUpperCase();
    return text === '' || symbol.includes(text);
  }
  const chart = new CandleChart({ height: 380, yFmt: v => rupees(v), label: 'price chart' });
  const title = h('h2');
  const intervalButtons = h('div.seg', { role: 'group', 'aria-label': 'interval' }, Object.keys(INTERVALS).map(i =>
    h('button', { type: 'button', 'data-interval': i, 'aria-pressed': String(i === interval), text: i, onclick: () => {
      interval = i;
      localStorage.setItem('qd.interval', i);
      intervalButtons.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.interval === i)));
      loadChart();
    } })));
  const chartPanel = h('section.panel.span-7', h('div.panel-head', title, intervalButtons), chart.el);
  fill(root, h('h1', { text: 'Market' }), h('div.grid',
    h('section.panel.span-5', h('div.panel-head', h('h2', { text: 'Watchlist' }), h('div', search)), table.el),
    chartPanel));

  function row(q) {
    const last = Number(q.last);
    const open = Number(q.open);
    return { symbol: q.symbol, last, change: last - open, changePct: open ? (last - open) / open : 0,
      high: Number(q.high), low: Number(q.low), volume: q.volume };
  }

  const pending = new Map();
  const flush = perFrame(() => {
    for (const q of pending.values()) {
      table.upsert(row(q));
      if (q.symbol === selected) tick(q);
    }
    pending.clear();
  });

  function tick(q) {
    const time = Date.parse(q.time);
    const price = Number(q.last);
    const start = barStart(time, interval);
    const last = chart.last();
    if (last && last.t === start) {
      chart.update({ t: start, o: last.o, h: Math.max(last.h, price), l: Math.min(last.l, price), c: price });
    } else if (!last || start > last.t) {
      chart.update({ t: start, o: price, h: price, l: price, c: price });
    }
  }

  function choose(symbol) {
    selected = symbol;
    localStorage.setItem('qd.symbol', symbol);
    table.all().forEach(r => table.upsert({ symbol: r.symbol }));
    loadChart();
  }

  let loading = 0;
  async function loadChart() {
    const ticket = ++loading;
    title.textContent = selected + ' · ' + interval;
    chartPanel.dataset.symbol = selected;
    chartPanel.dataset.interval = interval;
    try {
      const [bars, fills] = await Promise.all([
        ctx.api.get('/bars/' + encodeURIComponent(selected) + ctx.api.query({ interval, limit: 200 })),
        ctx.account ? ctx.api.get('/fills' + ctx.api.query({ account: ctx.account, symbol: selected, limit: 200 }))
          : Promise.resolve({ items: [] })]);
      if (ticket !== loading) return;
      chart.setBars(bars.items.map(b => ({ t: Date.parse(b.time), o: Number(b.open), h: Number(b.high),
        l: Number(b.low), c: Number(b.close) })));
      chart.setMarkers(fills.items.map(f => ({ t: Date.parse(f.time), price: Number(f.price), side: f.side })));
      recovered(chartPanel);
    } catch (e) {
      if (ticket === loading) failed(chartPanel, e);
    }
  }

  async function load() {
    try {
      const quotes = await ctx.api.get('/quotes');
      table.set(quotes.items.map(row));
    } catch (e) {
      failed(table.el, e);
    }
    loadChart();
  }

  const stops = symbols.map(s => ctx.stream.on('quotes:' + s, m => {
    pending.set(m.data.symbol, { ...m.data, time: m.time });
    flush();
  }));
  stops.push(ctx.stream.on('fills', m => {
    if (m.account === ctx.account && m.data.symbol === selected) {
      chart.addMarker({ t: Date.parse(m.time), price: Number(m.data.price), side: m.data.side });
    }
  }));
  stops.push(ctx.stream.onResync(load));
  load();
  return () => {
    stops.forEach(s => s());
    chart.destroy();
  };
}
