/** A small board and made-up embeddings, for the tests of the suggestion jobs and their worker. */
import type { Board } from "../suggest/board.js";

export const texts = [
  "More Sunday hours",
  "Open Sundays!",
  "Fix the parking lot potholes",
  "Parking lot needs repaving",
  "Teen gaming nights",
  "Homework help for teens after school",
  "Faster wifi in the reading room",
  "Wifi drops all the time",
];
export const cards = texts.map((text, i) => ({ id: `c${i + 1}`, text }));
export const BOARD: Board = {
  language: "en",
  cards,
  columns: [
    { id: "hours", name: "Opening hours", cardIds: ["c1", "c2"] },
    { id: "parking", cardIds: ["c3", "c4"] },
  ],
  unplaced: ["c5", "c6", "c7", "c8"],
};

/** Made-up unit vectors, a different direction per text: enough to exercise the embedding signal. */
export function fakeVectors(keys: readonly string[]): Float32Array[] {
  return keys.map((_, k) => {
    const vector = new Float32Array(8);
    vector[k % 8] = 1;
    vector[(k + 3) % 8] = 0.5;
    return vector;
  });
}
