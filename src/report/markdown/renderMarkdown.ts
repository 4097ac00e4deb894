import { formatShare, translate } from "../i18n.js";
import type { Paragraph, Prioritization, PriorityTable, ReportModel, ReportTheme } from "../model.js";
import { escapeCell, escapeInline, escapeParagraph } from "./escape.js";

/**
 * Renders the report as GitHub-flavoured Markdown: the theme grid and the results are tables.
 * Markdown has no colour or image embedding a reader can rely on, so branding is left out here.
 */
export function renderMarkdown(model: ReportModel): string {
  const { labels } = model;
  const blocks: string[] = [`# ${escapeInline(model.title)}`];
  if (model.subtitle) blocks.push(`**${escapeInline(model.subtitle)}**`);
  blocks.push(
    model.frontMatter.map((line) => `**${escapeInline(line.label)}** ${escapeInline(line.value)}`).join("  \n"),
  );
  section(blocks, labels.overview, [...model.overview, ...model.method].map(escapeParagraph));
  // The goal and the focus question may run over several lines: hard line breaks keep them in one block.
  if (model.goal) blocks.push(`**${escapeInline(labels.goalInline)}** ${escapeParagraph(model.goal)}`);
  if (model.focusQuestion)
    blocks.push(`**${escapeInline(labels.focusQuestionInline)}** _${escapeParagraph(model.focusQuestion)}_`);

  if (model.themes.length > 0) {
    blocks.push(`## ${escapeInline(labels.themes)}`);
    let from = 1;
    for (const part of model.gridParts) {
      if (model.gridParts.length > 1) {
        const to = from + part.length - 1;
        blocks.push(
          `_${escapeInline(translate(model.language, "themeGridPart", { from, to, total: model.themes.length }))}_`,
        );
      }
      blocks.push(gridTable(part));
      from += part.length;
    }
    if (model.footnotes.length > 0)
      blocks.push(model.footnotes.map((note) => `_${escapeInline(`${note.mark}${note.text}`)}_`).join("  \n"));
  }

  const summaries = model.themes.filter((theme) => theme.headline || theme.narrative.length);
  if (summaries.length > 0) {
    blocks.push(`## ${escapeInline(labels.themeSummaries)}`);
    for (const theme of summaries) {
      blocks.push(`### ${escapeInline(theme.name)}`);
      if (theme.headline) blocks.push(`**${escapeParagraph(theme.headline.toLocaleUpperCase(model.locale))}**`);
      blocks.push(...theme.narrative.map(escapeParagraph));
    }
  }
  if (model.unclustered.length > 0)
    section(blocks, labels.unclustered, [
      escapeParagraph(labels.unclusteredIntro),
      // A card's later lines are indented under its bullet, so they stay in its list item.
      model.unclustered.map((card) => `- ${escapeParagraph(card.text).replace(/\n/g, "\n  ")}`).join("\n"),
    ]);
  section(blocks, labels.reflections, model.reflections.map(escapeParagraph));
  section(blocks, labels.nextSteps, model.nextSteps.map(escapeParagraph));
  if (model.prioritization) prioritization(blocks, model, model.prioritization);
  if (model.ballotPrioritization) prioritization(blocks, model, model.ballotPrioritization);
  return `${blocks.join("\n\n")}\n`;
}

function section(blocks: string[], title: string, content: Paragraph[]): void {
  if (content.length === 0) return;
  blocks.push(`## ${escapeInline(title)}`, ...content);
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** One row per card position, as the board reads: the nth card of every column on the nth row. */
function gridTable(themes: ReportTheme[]): string {
  const lines = [row(themes.map((theme) => escapeCell(theme.name))), row(themes.map(() => "---"))];
  if (themes.some((theme) => theme.keyPoints.length > 0))
    lines.push(row(themes.map((theme) => theme.keyPoints.map((point) => `• ${escapeCell(point)}`).join("<br>"))));
  const rows = Math.max(0, ...themes.map((theme) => theme.cards.length));
  for (let index = 0; index < rows; index++)
    lines.push(row(themes.map((theme) => escapeCell(theme.cards[index]?.text ?? ""))));
  return lines.join("\n");
}

function prioritization(blocks: string[], model: ReportModel, result: Prioritization): void {
  const { labels, language } = model;
  const summary = (table: PriorityTable) =>
    escapeParagraph(
      table.summary ?? translate(language, "prioritizationSummary", { votes: table.votes, voters: table.voters }),
    );
  const max = Math.max(1, ...result.overall.rows.map((r) => r.votes));
  // A text bar chart: it reads in any viewer, and the table below gives the exact numbers.
  const chart = result.overall.rows
    .map((r) => `${"█".repeat(Math.round((r.votes / max) * 20)) || "▏"} ${r.votes} — ${escapeInline(r.name)}`)
    .join("  \n");
  const table = (t: PriorityTable) =>
    [
      row([labels.rank, labels.theme, result.scoreLabel ?? labels.votes, labels.share].map(escapeCell)),
      row(["---:", "---", "---:", "---:"]),
      ...t.rows.map((r) => row([String(r.rank), escapeCell(r.name), String(r.votes), formatShare(r.share, language)])),
    ].join("\n");
  blocks.push(`## ${escapeInline(result.title ?? labels.prioritization)}`, summary(result.overall));
  blocks.push(`**${escapeInline(labels.chartTitle)}**\n\n${chart}`);
  blocks.push(`### ${escapeInline(result.overall.label)}`, table(result.overall));
  if (result.byGroup.length > 0) {
    blocks.push(`### ${escapeInline(labels.byGroup)}`);
    if (result.smallGroupsNote) blocks.push(escapeParagraph(result.smallGroupsNote));
    for (const group of result.byGroup) blocks.push(`#### ${escapeInline(group.label)}`, summary(group), table(group));
  }
}
