import { translate } from "../i18n.js";
import { logoDataUri } from "../logo.js";
import type { Paragraph, ReportModel, ReportTheme } from "../model.js";
import { escapeHtml as esc, escapeLines, isolate } from "./escape.js";
import { prioritizationHtml } from "./prioritizationHtml.js";
import { reportStylesheet } from "./styles.js";

/** Renders the report as one self-contained HTML file (styles and logo inline, no script, nothing fetched). */
export function renderHtml(model: ReportModel): string {
  const { labels } = model;
  const body = [
    cover(model),
    section(labels.overview, [...model.overview, ...model.method].map(paragraph).join("")),
    framing(model),
    grid(model),
    model.themes.some(hasSummary)
      ? section(labels.themeSummaries, model.themes.filter(hasSummary).map(themeSummary).join(""), "theme-summaries")
      : "",
    model.unclustered.length > 0
      ? section(
          labels.unclustered,
          `<p>${esc(labels.unclusteredIntro)}</p><ul>${model.unclustered.map((card) => `<li>${escapeLines(card.text)}</li>`).join("")}</ul>`,
        )
      : "",
    section(labels.reflections, model.reflections.map(paragraph).join("")),
    section(labels.nextSteps, model.nextSteps.map(paragraph).join("")),
    model.prioritization ? prioritizationHtml(model, model.prioritization) : "",
    model.ballotPrioritization ? prioritizationHtml(model, model.ballotPrioritization) : "",
  ].join("\n");
  return `<!doctype html>
<html lang="${esc(model.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(model.title)}</title>
<style>${reportStylesheet(model)}</style>
</head>
<body>
<main class="report">
${body}
</main>
</body>
</html>
`;
}

function cover(model: ReportModel): string {
  const logo = logoDataUri(model.branding);
  return `<header class="cover">
${logo ? `<img class="logo" src="${logo}" alt="${esc(translate(model.language, "logo", { organization: model.organization }))}">` : ""}
<h1>${isolate(model.title)}</h1>
${model.subtitle ? `<p class="subtitle">${isolate(model.subtitle)}</p>` : ""}
<dl class="meta">${model.frontMatter.map((line) => `<dt>${esc(line.label)}</dt><dd>${isolate(line.value)}</dd>`).join("")}</dl>
</header>`;
}

function framing(model: ReportModel): string {
  const callout = (label: string, text: string, emphasis: boolean) =>
    text
      ? `<div class="callout"><h3>${esc(label)}</h3><p>${emphasis ? `<em>${escapeLines(text)}</em>` : escapeLines(text)}</p></div>`
      : "";
  const inner =
    callout(model.labels.goal, model.goal, false) + callout(model.labels.focusQuestion, model.focusQuestion, true);
  return inner ? `<section class="framing">${inner}</section>` : "";
}

function grid(model: ReportModel): string {
  if (model.themes.length === 0) return "";
  const { labels } = model;
  const framingLines = [
    model.goal
      ? `<p class="grid-framing"><strong>${esc(labels.goalInline)}</strong> ${escapeLines(model.goal)}</p>`
      : "",
    model.focusQuestion
      ? `<p class="grid-framing"><strong>${esc(labels.focusQuestionInline)}</strong> <em>${escapeLines(model.focusQuestion)}</em></p>`
      : "",
  ].join("");
  let from = 1;
  const parts = model.gridParts.map((part) => {
    const caption =
      model.gridParts.length > 1
        ? `<caption>${esc(translate(model.language, "themeGridPart", { from, to: from + part.length - 1, total: model.themes.length }))}</caption>`
        : "";
    from += part.length;
    return `<div class="grid-scroll grid-part"><table class="theme-grid columns-${part.length}">${caption}${gridTable(part)}</table></div>`;
  });
  const footnotes = model.footnotes.length
    ? `<div class="footnotes">${model.footnotes.map((note) => `<p>${isolate(note.mark)}${isolate(note.text)}</p>`).join("")}</div>`
    : "";
  return `<section class="grid-section"><h2>${esc(labels.themes)}</h2>${framingLines}${parts.join("")}${footnotes}</section>`;
}

function gridTable(themes: ReportTheme[]): string {
  const head = `<thead><tr>${themes.map((theme) => `<th scope="col">${isolate(theme.name)}</th>`).join("")}</tr></thead>`;
  const keyPoints = themes.some((theme) => theme.keyPoints.length > 0)
    ? `<tr class="key-points">${themes
        .map((theme) => `<td><ul>${theme.keyPoints.map((point) => `<li>${isolate(point)}</li>`).join("")}</ul></td>`)
        .join("")}</tr>`
    : "";
  const rows = Math.max(0, ...themes.map((theme) => theme.cards.length));
  const cardRows = Array.from(
    { length: rows },
    (_, row) =>
      `<tr>${themes.map((theme) => `<td>${theme.cards[row] ? escapeLines(theme.cards[row].text) : ""}</td>`).join("")}</tr>`,
  );
  return `${head}<tbody>${keyPoints}${cardRows.join("")}</tbody>`;
}

function themeSummary(theme: ReportTheme): string {
  return `<article class="theme"><h3>${isolate(theme.name)}</h3>${
    theme.headline ? `<p class="headline">${escapeLines(theme.headline)}</p>` : ""
  }${theme.narrative.map(paragraph).join("")}</article>`;
}

function hasSummary(theme: ReportTheme): boolean {
  return Boolean(theme.headline || theme.narrative.length);
}

function section(title: string, content: string, className?: string): string {
  if (!content) return "";
  return `<section${className ? ` class="${className}"` : ""}><h2>${esc(title)}</h2>${content}</section>`;
}

function paragraph(text: Paragraph): string {
  return `<p>${escapeLines(text)}</p>`;
}
