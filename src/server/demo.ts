import { readFileSync } from "node:fs";
import { validateWorkshopDocument } from "../core/index.js";
import { facilitatorKeyOf, issueFacilitatorKey } from "./facilitatorKeys.js";
import type { EventStore } from "./store/eventStore.js";
import { makePublic } from "./visibility.js";
import type { WorkshopService } from "./workshopService.js";

const DEMO_FLAG = "demoSeeded";
const DEMO_FILE = new URL("./demo/demo.workshop.json", import.meta.url);

/**
 * Imports the demo workshop on a store's first start only. The flag, not the workshop, marks it
 * as done, so a facilitator who deletes or renames the demo does not see it come back.
 */
export async function seedDemoOnce(
  store: EventStore,
  service: WorkshopService,
): Promise<{ id: string; facilitatorKey: string } | undefined> {
  if (await store.getFlag(DEMO_FLAG)) return undefined;
  const validated = validateWorkshopDocument(JSON.parse(readFileSync(DEMO_FILE, "utf8")));
  if (!validated.ok) throw new Error(`The bundled demo workshop is invalid:\n${validated.error.message}`);
  const state = await service.importDocument(validated.value);
  await store.setFlag(DEMO_FLAG, state.id);
  // Everyone sees the demo; a facilitator opens it by taking a copy of their own.
  await makePublic(store, state.id);
  return { id: state.id, facilitatorKey: await issueFacilitatorKey(store, state.id) };
}

/** The demo seeded on an earlier start, with its facilitator key, for `concord demo-link`. */
export async function seededDemo(store: EventStore): Promise<{ id: string; facilitatorKey: string } | undefined> {
  const id = await store.getFlag(DEMO_FLAG);
  const facilitatorKey = id ? await facilitatorKeyOf(store, id) : undefined;
  return id && facilitatorKey ? { id, facilitatorKey } : undefined;
}

/** The co-facilitator link that opens the demo's console without an account. */
export function demoLink(publicUrl: string, demo: { id: string; facilitatorKey: string }): string {
  return `${publicUrl}/w/${demo.id}#key=${demo.facilitatorKey}`;
}
