// Risk (RISK and ADMIN): the account's limits and each bot's, editable, with the audit of past
// changes, beside the kill switch.

import { h, fill, field, stamp, showErrors, clearErrors } from '../dom.js';
import { Table } from '../table.js';
import { killSwitch, failed, latest } from './common.js';

export function mount(root, ctx) {
  const accountBox = h('div');
  const botBox = h('div');
  const killBox = h('div');
  const audit = new Table([
    { key: 'time', label: 'Time', fmt: stamp },
    { key: 'actor', label: 'Who' },
    { key: 'action', label: 'What' },
    { key: 'target', label: 'Target' },
    { key: 'outcome', label: 'Outcome' },
    { key: 'detail', label: 'Change' },
  ], { empty: 'No changes recorded', label: 'limit changes', limit: 200 });
  fill(root, h('h1', { text: 'Risk · ' + ctx.account }), h('div.grid',
    ctx.has('RISK') ? h('div.span-12', killBox) : null,
    h('section.panel.span-6', h('div.panel-head', h('h2', { text: 'Account limits' })), accountBox),
    h('section.panel.span-6', h('div.panel-head', h('h2', { text: 'Bot limits' })), botBox),
    h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Past changes' })), audit.el)));

  /** A form of limits by key; only changed ones are sent. */
  function limitsForm(label, limits, path) {
    const inputs = Object.entries(limits).map(([key, value]) => {
      const input = h('input.num', { name: key, value, 'data-initial': value, autocomplete: 'off', spellcheck: 'false' });
      const wrapper = field(key.replace(/([A-Z])/g, ' $1').toLowerCase(), input);
      wrapper.title = key;
      return wrapper;
    });
    const outcome = h('div.form-error', { role: 'alert' });
    const save = h('button.primary', { type: 'submit', text: 'Save changes' });
    const form = h('form.stack', { 'aria-label': label, novalidate: true }, h('div.fields', inputs), outcome, h('div.actions', save));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(form);
      outcome.textContent = '';
      const changes = {};
      form.querySelectorAll('input').forEach(i => { if (i.value.trim() !== i.dataset.initial) changes[i.name] = i.value.trim(); });
      if (!Object.keys(changes).length) {
        outcome.textContent = 'Nothing changed.';
        return;
      }
      save.disabled = true;
      try {
        const answer = await ctx.api.put(path, { limits: changes });
        const now = answer.limits || answer;
        form.querySelectorAll('input').forEach(i => { if (now[i.name] !== undefined) { i.value = now[i.name]; i.dataset.initial = now[i.name]; } });
        ctx.toast(label + ': ' + Object.keys(changes).join(', ') + ' changed', 'ok');
        loadAudit();
      } catch (e) {
        // Errors name the limit by its key (or the whole map as "limits").
        const errors = e.errors.map(x => ({ ...x, field: x.field.replace(/^limits\./, '') }));
        if (!showErrors(form, { errors })) outcome.textContent = e.message;
      } finally {
        save.disabled = false;
      }
    });
    return form;
  }

  async function loadAccount() {
    try {
      const limits = await ctx.api.get('/risk/limits/' + encodeURIComponent(ctx.account));
      fill(accountBox, limitsForm('Limits of ' + ctx.account, limits.limits || limits, '/risk/limits/' + encodeURIComponent(ctx.account)));
    } catch (e) {
      failed(accountBox, e);
    }
  }

  async function loadBots() {
    try {
      const bots = (await ctx.api.get('/bots')).items.filter(b => b.account === ctx.account);
      if (!bots.length) {
        fill(botBox, h('p.muted', { text: 'No bots on this account.' }));
        return;
      }
      const chooser = h('select', { name: 'bot', 'aria-label': 'bot' }, bots.map(b => h('option', { value: b.id, text: b.id })));
      const holder = h('div');
      const loads = latest();
      const show = async () => {
        const ticket = loads.next();
        const bot = chooser.value;
        const path = '/risk/limits/' + encodeURIComponent(ctx.account) + '/bots/' + encodeURIComponent(bot);
        try {
          const limits = await ctx.api.get(path);
          if (loads.stale(ticket)) return;
          fill(holder, h('p.muted', { text: 'Tighter limits for this bot on top of the account\'s; 0 means the account\'s limit applies.' }),
            limitsForm('Limits of bot ' + bot, limits.limits || limits, path));
        } catch (e) {
          failed(holder, e);
        }
      };
      chooser.addEventListener('change', show);
      fill(botBox, field('Bot', chooser), holder);
      show();
    } catch (e) {
      failed(botBox, e);
    }
  }

  async function loadAudit() {
    try {
      const [account, bots] = await Promise.all([
        ctx.api.get('/audit' + ctx.api.query({ action: 'risk.limits', account: ctx.account, limit: 100 })),
        ctx.api.get('/audit' + ctx.api.query({ action: 'risk.bot-limits', account: ctx.account, limit: 100 }))]);
      audit.set([...account.items, ...bots.items].sort((a, b) => b.id - a.id));
    } catch (e) {
      failed(audit.el, e);
    }
  }

  async function loadStates() {
    if (!ctx.has('RISK')) return;
    try {
      const states = await ctx.api.get('/risk/states');
      const kill = killSwitch(ctx, states, s => kill.render(s));
      fill(killBox, kill.el);
    } catch (e) {
      failed(killBox, e);
    }
  }

  loadStates();
  loadAccount();
  loadBots();
  loadAudit();
  return () => {};
}
