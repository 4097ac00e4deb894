/**
 * Cells a spreadsheet would run as a formula, for every CSV Concord writes. Papa's own
 * `escapeFormulae: true` pattern ends in `.*$`, which misses a cell with a line break after the
 * formula; this one looks at the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
