import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WorkshopService } from "../workshopService.js";
import type { BallotRecord, BallotStore, InviteeRecord, VoteRecord } from "./ballotStore.js";

/** A store to test, with a service on the same database: ballots refer to real workshops. */
export interface BallotStoreUnderTest {
  ballots: BallotStore;
  service: WorkshopService;
  close(): Promise<void>;
}

/** The behaviour every BallotStore must have, run against SQLite and PostgreSQL alike. */
export function ballotStoreContract(name: string, open: () => Promise<BallotStoreUnderTest>): void {
  describe(`${name} (ballot store contract)`, () => {
    let subject: BallotStoreUnderTest;
    let ballot: BallotRecord;
    const invitee = (id: string, tokenHash: string): InviteeRecord & { tokenHash: string } => ({
      id,
      ballotId: ballot.id,
      name: `Person ${id}`,
      email: `${id}@example.org`,
      group: "Members",
      revokedAt: null,
      createdAt: `2026-12-01T10:00:0${id.length}.000Z`,
      tokenHash,
    });

    beforeEach(async () => {
      subject = await open();
      const workshop = await subject.service.create({ title: "Ballots", language: "en" });
      ballot = {
        id: "ballot-1",
        workshopId: workshop.id,
        method: "irv",
        settings: { dotBudget: 5, maxPerTheme: 3 },
        options: [
          { id: "a", name: "Wages" },
          { id: "b", name: "Housing" },
        ],
        status: "open",
        closesAt: null,
        shareToken: "share-1",
        createdAt: "2026-12-01T09:00:00.000Z",
      };
      await subject.ballots.createBallot(ballot);
    });
    afterEach(async () => {
      await subject.close();
    });

    it("keeps a ballot and finds it by id, by its shareable token and in its workshop's list", async () => {
      expect(await subject.ballots.getBallot(ballot.id)).toEqual(ballot);
      expect(await subject.ballots.ballotOfShareToken("share-1")).toEqual(ballot);
      expect(await subject.ballots.listBallots(ballot.workshopId)).toEqual([ballot]);
      expect(await subject.ballots.getBallot("nope")).toBeUndefined();
      expect(await subject.ballots.listBallots("other-workshop")).toEqual([]);
    });

    it("closes, reopens and sets or clears the closing time", async () => {
      await subject.ballots.updateBallot(ballot.id, { status: "closed", closesAt: "2026-12-09T17:00:00.000Z" });
      expect(await subject.ballots.getBallot(ballot.id)).toMatchObject({
        status: "closed",
        closesAt: "2026-12-09T17:00:00.000Z",
      });
      await subject.ballots.updateBallot(ballot.id, { status: "open", closesAt: null });
      expect(await subject.ballots.getBallot(ballot.id)).toMatchObject({ status: "open", closesAt: null });
    });

    it("refuses a ballot of a workshop that does not exist", async () => {
      await expect(
        subject.ballots.createBallot({ ...ballot, id: "ballot-2", shareToken: "share-2", workshopId: "nowhere" }),
      ).rejects.toThrow();
    });

    it("finds an invitee by the hash of their token, and revokes them once", async () => {
      await subject.ballots.addInvitees([invitee("i1", "hash-1"), invitee("i22", "hash-2")]);
      const { tokenHash: _hash, ...first } = invitee("i1", "hash-1");
      expect(await subject.ballots.inviteeOfTokenHash("hash-1")).toEqual(first);
      expect((await subject.ballots.listInvitees(ballot.id)).map((entry) => entry.id)).toEqual(["i1", "i22"]);
      expect(await subject.ballots.revokeInvitee(ballot.id, "i1", "2026-12-02T00:00:00.000Z")).toBe(true);
      expect(await subject.ballots.revokeInvitee(ballot.id, "i1", "2026-12-03T00:00:00.000Z")).toBe(true);
      expect((await subject.ballots.inviteeOfTokenHash("hash-1"))?.revokedAt).toBe("2026-12-02T00:00:00.000Z");
      expect(await subject.ballots.revokeInvitee(ballot.id, "nobody", "2026-12-02T00:00:00.000Z")).toBe(false);
    });

    it("adds invitees all or none: a repeated token hash adds nobody", async () => {
      await expect(subject.ballots.addInvitees([invitee("i1", "same"), invitee("i22", "same")])).rejects.toThrow();
      expect(await subject.ballots.listInvitees(ballot.id)).toEqual([]);
    });

    it("replaces a voter's vote but keeps when they first voted", async () => {
      const first: VoteRecord = {
        ballotId: ballot.id,
        voterKey: "invitee:i1",
        group: "Members",
        vote: { ranking: ["a", "b"] },
        firstAt: "2026-12-01T10:00:00.000Z",
        updatedAt: "2026-12-01T10:00:00.000Z",
      };
      expect(await subject.ballots.putVote(first)).toEqual(first);
      const edited = await subject.ballots.putVote({
        ...first,
        vote: { ranking: ["b"] },
        firstAt: "2026-12-02T08:00:00.000Z",
        updatedAt: "2026-12-02T08:00:00.000Z",
      });
      expect(edited).toEqual({ ...first, vote: { ranking: ["b"] }, updatedAt: "2026-12-02T08:00:00.000Z" });
      await subject.ballots.putVote({ ...first, voterKey: "device:x", group: "Employers" });
      expect((await subject.ballots.listVotes(ballot.id)).map((vote) => vote.voterKey)).toEqual([
        "device:x",
        "invitee:i1",
      ]);
      expect(await subject.ballots.getVote(ballot.id, "invitee:i1")).toEqual(edited);
      expect(await subject.ballots.getVote(ballot.id, "invitee:nobody")).toBeUndefined();
    });
  });
}
