import { describe, expect, it } from "vitest";
import type { DomainEvent } from "./events.js";
import { dotHolders, eventForParticipant, revealedBy, SEALED, stateForParticipant, votersOf } from "./hiddenVotes.js";
import type { Theme, Vote } from "./model.js";
import { emptyWorkshop } from "./workshop.js";

const mine: Vote = { voterId: "ana", themeId: "parks", count: 2 };
const theirs: Vote = { voterId: "ben", themeId: "parks", count: 1 };
const parks: Theme = { id: "parks", name: "Parks", keyPoints: [], headline: "", narrative: "", cardIds: [] };

describe("what a participant sees of the dots before the reveal", () => {
  it("seals the others' votes and keeps the viewer's own", () => {
    const cast = (vote: Vote): DomainEvent => ({ type: "voteCast", vote, previous: 0 });
    expect(eventForParticipant(cast(theirs), "ana")).toEqual(SEALED);
    expect(eventForParticipant(cast(mine), "ana")).toEqual(cast(mine));
  });

  it("keeps only the viewer's dots among those a deleted, merged or restored column carries, also inside an undo", () => {
    const deleted: DomainEvent = { type: "themeDeleted", theme: parks, index: 0, votes: [mine, theirs] };
    expect(eventForParticipant(deleted, "ana")).toEqual({ ...deleted, votes: [mine] });
    const undone: DomainEvent = {
      type: "undoApplied",
      events: [
        { type: "themeRestored", theme: parks, index: 0, votes: [theirs] },
        { type: "voteCast", vote: theirs, previous: 0 },
      ],
    };
    expect(eventForParticipant(undone, "ana")).toEqual({
      type: "undoApplied",
      events: [{ type: "themeRestored", theme: parks, index: 0, votes: [] }],
    });
    expect([...votersOf(deleted)].sort()).toEqual(["ana", "ben"]);
    expect([...votersOf(undone)]).toEqual(["ben"]);
    expect(votersOf({ type: "votingOpened" }).size).toBe(0);
  });

  it("keeps only the viewer's dots in a new workshop's first event (a copy made mid-vote)", () => {
    const { id: _id, ...workshop } = { ...emptyWorkshop("w"), cards: {}, votes: [mine, theirs] };
    const created: DomainEvent = { type: "workshopCreated", workshop };
    expect([...votersOf(created)].sort()).toEqual(["ana", "ben"]);
    expect(eventForParticipant(created, "ana")).toEqual({
      type: "workshopCreated",
      workshop: { ...workshop, votes: [mine] },
    });
    expect(revealedBy(created)).toBe(false);
    expect(revealedBy({ type: "resultsRevealed", revealed: true })).toBe(true);
    expect(revealedBy({ type: "votingOpened" })).toBeUndefined();
  });

  it("shows the board with the viewer's dots only, and all of them once revealed", () => {
    const hidden = {
      ...emptyWorkshop("w"),
      votes: [mine, theirs],
      undoStack: [
        {
          eventType: "themeDeleted",
          inverse: [{ type: "restoreTheme" as const, theme: parks, index: 0, votes: [theirs] }],
        },
      ],
    };
    expect([...dotHolders(hidden)].sort()).toEqual(["ana", "ben"]);
    const seen = stateForParticipant(hidden, "ana");
    expect(seen.votes).toEqual([mine]);
    expect(JSON.stringify(seen.undoStack)).not.toContain('"ben"');
    const revealed = { ...hidden, voting: { ...hidden.voting, revealed: true } };
    expect(stateForParticipant(revealed, "ana")).toBe(revealed);
    // Nothing to hide: the very same state, so one serialised snapshot serves every phone.
    const noVotes = emptyWorkshop("w");
    expect(stateForParticipant(noVotes, "ana")).toBe(noVotes);
  });
});
