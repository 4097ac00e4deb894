import { createInstance, type i18n } from "i18next";
import type { Language } from "../core/index.js";
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };

/** A label of the report; English is the reference set (a test checks that French has the same keys). */
export type LabelKey = keyof typeof en;

/** Values a label interpolates, such as `{{title}}`. */
export type LabelValues = Record<string, string | number>;

/** The locale that dates, numbers and upper-casing follow for each report language (Canadian clients). */
export const REPORT_LOCALE: Record<Language, string> = { en: "en-CA", fr: "fr-CA" };

const instances = new Map<Language, i18n>();

function instance(language: Language): i18n {
  let found = instances.get(language);
  if (!found) {
    found = createInstance({
      lng: language,
      fallbackLng: "en",
      resources: { en: { translation: en }, fr: { translation: fr } },
      // Resources are in memory, so initialisation is synchronous and `t` works straight away.
      initAsync: false,
      // Each renderer escapes for its own format; i18next's HTML escaping would double-escape in HTML and corrupt PDF text.
      interpolation: { escapeValue: false },
    });
    void found.init();
    instances.set(language, found);
  }
  return found;
}

/** Translates one report label into the workshop's language. */
export function translate(language: Language, key: LabelKey, values?: LabelValues): string {
  return instance(language).t(key, values ?? {}) as string;
}

const MONTH_DAY_YEAR: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
// Building an Intl formatter is slow next to using one; these are made once.
const dateFormats = {
  en: new Intl.DateTimeFormat(REPORT_LOCALE.en, MONTH_DAY_YEAR),
  fr: new Intl.DateTimeFormat(REPORT_LOCALE.fr, MONTH_DAY_YEAR),
};

/**
 * Writes an ISO date out in full: "February 5, 2024" or "5 février 2024". Canadian French writes
 * the first of the month as an ordinal ("1er mars 2024"), which Intl does not do.
 */
export function formatReportDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const text = dateFormats[language].format(date);
  return language === "fr" && date.getUTCDate() === 1 ? text.replace(/^1(?=\s)/, "1er") : text;
}

/** Formats a share (0 to 1) as a whole percentage in the report's language ("42 %" in French). */
export function formatShare(share: number, language: Language): string {
  return new Intl.NumberFormat(REPORT_LOCALE[language], { style: "percent", maximumFractionDigits: 0 }).format(share);
}
