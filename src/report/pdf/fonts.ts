import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Font aliases the PDF renderer uses; DejaVu covers Latin (French accents included), Greek and Cyrillic. */
export const FONT = {
  regular: "Sans",
  bold: "Sans-Bold",
  italic: "Sans-Oblique",
  condensed: "Cond",
  condensedBold: "Cond-Bold",
  condensedItalic: "Cond-Oblique",
} as const;

/** One of the six embedded faces, by its alias. */
export type FontName = (typeof FONT)[keyof typeof FONT];

/**
 * Faces that draw what DejaVu cannot, tried in this order: Noto Emoji (monochrome, skin tones
 * and ZWJ sequences as ligatures) and Noto Sans SC (Chinese ideographs, Japanese kana).
 * Arabic and Hebrew always go to Noto Sans Arabic and Hebrew, upright and in two weights: their
 * tables give fontkit the joining forms and marks that DejaVu's Arabic lacks.
 */
export const FALLBACK = {
  emoji: "Emoji",
  cjk: "CJK",
  arabic: "Arabic",
  arabicBold: "Arabic-Bold",
  hebrew: "Hebrew",
  hebrewBold: "Hebrew-Bold",
} as const;

/** An embedded face, DejaVu or fallback. */
export type FaceName = FontName | (typeof FALLBACK)[keyof typeof FALLBACK];

const FALLBACK_FILES: Record<string, [pkg: string, file: string]> = {
  Emoji: ["@expo-google-fonts/noto-emoji", "400Regular/NotoEmoji_400Regular.ttf"],
  CJK: ["@expo-google-fonts/noto-sans-sc", "400Regular/NotoSansSC_400Regular.ttf"],
  Arabic: ["@expo-google-fonts/noto-sans-arabic", "400Regular/NotoSansArabic_400Regular.ttf"],
  "Arabic-Bold": ["@expo-google-fonts/noto-sans-arabic", "700Bold/NotoSansArabic_700Bold.ttf"],
  Hebrew: ["@expo-google-fonts/noto-sans-hebrew", "400Regular/NotoSansHebrew_400Regular.ttf"],
  "Hebrew-Bold": ["@expo-google-fonts/noto-sans-hebrew", "700Bold/NotoSansHebrew_700Bold.ttf"],
};

const FILES: Record<FontName, string> = {
  Sans: "DejaVuSans.ttf",
  "Sans-Bold": "DejaVuSans-Bold.ttf",
  "Sans-Oblique": "DejaVuSans-Oblique.ttf",
  Cond: "DejaVuSansCondensed.ttf",
  "Cond-Bold": "DejaVuSansCondensed-Bold.ttf",
  "Cond-Oblique": "DejaVuSansCondensed-Oblique.ttf",
};

let cache: Map<string, Buffer> | undefined;

/**
 * The font files, read once per process from the `dejavu-fonts-ttf` package (never from a path
 * a user could name). PDFKit embeds only the glyphs a report uses.
 */
export function fontFiles(): Map<string, Buffer> {
  if (!cache) {
    const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    cache = new Map(Object.entries(FILES).map(([alias, file]) => [alias, readFileSync(join(dir, file))]));
    for (const [alias, [pkg, file]] of Object.entries(FALLBACK_FILES)) {
      const root = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
      cache.set(alias, readFileSync(join(root, file)));
    }
  }
  return cache;
}
