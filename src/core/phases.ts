/** The consensus-workshop method, in order. The facilitator may step back as well as forward. */
export const PHASES = ["context", "brainstorm", "cluster", "name", "resolve", "prioritize", "capture"] as const;

export type Phase = (typeof PHASES)[number];

/** Every phase, for permission rows that do not depend on the phase. */
export const ANY_PHASE: readonly Phase[] = PHASES;
