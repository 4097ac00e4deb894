import { headingColor, INK, MUTED, RULE, textOn, tint } from "../colors.js";
import type { ReportModel } from "../model.js";

/**
 * The report's one stylesheet. It depends only on the (validated) accent colour, so the server
 * can hash it for the published page's Content-Security-Policy instead of allowing any inline style.
 */
export function reportStylesheet(model: ReportModel): string {
  const accent = model.branding.accentColor;
  return `
:root { --accent: ${accent}; --accent-text: ${textOn(accent)}; --heading: ${headingColor(accent)};
  --tint: ${tint(accent, 0.88)}; --tint-strong: ${tint(accent, 0.75)}; --ink: ${INK}; --muted: ${MUTED}; --rule: ${RULE}; }
* { box-sizing: border-box; }
html { background: #EEF1F4; }
/*
 * Only a word longer than its line (a URL, a run of letters) breaks, and only where it must
 * ("break-word"): "anywhere" also shrinks the columns of tables and grids to one letter, so
 * that on a phone ordinary words broke mid-word ("WALKIN/G"). Grid tracks are minmax(0, …)
 * and auto-width tables break their text anywhere, so a long word still never widens the page.
 */
body { margin: 0; color: var(--ink); font: 15px/1.55 "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
.report { max-width: 11in; margin: 24px auto; padding: 0.75in; background: #FFF; box-shadow: 0 1px 4px rgb(0 0 0 / 12%); }
.cover { border-top: 10px solid var(--accent); padding-top: 28px; margin-bottom: 32px; display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 24px; }
.cover > * { grid-column: 1; }
.cover > .meta { grid-column: 1 / -1; }
.cover > .logo { grid-column: 2; grid-row: 1 / span 3; max-width: 180px; max-height: 80px; object-fit: contain; }
h1 { margin: 0; font-size: 2rem; line-height: 1.2; color: var(--heading); }
.subtitle { margin: 6px 0 18px; font-size: 1.15rem; color: var(--muted); }
.meta { margin: 0; padding-top: 14px; border-top: 1px solid var(--rule); display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; }
.meta dt { font-weight: 700; }
.meta dd { margin: 0; }
h2 { margin: 36px 0 12px; padding-bottom: 6px; font-size: 1.45rem; color: var(--heading); border-bottom: 2px solid var(--accent); }
h3 { margin: 24px 0 6px; font-size: 1.15rem; color: var(--heading); }
p { margin: 0 0 12px; }
.framing { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; margin-top: 24px; }
.callout { background: var(--tint); border-left: 5px solid var(--accent); padding: 12px 16px; }
.callout h3 { margin: 0 0 4px; font-size: 0.8rem; letter-spacing: 0.08em; text-transform: uppercase; }
.callout p { margin: 0; font-size: 1.05rem; }
.grid-framing { margin: 0 0 6px; }
.grid-framing strong { color: var(--heading); }
.grid-scroll { overflow-x: auto; margin-top: 14px; }
table { border-collapse: collapse; width: 100%; }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 4px; }
/* The grid's columns are fixed: a word is broken there only when it alone overflows its column ("WALKIN/G" on a phone). */
.theme-grid td, .theme-grid th { overflow-wrap: break-word; }
.theme-grid { table-layout: fixed; font-size: 0.82rem; line-height: 1.35; }
/* Each column keeps room for a word; a grid wider than a phone scrolls in its own box, not the page. */
${[1, 2, 3, 4, 5, 6].map((n) => `.theme-grid.columns-${n} { min-width: ${n * 7.5}rem; }`).join("\n")}
.data td:not(.num), .chart td:not(.num) { overflow-wrap: anywhere; }
.chart .num { white-space: nowrap; }
.theme-grid th, .theme-grid td { border: 1px solid var(--rule); padding: 6px 8px; vertical-align: top; text-align: left; }
.theme-grid th { background: var(--accent); color: var(--accent-text); text-transform: uppercase; letter-spacing: 0.02em; font-size: 0.78rem; }
.theme-grid .key-points td { background: var(--tint); }
.theme-grid ul { margin: 0; padding-left: 1.1em; }
.theme-grid td:empty { background: #FAFBFC; }
.footnotes { margin-top: 8px; font-size: 0.82rem; font-style: italic; color: var(--muted); }
.footnotes p { margin: 0; }
.theme { margin-top: 26px; padding-left: 14px; border-left: 4px solid var(--accent); }
.theme h3 { margin-top: 0; }
.headline { font-weight: 700; text-transform: uppercase; letter-spacing: 0.02em; color: var(--ink); }
.data th, .data td { border-bottom: 1px solid var(--rule); padding: 6px 8px; text-align: left; }
.data th { background: var(--tint); color: var(--ink); }
.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart td { padding: 4px 8px; border: 0; }
.chart .bar-cell { width: 55%; }
.chart svg { display: block; width: 100%; height: 14px; }
.summary { color: var(--muted); }
@media (max-width: 700px) {
  .report { margin: 0; padding: 20px 16px; }
  .framing { grid-template-columns: minmax(0, 1fr); }
  .cover { grid-template-columns: minmax(0, 1fr); }
  .cover > .logo { grid-column: 1; grid-row: auto; margin-bottom: 12px; }
  /* Theme names may break anywhere: give them the room a fixed 55 % bar would take. */
  .chart-figure { margin: 0 0 12px; }
  .chart .bar-cell { width: 40%; }
}
@page { size: letter; margin: 0.6in; }
@page grid { size: letter landscape; margin: 0.5in; }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .grid-section { page: grid; break-before: page; }
  .grid-section + section { break-before: page; }
  .grid-scroll { overflow: visible; }
  .grid-part + .grid-part { break-before: page; }
  thead { display: table-header-group; }
  tr, .theme, .callout { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .prioritization table, .chart-figure { break-inside: avoid; }
}
`.trimStart();
}
