import { type RefObject, useLayoutEffect, useRef } from "react";

/**
 * Sizes the type inside `box` so that its content fills it without scrolling, as a projector
 * must: nobody at the back of the room can scroll, and few cards should be shown large. Sets
 * `--fit` (between `min` and `max`) on the box; the CSS multiplies font sizes by it.
 *
 * Searching the size lays the whole box out again at each step (every font changes), which a
 * board of thousands of cards cannot afford for each event of the room. So when `content`
 * changes, the box is first measured at the size it shows, which lays out only what changed:
 * the size is searched again only if the content no longer fits (and a smaller size is left),
 * or if it has come to use clearly less than the box (and a larger one is left); the same check
 * runs when the content's own size changes. A resized box is searched in full.
 */
export function useFitToBox(box: RefObject<HTMLElement | null>, content: unknown, min = 0.4, max = 1.5): void {
  const scale = useRef<number | undefined>(undefined);

  // `content` is not read here: it is the reason to measure again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const refit = () => {
      const current = scale.current;
      if (current === undefined) scale.current = search(element, min, max);
      else if (overflows(element)) {
        if (current > min) scale.current = search(element, min, current);
      } else if (current < max && usesLittleOf(element)) scale.current = search(element, current, max);
    };
    refit();
    // Cards off the stage are laid out at an estimated height (content-visibility) until they
    // come into view: when the content settles at another height, check the fit again.
    const shown = element.firstElementChild;
    if (!shown) return;
    // Its first report, with the size of the next frame, is checked too: that is when the
    // estimates of the cards now in view are replaced by their real heights. A check costs one
    // measurement at the size shown.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refit);
    });
    observer.observe(shown);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [box, content, min, max]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    let frame = 0;
    let first = true;
    const observer = new ResizeObserver(() => {
      // The first call reports the size the box had when observed, which the search above used.
      if (first) {
        first = false;
        return;
      }
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        scale.current = search(element, min, max);
      });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [box, min, max]);
}

const overflows = (element: HTMLElement) =>
  element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;

/**
 * The largest size between `from` and `to` at which the content fits (or `from`), set on the box.
 * A binary search: each step forces one layout; eight steps land within 0.5 % of the best size.
 */
function search(element: HTMLElement, from: number, to: number): number {
  const fits = (value: number) => {
    element.style.setProperty("--fit", String(value));
    return !overflows(element);
  };
  if (fits(to)) return to;
  let low = from;
  let high = to;
  for (let step = 0; step < 8; step++) {
    const middle = (low + high) / 2;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  fits(low);
  return low;
}

/** Whether the box's content takes less than 85 % of its height: worth trying a larger size. */
function usesLittleOf(element: HTMLElement): boolean {
  const content = element.firstElementChild;
  if (!content) return false;
  return content.getBoundingClientRect().height < element.clientHeight * 0.85;
}
