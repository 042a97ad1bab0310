// Instrumentation of the dashboard for bench/run.sh dashboard, evaluated in every new document before
// the page's own scripts (DevTools' Page.addScriptToEvaluateOnNewDocument): the product is not changed.
// It counts the stream's messages as they arrive (a WebSocket that counts, in place of the page's), keeps
// a requestAnimationFrame loop that records the interval between frames, and observes long tasks, long
// animation frames and the mutations of the screen, those of one table apart. Nothing is recorded
// until start(); stop() ends a window and returns it.
(() => {
  if (window.__qdProbe) return;
  const QUOTE_PREFIX = '{"channel":"quotes:';
  let win = null;

  const NativeWebSocket = window.WebSocket;
  class CountingWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      if (win) win.connections++;
      // Registered before the page sets onmessage, so it runs first and sees every message.
      this.addEventListener('message', event => {
        if (!win) return;
        const second = Math.floor((performance.now() - win.start) / 1000);
        win.messages++;
        if (typeof event.data === 'string') {
          win.bytes += event.data.length;
          if (event.data.startsWith(QUOTE_PREFIX)) {
            win.quotes++;
            win.quotesPerSecond[second] = (win.quotesPerSecond[second] || 0) + 1;
          }
        }
      });
    }
  }
  window.WebSocket = CountingWebSocket;

  let lastFrame = 0;
  function frame(time) {
    if (win && lastFrame && time > win.start) win.frames.push(time - lastFrame);
    lastFrame = time;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  const longTasks = [];
  const longFrames = [];
  function observe(type, into, describe) {
    if (!(PerformanceObserver.supportedEntryTypes || []).includes(type)) return false;
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) into.push(describe(entry));
    }).observe({ type, buffered: true });
    return true;
  }
  const round = v => Math.round(v * 10) / 10;
  const longTaskSupported = observe('longtask', longTasks, e => ({ start: e.startTime, duration: e.duration }));
  // A long animation frame says where its time went: scripts (by what invoked them), forced layouts,
  // then style, layout and paint of the frame.
  const longFrameSupported = observe('long-animation-frame', longFrames, e => ({
    start: e.startTime,
    duration: e.duration,
    blocking: e.blockingDuration,
    render: e.renderStart ? round(e.startTime + e.duration - e.renderStart) : 0,
    styleAndLayout: e.styleAndLayoutStart ? round(e.startTime + e.duration - e.styleAndLayoutStart) : 0,
    scripts: [...e.scripts].sort((x, y) => y.duration - x.duration).slice(0, 3).map(x => ({
      invoker: x.invoker, function: x.sourceFunctionName, source: x.sourceURL.replace(/^.*\/assets\//, ''),
      duration: round(x.duration), forcedStyleAndLayout: round(x.forcedStyleAndLayoutDuration) })),
  }));

  // One observer on the whole screen (two would record every change of the table twice): a record
  // inside the table counts for it, by kind; any other is counted apart.
  function classify(records) {
    const second = Math.floor((performance.now() - win.start) / 1000);
    for (const r of records) {
      if (r.target !== win.tbody && !win.tbody.contains(r.target)) {
        win.otherMutations++;
        continue;
      }
      win.mutationsPerSecond[second] = (win.mutationsPerSecond[second] || 0) + 1;
      win.mutations++;
      if (r.type === 'childList' && r.target === win.tbody) {
        for (const n of r.addedNodes) if (n.nodeName === 'TR') win.rowsAdded++;
        for (const n of r.removedNodes) if (n.nodeName === 'TR') win.rowsRemoved++;
      } else if (r.type === 'childList' || r.type === 'characterData') {
        win.textChanges++;
        win.cellsTouched.add(r.target.nodeType === Node.TEXT_NODE ? r.target.parentNode : r.target);
      } else if (r.type === 'attributes') {
        win.attributeChanges[r.attributeName] = (win.attributeChanges[r.attributeName] || 0) + 1;
      }
    }
  }

  window.__qdProbe = {
    longTaskSupported,
    longFrameSupported,

    /**
     * Starts a window observing the rows of the tbody at `selector` and what else changes in `scope`;
     * with `observe` false, without the mutation observers (to see what they cost).
     */
    start(selector, scope, observe = true) {
      const tbody = document.querySelector(selector);
      if (!tbody) throw new Error('no element ' + selector);
      win = {
        start: performance.now(), tbody, connections: 0, messages: 0, bytes: 0, quotes: 0, quotesPerSecond: [],
        frames: [], mutations: 0, mutationsPerSecond: [], rowsAdded: 0, rowsRemoved: 0, textChanges: 0,
        attributeChanges: {}, cellsTouched: new Set(), otherMutations: 0,
        rowsAtStart: [...tbody.rows].filter(tr => tr.dataset.key),
        heapAtStart: performance.memory ? performance.memory.usedJSHeapSize : null,
      };
      if (!observe) return;
      const screen = document.querySelector(scope);
      if (!screen || !screen.contains(tbody)) throw new Error(selector + ' is not inside ' + scope);
      win.observer = new MutationObserver(classify);
      win.observer.observe(screen, { subtree: true, childList: true, characterData: true, attributes: true });
    },

    /** Ends the window; returns what it recorded. */
    stop() {
      const w = win;
      if (w.observer) {
        classify(w.observer.takeRecords());
        w.observer.disconnect();
      }
      win = null;
      const end = performance.now();
      const within = list => list.filter(e => e.start >= w.start && e.start < end)
        .map(e => ({ ...e, start: round((e.start - w.start) / 1000), duration: round(e.duration) }));
      const rowsNow = [...w.tbody.rows].filter(tr => tr.dataset.key);
      return {
        seconds: (end - w.start) / 1000,
        connections: w.connections,
        messages: w.messages,
        bytes: w.bytes,
        quotes: w.quotes,
        quotesPerSecond: Array.from(w.quotesPerSecond, v => v || 0),
        frameIntervals: w.frames,
        longTasks: within(longTasks),
        longAnimationFrames: within(longFrames),
        longFrameSupported,
        observed: Boolean(w.observer),
        mutations: w.mutations,
        mutationsPerSecond: Array.from(w.mutationsPerSecond, v => v || 0),
        rowsAdded: w.rowsAdded,
        rowsRemoved: w.rowsRemoved,
        cellTextChanges: w.textChanges,
        cellsTouched: w.cellsTouched.size,
        attributeChanges: w.attributeChanges,
        otherMutations: w.otherMutations,
        rows: rowsNow.length,
        rowsKept: w.rowsAtStart.filter(tr => tr.isConnected && tr.parentNode === w.tbody).length,
        rowsAtStart: w.rowsAtStart.length,
        heapStart: w.heapAtStart,
        heapEnd: performance.memory ? performance.memory.usedJSHeapSize : null,
      };
    },
  };
})();
