import type { WorkshopState } from "../../core/index.js";

const frames = new WeakMap<WorkshopState, { seq: number; frame: Buffer }>();

/** The state as clients receive it: without the participants' card pace, which only the server decides with. */
export function forClients({ cardPace: _cardPace, ...state }: WorkshopState): WorkshopState {
  return state;
}

/**
 * The `snapshot` message for a board, serialised once however many clients ask for it: in a join
 * storm hundreds of phones load the same board between two commits, and the board of a
 * 2,000-person room is a few hundred kilobytes of JSON. States are never changed in place (the
 * reducer returns new ones), so the state object itself is the cache key and old boards drop out
 * with it.
 */
export function snapshotFrame(seq: number, state: WorkshopState): Buffer {
  const cached = frames.get(state);
  if (cached?.seq === seq) return cached.frame;
  const frame = Buffer.from(JSON.stringify({ type: "snapshot", seq, state: forClients(state) }));
  frames.set(state, { seq, frame });
  return frame;
}
