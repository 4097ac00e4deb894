import type { Footnote, Language } from "../core/index.js";
import type { LabelKey } from "./i18n.js";

/** A paragraph of user text; single line breaks inside it are kept as line breaks. */
export type Paragraph = string;

/** A card as the report shows it. */
export interface ReportCard {
  id: string;
  text: string;
}

/** One theme: a column of the grid and a section of its own. */
export interface ReportTheme {
  id: string;
  /** The name as typed, or "Untitled theme N" in the report's language. */
  name: string;
  keyPoints: string[];
  /** In board order. */
  cards: ReportCard[];
  /** As typed (line breaks kept); renderers show it in capitals. */
  headline: string;
  narrative: Paragraph[];
}

/** One theme's line in a prioritization table. */
export interface PriorityRow {
  themeId: string;
  name: string;
  votes: number;
  /** votes / all votes of the table, 0 when nobody voted. */
  share: number;
  /** 1-based; themes with equal votes share a rank. */
  rank: number;
}

/** The prioritization of one set of voters: everyone, or one participant group. */
export interface PriorityTable {
  /** The group's name; the "all participants" label for the overall table. */
  label: string;
  votes: number;
  voters: number;
  /** Said under the table's heading instead of the votes and voters (a ballot's method, turnout, ballots). */
  summary?: string;
  /** Most votes first; ties keep board order. */
  rows: PriorityRow[];
}

/** Dot-voting results: overall, and by participant group when voters' groups are known. */
export interface Prioritization {
  /** The section's heading when it is not the live dots' ("Prioritization results"). */
  title?: string;
  /** The score column's name when it is not "Votes" (a ballot's points, mean rating…). */
  scoreLabel?: string;
  overall: PriorityTable;
  /** Groups too small to show apart are together in the last table, "Other groups". */
  byGroup: PriorityTable[];
  /** Said under "By participant group" when there is an "Other groups" table. */
  smallGroupsNote?: string;
}

/** The full text of a name or card the grid shows shortened, under its reference number. */
export interface FullText {
  ref: number;
  text: string;
}

/** The organization's look; the accent colour is always a valid `#RRGGBB`. */
export interface ReportBranding {
  accentColor: string;
  logo?: { mediaType: "image/png" | "image/jpeg"; dataBase64: string };
}

/**
 * Everything a renderer needs, in reading order and already in the workshop's language: the
 * renderers only lay it out, so every format shows the same report.
 */
export interface ReportModel {
  language: Language;
  /** BCP 47 tag for the document's language metadata and upper-casing ("en-CA", "fr-CA"). */
  locale: string;
  /** Every static label, translated. */
  labels: Record<LabelKey, string>;
  /** "<title> Session Capture". */
  title: string;
  /** "organization | event", without empty parts. */
  subtitle: string;
  organization: string;
  /** Who prepared the report, for the file's metadata. */
  preparedBy: string;
  /**
   * The report's date at midnight UTC: the creation date written into the PDF and the Word file,
   * rather than the time of rendering, so the same workshop always gives the same bytes.
   */
  createdAt: Date;
  /** The cover's lines, empty ones left out: prepared for, date, prepared by, facilitated by, participants (the groups in the room). */
  frontMatter: { label: string; value: string }[];
  overview: Paragraph[];
  method: Paragraph[];
  /** Multi-line fields of the context (long text in `workshop/v1`): every renderer keeps their line breaks. */
  goal: string;
  focusQuestion: string;
  themes: ReportTheme[];
  /** The grid split into parts narrow enough to stay legible (at most six columns each). */
  gridParts: ReportTheme[][];
  /** The themes as a paged grid (PDF, DOCX) shows them: long names and cards cut, with "… [n]". */
  gridThemes: ReportTheme[];
  /** What `gridThemes` cut, in full, by reference number; listed after the grid. */
  fullTexts: FullText[];
  footnotes: Footnote[];
  unclustered: ReportCard[];
  reflections: Paragraph[];
  nextSteps: Paragraph[];
  /** Absent when nobody voted. */
  prioritization?: Prioritization;
  /** The results of the workshop's prioritization ballot over days, when one has votes. */
  ballotPrioritization?: Prioritization;
  branding: ReportBranding;
}
