import { readFileSync } from "node:fs";
import { validateWorkshopDocument } from "../core/index.js";
import { issueFacilitatorKey } from "./facilitatorKeys.js";
import type { EventStore } from "./store/eventStore.js";
import { makePublic } from "./visibility.js";
import type { WorkshopService } from "./workshopService.js";

const DEMO_FILE = new URL("./demo/demo.workshop.json", import.meta.url);

/**
 * Imports the demo workshop on a store's first start only. The demo table, not the workshop,
 * marks it as done, so a facilitator who renames the demo does not see another one come back.
 * Returns its facilitator key, which only this first start can print: the store keeps its hash.
 */
export async function seedDemoOnce(
  store: EventStore,
  service: WorkshopService,
): Promise<{ id: string; facilitatorKey: string } | undefined> {
  if (await store.readLink({ type: "demoWorkshop" })) return undefined;
  const validated = validateWorkshopDocument(JSON.parse(readFileSync(DEMO_FILE, "utf8")));
  if (!validated.ok) throw new Error(`The bundled demo workshop is invalid:\n${validated.error.message}`);
  const state = await service.importDocument(validated.value);
  await store.writeLink({ type: "setDemo", workshopId: state.id });
  // Everyone sees the demo; a facilitator opens it by taking a copy of their own.
  await makePublic(store, state.id);
  return { id: state.id, facilitatorKey: await issueFacilitatorKey(store, state.id) };
}

/**
 * The demo seeded on an earlier start, with a NEW facilitator key for `concord demo-link`: the
 * stored key is a hash and cannot be read back, so the demo gets a fresh one and the links
 * printed before stop working.
 */
export async function reissueDemoKey(store: EventStore): Promise<{ id: string; facilitatorKey: string } | undefined> {
  const id = await store.readLink({ type: "demoWorkshop" });
  return id ? { id, facilitatorKey: await issueFacilitatorKey(store, id) } : undefined;
}

/** The co-facilitator link that opens the demo's console without an account. */
export function demoLink(publicUrl: string, demo: { id: string; facilitatorKey: string }): string {
  return `${publicUrl}/w/${demo.id}#key=${demo.facilitatorKey}`;
}
