// Building elements and formatting figures. Everything the dashboard shows is text set through
// textContent, never parsed HTML, so nothing a server or user sends can run as script.

/** h('div.panel#id', {attrs}, children…): an element; attrs `on*` are listeners, `class`, `for`… as named. */
export function h(spec, attrs, ...children) {
  const [, tag = 'div', rest = ''] = /^([a-z0-9-]*)(.*)$/i.exec(spec);
  const el = document.createElement(tag || 'div');
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.classList.add(...String(value).split(/\s+/).filter(Boolean));
    else if (key === 'text') el.textContent = value;
    else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'disabled' || key === 'selected') el[key] = true;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const money = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** ₹ amounts in Indian grouping (12,34,567.89). */
export function rupees(value) {
  if (value === null || value === undefined || value === '') return '';
  return money.format(Number(value));
}

/** A signed amount with an arrow, so gain and loss read without colour. */
export function signed(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '';
  if (n === 0) return money.format(0);
  return (n > 0 ? '▲ +' : '▼ −') + money.format(Math.abs(n));
}

/** The class that colours a signed figure. */
export function tone(value) {
  const n = Number(value);
  return n > 0 ? 'up' : n < 0 ? 'down' : '';
}

/** A fraction as a signed percentage with an arrow: 0.0123 → ▲ +1.23 %. */
export function percent(fraction, digits = 2) {
  const n = Number(fraction) * 100;
  if (!Number.isFinite(n)) return '';
  const text = Math.abs(n).toFixed(digits) + ' %';
  return n > 0 ? '▲ +' + text : n < 0 ? '▼ −' + text : text;
}

export function quantity(value) {
  return value === null || value === undefined ? '' : whole.format(Number(value));
}

/** Time of day in India, seconds shown. */
export function clock(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString('en-IN', { hour12: false, timeZone: 'Asia/Kolkata' });
}

/** Date and time in India. */
export function stamp(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' }) + ' '
    + d.toLocaleTimeString('en-IN', { hour12: false, timeZone: 'Asia/Kolkata' });
}

/** A labelled form field: label tied to the control, an error line and an optional hint. */
export function field(label, control, hint) {
  const id = control.id || ('f-' + Math.random().toString(36).slice(2, 9));
  control.id = id;
  const error = h('div.error', { id: id + '-error', 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', id + '-error');
  return h('div.field', { 'data-field': control.name || '' }, h('label', { for: id, text: label }), control,
    hint ? h('div.hint', { text: hint }) : null, error);
}

/** Shows a problem's field errors next to the fields of a form (by control name); returns what it placed. */
export function showErrors(form, problem) {
  clearErrors(form);
  let placed = 0;
  for (const { field: name, message } of problem.errors || []) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    const box = control && form.querySelector('#' + CSS.escape(control.id) + '-error');
    if (box) {
      box.textContent = message;
      control.setAttribute('aria-invalid', 'true');
      placed++;
    }
  }
  return placed;
}

export function clearErrors(form) {
  form.querySelectorAll('.field .error').forEach(e => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}

/** A select of options (value, label). */
export function select(name, options, value) {
  return h('select', { name }, options.map(o => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: String(v) === String(value), text: label });
  }));
}

/** Coalesces calls into one per animation frame: many ticks, one paint. */
export function perFrame(fn) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fn(); });
  };
}
