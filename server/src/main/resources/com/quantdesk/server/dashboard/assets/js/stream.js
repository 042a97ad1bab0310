// The live stream: one WebSocket per page, channels subscribed on demand, and reconnection with
// backoff for as long as the page is open. After a reconnect every view is told to resynchronise,
// since messages sent while the connection was down are not replayed.

import { refresh, sessionEnded } from './api.js';

const MAX_BACKOFF_MS = 10000;
const OFFLINE_AFTER_MS = 15000;
const STABLE_AFTER_MS = 10000;
// The server sends a heartbeat every 20 s; three missed mean the connection is dead, whatever TCP says.
const SILENCE_MS = 65000;

export class Stream {
  /** @param onState told 'connecting' | 'live' | 'reconnecting' | 'offline' */
  constructor(onState) {
    this.onState = onState;
    this.listeners = new Map();   // channel → Set of handlers
    this.resyncs = new Set();
    this.socket = null;
    this.attempt = 0;
    this.downSince = 0;
    this.closed = false;
    this.state = 'connecting';
    this.online = () => this.retryNow();
  }

  start() {
    this.closed = false;
    this.connect();
    window.addEventListener('online', this.online);
    this.watchdog = setInterval(() => {
      if (this.state === 'live' && Date.now() - this.lastMessage > SILENCE_MS) this.socket.close(4000, 'silent');
    }, 5000);
  }

  stop() {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.watchdog);
    window.removeEventListener('online', this.online);
    if (this.socket) this.socket.close(1000, 'signed out');
  }

  /** Handler for one channel's messages; returns the function that ends it. */
  on(channel, handler) {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.sendSubscription('subscribe', [channel]);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        this.sendSubscription('unsubscribe', [channel]);
      }
    };
  }

  /** Told after every reconnect (data may have been missed). */
  onResync(handler) {
    this.resyncs.add(handler);
    return () => this.resyncs.delete(handler);
  }

  setState(state) {
    if (state !== this.state) {
      this.state = state;
      this.onState(state);
    }
  }

  connect() {
    if (this.closed || (this.socket && this.socket.readyState <= WebSocket.OPEN)) return;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(scheme + '//' + location.host + '/api/v1/stream');
    this.socket = socket;
    let openedAt = 0;
    socket.onopen = () => {
      openedAt = Date.now();
      this.lastMessage = openedAt;
      const wasDown = this.downSince > 0 || this.attempt > 0;
      this.downSince = 0;
      this.setState('live');
      const channels = [...this.listeners.keys()];
      if (channels.length) socket.send(JSON.stringify({ type: 'subscribe', channels }));
      if (wasDown) this.resyncs.forEach(fn => fn());
    };
    socket.onmessage = event => {
      if (this.socket !== socket) return;
      this.lastMessage = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      const set = message.channel && this.listeners.get(message.channel);
      if (set) set.forEach(fn => fn(message));
    };
    socket.onclose = async event => {
      if (this.socket !== socket || this.closed) return;
      // Backoff starts over only after a connection that held.
      if (openedAt && Date.now() - openedAt > STABLE_AFTER_MS) this.attempt = 0;
      if (!this.downSince) this.downSince = Date.now();
      this.setState(Date.now() - this.downSince > OFFLINE_AFTER_MS ? 'offline' : 'reconnecting');
      // 4401: the stream's check of the caller failed (token expired or revoked); a refused upgrade
      // looks like a connection that never opened. Renew, then reconnect; a refused renewal ends the session.
      if (event.code === 4401 || !openedAt) {
        const renewed = await refresh();
        if (this.closed) return;
        if (renewed === false) {
          sessionEnded();
          return;
        }
      }
      this.schedule();
    };
  }

  schedule() {
    clearTimeout(this.timer);
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.timer = setTimeout(() => this.connect(), delay);
  }

  retryNow() {
    if (this.state !== 'live' && !this.closed) {
      clearTimeout(this.timer);
      this.connect();
    }
  }

  sendSubscription(type, channels) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ type, channels }));
    }
  }
}
