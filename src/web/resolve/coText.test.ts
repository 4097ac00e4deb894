import { describe, expect, it } from "vitest";
import {
  acknowledged,
  type CoText,
  chosen,
  commit,
  conflicted,
  edited,
  isDirty,
  serverChanged,
  shiftCaret,
  startCoText,
} from "./coText.js";

const BASE = "First sentence. Second sentence.";

/** Sends the writer's pending edit; fails the test if there is none. */
function send(co: CoText) {
  const next = commit(co);
  if (!next) throw new Error("nothing to commit");
  return next;
}

describe("co-writing one text", () => {
  it("a clean editor follows the server; an edit goes out with the text it started from", () => {
    let co = serverChanged(startCoText(""), BASE);
    expect(co).toEqual(startCoText(BASE));
    expect(commit(co)).toBeUndefined();
    co = edited(co, co.draft, "First sentence. Second sentence, longer.");
    const sent = send(co);
    expect([sent.text, sent.base]).toEqual(["First sentence. Second sentence, longer.", BASE]);
    // One edit in flight at a time.
    expect(commit(sent.co)).toBeUndefined();
    expect(acknowledged(sent.co, sent.text)).toEqual(startCoText(sent.text));
  });

  it("someone else's edit of another sentence shows in a dirty editor at once, and both are kept", () => {
    let co = edited(startCoText(BASE), BASE, "First sentence. Second sentence, mine.");
    co = serverChanged(co, "The first sentence. Second sentence.");
    expect(co.draft).toBe("The first sentence. Second sentence, mine.");
    expect(co.base).toBe("The first sentence. Second sentence.");
    expect(send(co).base).toBe("The first sentence. Second sentence.");
  });

  it("typing while an edit is in flight is carried onto the merged text the server answers with", () => {
    const first = send(edited(startCoText(BASE), BASE, "First sentence. Second sentence!"));
    const typing = edited(first.co, first.co.draft, "First sentence. Second sentence! And a third.");
    // Meanwhile someone rewrote the first sentence; the server merged both.
    const co = acknowledged(typing, "The first sentence. Second sentence!");
    expect(co.draft).toBe("The first sentence. Second sentence! And a third.");
    expect(co.base).toBe("The first sentence. Second sentence!");
    expect(isDirty(co)).toBe(true);
  });

  it("a keystroke that beats others' words to the screen is carried onto them, not over them", () => {
    // Someone's edit reached the draft; the box still shows the text from before it.
    const co = serverChanged(startCoText(BASE), "The first sentence. Second sentence.");
    const next = edited(co, BASE, "First sentence. Second sentence!");
    expect(next.draft).toBe("The first sentence. Second sentence!");
    // A keystroke right where their words landed is not taken: the box shows their text again.
    expect(edited(co, BASE, "Girst sentence. Second sentence.")).toBe(co);
  });

  it("an overlapping edit keeps both texts side by side until the writer chooses; nothing is lost", () => {
    const mine = send(edited(startCoText(BASE), BASE, "First sentence. My second."));
    let co = conflicted(mine.co, "First sentence. Their second.");
    expect(co.conflict).toEqual({ mine: "First sentence. My second.", theirs: "First sentence. Their second." });
    expect(commit(co)).toBeUndefined();
    // Their text keeps moving while the writer decides.
    co = serverChanged(co, "First sentence. Their second, improved.");
    expect(co.conflict?.theirs).toBe("First sentence. Their second, improved.");
    expect(co.draft).toBe("First sentence. My second.");
    // Keeping mine sends it against their text, so it replaces theirs knowingly.
    const keepMine = send(chosen(co, co.conflict?.mine ?? "", co.conflict?.theirs ?? ""));
    expect([keepMine.text, keepMine.base]).toEqual([
      "First sentence. My second.",
      "First sentence. Their second, improved.",
    ]);
    // Keeping theirs sends nothing.
    expect(
      commit(chosen(co, "First sentence. Their second, improved.", "First sentence. Their second, improved.")),
    ).toBeUndefined();
  });
});

describe("shiftCaret", () => {
  it("stays before a change and moves with the text after one", () => {
    expect(shiftCaret("abc def", "abc XX def", 2)).toBe(2);
    expect(shiftCaret("abc def", "XX abc def", 5)).toBe(8);
    expect(shiftCaret("abc def", "abc", 6)).toBe(3);
    expect(shiftCaret("same", "same", 3)).toBe(3);
  });
});
