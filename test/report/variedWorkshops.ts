import { type Language, validateWorkshopDocument, type WorkshopDocument } from "../../src/core/index.js";

/**
 * Workshops the report has not been tuned on: several topics in both languages, 3 to 12 themes,
 * 20 to 2,000 cards, long names and cards, and text in scripts and symbols people really type
 * (emoji, Arabic, Hebrew, Chinese and Japanese). Deterministic, so a failure can be replayed.
 */
export interface VariedCase {
  name: string;
  doc: WorkshopDocument;
}

interface Topic {
  language: Language;
  title: string;
  organization: string;
  event: string;
  goal: string;
  prompt: string;
  overview: string;
  words: string[];
  themeNames: string[];
}

const TOPICS: Record<string, Topic> = {
  mentalHealth: {
    language: "fr",
    title: "Santé mentale des jeunes en région",
    organization: "Regroupement des organismes communautaires",
    event: "Journée de réflexion d'automne",
    goal: "Définir ensemble les priorités d'action pour l'accès aux services de santé mentale des jeunes de 12 à 25 ans.",
    prompt: "Que faudrait-il changer pour qu'un jeune en détresse trouve de l'aide en moins d'une semaine ?",
    overview:
      "Soixante personnes — intervenantes, parents, jeunes, médecins et directions d'école — se sont réunies pour une journée de travail sur l'accès aux services. La matinée a porté sur les obstacles vécus, l'après-midi sur les pistes d'action et leur priorisation. Ce compte rendu rassemble les idées exprimées, les thèmes dégagés en plénière et les résultats du vote par points, afin que le comité de pilotage puisse préparer le plan d'action régional et en rendre compte aux partenaires.",
    words:
      "attente listes école parents intervenants accueil sans rendez-vous pairs aidants transport rural écoute confiance stigmatisation famille urgence suivi psychologues orientation financement réseaux sociaux prévention sommeil anxiété".split(
        " ",
      ),
    themeNames: [
      "Réduire l'attente",
      "Soutenir les familles",
      "L'école comme porte d'entrée",
      "Pairs aidants",
      "Services en milieu rural",
      "Combattre la stigmatisation",
      "Financement stable",
      "Prévention dès le primaire",
      "Urgence et crise",
      "Numérique et réseaux",
      "Formation du personnel",
      "Voix des jeunes",
    ],
  },
  townHall: {
    language: "en",
    title: "Riverside Town Hall on the Downtown Plan",
    organization: "City of Riverside",
    event: "Public consultation, evening session",
    goal: "Hear what residents want the downtown plan to protect, change and start over the next ten years.",
    prompt: "What would make downtown a place you choose to spend an evening in 2035?",
    overview:
      "About one hundred and eighty residents, business owners and students took part in an evening town hall at the community centre. After a short presentation of the draft downtown plan, tables of eight wrote their ideas on cards, which volunteers grouped into themes on the wall as the evening went on. Each participant then placed three dots on the themes that mattered most to them. This capture records every card as written, the themes the room agreed on, and the results of the vote, for the planning committee and for every resident who wants to see what was said.",
    words:
      "parking bike lanes patios housing shade trees night buses library markets music safety lighting rents small shops seniors children plaza river trail noise events accessibility".split(
        " ",
      ),
    themeNames: [
      "Streets for people",
      "Housing people can afford",
      "Evenings and culture",
      "Getting there without a car",
      "Small business first",
      "Green and shade",
      "Safety and lighting",
      "The riverfront",
      "Young people downtown",
      "Seniors and accessibility",
      "Parking, honestly",
      "How the city listens",
    ],
  },
  library: {
    language: "en",
    title: "Library Services Renewal",
    organization: "Eastside Public Library",
    event: "Staff and patrons workshop",
    goal: "Agree on the six services the library should renew first, and how we will know they work.",
    prompt: "What should the library of 2030 do that it does not do today?",
    overview:
      "Staff from every branch, board members and a panel of twenty patrons spent a morning imagining the library's next five years. Ideas were written on cards, read aloud, grouped into themes and named together. The afternoon turned the strongest themes into headlines and short narratives that the board will use to set the budget priorities for next year, and to explain them to the city council and to the public.",
    words:
      "makerspace homework help languages newcomers seniors digital literacy opening hours study rooms events e-books outreach schools quiet space podcasts archives volunteers job search café".split(
        " ",
      ),
    themeNames: [
      "Open when people are free",
      "A welcome for newcomers",
      "Learning digital skills",
      "Spaces to make and create",
      "Partners in every school",
      "Quiet places to study",
    ],
  },
  hostile: {
    language: "en",
    title: "Community Voices — Open Submissions",
    organization: "Neighbourhood Forum",
    event: "Online and in person",
    goal: "Collect every idea as written, in any language, and group them without losing anyone's words.",
    prompt: "What would you tell the forum if you knew it would be read?",
    overview:
      "Residents submitted ideas in their own languages and with their own symbols: Arabic, Hebrew, Chinese, Japanese, emoji and very long messages. The forum committed to keep every submission exactly as written. This report is the test of that promise: every card below is shown as it arrived, grouped into themes by volunteers who read all of them, with the names the volunteers gave each theme during the evening sorting session at the hall.",
    words:
      "مرحبا بالعالم حديقة المجتمع שלום חברים גינה קהילתית 未来 東京 ワークショップ ツ 🚀 🎉 👍🏽 👨‍👩‍👧 😀 garden community park bench water".split(
        " ",
      ),
    themeNames: [
      "حديقة المجتمع — community garden 🌱",
      "גינה קהילתית ושכונה",
      "未来のワークショップ 東京",
      "Emoji only 🎉🎉🎉",
      "Mixed: park مرحبا שלום 未来",
      "Long messages",
      "Plain English",
      "Questions",
      "Complaints 😡",
      "Thanks 🙏",
    ],
  },
};

function cardBody(topic: Topic, n: number, length: number): string {
  return Array.from({ length }, (_, i) => topic.words[(n * 13 + i * 5) % topic.words.length]).join(" ");
}

interface Shape {
  topic: keyof typeof TOPICS;
  themes: number;
  cards: number;
  /** A 369-character theme name and a 600-character card, as the QA's hostile workshop had. */
  longTexts?: boolean;
  voters?: number;
}

/** One varied workshop, deterministic from its shape. */
export function variedDocument(shape: Shape): WorkshopDocument {
  const topic = TOPICS[shape.topic] as Topic;
  const fr = topic.language === "fr";
  const themes = Array.from({ length: shape.themes }, (_, t) => ({
    id: `theme-${t + 1}`,
    name: topic.themeNames[t % topic.themeNames.length] ?? `Theme ${t + 1}`,
    keyPoints: t % 3 === 0 ? [cardBody(topic, 900 + t, 5), cardBody(topic, 950 + t, 4)] : [],
    headline: cardBody(topic, 700 + t, 6),
    narrative: `${cardBody(topic, 500 + t, 40)}.\n\n${cardBody(topic, 600 + t, 30)}.`,
    cards: [] as { id: string; text: string }[],
  }));
  if (shape.longTexts && themes[1]) {
    themes[1].name = `${topic.themeNames[1]} — ${cardBody(topic, 17, 60)}`.slice(0, 369);
  }
  // Uneven deal: theme t gets 1 to 4 shares, so some columns are four times longer than others.
  const deal = themes.flatMap((_, t) => Array.from({ length: 1 + ((t * 5) % 4) }, () => t));
  for (let n = 1; n <= shape.cards; n++) {
    const length = 3 + ((n * 7) % 17);
    const text = `${fr ? "Idée" : "Idea"} ${n}: ${cardBody(topic, n, length)}`;
    themes[deal[(n * 7) % deal.length] ?? 0]?.cards.push({ id: `card-${n}`, text });
  }
  if (shape.longTexts) {
    themes[0]?.cards.unshift({ id: "long-card", text: cardBody(topic, 3, 140).slice(0, 600) });
    themes[2]?.cards.unshift({ id: "rlo-card", text: "Attachment: \u202Egnp.exe.kraP" });
  }
  // Three dots a voter, more of them on the first themes, as a room's are: a ranking with few ties.
  const votes = Array.from({ length: shape.voters ?? 0 }, (_, v) => {
    const dots = new Map<number, number>();
    for (const d of [0, 1, 2]) {
      const spread = ((v * 37 + d * 53) % 97) / 97;
      const theme = Math.floor(shape.themes * spread ** 1.5);
      dots.set(theme, (dots.get(theme) ?? 0) + 1);
    }
    return [...dots].map(([theme, count]) => ({ voterId: `voter-${v + 1}`, themeId: `theme-${theme + 1}`, count }));
  }).flat();
  const doc = {
    format: "workshop/v1",
    title: topic.title,
    organization: topic.organization,
    preparedFor: fr ? "Comité de pilotage" : "Steering committee",
    preparedBy: "Confluence Facilitation",
    event: topic.event,
    heldOn: "2026-10-15",
    reportDate: "2026-10-22",
    language: topic.language,
    facilitators: [
      { name: "Sam Rivera", organization: "Confluence" },
      { name: "Nadia Haddad", organization: "Confluence" },
    ],
    participantGroups: fr ? ["Intervenants", "Parents", "Jeunes"] : ["Residents", "Staff", "Partners"],
    overview: topic.overview,
    goal: topic.goal,
    focusQuestion: topic.prompt,
    method: "",
    themes,
    unclusteredCards: [{ id: "loose-1", text: cardBody(topic, 4242, 12) }],
    footnotes: [],
    // As long as the reference workshop's: about forty words of reflections, twenty-five of next steps.
    reflections: `${cardBody(topic, 61, 25)}.\n\n${cardBody(topic, 62, 15)}.`,
    nextSteps: `${cardBody(topic, 71, 15)}.\n\n${cardBody(topic, 72, 10)}.`,
    ...(votes.length > 0 ? { votes } : {}),
  };
  const validated = validateWorkshopDocument(doc);
  if (!validated.ok) throw new Error(`varied workshop is invalid: ${JSON.stringify(validated.error)}`);
  return validated.value;
}

/** The set every PDF test renders: each topic, both languages, 3 to 12 themes, 20 to 2,000 cards. */
export const VARIED_CASES: VariedCase[] = [
  {
    name: "town hall, 10 themes, 180 cards",
    doc: variedDocument({ topic: "townHall", themes: 10, cards: 180, voters: 60 }),
  },
  {
    name: "santé mentale, 5 thèmes, 60 cartes",
    doc: variedDocument({ topic: "mentalHealth", themes: 5, cards: 60, voters: 24 }),
  },
  { name: "library, 6 themes, 45 cards", doc: variedDocument({ topic: "library", themes: 6, cards: 45 }) },
  { name: "library, 3 themes, 20 cards", doc: variedDocument({ topic: "library", themes: 3, cards: 20, voters: 10 }) },
  {
    name: "hostile text, 10 themes, 120 cards, long names and cards",
    doc: variedDocument({ topic: "hostile", themes: 10, cards: 120, longTexts: true, voters: 30 }),
  },
  {
    name: "santé mentale, 12 thèmes, 400 cartes",
    doc: variedDocument({ topic: "mentalHealth", themes: 12, cards: 400, longTexts: true }),
  },
  {
    name: "town hall, 8 themes, 2,000 cards",
    doc: variedDocument({ topic: "townHall", themes: 8, cards: 2000, voters: 150 }),
  },
  { name: "library, 4 themes, 90 cards", doc: variedDocument({ topic: "library", themes: 4, cards: 90 }) },
];
