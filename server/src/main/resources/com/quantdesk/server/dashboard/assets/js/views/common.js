// Pieces more than one screen shows: trading-state badges, the kill switch, field helpers.

import { h, fill, field, clearErrors, showErrors } from '../dom.js';

/** A trading state as text with its colour (the word itself is the second cue). */
export function stateBadge(state) {
  const kind = state === 'ACTIVE' || state === 'RUNNING' ? 'ok' : state === 'HALTED' || state === 'FAILED' ? 'bad' : 'warn';
  return h('span.badge', { class: kind, text: state });
}

/** Whether an order can still change. */
export function isOpen(status) {
  return ['SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'MODIFIED', 'OPEN', 'TRIGGER_PENDING'].includes(status);
}

/**
 * The kill switch for RISK users: halt one account or everything, with a reason, optionally
 * flattening; reset when halted. `after` is told the new states.
 */
export function killSwitch(ctx, states, after) {
  const scope = h('span');
  const killButton = h('button.danger', { type: 'button', id: 'kill-button', text: 'Halt trading…' });
  const resetButton = h('button', { type: 'button', id: 'reset-button', text: 'Reset…' });
  const box = h('div.panel.kill', { 'aria-label': 'kill switch' },
    h('div.panel-head', h('h2', { text: 'Kill switch' }), scope),
    h('p.muted', { text: 'Halts new orders and cancels open ones at once. Needs a reason; every use is audited.' }),
    h('div.actions', killButton, resetButton));
  let current = states;
  killButton.addEventListener('click', () => throwSwitch(ctx, after));
  resetButton.addEventListener('click', () => resetSwitch(ctx, current, after));
  // Changed in place: the buttons stay the same elements (and keep the focus) as states come and go.
  const render = next => {
    current = next;
    const mine = next.accounts[ctx.account] || 'ACTIVE';
    fill(scope, 'global ', stateBadge(next.global), ' · ', ctx.account, ' ', stateBadge(mine));
    resetButton.disabled = !(next.global === 'HALTED' || mine === 'HALTED');
  };
  render(states);
  return { el: box, render };
}

function reasonForm(ctx, withScope, withFlatten, submitLabel, danger) {
  const reason = h('input', { name: 'reason', required: true, maxlength: '200', autocomplete: 'off' });
  const scope = h('select', { name: 'scope' }, h('option', { value: 'account', text: 'Account ' + ctx.account }),
    h('option', { value: 'all', text: 'Everything (global)' }));
  const flatten = h('input', { type: 'checkbox', name: 'flatten', id: 'kill-flatten' });
  return h('form.stack', { novalidate: true },
    field('Reason', reason, 'Recorded in the audit trail'),
    withScope ? field('Scope', scope) : null,
    withFlatten ? h('label.checks', flatten, ' Also close every position (flatten)') : null,
    h('div.form-error', { role: 'alert' }),
    h('div.actions', h('button', { type: 'submit', class: danger ? 'danger' : 'primary', text: submitLabel }),
      h('button', { type: 'button', 'data-cancel': true, text: 'Cancel' })));
}

async function throwSwitch(ctx, after) {
  const form = reasonForm(ctx, true, true, 'Halt now', true);
  const states = await ctx.dialog('Halt trading', form, async f => {
    clearErrors(f);
    const body = { reason: f.reason.value.trim(), flatten: f.flatten.checked };
    if (f.scope.value === 'account') body.account = ctx.account;
    try {
      return await ctx.api.post('/risk/kill-switch', body);
    } catch (e) {
      if (!showErrors(f, e)) throw e;
      return undefined;
    }
  });
  if (states) {
    ctx.toast('Kill switch thrown: trading halted', 'bad');
    after(states);
  }
}

async function resetSwitch(ctx, current, after) {
  const form = reasonForm(ctx, current.global === 'HALTED', false, 'Reset', false);
  const states = await ctx.dialog('Reset the kill switch', form, async f => {
    clearErrors(f);
    const body = { reason: f.reason.value.trim() };
    if (!f.scope || f.scope.value === 'account') body.account = ctx.account;
    try {
      return await ctx.api.post('/risk/kill-switch/reset', body);
    } catch (e) {
      if (!showErrors(f, e)) throw e;
      return undefined;
    }
  });
  if (states) {
    ctx.toast('Kill switch reset', 'ok');
    after(states);
  }
}

/**
 * The parameter fields of the strategy chosen in `select` (with their defaults and bounds from
 * GET /strategies), kept in `box` as the choice changes; `values()` reads them as the API takes them.
 */
export function strategyParameters(strategies, select, box, described) {
  const show = () => {
    const s = strategies.find(x => x.name === select.value);
    if (described) described.textContent = s ? s.description : '';
    fill(box, (s ? s.parameters : []).map(p => field(p.name, h('input.num', { name: 'params.' + p.name, type: 'number',
      value: p.default, min: p.min, max: p.max, step: p.integer ? '1' : 'any', required: true }),
      p.description + ' (' + p.min + ' to ' + p.max + ')')));
  };
  select.addEventListener('change', show);
  show();
  return { values: () => Object.fromEntries([...box.querySelectorAll('input')].map(i => [i.name.slice(7), i.value])) };
}

/** Times in ms and numbers from a list of {time, value-field} items. */
export function series(items, key) {
  return [items.map(p => Date.parse(p.time)), [items.map(p => Number(p[key]))]];
}

/** Says a load failed, at the top of `el`, leaving what it holds in place (a later load can still fill it). */
export function failed(el, error) {
  let note = el.querySelector(':scope > .load-error');
  if (!note) {
    note = h('p.form-error.load-error', { role: 'alert' });
    el.prepend(note);
  }
  note.textContent = 'Could not load: ' + error.message;
}

/** Removes what `failed` said, once a load worked. */
export function recovered(el) {
  el.querySelectorAll(':scope > .load-error').forEach(e => e.remove());
}

/** Tickets for loads that may overlap: only the answer to the latest may be shown. */
export function latest() {
  let current = 0;
  return { next: () => ++current, stale: ticket => ticket !== current };
}

/** The severity of an alert, as GET /api/v1/alerts gives it (docs/api.md). */
const CRITICAL = ['KILL_SWITCH', 'RISK_MAX_DAILY_LOSS', 'RISK_REJECT_SPIKE', 'RISK_STALE_DATA', 'ENGINE_ERROR'];
export function severity(code) {
  if (code === 'TRADING_HALTED' || CRITICAL.includes(code)) return 'critical';
  return code === 'TRADING_ACTIVE' ? 'info' : 'warning';
}

/** Whether an account id is the system's (the stream says _system, the alerts list SYSTEM). */
export function isSystem(account) {
  return account === '_system' || account === 'SYSTEM';
}
