// Canvas charts: lines (equity, drawdown) and candlesticks with fill markers. Points sit at even
// spacing by index, as trading charts do, so nights and weekends leave no gaps. A change schedules
// one redraw per animation frame however many ticks arrive.

import { h, perFrame } from './dom.js';

const PAD = { left: 8, right: 64, top: 10, bottom: 20 };
const MAX_POINTS = 2000;

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

class Plot {
  constructor({ height = 220, yFmt = v => v.toFixed(2), xFmt = t => new Date(t).toLocaleTimeString('en-IN', {
    hour12: false, hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Kolkata' }), label = 'chart' } = {}) {
    this.yFmt = yFmt;
    this.xFmt = xFmt;
    this.canvas = h('canvas', { role: 'img', 'aria-label': label });
    this.tip = h('div.tip');
    this.el = h('div.chart', this.canvas, this.tip);
    this.el.style.height = height + 'px';
    this.hover = -1;
    this.redraw = perFrame(() => this.draw());
    this.observer = new ResizeObserver(() => this.redraw());
    this.observer.observe(this.el);
    this.canvas.addEventListener('mousemove', e => {
      const rect = this.canvas.getBoundingClientRect();
      this.hover = this.indexAt(e.clientX - rect.left, rect.width);
      this.redraw();
    });
    this.canvas.addEventListener('mouseleave', () => { this.hover = -1; this.redraw(); });
  }

  destroy() {
    this.observer.disconnect();
  }

  count() {
    return 0;
  }

  indexAt(x, width) {
    const n = this.count();
    if (n === 0) return -1;
    const step = (width - PAD.left - PAD.right) / n;
    return Math.max(0, Math.min(n - 1, Math.floor((x - PAD.left) / step)));
  }

  draw() {
    const rect = this.el.getBoundingClientRect();
    if (rect.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(rect.width);
    const height = Math.round(rect.height);
    if (this.canvas.width !== width * ratio || this.canvas.height !== height * ratio) {
      this.canvas.width = width * ratio;
      this.canvas.height = height * ratio;
    }
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const n = this.count();
    if (n === 0) {
      ctx.fillStyle = css('--muted');
      ctx.font = '12px system-ui';
      ctx.fillText('No data yet', PAD.left + 4, height / 2);
      this.tip.textContent = '';
      return;
    }
    const [low, high] = this.range();
    const span = high - low || Math.abs(high) || 1;
    const yMin = low - span * 0.05;
    const yMax = high + span * 0.05;
    const plotW = width - PAD.left - PAD.right;
    const plotH = height - PAD.top - PAD.bottom;
    const frame = {
      ctx, width, height, step: plotW / n,
      x: i => PAD.left + (i + 0.5) * (plotW / n),
      y: v => PAD.top + (yMax - v) / (yMax - yMin) * plotH,
    };
    this.axes(frame, yMin, yMax, n);
    this.plot(frame);
    if (this.hover >= 0 && this.hover < n) {
      ctx.strokeStyle = css('--muted');
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(Math.round(frame.x(this.hover)) + 0.5, PAD.top);
      ctx.lineTo(Math.round(frame.x(this.hover)) + 0.5, height - PAD.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    this.tip.textContent = this.describe(this.hover >= 0 && this.hover < n ? this.hover : n - 1);
  }

  axes(f, yMin, yMax, n) {
    const { ctx, width, height } = f;
    ctx.font = '11px system-ui';
    ctx.fillStyle = css('--muted');
    ctx.strokeStyle = css('--line');
    ctx.lineWidth = 1;
    const ticks = 5;
    for (let i = 0; i <= ticks; i++) {
      const v = yMin + (yMax - yMin) * i / ticks;
      const y = Math.round(f.y(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(PAD.left, y);
      ctx.lineTo(width - PAD.right, y);
      ctx.stroke();
      ctx.fillText(this.yFmt(v), width - PAD.right + 4, y + 4);
    }
    const sample = ctx.measureText(this.xFmt(this.timeAt(n - 1))).width + 24;
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((width - PAD.left - PAD.right) / sample))));
    for (let i = 0; i < n; i += every) {
      const label = this.xFmt(this.timeAt(i));
      const w = ctx.measureText(label).width;
      ctx.fillText(label, Math.max(PAD.left, Math.min(width - PAD.right - w, f.x(i) - w / 2)), height - 5);
    }
  }
}

/** One or more lines over the same times. */
export class LineChart extends Plot {
  /** @param series [{label, color: css variable name, fill?: boolean}] */
  constructor(series, options = {}) {
    super(options);
    this.series = series;
    this.times = [];
    this.values = series.map(() => []);
  }

  setData(times, values) {
    this.times = times.slice();
    this.values = values.map(v => v.slice());
    this.redraw();
  }

  /** Adds a point, or replaces the last one when its time is not later. */
  push(time, values) {
    const n = this.times.length;
    if (n && time <= this.times[n - 1]) {
      this.values.forEach((v, i) => { v[n - 1] = values[i]; });
    } else {
      this.times.push(time);
      this.values.forEach((v, i) => v.push(values[i]));
      if (this.times.length > MAX_POINTS) {
        this.times.shift();
        this.values.forEach(v => v.shift());
      }
    }
    this.redraw();
  }

  count() { return this.times.length; }
  timeAt(i) { return this.times[i]; }

  range() {
    let low = Infinity;
    let high = -Infinity;
    for (const v of this.values) for (const x of v) { if (x < low) low = x; if (x > high) high = x; }
    return [low, high];
  }

  plot(f) {
    const { ctx } = f;
    this.series.forEach((s, si) => {
      const values = this.values[si];
      const color = css(s.color || '--accent');
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      values.forEach((v, i) => (i ? ctx.lineTo(f.x(i), f.y(v)) : ctx.moveTo(f.x(i), f.y(v))));
      ctx.stroke();
      if (s.fill && values.length) {
        const base = f.y(s.base ?? values.reduce((a, b) => Math.min(a, b), Infinity));
        ctx.lineTo(f.x(values.length - 1), base);
        ctx.lineTo(f.x(0), base);
        ctx.closePath();
        ctx.globalAlpha = 0.15;
        ctx.fillStyle = color;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
    });
  }

  describe(i) {
    return this.xFmt(this.times[i]) + '  ' + this.series.map((s, si) => s.label + ' ' + this.yFmt(this.values[si][i])).join('  ');
  }
}

/** Candlesticks with markers for fills (▲ buy below the bar, ▼ sell above it). */
export class CandleChart extends Plot {
  constructor(options = {}) {
    super(options);
    this.bars = [];
    this.markers = [];
  }

  /** @param bars [{t (ms), o, h, l, c}] oldest first */
  setBars(bars) {
    this.bars = bars.slice();
    this.redraw();
  }

  /** The forming bar: replaces the last one with the same start, or opens a new one. */
  update(bar) {
    const last = this.bars[this.bars.length - 1];
    if (last && last.t === bar.t) this.bars[this.bars.length - 1] = bar;
    else if (!last || bar.t > last.t) {
      this.bars.push(bar);
      if (this.bars.length > MAX_POINTS) this.bars.shift();
    }
    this.redraw();
  }

  last() {
    return this.bars[this.bars.length - 1];
  }

  /** @param markers [{t (ms), price, side: 'BUY'|'SELL'}] */
  setMarkers(markers) {
    this.markers = markers.slice();
    this.redraw();
  }

  addMarker(marker) {
    this.markers.push(marker);
    this.redraw();
  }

  count() { return this.bars.length; }
  timeAt(i) { return this.bars[i].t; }

  range() {
    let low = Infinity;
    let high = -Infinity;
    for (const b of this.bars) { if (b.l < low) low = b.l; if (b.h > high) high = b.h; }
    return [low, high];
  }

  barIndex(time) {
    let lo = 0;
    let hi = this.bars.length - 1;
    if (hi < 0 || time < this.bars[0].t) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.bars[mid].t <= time) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  plot(f) {
    const { ctx } = f;
    const up = css('--up');
    const down = css('--down');
    const body = Math.max(1, Math.min(12, f.step * 0.7));
    this.bars.forEach((b, i) => {
      const x = Math.round(f.x(i));
      const rising = b.c >= b.o;
      ctx.strokeStyle = ctx.fillStyle = rising ? up : down;
      ctx.beginPath();
      ctx.moveTo(x + 0.5, f.y(b.h));
      ctx.lineTo(x + 0.5, f.y(b.l));
      ctx.stroke();
      const top = f.y(Math.max(b.o, b.c));
      const height = Math.max(1, f.y(Math.min(b.o, b.c)) - top);
      // Hollow when rising, filled when falling: direction reads without colour.
      if (rising) ctx.strokeRect(x - body / 2 + 0.5, top + 0.5, body - 1, height - 1);
      else ctx.fillRect(x - body / 2, top, body, height);
    });
    for (const m of this.markers) {
      const i = this.barIndex(m.t);
      if (i < 0) continue;
      const x = f.x(i);
      const b = this.bars[i];
      const buy = m.side === 'BUY';
      const y = buy ? f.y(b.l) + 6 : f.y(b.h) - 6;
      ctx.fillStyle = buy ? up : down;
      ctx.beginPath();
      if (buy) { ctx.moveTo(x, y); ctx.lineTo(x - 5, y + 8); ctx.lineTo(x + 5, y + 8); }
      else { ctx.moveTo(x, y); ctx.lineTo(x - 5, y - 8); ctx.lineTo(x + 5, y - 8); }
      ctx.closePath();
      ctx.fill();
    }
  }

  describe(i) {
    const b = this.bars[i];
    const fmt = this.yFmt;
    return this.xFmt(b.t) + '  O ' + fmt(b.o) + '  H ' + fmt(b.h) + '  L ' + fmt(b.l) + '  C ' + fmt(b.c);
  }
}
