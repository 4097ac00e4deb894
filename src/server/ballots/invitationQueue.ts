import type { IssuedInvitee, WorkshopState } from "../../core/index.js";
import type { BallotRecord } from "./ballotStore.js";
import type { Mailer } from "./invitations.js";

/**
 * The invitations still to send, in the order they were queued. Sending waits for no request: a
 * list of thousands on a throttling relay takes longer than any request may last, and a request
 * cut short would lose every link it made.
 */
export class InvitationQueue {
  private mailing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly mailer: Mailer,
    /** Told of an invitation that could not be sent (the link is still given to the facilitator). */
    private readonly onMailError?: (error: unknown) => void,
  ) {}

  /** Queues one invitation to each invitee, sent after those queued before. */
  queue(ballot: BallotRecord, state: WorkshopState, invitees: readonly IssuedInvitee[]): void {
    this.mailing = this.mailing.then(() => this.send(ballot, state, invitees));
  }

  /** One at a time: an SMTP relay throttles bursts, and a list of hundreds need not be fast. */
  private async send(ballot: BallotRecord, state: WorkshopState, invitees: readonly IssuedInvitee[]) {
    for (const invitee of invitees) {
      if (this.closed) return;
      try {
        await this.mailer.send({
          to: invitee.email,
          name: invitee.name,
          workshopTitle: state.context.title,
          link: invitee.link,
          language: state.context.language,
          closesAt: ballot.closesAt,
        });
      } catch (error) {
        this.onMailError?.(error);
      }
    }
  }

  /** Stops sending what is still queued (the server is stopping; those links were given to the facilitator). */
  close(): void {
    this.closed = true;
  }
}
