import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  type BallotResults,
  type BallotSummary,
  type BallotVote,
  ballotResults,
  type CampaignBallot,
  type changeBallotBody,
  checkVote,
  type InviteeInput,
  type InviteeView,
  type IssuedInvitee,
  type openBallotBody,
  privacySettings,
  type VoterBallot,
  type WorkshopState,
} from "../../core/index.js";
import { hashToken } from "../auth/tokenHash.js";
import { AppError } from "../errors.js";
import type { WorkshopService } from "../workshopService.js";
import type { BallotRecord, BallotStore, InviteeRecord, VoteRecord } from "./ballotStore.js";
import { InvitationQueue } from "./invitationQueue.js";
import type { Mailer } from "./invitations.js";
import { MAX_INVITEES } from "./inviteesCsv.js";
import { offeredGroups, offeredSpelling } from "./offeredGroups.js";
import { countedVotes, type Turnout } from "./turnout.js";
import { deviceVoter, inviteeVoter } from "./voterKeys.js";

/** Personal and shareable tokens: 192 random bits, base64url. Checked for shape before any lookup. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const newToken = () => randomBytes(24).toString("base64url");

export interface BallotServiceOptions {
  ballots: BallotStore;
  workshops: Pick<WorkshopService, "get">;
  publicUrl: string;
  /** Sends invitations when SMTP_URL is set. */
  mailer?: Mailer;
  /** Told of an invitation that could not be sent (the link is still given to the facilitator). */
  onMailError?: (error: unknown) => void;
  now?: () => Date;
}

/** What adding invitees gives back: each person's link, shown this once, and how many are being emailed. */
export interface AddedInvitees {
  invitees: IssuedInvitee[];
  emailed: number;
}

/**
 * Prioritization ballots over days: a facilitator opens one on a workshop's themes, invites people
 * through personal links (or shares one link), and reads the results; voters vote and edit their
 * vote until it closes. Routes call this; it calls the store and the core (checkVote, ballotResults).
 */
export class BallotService {
  private readonly now: () => Date;
  private readonly invitations?: InvitationQueue;

  constructor(private readonly options: BallotServiceOptions) {
    this.now = options.now ?? (() => new Date());
    if (options.mailer) this.invitations = new InvitationQueue(options.mailer, options.onMailError);
  }

  /** The personal link's address; the shareable one is `/ballot/share/<token>`. */
  personalLink(token: string): string {
    return `${this.options.publicUrl}/ballot/${token}`;
  }

  async open(workshopId: string, body: z.infer<typeof openBallotBody>): Promise<BallotSummary> {
    const { state } = await this.options.workshops.get(workshopId);
    const options = state.themes.map((theme, index) => ({
      id: theme.id,
      name: theme.name.trim() || `Theme ${index + 1}`,
    }));
    if (options.length < 2) throw new AppError("invalid", "A ballot needs at least two themes on the board");
    const ballot: BallotRecord = {
      id: randomUUID(),
      workshopId,
      method: body.method,
      settings: body.settings,
      options,
      status: "open",
      closesAt: body.closesAt ? new Date(body.closesAt).toISOString() : null,
      shareToken: newToken(),
      createdAt: this.now().toISOString(),
    };
    await this.options.ballots.createBallot(ballot);
    return this.summary(ballot);
  }

  async list(workshopId: string): Promise<BallotSummary[]> {
    return Promise.all((await this.options.ballots.listBallots(workshopId)).map((ballot) => this.summary(ballot)));
  }

  /** The ballot, or a 404. */
  async require(ballotId: string): Promise<BallotRecord> {
    const ballot = await this.options.ballots.getBallot(ballotId);
    if (!ballot) throw new AppError("not_found", "No such ballot");
    return ballot;
  }

  async summary(ballot: BallotRecord): Promise<BallotSummary> {
    const { turnout, votes } = await this.counted(ballot);
    const { shareToken: _token, ...rest } = ballot;
    return {
      ...rest,
      status: this.status(ballot),
      shareUrl: `${this.options.publicUrl}/ballot/share/${ballot.shareToken}`,
      ...turnout,
      voted: votes.length,
    };
  }

  /** The votes that count (a revoked link's are dropped) and the turnout they make. */
  private async counted(ballot: BallotRecord): Promise<{ turnout: Turnout; votes: VoteRecord[] }> {
    const [invitees, all] = await Promise.all([
      this.options.ballots.listInvitees(ballot.id),
      this.options.ballots.listVotes(ballot.id),
    ]);
    return countedVotes(invitees, all);
  }

  async change(ballot: BallotRecord, body: z.infer<typeof changeBallotBody>): Promise<BallotSummary> {
    const closesAt =
      body.closesAt === undefined ? ballot.closesAt : body.closesAt && new Date(body.closesAt).toISOString();
    // Reopening a ballot whose time has passed would close it again at once: the time goes with it.
    const reopened = body.status === "open" && body.closesAt === undefined && this.passed(closesAt);
    const changed = { status: body.status ?? ballot.status, closesAt: reopened ? null : closesAt };
    await this.options.ballots.updateBallot(ballot.id, changed);
    return this.summary({ ...ballot, ...changed });
  }

  async invitees(ballot: BallotRecord): Promise<InviteeView[]> {
    const voted = new Set((await this.options.ballots.listVotes(ballot.id)).map((vote) => vote.voterKey));
    return (await this.options.ballots.listInvitees(ballot.id)).map((invitee) => view(invitee, voted));
  }

  /** Issues each a personal link (only its hash is kept) and emails it when a mailer is set. */
  async addInvitees(ballot: BallotRecord, people: readonly InviteeInput[]): Promise<AddedInvitees> {
    // Bounded on the ballot, not only on one list: the listing, the dashboard and the invitations grow with it.
    const already = (await this.options.ballots.listInvitees(ballot.id)).length;
    if (already + people.length > MAX_INVITEES) {
      throw new AppError(
        "invalid",
        `A ballot takes at most ${MAX_INVITEES} invitees: it has ${already}, this list adds ${people.length}`,
      );
    }
    const createdAt = this.now().toISOString();
    const issued = people.map((person) => ({ person, token: newToken(), id: randomUUID() }));
    await this.options.ballots.addInvitees(
      issued.map(({ person, token, id }) => ({
        id,
        ballotId: ballot.id,
        ...person,
        revokedAt: null,
        createdAt,
        tokenHash: hashToken(token),
      })),
    );
    const invitees = issued.map(({ person, token, id }) => ({
      id,
      ...person,
      revoked: false,
      voted: false,
      link: this.personalLink(token),
    }));
    return { invitees, emailed: await this.email(ballot, invitees) };
  }

  async revoke(ballot: BallotRecord, inviteeId: string): Promise<void> {
    if (!(await this.options.ballots.revokeInvitee(ballot.id, inviteeId, this.now().toISOString()))) {
      throw new AppError("not_found", "This ballot has no such invitee");
    }
  }

  async results(ballot: BallotRecord): Promise<BallotResults> {
    const [{ state }, { turnout, votes }] = await Promise.all([
      this.options.workshops.get(ballot.workshopId),
      this.counted(ballot),
    ]);
    const cast = votes.map((vote) => ({
      voter: vote.voterKey,
      group: vote.group,
      vote: vote.vote,
      firstAt: vote.firstAt,
    }));
    return ballotResults(ballot, cast, turnout, privacySettings(state.settings).minVotersPerGroup);
  }

  /** Each of the workshop's ballots with its results, oldest first: what the campaign summary shows. */
  async withResults(workshopId: string): Promise<CampaignBallot[]> {
    const ballots = await this.options.ballots.listBallots(workshopId);
    return Promise.all(
      ballots.map(async (ballot) => ({
        id: ballot.id,
        method: ballot.method,
        status: this.status(ballot),
        createdAt: ballot.createdAt,
        closesAt: ballot.closesAt,
        results: await this.results(ballot),
      })),
    );
  }

  /** The results of the workshop's latest ballot that has votes: what its report shows. */
  async latestResults(workshopId: string): Promise<BallotResults | undefined> {
    const ballots = await this.options.ballots.listBallots(workshopId);
    for (const ballot of ballots.reverse()) {
      const results = await this.results(ballot);
      if (results.overall.ballots > 0) return results;
    }
    return undefined;
  }

  /** A personal link's ballot, with this person's vote to edit. */
  async personalBallot(token: string): Promise<VoterBallot> {
    const { ballot, invitee } = await this.personal(token);
    const vote = await this.options.ballots.getVote(ballot.id, inviteeVoter(invitee.id));
    return { ...(await this.voterView(ballot, vote?.vote)), name: invitee.name, group: invitee.group };
  }

  async personalVote(token: string, vote: BallotVote): Promise<VoterBallot> {
    const { ballot, invitee } = await this.personal(token);
    await this.putVote(ballot, inviteeVoter(invitee.id), invitee.group, vote);
    return this.personalBallot(token);
  }

  /** The shareable link's ballot; `device` is this browser's id (a cookie), which keeps one vote per device. */
  async sharedBallot(shareToken: string, device: string | undefined): Promise<VoterBallot> {
    const ballot = await this.shared(shareToken);
    const vote = device ? await this.options.ballots.getVote(ballot.id, deviceVoter(device)) : undefined;
    return { ...(await this.voterView(ballot, vote?.vote)), ...(vote ? { group: vote.group } : {}) };
  }

  /**
   * `admitNewVoter` is asked before the first vote of a device is stored (a valid one, on an open
   * ballot), and throws to refuse it: a new device costs nothing, so the edge limits how many come.
   */
  async sharedVote(
    shareToken: string,
    device: string,
    group: string,
    vote: BallotVote,
    admitNewVoter?: () => Promise<void>,
  ): Promise<VoterBallot> {
    const ballot = await this.shared(shareToken);
    const spelled = offeredSpelling(await this.groupsOf(ballot), group);
    const voterKey = deviceVoter(device);
    const known = await this.options.ballots.getVote(ballot.id, voterKey);
    await this.putVote(ballot, voterKey, spelled, vote, known ? undefined : admitNewVoter);
    return this.sharedBallot(shareToken, device);
  }

  private async putVote(
    ballot: BallotRecord,
    voterKey: string,
    group: string,
    vote: BallotVote,
    admit?: () => Promise<void>,
  ): Promise<void> {
    if (this.status(ballot) === "closed") {
      const when =
        ballot.status === "open" && ballot.closesAt ? ` on ${ballot.closesAt.slice(0, 16).replace("T", " ")} UTC` : "";
      throw new AppError("forbidden", `This ballot closed${when}: votes are no longer accepted`);
    }
    const checked = checkVote(ballot, vote);
    if (!checked.ok) throw new AppError("invalid", checked.error.message);
    await admit?.();
    const at = this.now().toISOString();
    await this.options.ballots.putVote({
      ballotId: ballot.id,
      voterKey,
      group,
      vote: checked.value,
      firstAt: at,
      updatedAt: at,
    });
  }

  private async personal(token: string): Promise<{ ballot: BallotRecord; invitee: InviteeRecord }> {
    const invitee = TOKEN.test(token) ? await this.options.ballots.inviteeOfTokenHash(hashToken(token)) : undefined;
    if (!invitee) throw new AppError("not_found", "This voting link is not valid");
    if (invitee.revokedAt)
      throw new AppError("forbidden", "This voting link was revoked: ask the facilitator for a new one");
    return { ballot: await this.require(invitee.ballotId), invitee };
  }

  private async shared(shareToken: string): Promise<BallotRecord> {
    const ballot = TOKEN.test(shareToken) ? await this.options.ballots.ballotOfShareToken(shareToken) : undefined;
    if (!ballot) throw new AppError("not_found", "This voting link is not valid");
    return ballot;
  }

  private async voterView(ballot: BallotRecord, vote: BallotVote | undefined): Promise<VoterBallot> {
    const { state } = await this.options.workshops.get(ballot.workshopId);
    return {
      title: state.context.title,
      language: state.context.language,
      method: ballot.method,
      settings: ballot.settings,
      options: ballot.options,
      status: this.status(ballot),
      closesAt: ballot.closesAt,
      groups: await this.groupsOf(ballot, state),
      ...(vote ? { vote } : {}),
    };
  }

  /** The stakeholder groups the shareable link offers (see `offeredGroups`). */
  private async groupsOf(ballot: BallotRecord, known?: WorkshopState): Promise<string[]> {
    const [invitees, state] = await Promise.all([
      this.options.ballots.listInvitees(ballot.id),
      known ?? this.options.workshops.get(ballot.workshopId).then((stored) => stored.state),
    ]);
    return offeredGroups(invitees, state.context.participantGroups);
  }

  private status(ballot: BallotRecord): "open" | "closed" {
    return ballot.status === "open" && !this.passed(ballot.closesAt) ? "open" : "closed";
  }

  private passed(closesAt: string | null): boolean {
    return closesAt !== null && Date.parse(closesAt) <= this.now().getTime();
  }

  /**
   * Queues the invitations and answers how many: the links go back to the facilitator at once,
   * since they are shown only this once.
   */
  private async email(ballot: BallotRecord, invitees: readonly IssuedInvitee[]): Promise<number> {
    const addressed = invitees.filter((invitee) => invitee.email);
    if (!this.invitations || addressed.length === 0) return 0;
    const { state } = await this.options.workshops.get(ballot.workshopId);
    this.invitations.queue(ballot, state, addressed);
    return addressed.length;
  }

  /** Stops sending what is still queued (the server is stopping; those links were given to the facilitator). */
  close(): void {
    this.invitations?.close();
  }
}

function view(invitee: InviteeRecord, voted: Set<string>): InviteeView {
  return {
    id: invitee.id,
    name: invitee.name,
    email: invitee.email,
    group: invitee.group,
    revoked: invitee.revokedAt !== null,
    voted: voted.has(inviteeVoter(invitee.id)),
  };
}
