// The dashboard's only way to the server: /api/v1 with the session in HttpOnly cookies, the CSRF
// token echoed on every change, and the access token refreshed before it expires (or once after a 401).

const BASE = '/api/v1';
const EXPIRY_KEY = 'qd.accessExpires';

/** A problem answer (application/problem+json) or a failure to reach the server. */
export class ApiProblem extends Error {
  constructor(status, body) {
    const detail = body && typeof body === 'object' ? (body.detail || body.title) : null;
    super(detail || (status === 0 ? 'the server cannot be reached' : 'request failed (' + status + ')'));
    this.status = status;
    // Types are URNs (urn:quantdesk:problem:totp-required); the screens use the last part.
    this.type = body && body.type ? String(body.type).replace(/^.*:/, '') : undefined;
    this.errors = (body && body.errors) || [];
    this.body = body || {};
  }
}

let signedOutHandler = () => {};
let refreshing = null;
let refreshTimer = null;

/** Called once the session is gone for good (refresh refused). */
export function onSignedOut(handler) {
  signedOutHandler = handler;
}

function csrf() {
  const match = document.cookie.match(/(?:^|;\s*)qd_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Whether this browser holds a session cookie at all (the CSRF cookie lives as long as the refresh token). */
export function hasSession() {
  return csrf() !== '';
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf();
  let response;
  try {
    response = await fetch(BASE + path, init);
  } catch {
    throw new ApiProblem(0, null);
  }
  return response;
}

async function read(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = new ApiProblem(response.status, typeof data === 'object' ? data : null);
    problem.retryAfter = Number(response.headers.get('Retry-After')) || 0;
    throw problem;
  }
  return data;
}

// Sign-in and refresh answer for themselves; every other call may renew the session first.
const OWN_TOKENS = ['/auth/login', '/auth/refresh'];

function expiresSoon() {
  return Number(localStorage.getItem(EXPIRY_KEY) || 0) < Date.now() + 5000;
}

/** One API call; a 401 refreshes the session once and tries again. */
export async function call(method, path, body) {
  const renews = !OWN_TOKENS.includes(path);
  if (renews && hasSession() && expiresSoon()) await refresh();
  let response = await send(method, path, body);
  if (response.status === 401 && renews) {
    const renewed = await refresh();
    if (renewed) response = await send(method, path, body);
    else if (renewed === false) {
      sessionEnded();
      throw new ApiProblem(401, { detail: 'your session has ended' });
    }
  }
  return read(response);
}

/** The session is gone for good: back to sign-in. */
export function sessionEnded() {
  clearTimeout(refreshTimer);
  localStorage.removeItem(EXPIRY_KEY);
  // The CSRF cookie is the page's sign of a session: without it the next load asks nobody.
  document.cookie = 'qd_csrf=; Max-Age=0; Path=/; SameSite=Strict';
  signedOutHandler('Your session has ended; please sign in again.');
}

export const get = path => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = path => call('DELETE', path);

function remember(tokens) {
  const seconds = Number(tokens.expiresIn) || 900;
  localStorage.setItem(EXPIRY_KEY, String(Date.now() + seconds * 1000));
  schedule(seconds * 0.8 * 1000);
}

/** Renews ahead of expiry, so a quiet page keeps its session and its stream. */
function schedule(delayMs) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    if (await refresh() === false) sessionEnded();
  }, Math.max(5000, delayMs));
}

/** After a reload: renewal timed from what the last sign-in or refresh (in any tab) said. */
export function resume() {
  const left = Number(localStorage.getItem(EXPIRY_KEY) || 0) - Date.now();
  schedule(left - 180000);
}

/** Signs in; a 401 of type totp-required asks for the one-time code. */
export async function login(username, password, totp) {
  const body = { username, password, cookies: true };
  if (totp) body.totp = totp;
  const tokens = await read(await send('POST', '/auth/login', body));
  remember(tokens);
  return tokens;
}

/**
 * Refreshes the tokens: true when renewed, false when the server refused (the session is over),
 * null when it could not be asked (unreachable). One refresh at a time across the browser's tabs:
 * they share the cookies, so each sends the token the last one received, never one already used
 * (which would end the whole login).
 */
export function refresh() {
  if (!refreshing) {
    const renew = async () => {
      if (!hasSession()) return false;
      let response;
      try {
        response = await send('POST', '/auth/refresh', {});
      } catch {
        return null;
      }
      if (response.status === 401 || response.status === 403) return false;
      if (!response.ok) return null;
      remember(await response.json());
      return true;
    };
    refreshing = (navigator.locks ? navigator.locks.request('quantdesk-refresh', renew) : renew())
      .finally(() => setTimeout(() => { refreshing = null; }, 0));
  }
  return refreshing;
}

export async function logout() {
  clearTimeout(refreshTimer);
  try {
    if (expiresSoon()) await refresh();
    await send('POST', '/auth/logout', {});
  } finally {
    localStorage.removeItem(EXPIRY_KEY);
  }
}

/** Query string from an object, skipping empty values. */
export function query(params) {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
}
