// The dashboard's shell: sign-in, navigation by #route, the connection indicator, themes, and the
// context every screen gets (who is signed in, which account, the stream, toasts and dialogs).

import * as api from './api.js';
import { h, fill, field, showErrors, clearErrors } from './dom.js';
import { Stream } from './stream.js';
import { showLogin } from './views/login.js';
import * as overview from './views/overview.js';
import * as market from './views/market.js';
import * as orders from './views/orders.js';
import * as positions from './views/positions.js';
import * as bots from './views/bots.js';
import * as backtests from './views/backtests.js';
import * as risk from './views/risk.js';
import * as admin from './views/admin.js';

const SCREENS = [
  { path: 'overview', label: 'Overview', view: overview },
  { path: 'market', label: 'Market', view: market },
  { path: 'orders', label: 'Orders', view: orders },
  { path: 'positions', label: 'Positions', view: positions },
  { path: 'bots', label: 'Bots', view: bots },
  { path: 'backtests', label: 'Backtests', view: backtests },
  { path: 'risk', label: 'Risk', view: risk, roles: ['RISK', 'ADMIN'] },
  { path: 'admin', label: 'Admin', view: admin, roles: ['ADMIN'] },
];

const root = document.getElementById('app');
let session = null;

function theme(next) {
  const value = next || localStorage.getItem('qd.theme') || (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');
  document.documentElement.dataset.theme = value;
  localStorage.setItem('qd.theme', value);
  return value;
}

/** Short messages in the corner; errors stay longer. */
export function toast(message, kind = '') {
  const box = document.getElementById('toasts');
  const item = h('div.toast', { class: kind, text: message });
  box.append(item);
  while (box.children.length > 3) box.firstElementChild.remove();
  setTimeout(() => item.remove(), kind === 'bad' ? 8000 : 4000);
}

/** A modal dialog holding `content` (a form); resolves with what `submit` returns, or null when dismissed. */
function dialog(title, content, submit) {
  const opener = document.activeElement;
  return new Promise(resolve => {
    const box = h('dialog', { 'aria-label': title }, h('h2', { text: title }), content);
    document.body.append(box);
    const form = content.tagName === 'FORM' ? content : content.querySelector('form');
    let done = false;
    const finish = value => {
      if (done) return;
      done = true;
      box.close();
      box.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(value);
    };
    box.addEventListener('close', () => finish(null));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const value = await submit(form);
        if (value !== undefined) finish(value);
      } catch (e) {
        const error = form.querySelector('.form-error');
        if (error) error.textContent = e.message;
      }
    });
    form.querySelectorAll('[data-cancel]').forEach(b => b.addEventListener('click', () => finish(null)));
    box.showModal();
    const first = form.querySelector('input, select, textarea');
    if (first) first.focus();
  });
}

async function start() {
  theme();
  api.onSignedOut(message => signOut(message));
  if (!api.hasSession()) {
    showLogin(root, begin);
    return;
  }
  try {
    const me = await api.get('/auth/me');
    api.resume();
    if (me.totpEnrolmentRequired) {
      showLogin(root, begin, { enrol: true });
      return;
    }
    await begin(me);
  } catch (e) {
    showLogin(root, begin, { message: e.status === 401 ? 'Please sign in.' : e.message });
  }
}

function signOut(message) {
  document.getElementById('toasts').replaceChildren();
  if (!session) {
    showLogin(root, begin, { message });
    return;
  }
  session.stream.stop();
  session.unmount();
  window.removeEventListener('hashchange', session.route);
  session = null;
  showLogin(root, begin, { message });
}

/** The password, changed with the current one; the server then ends every session, this one too. */
async function changePassword(me) {
  const current = h('input', { name: 'currentPassword', type: 'password', autocomplete: 'current-password' });
  const next = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password' });
  const again = h('input', { name: 'repeat', type: 'password', autocomplete: 'new-password' });
  const form = h('form.stack', { novalidate: true },
    field('Current password', current), field('New password', next, 'At least 12 characters, not a common password'),
    field('New password again', again), h('div.form-error', { role: 'alert' }),
    h('div.actions', h('button.primary', { type: 'submit', text: 'Change password' }),
      h('button', { type: 'button', 'data-cancel': true, text: 'Cancel' })));
  const changed = await dialog('Password of ' + me.username, form, async f => {
    clearErrors(f);
    if (next.value !== again.value) {
      showErrors(f, { errors: [{ field: 'repeat', message: 'is not the same as the new password' }] });
      return undefined;
    }
    try {
      await api.post('/auth/password', { currentPassword: current.value, newPassword: next.value });
      return true;
    } catch (e) {
      if (!showErrors(f, e)) throw e;
      return undefined;
    }
  });
  if (changed) signOut('Password changed: sign in with the new one.');
}

/** The signed-in dashboard. */
async function begin(me) {
  const [accounts, instruments] = await Promise.all([api.get('/accounts'), api.get('/instruments')]);
  const conn = h('span.conn', { 'data-state': 'connecting', role: 'status', 'aria-label': 'stream connection',
    text: 'connecting' });
  const stream = new Stream(state => {
    conn.dataset.state = state;
    conn.textContent = state;
  });
  const accountIds = accounts.items.map(a => a.id);
  const stored = localStorage.getItem('qd.account');
  const ctx = {
    me,
    stream,
    api,
    toast,
    dialog,
    instruments: instruments.items,
    sectors: Object.fromEntries(instruments.items.map(i => [i.symbol, i.sector])),
    accounts: accountIds,
    account: accountIds.includes(stored) ? stored : accountIds[0],
    has: (...roles) => roles.some(r => me.roles.includes(r)),
    canTrade: () => me.roles.includes('TRADER') && accountIds.length > 0,
  };
  const accountSelect = h('select', { 'aria-label': 'account', name: 'account', onchange: e => {
    ctx.account = e.target.value;
    localStorage.setItem('qd.account', ctx.account);
    route();
  } }, accountIds.map(a => h('option', { value: a, selected: a === ctx.account, text: a })));
  const nav = h('nav.main', { 'aria-label': 'screens' }, SCREENS.filter(s => !s.roles || ctx.has(...s.roles))
    .map(s => h('a', { href: '#/' + s.path, 'data-screen': s.path, text: s.label })));
  const themeButton = h('button.small', { type: 'button', 'aria-label': 'switch theme', onclick: () => {
    themeButton.textContent = theme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark') === 'dark' ? '☾' : '☀';
  }, text: document.documentElement.dataset.theme === 'dark' ? '☾' : '☀' });
  const signOutButton = h('button.small', { type: 'button', text: 'Sign out', onclick: async () => {
    await api.logout().catch(() => {});
    signOut('Signed out.');
  } });
  const main = h('main', { id: 'view', tabindex: '-1' });
  fill(root,
    h('header.top',
      h('span.brand', h('img', { src: '/assets/icon.svg', alt: '' }), 'Quantdesk'),
      nav,
      h('div.top-right', accountIds.length > 1 ? accountSelect : h('span.muted', { text: accountIds[0] || 'no account' }),
        conn, themeButton, h('button.small.link.user-name', { type: 'button', text: me.username,
          'aria-label': 'change the password of ' + me.username, onclick: () => changePassword(me) }), signOutButton)),
    main);
  let unmount = null;
  session = {
    stream,
    unmount: () => { if (unmount) unmount(); unmount = null; },
  };
  function route() {
    const [path, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
    let screen = SCREENS.find(s => s.path === path && (!s.roles || ctx.has(...s.roles)));
    if (!screen) {
      screen = SCREENS[0];
      if (location.hash !== '#/overview') history.replaceState(null, '', '#/overview');
    }
    nav.querySelectorAll('a').forEach(a => a.toggleAttribute('aria-current', a.dataset.screen === screen.path));
    nav.querySelector('[aria-current]')?.setAttribute('aria-current', 'page');
    if (unmount) unmount();
    main.replaceChildren();
    main.dataset.screen = screen.path;
    unmount = screen.view.mount(main, ctx, rest.map(decodeURIComponent)) || null;
  }
  session.route = route;
  window.addEventListener('hashchange', route);
  stream.start();
  route();
}

start();
