/** How often the ballot panel and the results ask for the counts again while open: votes come in over days. */
export const RESULTS_REFRESH_MS = 10_000;
