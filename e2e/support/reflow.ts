import type { Page } from "playwright-core";

/**
 * What is lost when text is large (WCAG 1.4.4 and 1.4.10): the page scrolling sideways, an
 * element reaching past the window's right edge, or text cut off by a box that hides its
 * overflow. The board's lanes and the report's theme grid may scroll sideways inside their own
 * region (two-dimensional layouts, which WCAG 1.4.10 exempts); text boxes scroll by design.
 */
export function reflowProblems(page: Page, label: string): Promise<string[]> {
  return page.evaluate((where) => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`${where}: the page scrolls sideways (${document.documentElement.scrollWidth} px > ${width} px)`);
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (element.closest(".board-lanes, .grid-scroll, .visually-hidden, textarea, select")) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(element);
      const name = `${element.tagName.toLowerCase()}.${element.className}`;
      const parent = element.parentElement?.getBoundingClientRect();
      // The outermost element that overflows, not each of its children.
      if (box.right > width + 1 && style.position !== "fixed" && (!parent || parent.right <= width + 1))
        problems.push(`${where}: ${name} reaches past the right edge (${Math.round(box.right)} px)`);
      const hides = [style.overflowX, style.overflowY].some((value) => value === "hidden" || value === "clip");
      const cut = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
      if (hides && cut && element.textContent?.trim()) problems.push(`${where}: ${name} cuts its text off`);
    }
    return problems;
  }, label);
}
