import { formatShare, translate } from "../i18n.js";
import type { Prioritization, PriorityTable, ReportModel } from "../model.js";
import { escapeHtml as esc, isolate } from "./escape.js";

/**
 * The prioritization section: a bar chart of the overall votes, then a table for everyone and
 * one per participant group. Bars are SVG attributes, not inline styles, so the published page's
 * CSP can forbid inline styles.
 */
export function prioritizationHtml(model: ReportModel, prioritization: Prioritization): string {
  const { labels, language } = model;
  const { overall, byGroup, smallGroupsNote } = prioritization;
  const max = Math.max(1, ...overall.rows.map((row) => row.votes));
  const bars = overall.rows
    .map(
      (row) =>
        `<tr><td>${isolate(row.name)}</td><td class="bar-cell"><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="10" fill="${model.branding.accentColor}" fill-opacity="0.12"/><rect width="${((row.votes / max) * 100).toFixed(2)}" height="10" fill="${model.branding.accentColor}"/></svg></td><td class="num">${row.votes}</td></tr>`,
    )
    .join("");
  const chart = `<figure class="chart-figure"><table class="chart" aria-label="${esc(labels.chartTitle)}"><caption>${esc(labels.chartTitle)}</caption><tbody>${bars}</tbody></table></figure>`;
  const summary = (table: PriorityTable) =>
    `<p class="summary">${esc(table.summary ?? translate(language, "prioritizationSummary", { votes: table.votes, voters: table.voters }))}</p>`;
  const groups = byGroup.length
    ? `<h3>${esc(labels.byGroup)}</h3>${smallGroupsNote ? `<p class="summary">${esc(smallGroupsNote)}</p>` : ""}${byGroup
        .map((table) => `<h4>${isolate(table.label)}</h4>${summary(table)}${dataTable(model, table, prioritization)}`)
        .join("")}`
    : "";
  return `<section class="prioritization"><h2>${esc(prioritization.title ?? labels.prioritization)}</h2>${summary(overall)}${chart}<h3>${esc(overall.label)}</h3>${dataTable(model, overall, prioritization)}${groups}</section>`;
}

function dataTable(model: ReportModel, table: PriorityTable, { scoreLabel }: Prioritization): string {
  const { labels, language } = model;
  const head = `<thead><tr><th class="num" scope="col">${esc(labels.rank)}</th><th scope="col">${esc(labels.theme)}</th><th class="num" scope="col">${esc(scoreLabel ?? labels.votes)}</th><th class="num" scope="col">${esc(labels.share)}</th></tr></thead>`;
  const rows = table.rows
    .map(
      (row) =>
        `<tr><td class="num">${row.rank}</td><td>${isolate(row.name)}</td><td class="num">${row.votes}</td><td class="num">${esc(formatShare(row.share, language))}</td></tr>`,
    )
    .join("");
  return `<table class="data">${head}<tbody>${rows}</tbody></table>`;
}
