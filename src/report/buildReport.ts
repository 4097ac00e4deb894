import {
  type BallotResults,
  DEFAULT_SETTINGS,
  type Footnote,
  type Language,
  privacySettings,
  type Vote,
  type WorkshopContext,
  type WorkshopDocument,
  type WorkshopState,
} from "../core/index.js";
import { buildBallotPrioritization } from "./ballotPrioritization.js";
import { neutralizeBidiControls, neutralizeDeep } from "./bidiControls.js";
import { safeAccent } from "./colors.js";
import { shortenForGrid } from "./gridTexts.js";
import { formatReportDate, type LabelKey, REPORT_LOCALE, translate } from "./i18n.js";
import en from "./locales/en.json" with { type: "json" };
import type { Paragraph, ReportCard, ReportModel, ReportTheme } from "./model.js";
import { buildPrioritization } from "./prioritization.js";

/** What a report is built from: a live workshop, or a `workshop/v1` file read without a server. */
export type ReportSource = WorkshopState | WorkshopDocument;

/** More columns than this and the grid's text gets too narrow to read: it is split into parts. */
export const MAX_GRID_COLUMNS = 6;

/** The fields of the context a report shows; a `workshop/v1` document has them under the same names. */
type ReportContext = Pick<
  WorkshopContext,
  | "title"
  | "organization"
  | "event"
  | "preparedFor"
  | "preparedBy"
  | "reportDate"
  | "language"
  | "facilitators"
  | "participantGroups"
  | "overview"
  | "method"
  | "goal"
  | "focusQuestion"
  | "reflections"
  | "nextSteps"
  | "branding"
>;

type RawTheme = Omit<ReportTheme, "narrative"> & { narrative: string };

interface ReportInput {
  context: ReportContext;
  themes: RawTheme[];
  unclustered: ReportCard[];
  footnotes: Footnote[];
  votes: Vote[];
  groupOf: (voterId: string) => string | undefined;
  minVotersPerGroup: number;
}

/** Builds the report of a workshop: pure, from a live state or a `workshop/v1` document. */
export function buildReport(source: ReportSource, ballot?: BallotResults): ReportModel {
  const raw = "format" in source ? fromDocument(source) : fromState(source);
  // No bidi override typed into a card may reorder the report around it, in any format.
  const input: ReportInput = {
    ...raw,
    context: neutralizeDeep(raw.context),
    themes: neutralizeDeep(raw.themes),
    unclustered: neutralizeDeep(raw.unclustered),
    footnotes: neutralizeDeep(raw.footnotes),
    groupOf: (voterId) => {
      const group = raw.groupOf(voterId);
      return group === undefined ? undefined : neutralizeBidiControls(group);
    },
  };
  const { context } = input;
  const { language } = context;
  const themes: ReportTheme[] = input.themes.map((theme, index) => ({
    ...theme,
    name: theme.name.trim() || translate(language, "untitledTheme", { number: index + 1 }),
    headline: multiLine(theme.headline),
    narrative: paragraphs(theme.narrative),
  }));
  const labels = Object.fromEntries(
    (Object.keys(en) as LabelKey[]).map((key) => [key, translate(language, key)]),
  ) as Record<LabelKey, string>;
  const grid = shortenForGrid(themes);
  const prioritization = buildPrioritization(
    input.votes,
    themes,
    input.groupOf,
    context.participantGroups,
    language,
    input.minVotersPerGroup,
  );
  return {
    language,
    locale: REPORT_LOCALE[language],
    labels,
    title: documentTitle(context.title, language),
    subtitle: [context.organization, context.event].filter((part) => part.trim()).join(" | "),
    organization: context.organization,
    preparedBy: context.preparedBy,
    createdAt: dayOf(context.reportDate),
    frontMatter: [
      { label: labels.preparedFor, value: context.preparedFor.trim() },
      { label: labels.date, value: formatReportDate(context.reportDate, language) },
      { label: labels.preparedBy, value: context.preparedBy.trim() },
      { label: labels.facilitatedBy, value: facilitatedBy(context.facilitators, language) },
      { label: labels.participants, value: participants(context.participantGroups, language) },
    ].filter((line) => line.value),
    overview: paragraphs(context.overview),
    method: paragraphs(context.method),
    goal: multiLine(context.goal),
    focusQuestion: multiLine(context.focusQuestion),
    themes,
    gridParts: splitGrid(themes),
    gridThemes: grid.themes,
    fullTexts: grid.fullTexts,
    footnotes: input.footnotes,
    unclustered: input.unclustered,
    reflections: paragraphs(context.reflections),
    nextSteps: paragraphs(context.nextSteps),
    ...(prioritization ? { prioritization } : {}),
    ...(ballot && ballot.overall.ballots > 0
      ? { ballotPrioritization: buildBallotPrioritization(neutralizeDeep(ballot), language) }
      : {}),
    branding: {
      accentColor: safeAccent(context.branding?.accentColor),
      ...(context.branding?.logo ? { logo: context.branding.logo } : {}),
    },
  };
}

/**
 * A card as the report prints it: with its author's name on a last line where the facilitator
 * shows authors. Every format keeps a card's line breaks, so each shows the name the same way.
 */
function reportCard(card: { id: string; text: string; author?: string | undefined }, showAuthors: boolean): ReportCard {
  return { id: card.id, text: showAuthors && card.author ? `${card.text}\n— ${card.author}` : card.text };
}

function fromState(state: WorkshopState): ReportInput {
  const { showAuthors, minVotersPerGroup } = privacySettings(state.settings);
  const card = (id: string): ReportCard[] => {
    const found = state.cards.get(id);
    // A card still waiting for its round's reveal is not part of what the group produced yet.
    return found && !found.stage ? [reportCard(found, showAuthors)] : [];
  };
  return {
    context: state.context,
    themes: state.themes.map((theme) => ({
      id: theme.id,
      name: theme.name,
      keyPoints: theme.keyPoints,
      headline: theme.headline,
      narrative: theme.narrative,
      cards: theme.cardIds.flatMap(card),
    })),
    unclustered: state.unclustered.flatMap(card),
    footnotes: state.footnotes,
    votes: state.votes,
    groupOf: (voterId) => state.participants[voterId]?.group,
    minVotersPerGroup,
  };
}

function fromDocument(doc: WorkshopDocument): ReportInput {
  const { showAuthors, minVotersPerGroup } = privacySettings({ ...DEFAULT_SETTINGS, ...doc.privacy });
  return {
    context: doc,
    themes: doc.themes.map((theme) => ({
      id: theme.id,
      name: theme.name,
      keyPoints: theme.keyPoints,
      headline: theme.headline,
      narrative: theme.narrative,
      cards: theme.cards.map((card) => reportCard(card, showAuthors)),
    })),
    unclustered: doc.unclusteredCards.map((card) => reportCard(card, showAuthors)),
    footnotes: doc.footnotes,
    votes: doc.votes ?? [],
    // A file's votes name voters only; their groups are not part of workshop/v1.
    groupOf: () => undefined,
    minVotersPerGroup,
  };
}

/** "Rachel Hofstetter and Anna Bolger (Overlap)": names joined in the report's language, grouped by organization. */
export function facilitatedBy(facilitators: WorkshopContext["facilitators"], language: Language): string {
  const list = new Intl.ListFormat(REPORT_LOCALE[language], { type: "conjunction" });
  const byOrganization = new Map<string, string[]>();
  for (const { name, organization } of facilitators) {
    if (!name.trim()) continue;
    byOrganization.set(organization.trim(), [...(byOrganization.get(organization.trim()) ?? []), name.trim()]);
  }
  const groups = [...byOrganization].map(([organization, names]) =>
    organization ? `${list.format(names)} (${organization})` : list.format(names),
  );
  return groups.length > 1 ? groups.join("; ") : (groups[0] ?? "");
}

/**
 * "Staff, Board and Partners": who was in the room, the participant groups joined in the report's
 * language, blank and repeated names left out; empty when there are none (the line is then omitted).
 */
export function participants(groups: WorkshopContext["participantGroups"], language: Language): string {
  const names = [...new Set(groups.map((group) => group.trim()).filter(Boolean))];
  return new Intl.ListFormat(REPORT_LOCALE[language], { type: "conjunction" }).format(names);
}

/**
 * "<title> Session Capture", without doubling the word where the two meet: a workshop titled
 * "Advocacy Campaign Development Session" gives "Advocacy Campaign Development Session Capture".
 */
export function documentTitle(title: string, language: Language): string {
  const full = sameDash(title, translate(language, "documentTitle", { title }));
  const lastWord = /(\S+)$/.exec(title)?.[1];
  const rest = full.startsWith(title) ? full.slice(title.length) : "";
  const repeated = lastWord ? new RegExp(`^\\s+${escapeRegExp(lastWord)}(?=\\s)`, "iu").exec(rest) : null;
  return repeated ? title + rest.slice(repeated[0].length) : full;
}

/**
 * "Santé – région – Compte rendu de la séance": where the title itself joins words with a spaced
 * en or em dash, the one that joins it to the rest is the same, not a second style beside it.
 */
function sameDash(title: string, full: string): string {
  const dash = /\s([–—])\s/u.exec(title)?.[1];
  if (!dash || !full.startsWith(title)) return full;
  return title + full.slice(title.length).replace(/^(\s)[–—](\s)/u, `$1${dash}$2`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Splits text on blank lines into paragraphs; a single line break stays inside its paragraph. */
export function paragraphs(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** An ISO date at midnight UTC; the Unix epoch for a date that is not one (a state is not re-validated here). */
function dayOf(isoDate: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/** Multi-line text shown as one block (goal, focus question, headline): trimmed, its line breaks kept as "\n". */
function multiLine(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** Splits the grid into the fewest parts of at most `max` columns, balanced (8 → 4 + 4, not 6 + 2). */
export function splitGrid<T>(themes: T[], max = MAX_GRID_COLUMNS): T[][] {
  if (themes.length === 0) return [];
  const parts = Math.ceil(themes.length / max);
  const size = Math.ceil(themes.length / parts);
  return Array.from({ length: parts }, (_, part) => themes.slice(part * size, (part + 1) * size));
}
