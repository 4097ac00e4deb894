import type { EventStore } from "./store/eventStore.js";

// A public workshop (the demo) is listed to everyone and may be copied by any facilitator.

/** Makes a workshop visible to everyone. */
export async function makePublic(store: EventStore, workshopId: string): Promise<void> {
  await store.writeLink({ type: "makePublic", workshopId });
}

export async function isPublic(store: EventStore, workshopId: string): Promise<boolean> {
  return (await store.readLink({ type: "publicWorkshop", workshopId })) !== undefined;
}
