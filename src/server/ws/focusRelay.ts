import type { FocusMessage } from "../../core/index.js";

/** At most one caret update per writer per this many ms reaches the others. */
export const FOCUS_INTERVAL_MS = 100;

/**
 * Throttles one connection's caret updates: the first goes out at once, later ones at most every
 * `FOCUS_INTERVAL_MS`, and the newest always goes out in the end (a trailing send), so the others
 * never keep a stale caret. Nothing here is stored: focus is presence, not state.
 */
export class FocusRelay {
  private latest: FocusMessage | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last focus that went out, so that a closing connection can clear it for the others. */
  private shown: FocusMessage | undefined;

  constructor(
    private readonly send: (focus: FocusMessage) => void,
    private readonly now: () => number = Date.now,
  ) {}

  update(focus: FocusMessage): void {
    this.latest = focus;
    if (this.timer) return;
    const wait = this.lastSentAt + FOCUS_INTERVAL_MS - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** The connection closed: tell the others this writer left the text they were in. */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const shown = this.shown;
    if (shown && shown.field !== null) this.send({ ...shown, field: null, cursor: 0 });
    this.shown = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    const focus = this.latest;
    if (!focus) return;
    this.latest = undefined;
    this.lastSentAt = this.now();
    this.shown = focus;
    this.send(focus);
  }
}
