/** Lower-cases and removes accents, so "Élèves" and "eleves" compare equal. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
}
