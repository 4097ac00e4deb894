import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeTexts } from "../../core/index.js";
import {
  acknowledged,
  type CoText,
  commit,
  conflicted,
  edited,
  isDirty,
  serverChanged,
  shiftCaret,
  startCoText,
} from "./coText.js";

/**
 * Two writers fill two gaps of one text at once, keystroke by keystroke, their edits going out
 * whenever they pause, in any interleaving of typing, sending, the server's merging and the
 * network's deliveries (each writer's messages in order, an event before the answer to the edit
 * that made it, as the server sends them) and the screens' renders (a keystroke can land on a box
 * that does not show the newest draft yet). Edits of different sentences must never conflict, and
 * everyone must end on the text with both gaps filled.
 */
const DRAFT = "We want [gap one] for every member. The middle sentence stays. Then a [gap two] for all.";
const FILLS = [
  { gap: "[gap one]", words: "clarity and understanding" },
  { gap: "[gap two]", words: "national credential" },
] as const;
const FILLED = FILLS.reduce((text, { gap, words }) => text.replace(gap, words), DRAFT);

type Message = { kind: "event"; text: string } | { kind: "answer"; ok: boolean };

interface Writer {
  co: CoText;
  /**
   * What the writer's box shows: `co.draft` as of the last render. A keystroke renders at once;
   * others' words and answers reach the draft first and the screen at the next render, so a
   * keystroke can land on the older text.
   */
  shown: string;
  /** The writer's caret in `shown`. */
  caret: number;
  /** Letters of the fill typed so far. */
  typed: number;
  /** The server's text as this writer's replica holds it. */
  view: string;
  inbox: Message[];
}

interface World {
  server: string;
  queue: { from: number; text: string; base: string }[];
  writers: Writer[];
  conflicts: number;
}

type Action = { kind: "type" | "send" | "deliver" | "render"; writer: number } | { kind: "serve" };

/** The box shows the draft; where others' words came in, the caret moves with the text. */
function render(writer: Writer): void {
  writer.caret = shiftCaret(writer.shown, writer.co.draft, writer.caret);
  writer.shown = writer.co.draft;
}

function type(writer: Writer, at: number): void {
  const { gap, words } = FILLS[at] as (typeof FILLS)[number];
  if (writer.typed >= words.length) return;
  const letter = words[writer.typed] as string;
  const draft = writer.shown;
  let next: string;
  if (writer.typed === 0) {
    // The first letter replaces the selected gap.
    const start = draft.indexOf(gap);
    if (start < 0) throw new Error(`the gap is gone from the draft: ${draft}`);
    next = draft.slice(0, start) + letter + draft.slice(start + gap.length);
    writer.caret = start + 1;
  } else {
    next = draft.slice(0, writer.caret) + letter + draft.slice(writer.caret);
    writer.caret += 1;
  }
  const before = writer.co;
  writer.co = edited(writer.co, draft, next);
  if (writer.co === before) {
    // The keystroke overlapped words the box did not show yet: not taken, typed again later.
    writer.caret = shiftCaret(next, draft, writer.caret);
    return;
  }
  writer.typed += 1;
  // Typing renders at once: the box shows the draft, the keystroke carried onto it.
  writer.caret = shiftCaret(next, writer.co.draft, writer.caret);
  writer.shown = writer.co.draft;
}

function send(world: World, at: number): void {
  const writer = world.writers[at] as Writer;
  const next = commit(writer.co);
  if (!next) return;
  writer.co = next.co;
  world.queue.push({ from: at, text: next.text, base: next.base });
}

/** The server takes the next edit: merged onto its text, the event to everyone, then the answer. */
function serve(world: World): void {
  const edit = world.queue.shift();
  if (!edit) return;
  const merged = mergeTexts(edit.base, edit.text, world.server);
  if (merged !== undefined && merged !== world.server) {
    world.server = merged;
    for (const writer of world.writers) writer.inbox.push({ kind: "event", text: merged });
  }
  (world.writers[edit.from] as Writer).inbox.push({ kind: "answer", ok: merged !== undefined });
}

function deliver(world: World, at: number): void {
  const writer = world.writers[at] as Writer;
  const message = writer.inbox.shift();
  if (!message) return;
  if (message.kind === "event") {
    writer.view = message.text;
    writer.co = serverChanged(writer.co, writer.view);
  } else if (message.ok) writer.co = acknowledged(writer.co, writer.view);
  else {
    world.conflicts += 1;
    writer.co = conflicted(writer.co, writer.view);
  }
}

function run(world: World, action: Action): void {
  if (action.kind === "serve") serve(world);
  else if (action.kind === "type") type(world.writers[action.writer] as Writer, action.writer);
  else if (action.kind === "send") send(world, action.writer);
  else if (action.kind === "render") render(world.writers[action.writer] as Writer);
  else deliver(world, action.writer);
}

/** Everyone finishes typing, then sends, and the network goes quiet. */
function settle(world: World): void {
  world.writers.forEach((writer, at) => {
    render(writer);
    while (writer.typed < (FILLS[at] as (typeof FILLS)[number]).words.length) type(writer, at);
  });
  for (let round = 0; round < 100; round++) {
    for (let at = 0; at < world.writers.length; at++) send(world, at);
    while (world.queue.length > 0) serve(world);
    world.writers.forEach((writer, at) => {
      while (writer.inbox.length > 0) deliver(world, at);
      render(writer);
    });
    if (world.queue.length === 0 && world.writers.every((writer) => !isDirty(writer.co))) return;
  }
}

const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("type" as const), writer: fc.integer({ min: 0, max: 1 }) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant("send" as const), writer: fc.integer({ min: 0, max: 1 }) }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant("deliver" as const), writer: fc.integer({ min: 0, max: 1 }) }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("render" as const), writer: fc.integer({ min: 0, max: 1 }) }), weight: 2 },
  { arbitrary: fc.constant({ kind: "serve" as const }), weight: 2 },
);

describe("two writers filling two sentences at once", () => {
  it("never conflict, whatever the interleaving, and end on the same text with both filled", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 120 }), (actions) => {
        const world: World = {
          server: DRAFT,
          queue: [],
          writers: FILLS.map(() => ({
            co: startCoText(DRAFT),
            shown: DRAFT,
            caret: 0,
            typed: 0,
            view: DRAFT,
            inbox: [],
          })),
          conflicts: 0,
        };
        for (const each of actions) run(world, each);
        settle(world);
        expect(world.conflicts).toBe(0);
        expect(world.server).toBe(FILLED);
        for (const writer of world.writers) expect(writer.co.draft).toBe(FILLED);
      }),
      { numRuns: 2000, seed: 20_261_129 },
    );
  });
});
