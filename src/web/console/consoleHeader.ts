import type { WorkshopContext } from "../../core/index.js";

/**
 * The organization and event under the console's title, those filled in (the header shows them
 * as "Org | Event", each isolated, and no separator after the app's name when there are none).
 */
export function organizationAndEvent(context: Pick<WorkshopContext, "organization" | "event">): string[] {
  return [context.organization, context.event].map((part) => part.trim()).filter(Boolean);
}
