// Backtests: the form, a progress bar while the job runs, then the report: metrics, equity and
// drawdown charts, and the trades.

import { h, fill, field, select, rupees, signed, tone, percent, quantity, stamp, showErrors, clearErrors } from '../dom.js';
import { Table } from '../table.js';
import { LineChart } from '../chart.js';
import { failed, strategyParameters } from './common.js';

// The first polls come quickly (small jobs end in a second), then every 2 s: a long job stays far
// below the API's per-user limit.
const pollDelay = poll => Math.min(2000, 300 * (poll + 1));

export function mount(root, ctx) {
  const formBox = h('div');
  const status = h('div', { 'aria-live': 'polite' });
  const report = h('div.grid.span-12');
  const jobs = new Table([
    { key: 'submittedAt', label: 'Submitted', fmt: stamp },
    { key: 'strategy', label: 'Strategy', value: r => r.summary?.strategy || '' },
    { key: 'symbols', label: 'Symbols', value: r => (r.summary?.symbols || []).join(' ') },
    { key: 'state', label: 'State' },
    { key: 'totalReturn', label: 'Return', num: true, value: r => r.summary?.totalReturn, fmt: v => (v === undefined ? '' : percent(v)), cls: tone, flash: false },
    { key: 'open', label: '', render: (cell, r) => fill(cell, r.state === 'DONE'
      ? h('button.small', { type: 'button', text: 'Show', onclick: () => show(r.id) }) : null), live: true },
  ], { empty: 'No backtests yet', label: 'backtests', limit: 50 });
  fill(root, h('h1', { text: 'Backtests' }), h('div.grid',
    h('section.panel.span-5', h('div.panel-head', h('h2', { text: 'New backtest' })), formBox, status),
    h('section.panel.span-7', h('div.panel-head', h('h2', { text: 'Recent' })), jobs.el),
    report));
  let stopped = false;
  const charts = [];

  async function loadJobs() {
    try {
      jobs.set((await ctx.api.get('/backtests')).items);
    } catch (e) {
      failed(jobs.el, e);
    }
  }

  async function form() {
    let strategies;
    try {
      strategies = (await ctx.api.get('/strategies')).items;
    } catch (e) {
      failed(formBox, e);
      return;
    }
    const strategy = select('strategy', strategies.map(s => s.name), strategies[0]?.name);
    const params = h('div.fields', { 'aria-label': 'parameters' });
    const symbols = h('input', { name: 'symbols', value: ctx.instruments[0]?.symbol || '', list: 'bt-symbols', autocomplete: 'off',
      spellcheck: 'false' });
    const today = new Date();
    const yearAgo = new Date(today.getTime() - 365 * 86400000);
    const from = h('input', { name: 'from', type: 'date', value: yearAgo.toISOString().slice(0, 10), required: true });
    const to = h('input', { name: 'to', type: 'date', value: today.toISOString().slice(0, 10), required: true });
    const interval = select('interval', [['1d', '1 day'], ['1h', '1 hour'], ['15m', '15 minutes'], ['5m', '5 minutes']], '1d');
    const source = select('source', [['synthetic', 'Synthetic NSE market (seeded)']], 'synthetic');
    const seed = h('input.num', { name: 'seed', type: 'number', value: '1', min: '0', step: '1' });
    const capital = h('input.num', { name: 'capital', inputmode: 'decimal', value: '1000000' });
    const slippage = h('input.num', { name: 'slippageBps', type: 'number', value: '0', min: '0', max: '500', step: '1' });
    const outcome = h('div.form-error', { role: 'alert' });
    const submit = h('button.primary', { type: 'submit', text: 'Run backtest' });
    const f = h('form.stack', { 'aria-label': 'new backtest', novalidate: true },
      h('div.fields', field('Strategy', strategy), field('Symbols', symbols, 'space or comma separated'),
        field('From', from), field('To', to), field('Interval', interval), field('Data source', source), field('Seed', seed),
        field('Capital (₹)', capital), field('Slippage (bps)', slippage)),
      h('datalist', { id: 'bt-symbols' }, ctx.instruments.map(i => h('option', { value: i.symbol }))),
      h('h2', { text: 'Parameters' }), params, outcome, h('div.actions', submit));
    const parameters = strategyParameters(strategies, strategy, params);
    fill(formBox, f);
    f.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(f);
      outcome.textContent = '';
      const body = { strategy: strategy.value, from: from.value, to: to.value, interval: interval.value,
        symbols: symbols.value.toUpperCase().split(/[\s,]+/).filter(Boolean), capital: capital.value.trim(),
        seed: Number(seed.value), slippageBps: Number(slippage.value),
        params: parameters.values() };
      submit.disabled = true;
      try {
        const job = await ctx.api.post('/backtests', body);
        jobs.upsert(job);
        await follow(job.id);
      } catch (e) {
        if (!showErrors(f, { errors: e.errors.map(x => ({ ...x, field: x.field.startsWith('symbols') ? 'symbols' : x.field })) })) {
          outcome.textContent = e.message;
        }
      } finally {
        submit.disabled = false;
      }
    });
  }

  /** Polls the job until it ends, showing its progress. */
  async function follow(id) {
    const bar = h('progress.progress', { max: '1', value: '0', 'aria-label': 'backtest progress' });
    const text = h('span.muted');
    fill(status, h('div.field', h('span.label', { text: 'Running ' + id }), bar, text));
    for (let poll = 0; !stopped; poll++) {
      let job;
      try {
        job = await ctx.api.get('/backtests/' + id);
      } catch (e) {
        if (e.status !== 429 && e.status !== 0) throw e;
        text.textContent = 'waiting for the server…';
        await new Promise(resolve => setTimeout(resolve, Math.max(2, e.retryAfter || 0) * 1000));
        continue;
      }
      bar.value = job.progress;
      text.textContent = job.state + ' · ' + Math.round(job.progress * 100) + ' %';
      jobs.upsert(job);
      if (job.state === 'DONE') {
        fill(status);
        await show(id);
        return;
      }
      if (job.state === 'FAILED') {
        fill(status, h('p.form-error', { role: 'alert', text: 'The backtest failed: ' + job.error }));
        return;
      }
      await new Promise(resolve => setTimeout(resolve, pollDelay(poll)));
    }
  }

  async function show(id) {
    let result;
    try {
      result = await ctx.api.get('/backtests/' + id + '/result');
    } catch (e) {
      failed(report, e);
      return;
    }
    charts.splice(0).forEach(c => c.destroy());
    const m = result.metrics;
    const metric = (label, value, cls) => [h('dt', { text: label }), h('dd', { class: cls || '', text: value })];
    const metrics = h('dl.kv', { 'aria-label': 'metrics' },
      metric('Period', result.from.slice(0, 10) + ' to ' + result.to.slice(0, 10)),
      metric('Bars', quantity(result.bars)),
      metric('Initial capital', rupees(result.initialCapital)),
      metric('Final equity', rupees(result.finalEquity)),
      metric('Total return', percent(m.totalReturn), tone(m.totalReturn)),
      metric('CAGR', percent(m.cagr), tone(m.cagr)),
      metric('Volatility (annual)', (m.annualVolatility * 100).toFixed(2) + ' %'),
      metric('Sharpe', m.sharpe.toFixed(2)),
      metric('Sortino', m.sortino.toFixed(2)),
      metric('Max drawdown', (m.maxDrawdown * 100).toFixed(2) + ' %'),
      metric('Calmar', m.calmar.toFixed(2)),
      metric('Trades', quantity(m.trades)),
      metric('Win rate', (m.winRate * 100).toFixed(1) + ' %'),
      metric('Profit factor', Number.isFinite(m.profitFactor) ? m.profitFactor.toFixed(2) : '∞'),
      metric('Average win', rupees(m.averageWin)),
      metric('Average loss', rupees(m.averageLoss)),
      metric('Exposure', (m.exposure * 100).toFixed(1) + ' %'),
      metric('Charges', rupees(m.totalCharges)),
      metric('Event stream SHA-256', result.eventStreamSha256.slice(0, 16) + '…'));
    const dayFmt = t => new Date(t).toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });
    const equity = new LineChart([{ label: 'equity', color: '--accent', fill: true }],
      { height: 220, yFmt: v => rupees(v).replace(/\.\d\d$/, ''), xFmt: dayFmt, label: 'backtest equity' });
    const drawdown = new LineChart([{ label: 'drawdown', color: '--down', fill: true, base: 0 }],
      { height: 140, yFmt: v => v.toFixed(1) + ' %', xFmt: dayFmt, label: 'backtest drawdown' });
    charts.push(equity, drawdown);
    const times = result.equityCurve.map(p => Date.parse(p.time));
    const values = result.equityCurve.map(p => Number(p.equity));
    let peak = -Infinity;
    const dd = values.map(v => { peak = Math.max(peak, v); return peak > 0 ? -100 * (peak - v) / peak : 0; });
    equity.setData(times, [values]);
    drawdown.setData(times, [dd]);
    const trades = new Table([
      { key: 'symbol', label: 'Symbol' },
      { key: 'direction', label: 'Side' },
      { key: 'quantity', label: 'Qty', num: true, fmt: quantity },
      { key: 'entryTime', label: 'Entry', fmt: stamp },
      { key: 'entryPrice', label: 'Entry price', num: true, fmt: rupees },
      { key: 'exitTime', label: 'Exit', fmt: stamp },
      { key: 'exitPrice', label: 'Exit price', num: true, fmt: rupees },
      { key: 'charges', label: 'Charges', num: true, fmt: rupees },
      { key: 'netPnl', label: 'Net P&L', num: true, fmt: signed, cls: tone },
    ], { key: r => r.symbol + r.entryTime + r.exitTime, empty: 'No closed trades', label: 'trades' });
    trades.set(result.trades);
    fill(report,
      h('section.panel.span-4', { id: 'backtest-report', 'data-job': id },
        h('div.panel-head', h('h2', { text: 'Report · ' + result.strategy + ' · ' + result.symbols.join(' ') }),
          h('a', { href: '/api/v1/backtests/' + id + '/report', target: '_blank', rel: 'noopener', text: 'Full report' })), metrics),
      h('section.panel.span-8', h('div.panel-head', h('h2', { text: 'Equity' })), equity.el,
        h('div.panel-head', h('h2', { text: 'Drawdown' })), drawdown.el),
      h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Trades' })), trades.el));
  }

  form();
  loadJobs();
  return () => {
    stopped = true;
    charts.forEach(c => c.destroy());
  };
}
