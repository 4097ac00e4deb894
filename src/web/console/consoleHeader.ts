import type { WorkshopContext } from "../../core/index.js";

/**
 * The organization and event under the console's title, "Org | Event", or "" when neither is
 * filled in (the header then shows no separator after the app's name).
 */
export function organizationAndEvent(context: Pick<WorkshopContext, "organization" | "event">): string {
  return [context.organization, context.event]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(" | ");
}
