import type { Page } from "playwright-core";

/** What the focused element shows of its focus: its outline, or what is missing. */
interface Focused {
  /** The element matches the selector asked for. */
  matches: boolean;
  /** Whether the target comes after the focused element in the document (Tab) or before (Shift+Tab). */
  after: boolean;
  /** A short description of the focused element, for messages. */
  name: string;
  /** Why its focus cannot be seen, if it cannot. */
  invisible?: string;
}

/**
 * Moves the focus with Tab (or Shift+Tab, towards the target) until the focused element matches
 * `selector` and holds `text` — at most `limit` presses — as someone without a mouse does. Each element the focus
 * passes must show it: an outline of 2 px or more, and a box inside the window once focused.
 */
export async function tabTo(page: Page, selector: string, text?: string, limit = 80): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses <= limit; presses++) {
    const focused = await page.evaluate(
      ([wanted, words]): Focused => {
        const fits = (element: Element) =>
          element.matches(wanted) && (!words || (element.textContent ?? "").includes(words));
        const active = document.activeElement;
        const target = [...document.querySelectorAll(wanted)].find(fits);
        const element = active instanceof HTMLElement && active !== document.body ? active : undefined;
        const after = !element || !target || Boolean(element.compareDocumentPosition(target) & 4);
        if (!element) return { matches: false, after, name: "(nothing)" };
        const name = `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const outline = style.outlineStyle === "none" ? 0 : Number.parseFloat(style.outlineWidth);
        const invisible =
          outline < 2
            ? `no focus outline (${style.outlineStyle} ${style.outlineWidth})`
            : box.bottom < 0 || box.top > window.innerHeight
              ? "focused outside the window"
              : undefined;
        return { matches: fits(element), after, name, ...(invisible ? { invisible } : {}) };
      },
      [selector, text ?? ""] as const,
    );
    if (presses > 0 && focused.invisible) throw new Error(`focus not visible on ${focused.name}: ${focused.invisible}`);
    if (focused.matches) return;
    seen.push(focused.name);
    await page.keyboard.press(focused.after ? "Tab" : "Shift+Tab");
  }
  const target = text ? `${selector} "${text}"` : selector;
  throw new Error(`Tab never reached ${target}; the focus went through ${seen.slice(-12).join(", ")}`);
}

/** The text of the board's drag announcements region (dnd-kit's live region), for steering a drag. */
export function dragAnnouncement(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll("[id^='DndLiveRegion']")].map((node) => node.textContent ?? "").join(" "),
  );
}
