// Positions and fills. Each position's P&L follows its symbol's quotes; a fill changes its own row.

import { h, fill, rupees, signed, tone, quantity, clock, perFrame } from '../dom.js';
import { Table } from '../table.js';
import { failed, latest } from './common.js';

export const FILL_COLUMNS = [
  { key: 'time', label: 'Time', fmt: clock },
  { key: 'orderId', label: 'Order', num: true, flash: false },
  { key: 'symbol', label: 'Symbol' },
  { key: 'side', label: 'Side', cls: v => (v === 'BUY' ? 'up' : 'down'), fmt: v => (v === 'BUY' ? '▲ BUY' : '▼ SELL') },
  { key: 'quantity', label: 'Qty', num: true, fmt: quantity, flash: false },
  { key: 'price', label: 'Price', num: true, fmt: rupees, flash: false },
  { key: 'charges', label: 'Charges', num: true, fmt: rupees, flash: false },
  { key: 'bot', label: 'Bot', fmt: v => (v && v !== '_none' ? v : '') },
];

/** A fill row from a `fills` stream message. */
export function fillRow(m) {
  return { id: m.data.fillId, orderId: m.data.orderId, time: m.time, symbol: m.data.symbol, side: m.data.side,
    quantity: m.data.quantity, price: m.data.price, charges: m.data.charges, bot: m.bot };
}

export function mount(root, ctx) {
  const positions = new Table([
    { key: 'symbol', label: 'Symbol' },
    { key: 'product', label: 'Product' },
    { key: 'quantity', label: 'Qty', num: true, fmt: quantity, cls: tone },
    { key: 'averagePrice', label: 'Avg price', num: true, fmt: rupees, flash: false },
    { key: 'lastPrice', label: 'LTP', num: true, fmt: rupees },
    { key: 'marketValue', label: 'Value', num: true, fmt: rupees },
    { key: 'unrealizedPnl', label: 'Unrealized', num: true, fmt: signed, cls: tone },
    { key: 'realizedPnl', label: 'Realized', num: true, fmt: signed, cls: tone },
  ], { key: r => r.symbol + ':' + r.product, empty: 'No positions', label: 'positions' });
  const fills = new Table(FILL_COLUMNS, { key: r => r.id, empty: 'No fills', label: 'fills', limit: 300, tall: true });
  const totals = h('div.sub');
  fill(root, h('h1', { text: 'Positions · ' + ctx.account }), h('div.grid',
    h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Positions' }), totals), positions.el),
    h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Fills' })), fills.el)));

  let alive = true;
  const loads = latest();
  const watched = new Map();
  const prices = new Map();
  const revalue = perFrame(() => {
    for (const [symbol, price] of prices) {
      for (const row of positions.all().filter(r => r.symbol === symbol)) positions.upsert(value(row, price));
    }
    prices.clear();
    sum();
  });

  function value(row, price) {
    const last = Number(price);
    const qty = Number(row.quantity);
    return { symbol: row.symbol, product: row.product, lastPrice: last, marketValue: (qty * last).toFixed(2),
      unrealizedPnl: (qty * (last - Number(row.averagePrice))).toFixed(2) };
  }

  function sum() {
    let unrealized = 0;
    let realized = 0;
    positions.all().forEach(r => { unrealized += Number(r.unrealizedPnl) || 0; realized += Number(r.realizedPnl) || 0; });
    fill(totals, 'unrealized ', h('span', { class: tone(unrealized), text: signed(unrealized) }), ' · realized ',
      h('span', { class: tone(realized), text: signed(realized) }));
  }

  function watch(symbol) {
    if (!alive || watched.has(symbol)) return;
    watched.set(symbol, ctx.stream.on('quotes:' + symbol, m => { prices.set(m.data.symbol, m.data.last); revalue(); }));
  }

  async function load() {
    const ticket = loads.next();
    try {
      const [open, recent] = await Promise.all([ctx.api.get('/positions' + ctx.api.query({ account: ctx.account })),
        ctx.api.get('/fills' + ctx.api.query({ account: ctx.account, limit: 200 }))]);
      if (!alive || loads.stale(ticket)) return;
      positions.set(open.items);
      open.items.forEach(p => watch(p.symbol));
      fills.set(recent.items.map(f => ({ ...f, id: f.fillId })));
      sum();
    } catch (e) {
      failed(positions.el, e);
    }
  }

  const stops = [
    ctx.stream.on('positions', m => {
      if (m.account !== ctx.account) return;
      const d = m.data;
      const key = d.symbol + ':' + d.product;
      const row = positions.get(key) || { lastPrice: d.averagePrice };
      positions.upsert({ symbol: d.symbol, product: d.product, quantity: d.quantity, averagePrice: d.averagePrice,
        realizedPnl: d.realizedPnl, ...value({ ...row, symbol: d.symbol, product: d.product, quantity: d.quantity,
          averagePrice: d.averagePrice }, row.lastPrice) });
      watch(d.symbol);
      sum();
    }),
    ctx.stream.on('fills', m => { if (m.account === ctx.account) fills.upsert(fillRow(m)); }),
    ctx.stream.onResync(load),
  ];
  load();
  return () => {
    alive = false;
    stops.forEach(s => s());
    watched.forEach(s => s());
  };
}
