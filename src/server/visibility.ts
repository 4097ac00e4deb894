import type { EventStore } from "./store/eventStore.js";

// A public workshop (the demo) is listed to everyone and may be copied by any facilitator.
const publicFlag = (workshopId: string) => `public:${workshopId}`;

/** Makes a workshop visible to everyone. */
export async function makePublic(store: EventStore, workshopId: string): Promise<void> {
  await store.setFlag(publicFlag(workshopId), "1");
}

export async function isPublic(store: EventStore, workshopId: string): Promise<boolean> {
  return Boolean(await store.getFlag(publicFlag(workshopId)));
}
