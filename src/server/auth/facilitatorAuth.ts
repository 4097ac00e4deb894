import type { FastifyRequest } from "fastify";
import type { AccountStore } from "../accounts/accountStore.js";
import { AppError } from "../errors.js";
import { isFacilitatorKey } from "../facilitatorKeys.js";
import type { EventStore } from "../store/eventStore.js";
import { isPublic } from "../visibility.js";
import { sessionAccountId } from "./sessions.js";

/**
 * Decides who facilitates a workshop: an account that was given access to it, or anyone holding
 * its facilitator key (the co-facilitator link). REST routes and WebSocket hellos both ask here.
 */
export class FacilitatorAuth {
  constructor(
    private readonly store: EventStore,
    private readonly accounts: AccountStore,
  ) {}

  /** The signed-in account, or undefined. */
  accountId(request: FastifyRequest): Promise<string | undefined> {
    return sessionAccountId(this.accounts, request);
  }

  /** The signed-in account, or a 401-style refusal. */
  async requireAccount(request: FastifyRequest): Promise<string> {
    const accountId = await this.accountId(request);
    if (!accountId) throw new AppError("unauthorized", "Sign in first");
    return accountId;
  }

  /** True when the request's session or the given key makes it the workshop's facilitator. */
  async canFacilitate(request: FastifyRequest, workshopId: string, key?: string): Promise<boolean> {
    const headerKey = request.headers["x-facilitator-key"];
    const candidate = key ?? (typeof headerKey === "string" ? headerKey : undefined);
    if (candidate && (await isFacilitatorKey(this.store, workshopId, candidate))) return true;
    const accountId = await this.accountId(request);
    return accountId !== undefined && (await this.accounts.getAccess(workshopId, accountId)) !== undefined;
  }

  /** Refuses the request unless it comes from the workshop's facilitator. */
  async assertFacilitator(request: FastifyRequest, workshopId: string): Promise<void> {
    if (!(await this.canFacilitate(request, workshopId))) {
      throw new AppError("forbidden", "Only the workshop's facilitator may do this");
    }
  }

  /**
   * Refuses the request unless it may copy the workshop: its facilitators, and anyone for a public
   * workshop such as the demo. Reading one over REST (state, log, export, report) stays the
   * facilitators' (`assertFacilitator`): it holds what participants are not shown, such as the
   * dots before the reveal. Participants read the room over the WebSocket, never here.
   */
  async assertCanCopy(request: FastifyRequest, workshopId: string): Promise<void> {
    if (await isPublic(this.store, workshopId)) return;
    await this.assertFacilitator(request, workshopId);
  }
}
