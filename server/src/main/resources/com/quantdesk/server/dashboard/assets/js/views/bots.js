// Bots: the list with state and P&L, creation with each strategy's parameters (defaults and
// bounds from the API), start/pause/resume/stop, and a page per bot.

import { h, fill, field, select, signed, tone, rupees, showErrors, clearErrors } from '../dom.js';
import { Table } from '../table.js';
import { LineChart } from '../chart.js';
import { stateBadge, series, failed, strategyParameters } from './common.js';
import { ORDER_COLUMNS, applyOrderMessage, applyFillMessage } from './orders.js';
import { FILL_COLUMNS, fillRow } from './positions.js';

const ACTIONS = {
  RUNNING: ['pause', 'stop'],
  PAUSED: ['resume', 'stop'],
  STOPPED: ['start'],
  HALTED: ['stop'],
};

export function mount(root, ctx, [id]) {
  return id ? page(root, ctx, id) : list(root, ctx);
}

function controls(ctx, bot, after) {
  if (!ctx.canTrade() || !ctx.accounts.includes(bot.account)) return null;
  const allowed = ACTIONS[bot.state] || ['stop'];
  return h('div.actions', ['start', 'pause', 'resume', 'stop'].map(action => h('button.small', {
    type: 'button', 'data-action': action, disabled: !allowed.includes(action), text: action[0].toUpperCase() + action.slice(1),
    'aria-label': action[0].toUpperCase() + action.slice(1) + ' bot ' + bot.id,
    onclick: async event => {
      event.stopPropagation();
      try {
        after(await ctx.api.post('/bots/' + encodeURIComponent(bot.id) + '/' + action));
        ctx.toast('Bot ' + bot.id + ': ' + action, 'ok');
      } catch (e) {
        ctx.toast('Bot ' + bot.id + ': ' + e.message, 'bad');
      }
    } })));
}

function list(root, ctx) {
  const table = new Table([
    { key: 'id', label: 'Bot', render: (cell, r) => fill(cell, h('a', { href: '#/bots/' + encodeURIComponent(r.id), text: r.id })) },
    { key: 'account', label: 'Account' },
    { key: 'strategy', label: 'Strategy' },
    { key: 'symbols', label: 'Symbols', fmt: v => (v || []).join(' ') },
    { key: 'interval', label: 'Interval' },
    { key: 'state', label: 'State', render: (cell, r) => fill(cell, stateBadge(r.state)), live: true },
    { key: 'realized', label: 'Realized', num: true, fmt: signed, cls: tone },
    { key: 'unrealized', label: 'Unrealized', num: true, fmt: signed, cls: tone },
    { key: 'charges', label: 'Charges', num: true, fmt: rupees },
    { key: 'net', label: 'Net', num: true, fmt: signed, cls: tone },
    { key: 'actions', label: '', render: (cell, r) => fill(cell, controls(ctx, r, b => table.upsert(b))), live: true,
      renderKey: r => r.state },
  ], { empty: 'No bots', label: 'bots' });
  const createBox = h('div');
  fill(root, h('h1', { text: 'Bots' }), h('div.grid',
    h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Bots' })), table.el),
    ctx.canTrade() ? h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Create a bot' })), createBox) : null));

  async function load() {
    try {
      table.set((await ctx.api.get('/bots')).items);
    } catch (e) {
      failed(table.el, e);
    }
  }
  // P&L figures change with every price: one request a few seconds at most, while the screen is open.
  const timer = setInterval(async () => {
    try {
      (await ctx.api.get('/pnl/bots')).items.forEach(p => {
        if (table.get(p.bot)) table.upsert({ id: p.bot, realized: p.realized, unrealized: p.unrealized, charges: p.charges, net: p.net });
      });
    } catch { /* shown by the next load */ }
  }, 30000);
  if (ctx.canTrade()) createForm(ctx, createBox, bot => table.upsert(bot));
  const stops = [
    ctx.stream.on('bots', m => {
      if (table.get(m.bot)) table.upsert({ id: m.bot, state: m.data.state });
      else load();
    }),
    ctx.stream.onResync(load),
  ];
  load();
  return () => { stops.forEach(s => s()); clearInterval(timer); };
}

async function createForm(ctx, box, created) {
  let strategies;
  try {
    strategies = (await ctx.api.get('/strategies')).items;
  } catch (e) {
    failed(box, e);
    return;
  }
  const idInput = h('input', { name: 'id', required: true, maxlength: '40', pattern: '[a-z0-9-]+', placeholder: 'e.g. sma-infy' });
  const strategy = select('strategy', strategies.map(s => [s.name, s.name]), strategies[0]?.name);
  const account = select('account', ctx.accounts, ctx.account);
  const interval = select('interval', ['1m', '5m', '15m', '1h', '1d'], '5m');
  const symbols = h('div.checks', { role: 'group', 'aria-label': 'symbols', 'data-field': 'symbols' },
    ctx.instruments.map(i => h('label', h('input', { type: 'checkbox', name: 'symbol', value: i.symbol }), i.symbol)));
  const symbolsError = h('div.error', { id: 'bot-symbols-error' });
  const params = h('div.fields', { 'aria-label': 'parameters' });
  const description = h('p.muted');
  const startNow = h('input', { type: 'checkbox', name: 'start', id: 'bot-start' });
  const outcome = h('div.form-error', { role: 'alert' });
  const form = h('form.stack', { 'aria-label': 'create a bot', novalidate: true },
    h('div.fields', field('Bot id', idInput, 'letters, digits and -'), field('Strategy', strategy), field('Account', account),
      field('Interval', interval)), description, h('h2', { text: 'Parameters' }), params,
    h('div.field', h('span.label', { text: 'Symbols' }), symbols, symbolsError),
    h('label.checks', startNow, ' Start at once'), outcome,
    h('div.actions', h('button.primary', { type: 'submit', text: 'Create bot' })));
  const parameters = strategyParameters(strategies, strategy, params, description);
  fill(box, form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    symbolsError.textContent = '';
    outcome.textContent = '';
    const body = { id: idInput.value.trim(), account: account.value, strategy: strategy.value, interval: interval.value,
      symbols: [...form.querySelectorAll('input[name="symbol"]:checked')].map(c => c.value), start: startNow.checked,
      params: parameters.values() };
    try {
      const bot = await ctx.api.post('/bots', body);
      created(bot);
      ctx.toast('Bot ' + bot.id + ' created', 'ok');
      idInput.value = '';
    } catch (e) {
      for (const err of e.errors) {
        if (err.field === 'symbols' || err.field.startsWith('symbols')) symbolsError.textContent = err.message;
        else if (err.field.startsWith('params.')) {
          const input = params.querySelector(`[name="${CSS.escape(err.field)}"]`);
          if (input) { form.querySelector('#' + CSS.escape(input.id) + '-error').textContent = err.message; input.setAttribute('aria-invalid', 'true'); }
        }
      }
      if (!showErrors(form, { errors: e.errors.filter(x => !x.field.startsWith('params.') && x.field !== 'symbols') })
        && !e.errors.length) outcome.textContent = e.message;
    }
  });
}

function page(root, ctx, id) {
  const head = h('div.panel-head');
  const facts = h('dl.kv');
  const chart = new LineChart([{ label: 'net P&L', color: '--accent', fill: true, base: 0 }],
    { height: 200, yFmt: v => rupees(v), label: 'bot P&L curve' });
  const orders = new Table(ORDER_COLUMNS, { empty: 'No orders', label: 'bot orders', limit: 200 });
  const fills = new Table(FILL_COLUMNS, { key: r => r.id, empty: 'No fills', label: 'bot fills', limit: 200 });
  fill(root, h('h1', h('a', { href: '#/bots', text: 'Bots' }), ' / ' + id), h('div.grid',
    h('section.panel.span-4', head, facts),
    h('section.panel.span-8', h('div.panel-head', h('h2', { text: 'Net P&L' })), chart.el),
    h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Orders' })), orders.el),
    h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Fills' })), fills.el)));
  let bot = null;
  function show(b) {
    bot = b;
    fill(head, h('h2', { text: b.strategy }), stateBadge(b.state), controls(ctx, b, show));
    fill(facts, [['Account', b.account], ['Symbols', b.symbols.join(', ')], ['Interval', b.interval],
      ['Parameters', Object.entries(b.params).map(([k, v]) => k + '=' + v).join(' ')],
      ['Realized', signed(b.realized)], ['Unrealized', signed(b.unrealized)], ['Charges', rupees(b.charges)],
      ['Net', signed(b.net)]].flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  }
  async function load() {
    try {
      const b = await ctx.api.get('/bots/' + encodeURIComponent(id));
      show(b);
      const [o, f, curve] = await Promise.all([
        ctx.api.get('/orders' + ctx.api.query({ account: b.account, bot: id, limit: 200 })),
        ctx.api.get('/fills' + ctx.api.query({ account: b.account, limit: 500 })),
        ctx.api.get('/bots/' + encodeURIComponent(id) + '/equity' + ctx.api.query({ range: 'all' })).catch(() => ({ items: [] }))]);
      orders.set(o.items);
      fills.set(f.items.filter(x => x.bot === id).map(x => ({ ...x, id: x.fillId })));
      const [times, values] = series(curve.items, 'net');
      chart.setData(times, values);
    } catch (e) {
      failed(facts, e);
    }
  }
  const stops = [
    ctx.stream.on('bots', m => { if (m.bot === id && bot) show({ ...bot, state: m.data.state }); }),
    ctx.stream.on('orders', m => { if (m.bot === id || orders.get(m.data.orderId)) applyOrderMessage(orders, m); }),
    ctx.stream.on('fills', m => {
      if (m.bot !== id) return;
      applyFillMessage(orders, m);
      fills.upsert(fillRow(m));
    }),
    ctx.stream.onResync(load),
  ];
  load();
  return () => { stops.forEach(s => s()); chart.destroy(); };
}
