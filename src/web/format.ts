/**
 * Dates and times in the interface's language, as Canadians write them: "March 1, 2026 at
 * 2:05 p.m." and "1er mars 2026 à 14 h 05". Every date the app shows goes through here.
 */

/** The Intl locale for an interface language ("fr", "fr-CA", "en"…): Canadian French or English. */
export function localeOf(language: string): "fr-CA" | "en-CA" {
  return language.startsWith("fr") ? "fr-CA" : "en-CA";
}

const formats = new Map<string, Intl.DateTimeFormat>();

// Building an Intl formatter is slow next to using one: one per locale and style, made once.
function formatter(language: string, style: "date" | "dateTime" | "clock"): Intl.DateTimeFormat {
  const locale = localeOf(language);
  const key = `${locale} ${style}`;
  let found = formats.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      style === "date"
        ? { dateStyle: "long" }
        : style === "dateTime"
          ? { dateStyle: "long", timeStyle: "short" }
          : { hour: "numeric", minute: "2-digit", second: "2-digit" };
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

/** Canadian French writes the first of the month as an ordinal ("1er mars"), which Intl does not. */
function firstOfMonth(text: string, date: Date, language: string): string {
  return localeOf(language) === "fr-CA" && date.getDate() === 1 ? text.replace(/^1(?=\s)/, "1er") : text;
}

/** "March 1, 2026" or "1er mars 2026". */
export function formatDate(value: Date | number | string, language: string): string {
  const date = new Date(value);
  return firstOfMonth(formatter(language, "date").format(date), date, language);
}

/** "March 1, 2026 at 2:05 p.m." or "1er mars 2026 à 14 h 05". */
export function formatDateTime(value: Date | number | string, language: string): string {
  const date = new Date(value);
  return firstOfMonth(formatter(language, "dateTime").format(date), date, language);
}

/** A clock time with seconds: "2:05:09 p.m." or "14 h 05 min 09 s". */
export function formatClock(value: Date | number | string, language: string): string {
  return formatter(language, "clock").format(new Date(value));
}
