import { useCallback, useEffect, useRef, useState } from "react";
import type { CommandOutcome } from "../live/liveClient.js";
import type { Refusal } from "../live/refusals.js";
import {
  acknowledged,
  type CoText,
  chosen,
  commit,
  conflicted,
  edited,
  failed,
  serverChanged,
  startCoText,
} from "./coText.js";

/** A pause this long in typing sends the edit; leaving the field sends it at once. */
const PAUSE_MS = 600;

export type CoTextStatus = "idle" | "saving" | "saved" | "conflict" | "failed";

/**
 * Wires one co-written text to the live workshop: follows the server's text, sends the writer's
 * edits with their base after a pause or on leaving the field, and keeps a conflict until the
 * writer settles it. `readServer` gives the server's text now (it moves on between renders).
 */
export function useCoText(options: {
  server: string;
  save: (text: string, base: string) => Promise<CommandOutcome>;
  readServer: () => string;
}) {
  const { server } = options;
  const latest = useRef(options);
  latest.current = options;
  const [co, setCoState] = useState<CoText>(() => startCoText(server));
  const coRef = useRef(co);
  const [status, setStatus] = useState<CoTextStatus>("idle");
  const [error, setError] = useState<Refusal>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const setCo = useCallback((next: CoText) => {
    coRef.current = next;
    setCoState(next);
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const next = commit(coRef.current);
    if (!next) return;
    setCo(next.co);
    setStatus("saving");
    latest.current.save(next.text, next.base).then((outcome) => {
      const now = latest.current.readServer();
      if (outcome.ok) {
        setCo(acknowledged(coRef.current, now));
        setStatus("saved");
        setError(undefined);
        // Typing that went on while the edit was out goes next.
        if (commit(coRef.current) && !timer.current) timer.current = setTimeout(flush, PAUSE_MS);
      } else if (outcome.code === "conflict") {
        setCo(conflicted(coRef.current, now));
        setStatus("conflict");
      } else {
        setCo(failed(coRef.current));
        setStatus("failed");
        setError(outcome);
      }
    });
  }, [setCo]);

  useEffect(() => {
    setCo(serverChanged(coRef.current, server));
  }, [server, setCo]);

  // Leaving the page (another phase) still sends what was typed.
  useEffect(() => () => flush(), [flush]);

  /** The writer typed `text` into the box while it showed `shown`. */
  const change = useCallback(
    (shown: string, text: string) => {
      setCo(edited(coRef.current, shown, text));
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, PAUSE_MS);
    },
    [flush, setCo],
  );

  /** Settles a conflict with the text the writer chose, and sends it if it differs from theirs. */
  const choose = useCallback(
    (text: string) => {
      setCo(chosen(coRef.current, text, latest.current.readServer()));
      setStatus("idle");
      flush();
    },
    [flush, setCo],
  );

  return { co, status, error, change, flush, choose };
}
