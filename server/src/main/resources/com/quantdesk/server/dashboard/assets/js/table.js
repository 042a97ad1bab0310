// A table keyed by row id that changes only what changed: a new fill updates its cells, not the
// table. Cells whose text is unchanged are not touched; numeric cells flash up or down.

import { h } from './dom.js';

export class Table {
  /**
   * @param columns [{key, label, num?, fmt?(value,row), cls?(value,row), flash?, value?(row),
   *                  render?(cell,row) with live? and renderKey?(row): rebuilt when the key changes}]
   * @param options {key(row), empty, onRow(tr,row), rowClass(row), limit, tall, label}
   */
  constructor(columns, options = {}) {
    this.columns = columns;
    this.options = options;
    this.rows = new Map();     // key → {tr, cells, row}
    this.tbody = h('tbody');
    const head = h('tr', columns.map(c => h('th', { class: c.num ? 'num' : '', scope: 'col', text: c.label })));
    this.table = h('table.data', { 'aria-label': options.label || null }, h('thead', head), this.tbody);
    this.el = h('div.table-wrap', { class: options.tall ? 'tall' : '' }, this.table);
    this.emptyRow = h('tr', h('td.empty', { colspan: columns.length, text: options.empty || 'Nothing yet' }));
    this.tbody.append(this.emptyRow);
  }

  key(row) {
    return String(this.options.key ? this.options.key(row) : row.id);
  }

  /** Replaces every row (keeps the DOM of rows that stay). */
  set(rows) {
    this.el.querySelectorAll('.load-error').forEach(e => e.remove());
    const keep = new Set(rows.map(r => this.key(r)));
    for (const k of [...this.rows.keys()]) if (!keep.has(k)) this.remove(k);
    rows.forEach(r => this.upsert(r, { append: true }));
    // Order as given (rows beyond the limit were dropped on the way).
    rows.forEach(r => {
      const entry = this.rows.get(this.key(r));
      if (entry) this.tbody.append(entry.tr);
    });
    this.updateEmpty();
  }

  /** Adds a row (at the top unless append) or updates the cells of the existing one. */
  upsert(row, { append = false } = {}) {
    const k = this.key(row);
    const existing = this.rows.get(k);
    if (existing) {
      existing.row = { ...existing.row, ...row };
      this.render(existing);
      return existing.row;
    }
    const entry = { row, tr: h('tr', { 'data-key': k }), cells: this.columns.map(() => h('td')) };
    this.columns.forEach((c, i) => { if (c.num) entry.cells[i].classList.add('num'); });
    entry.tr.append(...entry.cells);
    this.rows.set(k, entry);
    this.render(entry, true);
    if (this.options.onRow) this.options.onRow(entry.tr, entry.row);
    if (append) this.tbody.append(entry.tr); else this.tbody.prepend(entry.tr);
    this.trim();
    this.updateEmpty();
    return entry.row;
  }

  get(key) {
    const entry = this.rows.get(String(key));
    return entry ? entry.row : undefined;
  }

  remove(key) {
    const entry = this.rows.get(String(key));
    if (entry) {
      entry.tr.remove();
      this.rows.delete(String(key));
      this.updateEmpty();
    }
  }

  all() {
    return [...this.rows.values()].map(e => e.row);
  }

  render(entry, fresh = false) {
    const { row } = entry;
    if (this.options.rowClass) {
      // A filter's 'hidden' is the screen's business, not the row's.
      const hidden = entry.tr.classList.contains('hidden');
      entry.tr.className = this.options.rowClass(row) || '';
      entry.tr.classList.toggle('hidden', hidden);
    }
    this.columns.forEach((c, i) => {
      const value = typeof c.value === 'function' ? c.value(row) : row[c.key];
      const cell = entry.cells[i];
      if (c.render) {
        // Rebuilt only when what it shows changed, so a focused button keeps its focus.
        const key = c.live ? String(c.renderKey ? c.renderKey(row) : value) : '';
        if (fresh || (c.live && cell.dataset.renderKey !== key)) {
          cell.dataset.renderKey = key;
          c.render(cell, row);
        }
        return;
      }
      const text = c.fmt ? c.fmt(value, row) : (value === null || value === undefined ? '' : String(value));
      if (cell.textContent === text && !fresh) return;
      const before = cell.dataset.value;
      const flashing = [...cell.classList].find(name => name.startsWith('flash-'));
      cell.textContent = text;
      if (c.cls) {
        cell.className = (c.num ? 'num ' : '') + (c.cls(value, row) || '');
        if (flashing) cell.classList.add(flashing);
      }
      if (c.num && !fresh && before !== undefined && c.flash !== false) {
        const direction = Number(value) > Number(before) ? 'up' : Number(value) < Number(before) ? 'down' : '';
        if (direction) {
          // Two names for each flash, alternated: a new animation name restarts the flash without
          // forcing a layout (reading offsetWidth per cell would, hundreds of times a second).
          const again = cell.classList.contains('flash-' + direction) ? 'flash-' + direction + '-b' : 'flash-' + direction;
          cell.classList.remove('flash-up', 'flash-up-b', 'flash-down', 'flash-down-b');
          cell.classList.add(again);
        }
      }
      cell.dataset.value = value === null || value === undefined ? '' : String(value);
    });
  }

  trim() {
    const limit = this.options.limit;
    if (!limit) return;
    while (this.rows.size > limit) {
      const last = this.tbody.lastElementChild;
      if (!last || !last.dataset.key) break;
      this.remove(last.dataset.key);
    }
  }

  updateEmpty() {
    if (this.rows.size === 0) {
      if (!this.emptyRow.isConnected) this.tbody.append(this.emptyRow);
    } else if (this.emptyRow.isConnected) {
      this.emptyRow.remove();
    }
  }
}
