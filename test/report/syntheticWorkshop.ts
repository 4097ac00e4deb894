import {
  documentToContent,
  type Language,
  revivedState,
  validateWorkshopDocument,
  type WorkshopDocument,
  type WorkshopState,
} from "../../src/core/index.js";

const WORDS = {
  en: "access learning mentors data partners policy funding youth employers community credential pathways evidence trust outreach training equity regional digital practice".split(
    " ",
  ),
  fr: "accès apprentissage mentorat données partenaires politique financement jeunes employeurs communauté reconnaissance parcours preuves confiance élèves formation équité région numérique pratique".split(
    " ",
  ),
};

/** The size and language of a synthetic workshop. */
export interface SyntheticOptions {
  themes: number;
  cards: number;
  language?: Language;
  /** Dot votes: each of this many voters spreads three dots. */
  voters?: number;
}

/** The text of card `n` (1-based): unique and easy to find again ("Idea 17: …"), of varied length. */
export function cardText(n: number, language: Language = "en"): string {
  const words = WORDS[language];
  const length = 3 + ((n * 7) % 11);
  const body = Array.from({ length }, (_, i) => words[(n * 13 + i * 5) % words.length]).join(" ");
  return `${language === "fr" ? "Idée" : "Idea"} ${n}: ${body}`;
}

/**
 * A valid `workshop/v1` document of any size, deterministic, for scale tests and the bench:
 * cards are dealt to themes unevenly (some columns much longer than others), as real boards are.
 */
export function syntheticDocument(options: SyntheticOptions): WorkshopDocument {
  const language = options.language ?? "en";
  const fr = language === "fr";
  const themes = Array.from({ length: options.themes }, (_, t) => ({
    id: `theme-${t + 1}`,
    name: fr ? `Thème ${t + 1} : priorité « ${WORDS.fr[t % 20]} »` : `Theme ${t + 1}: ${WORDS.en[t % 20]} first`,
    keyPoints: [cardText(10_000 + t, language).slice(0, 40), cardText(20_000 + t, language).slice(0, 30)],
    headline: fr ? `Faire de ${WORDS.fr[t % 20]} une force commune` : `Make ${WORDS.en[t % 20]} a shared strength`,
    narrative: `${cardText(30_000 + t, language)}.\n\n${cardText(40_000 + t, language)}.`,
    cards: [] as { id: string; text: string }[],
  }));
  // Uneven deal: theme t gets 1 to 4 shares, so some columns are four times longer than others.
  const deal = themes.flatMap((_, t) => Array.from({ length: 1 + (t % 4) }, () => t));
  for (let n = 1; n <= options.cards; n++) {
    themes[deal[(n * 7) % deal.length] ?? 0]?.cards.push({ id: `card-${n}`, text: cardText(n, language) });
  }
  const votes = Array.from({ length: options.voters ?? 0 }, (_, v) =>
    [0, 1, 2].map((d) => ({
      voterId: `voter-${v + 1}`,
      themeId: `theme-${((v + d * 3) % options.themes) + 1}`,
      count: 1,
    })),
  ).flat();
  const doc = {
    format: "workshop/v1",
    title: fr ? "Atelier de planification régionale" : "Regional Planning Workshop",
    organization: fr ? "Réseau Horizon" : "Horizon Network",
    preparedFor: fr ? "Conseil d'administration" : "Board of Directors",
    preparedBy: "Confluence",
    event: fr ? "Forum du printemps" : "Spring Forum",
    heldOn: "2024-03-01",
    reportDate: "2024-03-12",
    language,
    facilitators: [{ name: "Sam Rivera", organization: "Confluence" }],
    participantGroups: ["Staff", "Board"],
    overview: cardText(50_000, language),
    goal: fr ? "Renforcer nos parcours régionaux." : "Strengthen our regional pathways.",
    focusQuestion: fr ? "Que voulons-nous accomplir?" : "What do we want to achieve?",
    method: "",
    themes,
    unclusteredCards: [],
    footnotes: [{ mark: "*", text: fr ? "données provisoires" : "provisional data" }],
    reflections: cardText(60_000, language),
    nextSteps: cardText(70_000, language),
    ...(votes.length > 0 ? { votes } : {}),
  };
  const validated = validateWorkshopDocument(doc);
  if (!validated.ok) throw new Error(`synthetic workshop is invalid: ${JSON.stringify(validated.error)}`);
  return validated.value;
}

/** A live state built from a document, with participants in groups so that votes can be shown by group. */
export function stateWithGroups(doc: WorkshopDocument, groups: string[]): WorkshopState {
  const content = documentToContent(doc, "2024-03-01T12:00:00.000Z");
  const voters = [...new Set((doc.votes ?? []).map((vote) => vote.voterId))];
  const participants = Object.fromEntries(
    voters.map((id, i) => [id, { id, name: `Voter ${i + 1}`, group: groups[i % groups.length] }]),
  );
  return revivedState({ id: "synthetic", ...content, participants });
}
