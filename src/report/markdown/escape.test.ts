import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { htmlText } from "../../../test/report/extract.js";
import { escapeCell, escapeInline, escapeParagraph } from "./escape.js";

/** What a reader sees: the Markdown rendered by a real GFM parser, then the HTML's text. */
function rendered(markdown: string): string {
  return htmlText(marked.parse(markdown, { async: false, gfm: true })).trim();
}

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "# not a heading",
  "- not a list",
  "+ nor this",
  "1. not numbered",
  "2) nor this",
  "> not a quote",
  "*not emphasis* and __not strong__ and ~~not struck~~",
  "[not a link](javascript:alert(1)) ![nor an image](x)",
  "`not code` and a \\ backslash",
  "&amp; stays &amp; and &#169; stays too",
  "a | pipe",
  "=SUM(A1) and ===",
  "---",
  "https://example.org/a\\>b is not a link, nor <https://example.org>",
  "www.example.org and HTTP://EXAMPLE.ORG and ftp://example.org",
  "write to someone@example.org, or ping @everyone",
  "## not a heading either, and C# #hashtag",
];

describe("Markdown escaping", () => {
  it.each(HOSTILE)("a paragraph %j reads as the characters typed", (text) => {
    const html = marked.parse(escapeParagraph(text), { async: false, gfm: true });
    expect(html).not.toMatch(/<(img|h\d|ul|ol|li|blockquote|em|strong|del|a|code|hr)\b/);
    expect(rendered(escapeParagraph(text))).toBe(text);
  });

  it("keeps a line break inside a paragraph, and a line that would start a list stays text", () => {
    expect(rendered(escapeParagraph("first\n- second\n# third"))).toBe("first\n- second\n# third");
  });

  it("a cell with | and a line break stays one cell of its row", () => {
    const table = `| A | B |\n| --- | --- |\n| ${escapeCell("left | still left\nnext line")} | right |`;
    const html = marked.parse(table, { async: false, gfm: true });
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain("left | still left<br>next line");
  });

  it("a paragraph cannot turn into a table", () => {
    const html = marked.parse(escapeParagraph("a | b\n|---|---|\n:-- | --:"), { async: false, gfm: true });
    expect(html).not.toContain("<table");
  });

  it("a heading's text keeps a closing '#', and cannot start a link or an autolink", () => {
    const html = marked.parse(`### ${escapeInline("Use C # and see www.example.org #")}`, { async: false, gfm: true });
    expect(html.trim()).toBe("<h3>Use C # and see www.example.org #</h3>");
  });

  it("a heading's text stays on one line", () => {
    expect(escapeInline("two\nlines")).toBe("two lines");
  });
});
