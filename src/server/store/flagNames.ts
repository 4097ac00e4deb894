import type { LinkRead, LinkWrite } from "./workshopLinks.js";

/**
 * `getFlag`/`setFlag` over the tables that replaced the flags table (schema v3), for code written
 * against the names it used: `joinCode:CODE` (the workshop id; an empty value removes the code),
 * `public:ID` ("1" when public) and `demoSeeded` (the demo's id). Facilitator keys and report links
 * have their own modules (facilitatorKeys.ts, routes/reportLinks.ts): any other name throws.
 */
export async function readFlag(
  store: { readLink(read: LinkRead): Promise<string | undefined> },
  name: string,
): Promise<string | undefined> {
  const { read, value } = flagRead(name);
  const found = await store.readLink(read);
  return found === undefined ? undefined : value(found);
}

function flagRead(name: string): { read: LinkRead; value: (found: string) => string } {
  const [kind, key] = split(name);
  if (kind === "joinCode") return { read: { type: "workshopOfJoinCode", code: key }, value: (id) => id };
  if (kind === "public") return { read: { type: "publicWorkshop", workshopId: key }, value: () => "1" };
  if (name === "demoSeeded") return { read: { type: "demoWorkshop" }, value: (id) => id };
  throw unknown(name);
}

/** The write that `setFlag(name, value)` stands for (see `readFlag`). */
export function flagWrite(name: string, value: string): LinkWrite {
  const [kind, key] = split(name);
  if (kind === "joinCode") {
    return value ? { type: "setJoinCode", code: key, workshopId: value } : { type: "removeJoinCode", code: key };
  }
  if (kind === "public" && value) return { type: "makePublic", workshopId: key };
  if (name === "demoSeeded" && value) return { type: "setDemo", workshopId: value };
  throw unknown(name);
}

function split(name: string): [string, string] {
  const colon = name.indexOf(":");
  return colon < 0 ? [name, ""] : [name.slice(0, colon), name.slice(colon + 1)];
}

const unknown = (name: string) =>
  new Error(`No flag "${name}": the flags table became typed tables (workshopLinks.ts)`);
