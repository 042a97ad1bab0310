// Orders: the blotter with live status, and (for traders) the order ticket, modify and cancel.
// The API's validation messages appear next to the fields they name.

import { h, fill, field, select, rupees, quantity, clock, showErrors, clearErrors } from '../dom.js';
import { Table } from '../table.js';
import { isOpen, failed, latest } from './common.js';

export const ORDER_COLUMNS = [
  { key: 'id', label: 'Id', num: true, flash: false },
  { key: 'createdAt', label: 'Time', fmt: clock },
  { key: 'symbol', label: 'Symbol' },
  { key: 'side', label: 'Side', cls: v => (v === 'BUY' ? 'up' : 'down'), fmt: v => (v === 'BUY' ? '▲ BUY' : v ? '▼ SELL' : '') },
  { key: 'type', label: 'Type' },
  { key: 'quantity', label: 'Qty', num: true, fmt: quantity, flash: false },
  { key: 'filledQuantity', label: 'Filled', num: true, fmt: quantity, flash: false },
  { key: 'limitPrice', label: 'Price', num: true, fmt: v => (Number(v) ? rupees(v) : ''), flash: false },
  { key: 'averagePrice', label: 'Avg', num: true, fmt: v => (Number(v) ? rupees(v) : ''), flash: false },
  { key: 'status', label: 'Status', cls: v => 'status-' + v },
  { key: 'reason', label: 'Reason', fmt: (v, r) => (r.reasonCode ? r.reasonCode + ': ' : '') + (v || '') },
];

/** Applies an `orders` stream message to a blotter row (or makes one). */
export function applyOrderMessage(table, m) {
  const d = m.data;
  const change = { id: d.orderId, status: d.status };
  if (d.symbol) Object.assign(change, { symbol: d.symbol, side: d.side, quantity: d.quantity, createdAt: m.time, bot: m.bot });
  if (d.reasonCode !== undefined) change.reasonCode = d.reasonCode;
  if (d.reason !== undefined) change.reason = d.reason;
  if (d.status === 'MODIFIED') {
    Object.assign(change, { quantity: d.quantity, limitPrice: d.limitPrice, triggerPrice: d.triggerPrice });
    // A modified order keeps working; its status stays what the venue says.
    delete change.status;
  }
  if (d.status === 'CANCEL_REQUESTED') {
    delete change.status;
    change.cancelRequested = true;
  }
  if (!table.get(d.orderId) && !d.symbol) return null;
  return table.upsert(change);
}

/** Applies a `fills` stream message to its order's row. */
export function applyFillMessage(table, m) {
  const row = table.get(m.data.orderId);
  if (!row) return;
  const filled = m.data.filledQuantity;
  // What was filled before this fill, by the message itself: a row that already counted it is not counted twice.
  const before = filled - m.data.quantity;
  if (Number(row.filledQuantity || 0) >= filled) return;
  const average = filled > 0
    ? (Number(row.averagePrice || 0) * before + Number(m.data.price) * m.data.quantity) / filled : 0;
  table.upsert({ id: row.id, filledQuantity: filled, averagePrice: average.toFixed(2),
    status: m.data.remaining === 0 ? 'FILLED' : 'PARTIALLY_FILLED' });
}

const STAGE = { SUBMITTED: 0, ACCEPTED: 1, OPEN: 1, TRIGGER_PENDING: 1, MODIFIED: 1, PARTIALLY_FILLED: 2 };
const stage = status => STAGE[status] ?? 3;   // anything else is final

/**
 * An order as a REST answer gives it, merged so that it never takes a row back: the stream may
 * already have said ACCEPTED or FILLED when the answer to the placement arrives.
 */
export function mergeOrder(table, order) {
  const row = table.get(order.id);
  if (!row) return table.upsert(order);
  const merged = { ...order };
  if (stage(row.status) > stage(order.status)) merged.status = row.status;
  if (Number(row.filledQuantity || 0) > Number(order.filledQuantity || 0)) {
    merged.filledQuantity = row.filledQuantity;
    merged.averagePrice = row.averagePrice;
  }
  return table.upsert(merged);
}

export function mount(root, ctx) {
  const canTrade = ctx.canTrade();
  const actions = {
    key: 'actions', label: '', render: (cell, row) => {
      if (!canTrade) return;
      const open = isOpen(row.status) && !row.cancelRequested;
      fill(cell, open ? h('div.actions',
        h('button.small', { type: 'button', 'data-action': 'modify', 'aria-label': 'Modify order ' + row.id, text: 'Modify',
          onclick: () => modify(table.get(row.id)) }),
        h('button.small', { type: 'button', 'data-action': 'cancel', 'aria-label': 'Cancel order ' + row.id, text: 'Cancel',
          onclick: () => cancel(table.get(row.id)) })) : null);
    }, live: true, renderKey: row => row.status + ':' + Boolean(row.cancelRequested),
  };
  const table = new Table([...ORDER_COLUMNS, actions], { empty: 'No orders', tall: true, label: 'orders', limit: 500 });
  const statusFilter = select('status', [['', 'All'], ['SUBMITTED,ACCEPTED,PARTIALLY_FILLED', 'Open'],
    ['FILLED', 'Filled'], ['CANCELLED', 'Cancelled'], ['REJECTED,DENIED', 'Rejected or denied']], '');
  statusFilter.setAttribute('aria-label', 'status filter');
  statusFilter.addEventListener('change', load);
  const blotter = h('section.panel', { class: canTrade ? 'span-8' : 'span-12' },
    h('div.panel-head', h('h2', { text: 'Blotter · ' + ctx.account }), statusFilter), table.el);
  fill(root, h('h1', { text: 'Orders' }), h('div.grid', canTrade ? ticket(ctx, table) : null, blotter,
    canTrade ? null : h('p.muted.span-12', { text: 'Your role can view orders; placing them needs the TRADER role.' })));

  const loads = latest();
  async function load() {
    const ticket = loads.next();
    try {
      const answer = await ctx.api.get('/orders' + ctx.api.query({ account: ctx.account, status: statusFilter.value, limit: 200 }));
      if (loads.stale(ticket)) return;
      table.set(answer.items);
    } catch (e) {
      failed(table.el, e);
    }
  }

  async function modify(row) {
    const qty = h('input.num', { name: 'quantity', inputmode: 'numeric', value: row.quantity });
    const price = h('input.num', { name: 'limitPrice', inputmode: 'decimal', value: Number(row.limitPrice) ? row.limitPrice : '' });
    const trigger = h('input.num', { name: 'triggerPrice', inputmode: 'decimal', value: Number(row.triggerPrice) ? row.triggerPrice : '' });
    const form = h('form.stack', { novalidate: true }, h('div.fields', field('Quantity', qty), field('Limit price', price),
      field('Trigger price', trigger)), h('div.form-error', { role: 'alert' }),
      h('div.actions', h('button.primary', { type: 'submit', text: 'Modify' }), h('button', { type: 'button', 'data-cancel': true, text: 'Close' })));
    const answer = await ctx.dialog('Modify order ' + row.id, form, async f => {
      clearErrors(f);
      const body = {};
      if (qty.value && Number(qty.value) !== Number(row.quantity)) body.quantity = Number(qty.value);
      if (price.value && price.value !== String(row.limitPrice)) body.limitPrice = price.value;
      if (trigger.value && trigger.value !== String(row.triggerPrice)) body.triggerPrice = trigger.value;
      try {
        return await ctx.api.patch('/orders/' + row.id, body);
      } catch (e) {
        if (!showErrors(f, e)) throw e;
        return undefined;
      }
    });
    if (answer) {
      mergeOrder(table, answer);
      ctx.toast('Modification of order ' + row.id + ' sent', 'ok');
    }
  }

  async function cancel(row) {
    try {
      await ctx.api.del('/orders/' + row.id);
      // The outcome (CANCELLED, or a fill first) comes over the stream.
      table.upsert({ id: row.id, cancelRequested: true });
      ctx.toast('Cancel of order ' + row.id + ' requested');
    } catch (e) {
      ctx.toast('Cancel refused: ' + e.message, 'bad');
    }
  }

  const stops = [
    ctx.stream.on('orders', m => {
      if (m.account !== ctx.account) return;
      // A new order the status filter would not show stays out of the list.
      const wanted = statusFilter.value ? statusFilter.value.split(',') : null;
      if (wanted && !table.get(m.data.orderId) && !wanted.includes(m.data.status)) return;
      applyOrderMessage(table, m);
    }),
    ctx.stream.on('fills', m => { if (m.account === ctx.account) applyFillMessage(table, m); }),
    ctx.stream.onResync(load),
  ];
  load();
  return () => stops.forEach(s => s());
}

/** The order ticket. */
function ticket(ctx, table) {
  const symbols = h('datalist', { id: 'symbol-list' }, ctx.instruments.map(i => h('option', { value: i.symbol })));
  const symbol = h('input', { name: 'symbol', list: 'symbol-list', autocomplete: 'off', required: true,
    placeholder: 'e.g. INFY', spellcheck: 'false' });
  symbol.addEventListener('input', () => { symbol.value = symbol.value.toUpperCase(); });
  const sides = h('div.side-toggle', { role: 'radiogroup', 'aria-label': 'side' },
    h('label.buy', h('input', { type: 'radio', name: 'side', value: 'BUY', checked: true }), h('span', { text: '▲ Buy' })),
    h('label.sell', h('input', { type: 'radio', name: 'side', value: 'SELL' }), h('span', { text: '▼ Sell' })));
  const type = select('type', [['LIMIT', 'Limit'], ['MARKET', 'Market'], ['SL', 'Stop-loss limit'], ['SL_M', 'Stop-loss market']], 'LIMIT');
  const qty = h('input.num', { name: 'quantity', inputmode: 'numeric', required: true });
  const price = h('input.num', { name: 'limitPrice', inputmode: 'decimal' });
  const trigger = h('input.num', { name: 'triggerPrice', inputmode: 'decimal' });
  const product = select('product', [['CNC', 'CNC (delivery)'], ['MIS', 'MIS (intraday)']], 'CNC');
  const validity = select('validity', [['DAY', 'Day'], ['IOC', 'Immediate or cancel']], 'DAY');
  const account = select('account', ctx.accounts, ctx.account);
  const submit = h('button.buy', { type: 'submit', text: 'Place buy order' });
  const outcome = h('div.form-error', { role: 'alert' });
  const priceField = field('Limit price (₹)', price);
  const triggerField = field('Trigger price (₹)', trigger);
  const form = h('form.stack', { 'aria-label': 'place an order', novalidate: true },
    sides,
    h('div.fields', field('Symbol', symbol), field('Quantity', qty), field('Type', type), priceField, triggerField,
      field('Product', product), field('Validity', validity), ctx.accounts.length > 1 ? field('Account', account) : null),
    symbols, outcome, h('div.actions', submit));
  const sync = () => {
    const t = type.value;
    priceField.classList.toggle('hidden', t === 'MARKET' || t === 'SL_M');
    triggerField.classList.toggle('hidden', t === 'MARKET' || t === 'LIMIT');
    const buy = form.side.value === 'BUY';
    submit.className = buy ? 'buy' : 'sell';
    submit.textContent = buy ? 'Place buy order' : 'Place sell order';
  };
  form.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    outcome.textContent = '';
    const body = { account: ctx.accounts.length > 1 ? account.value : ctx.account, symbol: symbol.value.trim(),
      side: form.side.value, type: type.value, product: product.value, validity: validity.value };
    // Sent as typed, so the API (not the browser) judges it and names the field.
    if (qty.value.trim()) body.quantity = /^\d+$/.test(qty.value.trim()) ? Number(qty.value.trim()) : qty.value.trim();
    if (!priceField.classList.contains('hidden') && price.value.trim()) body.limitPrice = price.value.trim();
    if (!triggerField.classList.contains('hidden') && trigger.value.trim()) body.triggerPrice = trigger.value.trim();
    submit.disabled = true;
    try {
      const order = await ctx.api.post('/orders', body);
      if (body.account === ctx.account) mergeOrder(table, order);
      ctx.toast('Order ' + order.id + ' placed: ' + order.side + ' ' + order.quantity + ' ' + order.symbol, 'ok');
      qty.value = '';
    } catch (e) {
      const placed = showErrors(form, e);
      if (e.body.reasonCode) {
        outcome.textContent = 'Denied by risk (' + e.body.reasonCode + '): ' + e.message;
        if (e.body.orderId) table.upsert({ id: e.body.orderId, symbol: body.symbol, side: body.side, type: body.type,
          quantity: body.quantity, status: 'DENIED', reasonCode: e.body.reasonCode, reason: e.message, createdAt: new Date().toISOString() });
      } else if (!placed) {
        outcome.textContent = e.message;
      }
    } finally {
      submit.disabled = false;
    }
  });
  return h('section.panel.span-4', h('div.panel-head', h('h2', { text: 'Place an order' })), form);
}
