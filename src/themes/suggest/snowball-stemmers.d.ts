// The package ships plain JavaScript; this is the part of its API Concord uses.
declare module "snowball-stemmers" {
  /** A Snowball stemmer for one language. */
  export interface Stemmer {
    stem(word: string): string;
  }
  /** Creates the stemmer of a language named as Snowball names it ("english", "french"). */
  export function newStemmer(language: string): Stemmer;
}
