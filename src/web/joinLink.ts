import { useEffect, useState } from "react";
import { isLoopbackHost, type JoinAddress, joinAddressSchema } from "../core/index.js";

/**
 * The origin to put in join links and QR codes: PUBLIC_URL if the server has one; the server's
 * network address if this page was opened at localhost; else the address this page is on.
 */
export function joinOrigin(page: { origin: string; hostname: string }, address: JoinAddress | undefined): string {
  if (address?.publicUrl) return address.publicUrl.replace(/\/$/, "");
  const networkOrigin = address?.networkOrigins[0];
  if (isLoopbackHost(page.hostname) && networkOrigin) return networkOrigin;
  return page.origin;
}

let asked: Promise<JoinAddress | undefined> | undefined;

/** Asks the server once per page load; without an answer, links use the page's own address. */
function fetchJoinAddress(): Promise<JoinAddress | undefined> {
  asked ??= fetch("/api/join-address", { headers: { accept: "application/json" } })
    .then(async (response) => (response.ok ? joinAddressSchema.parse(await response.json()) : undefined))
    .catch(() => undefined);
  return asked;
}

/** The join link for `joinCode`, and whether it only opens on this computer (a localhost address). */
export function useJoinLink(joinCode: string): { link: string; localOnly: boolean } {
  const [address, setAddress] = useState<JoinAddress>();
  useEffect(() => {
    let current = true;
    void fetchJoinAddress().then((answer) => {
      if (current) setAddress(answer);
    });
    return () => {
      current = false;
    };
  }, []);
  const origin = joinOrigin(window.location, address);
  return { link: `${origin}/join/${joinCode}`, localOnly: isLoopbackHost(new URL(origin).hostname) };
}
