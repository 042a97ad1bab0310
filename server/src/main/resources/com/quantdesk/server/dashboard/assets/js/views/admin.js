// Admin: users (create, roles, accounts, disable), API keys, and the audit log with filters.

import { h, fill, field, stamp, showErrors, clearErrors } from '../dom.js';
import { Table } from '../table.js';
import { failed } from './common.js';

const ROLES = ['VIEWER', 'TRADER', 'RISK', 'ADMIN'];

function checks(name, values, chosen = []) {
  return h('div.checks', { role: 'group', 'aria-label': name, 'data-field': name },
    values.map(v => h('label', h('input', { type: 'checkbox', name, value: v, checked: chosen.includes(v) }), v)));
}

function checked(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(c => c.value);
}

export function mount(root, ctx) {
  const users = new Table([
    { key: 'username', label: 'User' },
    { key: 'roles', label: 'Roles', fmt: v => (v || []).join(' ') },
    { key: 'accounts', label: 'Accounts', fmt: v => (v || []).join(' ') },
    { key: 'totpEnabled', label: '2FA', fmt: v => (v ? 'on' : 'off') },
    { key: 'disabled', label: 'Status', fmt: (v, r) => (v ? 'disabled' : r.lockedUntil ? 'locked' : 'active'), cls: v => (v ? 'down' : '') },
    { key: 'actions', label: '', live: true, renderKey: r => String(r.disabled), render: (cell, r) => fill(cell, h('div.actions',
      h('button.small', { type: 'button', 'aria-label': 'Edit ' + r.username, text: 'Edit', onclick: () => edit(users.get(r.username)) }),
      r.username === ctx.me.username ? null : h('button.small', { type: 'button', 'data-action': r.disabled ? 'enable' : 'disable',
        'aria-label': (r.disabled ? 'Enable ' : 'Disable ') + r.username, text: r.disabled ? 'Enable' : 'Disable',
        onclick: () => toggle(users.get(r.username)) }))) },
  ], { key: r => r.username, empty: 'No users', label: 'users' });
  const keys = new Table([
    { key: 'id', label: 'Id' },
    { key: 'name', label: 'Name' },
    { key: 'username', label: 'Owner' },
    { key: 'scope', label: 'Scope' },
    { key: 'createdAt', label: 'Created', fmt: stamp },
    { key: 'lastUsedAt', label: 'Last used', fmt: stamp },
    { key: 'revokedAt', label: 'Revoked', fmt: stamp },
    { key: 'actions', label: '', render: (cell, r) => fill(cell, r.revokedAt ? null : h('button.small', { type: 'button',
      'aria-label': 'Revoke key ' + r.name, text: 'Revoke', onclick: () => revoke(r) })) },
  ], { empty: 'No API keys', label: 'API keys' });
  const auditTable = new Table([
    { key: 'time', label: 'Time', fmt: stamp },
    { key: 'actor', label: 'Who' },
    { key: 'account', label: 'Account' },
    { key: 'action', label: 'Action' },
    { key: 'target', label: 'Target' },
    { key: 'outcome', label: 'Outcome' },
    { key: 'ip', label: 'IP' },
    { key: 'correlationId', label: 'Correlation' },
    { key: 'detail', label: 'Detail' },
  ], { empty: 'No records', label: 'audit log', tall: true });
  const userForm = createUser();
  const keyForm = createKey();
  const filters = h('form.fields', { 'aria-label': 'audit filters' },
    field('Actor', h('input', { name: 'actor' })), field('Action', h('input', { name: 'action', placeholder: 'e.g. order.place' })),
    field('Account', h('input', { name: 'account' })), h('div.field', h('span.label', { text: ' ' }),
      h('button', { type: 'submit', text: 'Filter' })));
  let cursor = null;
  const older = h('button', { type: 'button', text: 'Older', disabled: true, onclick: () => loadAudit(true) });
  filters.addEventListener('submit', e => { e.preventDefault(); loadAudit(false); });
  fill(root, h('h1', { text: 'Administration' }), h('div.grid',
    h('section.panel.span-8', h('div.panel-head', h('h2', { text: 'Users' })), users.el),
    h('section.panel.span-4', h('div.panel-head', h('h2', { text: 'Create a user' })), userForm),
    h('section.panel.span-8', h('div.panel-head', h('h2', { text: 'API keys' })), keys.el),
    h('section.panel.span-4', h('div.panel-head', h('h2', { text: 'Create an API key' })), keyForm),
    h('section.panel.span-12', h('div.panel-head', h('h2', { text: 'Audit log' })), filters, auditTable.el, h('div.actions', older))));

  function createUser() {
    const outcome = h('div.form-error', { role: 'alert' });
    const form = h('form.stack', { 'aria-label': 'create a user', novalidate: true },
      field('User name', h('input', { name: 'username', autocomplete: 'off', required: true })),
      field('Password', h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true }),
        'At least 12 characters, not a common password'),
      h('div.field', h('span.label', { text: 'Roles' }), checks('roles', ROLES, ['VIEWER']), h('div.error', { id: 'roles-error' })),
      h('div.field', h('span.label', { text: 'Accounts' }), checks('accounts', ctx.accounts)),
      outcome, h('div.actions', h('button.primary', { type: 'submit', text: 'Create user' })));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(form);
      outcome.textContent = '';
      try {
        const user = await ctx.api.post('/users', { username: form.username.value.trim(), password: form.password.value,
          roles: checked(form, 'roles'), accounts: checked(form, 'accounts') });
        users.upsert(user);
        ctx.toast('User ' + user.username + ' created', 'ok');
        form.reset();
      } catch (e) {
        if (!showErrors(form, e)) outcome.textContent = e.errors.map(x => x.field + ': ' + x.message).join('; ') || e.message;
      }
    });
    return form;
  }

  function createKey() {
    const outcome = h('div', { role: 'status' });
    const form = h('form.stack', { 'aria-label': 'create an API key', novalidate: true },
      field('Name', h('input', { name: 'name', required: true, maxlength: '60' })),
      field('Scope', h('select', { name: 'scope' }, h('option', { value: 'READ', text: 'READ (reads only)' }),
        h('option', { value: 'TRADE', text: 'TRADE (reads and trading)' }))),
      outcome, h('div.actions', h('button.primary', { type: 'submit', text: 'Create key' })));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(form);
      try {
        const key = await ctx.api.post('/api-keys', { name: form.name.value.trim(), scope: form.scope.value });
        fill(outcome, h('p', { text: 'Copy the key now: it is shown only once.' }), h('div.secret', { text: key.key }));
        loadKeys();
        form.name.value = '';
      } catch (e) {
        if (!showErrors(form, e)) fill(outcome, h('p.form-error', { text: e.message }));
      }
    });
    return form;
  }

  async function edit(user) {
    // The user's accounts are offered even where this administrator holds no grant, so saving keeps them.
    const accounts = [...new Set([...ctx.accounts, ...user.accounts])].sort();
    const form = h('form.stack', { novalidate: true },
      h('div.field', h('span.label', { text: 'Roles' }), checks('roles', ROLES, user.roles)),
      h('div.field', h('span.label', { text: 'Accounts' }), checks('accounts', accounts, user.accounts)),
      h('div.form-error', { role: 'alert' }),
      h('div.actions', h('button.primary', { type: 'submit', text: 'Save' }),
        user.totpEnabled ? h('button', { type: 'button', text: 'Reset 2FA', onclick: async () => {
          await ctx.api.post('/users/' + encodeURIComponent(user.username) + '/totp/reset');
          ctx.toast('Second factor of ' + user.username + ' reset', 'ok');
          loadUsers();
        } }) : null,
        h('button', { type: 'button', 'data-cancel': true, text: 'Cancel' })));
    const same = (a, b) => a.length === b.length && a.every(x => b.includes(x));
    const saved = await ctx.dialog('Edit ' + user.username, form, async f => {
      const path = '/users/' + encodeURIComponent(user.username);
      const roles = checked(f, 'roles');
      const granted = checked(f, 'accounts');
      let answer = user;
      if (!same(roles, user.roles)) answer = await ctx.api.put(path + '/roles', { roles });
      if (!same(granted, user.accounts)) answer = await ctx.api.put(path + '/accounts', { accounts: granted });
      return answer;
    });
    if (saved) { ctx.toast('User ' + user.username + ' saved', 'ok'); loadUsers(); }
  }

  async function toggle(user) {
    try {
      const answer = await ctx.api.post('/users/' + encodeURIComponent(user.username) + '/' + (user.disabled ? 'enable' : 'disable'));
      users.upsert(answer && answer.username ? answer : { username: user.username, disabled: !user.disabled });
    } catch (e) {
      ctx.toast(e.message, 'bad');
    }
  }

  async function revoke(key) {
    try {
      await ctx.api.del('/api-keys/' + encodeURIComponent(key.id));
      loadKeys();
      ctx.toast('Key ' + key.name + ' revoked', 'ok');
    } catch (e) {
      ctx.toast(e.message, 'bad');
    }
  }

  async function loadUsers() {
    try { users.set((await ctx.api.get('/users')).items); } catch (e) { failed(users.el, e); }
  }
  async function loadKeys() {
    try { keys.set((await ctx.api.get('/api-keys?all=true')).items); } catch (e) { failed(keys.el, e); }
  }
  async function loadAudit(more) {
    const q = { actor: filters.actor.value.trim(), action: filters.action.value.trim(), account: filters.account.value.trim(), limit: 100 };
    if (more && cursor) q.cursor = cursor;
    try {
      const answer = await ctx.api.get('/audit' + ctx.api.query(q));
      if (more) answer.items.forEach(r => auditTable.upsert(r, { append: true }));
      else auditTable.set(answer.items);
      cursor = answer.nextCursor || null;
      older.disabled = !cursor;
    } catch (e) {
      const placed = showErrors(filters, e);
      if (!placed) failed(auditTable.el, e);
    }
  }
  loadUsers();
  loadKeys();
  loadAudit(false);
  return () => {};
}
