import { readFileSync } from "node:fs";
import { z } from "zod";
import { formatIssues, parseWorkshopDocument } from "../../core/index.js";
import { inThisThread } from "../../themes/jobs/suggestionJobs.js";
import { boardSuggestions } from "../../themes/jobs/suggestions.js";
import { suggestionsApi } from "../../themes/model/suggestionsApi.js";
import { suggestionsSettingsFromEnv } from "../../themes/model/suggestionsSettings.js";
import { type Board, boardFromDocument, boardFromLines } from "../../themes/suggest/board.js";
import type { ClusterSuggestions, PlacementSuggestions } from "../../themes/suggest/index.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { CliError } from "../help.js";

const themesArgs = z
  .object({
    positionals: onePositional("FILE"),
    clusters: z.coerce.number().int("clusters: must be a whole number").min(1, "clusters: at least 1").optional(),
    place: z.boolean().default(false),
    json: z.boolean().default(false),
  })
  .refine((args) => !(args.place && args.clusters), { message: "--place and --clusters do not go together" });

/** Reads a workshop/v1 file, or else a text file with one card per line. */
function readBoard(file: string): { board: Board; isWorkshop: boolean } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // Anything that parses as a JSON object is meant as a workshop file, so its problems are reported, not read as cards.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { board: boardFromLines(text), isWorkshop: false };
  }
  if (json === null || typeof json !== "object") return { board: boardFromLines(text), isWorkshop: false };
  const parsed = parseWorkshopDocument(text);
  if (!parsed.ok) throw new CliError(`${file} is not a valid workshop/v1 file:\n${formatIssues(parsed.error.issues)}`);
  return { board: boardFromDocument(parsed.value), isWorkshop: true };
}

function clusterListing(board: Board, result: ClusterSuggestions): string {
  const textOf = new Map(board.cards.map((card) => [card.id, card.text]));
  const lines = [`${result.themes.length} suggested columns for ${board.cards.length} cards`];
  result.themes.forEach((theme, t) => {
    const size = theme.cardIds.length;
    lines.push("", `${t + 1}. ${theme.label} (${size} ${size === 1 ? "card" : "cards"})`);
    for (const point of theme.keyPoints) lines.push(`   key point: ${point}`);
    for (const id of theme.cardIds) lines.push(`   - [${id}] ${textOf.get(id)}`);
  });
  if (result.unclustered.length > 0) {
    lines.push("", `Fits no column (${result.unclustered.length}):`);
    for (const id of result.unclustered) lines.push(`   - [${id}] ${textOf.get(id)}`);
  }
  if (result.duplicates.length > 0) {
    lines.push("", "Possible duplicates:");
    for (const [a, b] of result.duplicates) lines.push(`   [${a}] ${textOf.get(a)}  ≈  [${b}] ${textOf.get(b)}`);
  }
  return `${lines.join("\n")}\n`;
}

function placementListing(board: Board, result: PlacementSuggestions): string {
  const textOf = new Map(board.cards.map((card) => [card.id, card.text]));
  const nameOf = new Map(board.columns.map((column) => [column.id, column.name?.trim() || column.id]));
  if (result.placements.length === 0) return "No unclustered cards to place.\n";
  const lines = result.placements.map(
    ({ cardId, themeIds }) =>
      `[${cardId}] ${textOf.get(cardId)}\n   fits: ${themeIds.map((id) => nameOf.get(id)).join(" › ") || "(no columns yet)"}`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * The suggestions as the server makes them: through the API of `SUGGESTIONS_URL` when it is set
 * (said on stderr, since card texts leave the machine; a failure too, when the offline model
 * answers instead), computed in this thread, which has no room to keep serving meanwhile.
 */
function suggestionsFromEnv() {
  let settings: ReturnType<typeof suggestionsSettingsFromEnv>;
  try {
    settings = suggestionsSettingsFromEnv(process.env);
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
  const api = settings ? suggestionsApi(settings) : undefined;
  if (api) process.stderr.write(`Theme suggestions: card texts are sent to ${api.host} (SUGGESTIONS_URL).\n`);
  return boardSuggestions(inThisThread, { api, notify: (message) => process.stderr.write(`${message}\n`) });
}

/** `concord themes FILE [--clusters N] [--json]` and `concord themes FILE --place [--json]`. */
export async function themesCommand(args: string[]): Promise<number> {
  const options = {
    clusters: { type: "string" },
    place: { type: "boolean" },
    json: { type: "boolean" },
  } as const;
  const { positionals, clusters, place, json } = parseCommandArgs(args, options, themesArgs);
  const [file] = positionals;
  const { board, isWorkshop } = readBoard(file);
  if (place && !isWorkshop)
    throw new CliError("--place needs a workshop/v1 file: its themes are the columns so far", 2);
  const suggest = suggestionsFromEnv();
  if (place) {
    const result = await suggest.placements(board);
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : placementListing(board, result));
    return 0;
  }
  const result = await suggest.clusters(board, clusters);
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : clusterListing(board, result));
  return 0;
}
