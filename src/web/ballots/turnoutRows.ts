import type { BallotTurnout } from "../../core/index.js";

const HOUR_MS = 60 * 60 * 1000;

/**
 * The turnout table's rows, "by <time>: <voters>". The results give each hour in which first votes
 * came in by its start, with the voters up to its end: the row is labelled with the end of the
 * hour, so that "by 9 p.m." counts the votes cast between 8 and 9.
 */
export function turnoutRows(overTime: BallotTurnout["overTime"]): { by: string; voters: number }[] {
  return overTime.map((point) => ({
    by: new Date(Date.parse(point.at) + HOUR_MS).toISOString(),
    voters: point.voters,
  }));
}
