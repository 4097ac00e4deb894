import type { ReportTheme } from "./model.js";

/** The space between two columns, between two cards, and inside a box, in the PDF. */
export const GUTTER = 6;
export const CARD_GAP = 3;
export const PAD = 4;
export const BULLET_INDENT = 9;
export const LINE_GAP = 0.6;

/** The spaces a document puts around the grid's boxes, in points. */
export interface GridSpacing {
  /** Between two columns. */
  gutter: number;
  /** Inside a box, left and right of its text, and above and below it. */
  padX: number;
  padY: number;
  /** Between two cards, and under a header. */
  cardGap: number;
  /** Between a theme and the next one below it in the same column. */
  bandGap: number;
  /** A key point's text from its box's edge, past the bullet. */
  bulletIndent: number;
}

/** The PDF's spaces, which it draws itself. */
export const PDF_SPACING: GridSpacing = {
  gutter: GUTTER,
  padX: PAD,
  padY: PAD,
  cardGap: CARD_GAP,
  bandGap: 14,
  bulletIndent: BULLET_INDENT,
};

/** Font sizes of one grid layout, in points. */
export interface GridSizes {
  header: number;
  body: number;
}

/** The area the grid may fill on each page. */
export interface GridArea {
  left: number;
  width: number;
  /** Where the grid starts on its first page (under the title and the framing lines). */
  firstTop: number;
  /** Where it resumes on the following pages (under the "continued" caption). */
  top: number;
  bottom: number;
}

/** Heights of text as the document will draw it: `kind` picks the face. */
export type Measure = (text: string, width: number, size: number, kind: "header" | "keyPoint" | "card") => number;

/** One box of the planned grid, in page coordinates. */
export type GridBlock =
  | { kind: "header"; x: number; y: number; width: number; height: number; text: string }
  | { kind: "keyPoints"; x: number; y: number; width: number; height: number; points: string[] }
  | { kind: "card"; x: number; y: number; width: number; height: number; text: string };

/** The whole grid, page by page, at one set of sizes. */
export interface GridPlan {
  sizes: GridSizes;
  pages: GridBlock[][];
}

type Column = { x: number; width: number };

/** Where each of `count` columns sits: the widths share the area evenly. */
export function columnsOf(area: GridArea, count: number, gutter = GUTTER): Column[] {
  const width = (area.width - gutter * (count - 1)) / count;
  return Array.from({ length: count }, (_, i) => ({ x: area.left + i * (width + gutter), width }));
}

/**
 * Lays the grid out without drawing it, as newspaper columns: up to `slots` columns a page,
 * each theme starting at the top of the next free column under its header, its cards flowing
 * down and on into the next column (its header repeated there, and only there) and the next
 * page. A theme starts under the previous one in the same column only when the themes left
 * could not fit the free columns side by side, so a small grid keeps one theme per column.
 */
export function planGrid(
  themes: ReportTheme[],
  slots: number,
  area: GridArea,
  sizes: GridSizes,
  measure: Measure,
  spacing: GridSpacing = PDF_SPACING,
): GridPlan {
  const { padX, padY, cardGap, bandGap, bulletIndent } = spacing;
  const columns = columnsOf(area, slots, spacing.gutter);
  const inner = (columns[0]?.width ?? 0) - 2 * padX;
  const headerHeight = (name: string) => measure(name, inner, sizes.header, "header") + 2 * padY;
  const cardHeight = (text: string) => measure(text, inner, sizes.body, "card") + 2 * padY;
  const pointHeight = (point: string) => measure(point, inner - bulletIndent, sizes.body, "keyPoint") + 2;
  const pointsHeight = (theme: ReportTheme) =>
    theme.keyPoints.length > 0 ? theme.keyPoints.reduce((sum, point) => sum + pointHeight(point), 0) + 2 * padY : 0;
  const themeHeight = themes.map(
    (theme) =>
      headerHeight(theme.name) +
      pointsHeight(theme) +
      theme.cards.reduce((sum, card) => sum + cardHeight(card.text) + cardGap, cardGap),
  );
  const pages: GridBlock[][] = [[]];
  let slot = 0;
  let top = area.firstTop;
  let y = top;
  const column = () => columns[slot] as Column;
  const page = () => pages[pages.length - 1] as GridBlock[];
  const nextColumn = () => {
    slot++;
    if (slot >= slots) {
      pages.push([]);
      slot = 0;
      top = area.top;
    }
    y = top;
  };
  const header = (name: string) => {
    const height = headerHeight(name);
    page().push({ kind: "header", x: column().x, y, width: column().width, height, text: name });
    y += height + cardGap;
  };
  themes.forEach((theme, t) => {
    const firstCard = theme.cards[0] ? cardHeight(theme.cards[0].text) : 0;
    if (y > top) {
      const rest = themeHeight.slice(t).reduce((sum, height) => sum + height, 0);
      const freeColumns = slots - slot - 1;
      const fitsBelow =
        area.bottom - y - bandGap >= headerHeight(theme.name) + pointsHeight(theme) + Math.min(firstCard, 60);
      // Stack under the theme above only when the columns left on this page cannot take the rest side by side.
      if (fitsBelow && rest > freeColumns * (area.bottom - top)) y += bandGap;
      else nextColumn();
    }
    // Under a first page's text there may be no room for a header and a first card: the grid then starts a page.
    if (top > area.top && y + headerHeight(theme.name) + pointsHeight(theme) + Math.min(firstCard, 60) > area.bottom) {
      slot = slots - 1;
      nextColumn();
    }
    header(theme.name);
    const points = pointsHeight(theme);
    if (points > 0) {
      const height = Math.min(points, area.bottom - y);
      let used = padY;
      const shown = theme.keyPoints.filter((point) => {
        used += pointHeight(point);
        return used <= height - padY;
      });
      page().push({ kind: "keyPoints", x: column().x, y: y - cardGap, width: column().width, height, points: shown });
      y += height;
    }
    for (const card of theme.cards) {
      const height = cardHeight(card.text);
      const atColumnTop = top === area.top && y <= top + headerHeight(theme.name) + cardGap;
      if (y + height > area.bottom && !atColumnTop) {
        nextColumn();
        header(theme.name);
      }
      // A card taller than a whole column is cut to it rather than pushed on for ever.
      const shown = Math.min(height, area.bottom - y);
      page().push({ kind: "card", x: column().x, y, width: column().width, height: shown, text: card.text });
      y += shown + cardGap;
    }
  });
  return { sizes, pages };
}

/**
 * The largest sizes, from `candidates` (largest first), that lay the grid on the fewest pages
 * the smallest size manages: as few pages as legibility allows, and no smaller type than that needs.
 */
export function bestPlan(plan: (sizes: GridSizes) => GridPlan, candidates: GridSizes[]): GridPlan {
  const smallest = plan(candidates[candidates.length - 1] as GridSizes);
  // Fewer or as many pages as the type shrinks: search for the largest size that still reaches the minimum.
  let low = 0;
  let high = candidates.length - 1;
  let best = smallest;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const tried = plan(candidates[middle] as GridSizes);
    if (tried.pages.length <= smallest.pages.length) {
      best = tried;
      high = middle;
    } else low = middle + 1;
  }
  return best;
}
