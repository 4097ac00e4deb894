/**
 * What the board bench measures inside the page, installed before the app's own scripts run
 * (`page.addInitScript`). It is plain JavaScript in a string: a function handed to Playwright
 * would be serialised after tsx compiled it, with helpers (`__name`) the page does not have.
 *
 * - Long tasks, from the `longtask` PerformanceObserver (the browser reports tasks of 50 ms and more).
 * - When a WebSocket frame naming a card arrives: a listener added in the socket's constructor,
 *   so it runs before the app's `onmessage`.
 * - When a card shows in a lane (a MutationObserver), then the frame after that painted: the end
 *   of a `setTimeout` queued from the next `requestAnimationFrame`, which runs once that frame's
 *   paint is done.
 * - The longest gap between two frames while a drag is under way.
 * - How many DOM changes (attributes, added and removed nodes) the page made until the card
 *   showed: a move that renders only what it touched changes a few dozen.
 *
 * The bench reaches it as `window.__boardProbe`. Every time is `performance.now()`, milliseconds
 * since the navigation started.
 */
export const PAGE_PROBE = `(() => {
  const probe = { longTasks: [], watch: undefined, pending: undefined, frames: undefined, mutations: 0 };
  window.__boardProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}

  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (message) => {
        const watch = probe.watch;
        if (watch && watch.token && watch.startedAt === undefined && typeof message.data === "string" && message.data.includes(watch.token)) {
          watch.startedAt = performance.now();
        }
      });
    }
  };

  const afterPaint = (callback) => requestAnimationFrame(() => setTimeout(callback, 0));

  probe.placed = (cardId, lane) => {
    const card = document.querySelector('[data-testid="' + lane + '"] [data-testid="card-' + cardId + '"]');
    return card !== null && !card.classList.contains("board-card-placeholder");
  };

  // Resolves with the time the frame that first shows the card in its lane has painted.
  probe.whenPlaced = (cardId, lane, timeoutMs) => new Promise((resolve, reject) => {
    let done = false;
    const check = () => {
      if (done || !probe.placed(cardId, lane)) return false;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      afterPaint(() => resolve(performance.now()));
      return true;
    };
    const observer = new MutationObserver((records) => {
      probe.mutations += records.length;
      check();
    });
    const timer = setTimeout(() => {
      done = true;
      observer.disconnect();
      reject(new Error("card " + cardId + " never showed in " + lane));
    }, timeoutMs);
    probe.mutations = 0;
    if (!check()) observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });

  // A move from the facilitator's socket: timed from the arrival of the frame that names the card.
  probe.expectMove = (cardId, lane) => {
    const watch = { token: '"' + cardId + '"', startedAt: undefined };
    probe.watch = watch;
    probe.pending = probe.whenPlaced(cardId, lane, 30000).then((paintedAt) =>
      watch.startedAt === undefined ? -1 : paintedAt - watch.startedAt);
  };

  // A drop with the mouse: timed from the mouseup event (its timestamp: when the input happened).
  probe.expectDrop = (cardId, lane) => {
    const watch = { token: undefined, startedAt: undefined };
    probe.watch = watch;
    window.addEventListener("mouseup", (event) => { watch.startedAt = event.timeStamp; }, { capture: true, once: true });
    probe.pending = probe.whenPlaced(cardId, lane, 30000).then((paintedAt) =>
      watch.startedAt === undefined ? -1 : paintedAt - watch.startedAt);
  };

  probe.result = () => probe.pending;

  probe.startFrames = () => {
    const frames = { last: performance.now(), longestGap: 0, running: true };
    probe.frames = frames;
    const tick = (now) => {
      if (!frames.running) return;
      frames.longestGap = Math.max(frames.longestGap, now - frames.last);
      frames.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  probe.stopFrames = () => {
    const frames = probe.frames;
    if (!frames) return 0;
    frames.running = false;
    return Math.max(frames.longestGap, performance.now() - frames.last);
  };

  // The board is shown once every column is in the page with a card somewhere on it.
  probe.boardShown = (columns) => new Promise((resolve, reject) => {
    const check = () => {
      const shown = document.querySelectorAll('[data-testid^="column-"]').length >= columns &&
        document.querySelector('[data-testid^="card-"]') !== null;
      if (shown) afterPaint(() => resolve(performance.now()));
      else if (performance.now() > 120000) reject(new Error("no board after 2 minutes: " + document.body.innerText.slice(0, 300)));
      else requestAnimationFrame(check);
    };
    check();
  });

  // Interactive: the board painted, then a quiet second without a long task. The answer is the
  // later of the paint and the end of the last long task before that second.
  probe.interactive = (paintedAt) => new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      const lastEnd = probe.longTasks.reduce((latest, task) => Math.max(latest, task.end), 0);
      if (now - Math.max(paintedAt, lastEnd) >= 1000) resolve(Math.max(paintedAt, lastEnd));
      else setTimeout(check, 100);
    };
    check();
  });

  probe.longestTaskSince = (since) =>
    probe.longTasks.filter((task) => task.start >= since).reduce((longest, task) => Math.max(longest, task.end - task.start), 0);

  probe.domNodes = () => document.getElementsByTagName("*").length;
})();`;

/** What the bench calls on the probe from Node (`page.evaluate`). */
export interface BoardProbe {
  expectMove(cardId: string, lane: string): void;
  expectDrop(cardId: string, lane: string): void;
  result(): Promise<number>;
  startFrames(): void;
  stopFrames(): number;
  boardShown(columns: number): Promise<number>;
  interactive(paintedAt: number): Promise<number>;
  longestTaskSince(since: number): number;
  domNodes(): number;
  /** DOM changes seen by the last `expectMove` or `expectDrop` until the card showed. */
  mutations: number;
}

declare global {
  interface Window {
    __boardProbe: BoardProbe;
  }
}
