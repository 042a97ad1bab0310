// Sign-in: password, then the one-time code when the user has a second factor; an administrator
// without one enrols here before anything else opens.

import * as api from '../api.js';
import { h, fill, field } from '../dom.js';

/**
 * @param begin called with the caller (GET /auth/me) once signed in
 * @param options {message, enrol}
 */
export function showLogin(root, begin, options = {}) {
  if (options.enrol) {
    enrol(root, begin);
    return;
  }
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const totp = h('input', { name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}',
    maxlength: '6' });
  const totpField = field('One-time code', totp, 'From your authenticator app');
  totpField.classList.add('hidden');
  const notice = h('div.notice', { role: 'alert' });
  notice.classList.toggle('hidden', !options.message);
  notice.textContent = options.message || '';
  const submit = h('button.primary', { type: 'submit', text: 'Sign in' });
  const form = h('form.stack', { 'aria-label': 'sign in', novalidate: true },
    field('User', username), field('Password', password), totpField, notice, submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!username.value || !password.value) {
      say(username.value ? 'Enter your password.' : 'Enter your user name.');
      return;
    }
    submit.disabled = true;
    try {
      const tokens = await api.login(username.value.trim(), password.value, totp.value.trim() || undefined);
      if (tokens.totpEnrolmentRequired) {
        enrol(root, begin);
        return;
      }
      await begin(await api.get('/auth/me'));
    } catch (e) {
      if (e.type === 'totp-required') {
        totpField.classList.remove('hidden');
        totp.focus();
        say('Enter the one-time code from your authenticator app.');
      } else if (e.type === 'locked' || e.status === 429) {
        say(e.message.replace(/^./, c => c.toUpperCase()) + (e.retryAfter ? ' Try again in ' + e.retryAfter + ' s.' : ''));
      } else {
        say(e.message.replace(/^./, c => c.toUpperCase()));
      }
    } finally {
      submit.disabled = false;
    }
  });
  function say(message) {
    notice.textContent = message;
    notice.classList.remove('hidden');
  }
  fill(root, h('div.login', h('div.panel', h('h1', h('img', { src: '/assets/icon.svg', alt: '', width: '22', height: '22' }),
    'Quantdesk'), form)));
  username.focus();
}

/** Enrolment of the second factor, which an administrator needs before anything else. */
async function enrol(root, begin) {
  const code = h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', required: true });
  const error = h('div.form-error', { role: 'alert' });
  const secret = h('div.secret');
  const form = h('form.stack', { 'aria-label': 'enrol a second factor' },
    h('p', { text: 'Administrators sign in with a one-time code. Add this secret to your authenticator app, then enter the code it shows.' }),
    secret, field('Code', code), error, h('button.primary', { type: 'submit', text: 'Turn on the second factor' }));
  fill(root, h('div.login', h('div.panel', h('h1', { text: 'Second factor' }), form)));
  try {
    const answer = await api.post('/auth/totp/enrol');
    fill(secret, h('div', { text: answer.secret }), h('div.muted', { text: answer.uri }));
  } catch (e) {
    error.textContent = e.message;
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api.post('/auth/totp/confirm', { code: code.value.trim() });
      await api.logout().catch(() => {});
      showLogin(root, begin, { message: 'Second factor on. Sign in again with a code.' });
    } catch (e) {
      error.textContent = e.errors.length ? e.errors[0].message : e.message;
    }
  });
}
