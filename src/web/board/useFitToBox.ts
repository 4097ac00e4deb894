import { type RefObject, useLayoutEffect, useRef } from "react";

/**
 * Sizes the type inside `box` so that its content fills it without scrolling, as a projector
 * must: nobody at the back of the room can scroll, and few cards should be shown large. Sets
 * `--fit` (between `min` and `max`) on the box; the CSS multiplies font sizes by it. Re-measures
 * when `content` changes and when the box is resized.
 */
export function useFitToBox(box: RefObject<HTMLElement | null>, content: unknown, min = 0.4, max = 1.5): void {
  const frame = useRef(0);
  // `content` is not read here: it is the reason to measure again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const fits = (scale: number) => {
      element.style.setProperty("--fit", String(scale));
      return element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth + 1;
    };
    const shrinkToFit = () => {
      if (fits(max)) return;
      // Binary search: each step forces one layout; eight steps land within 0.5 % of the best size.
      let low = min;
      let high = max;
      for (let step = 0; step < 8; step++) {
        const middle = (low + high) / 2;
        if (fits(middle)) low = middle;
        else high = middle;
      }
      fits(low);
    };
    shrinkToFit();
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(shrinkToFit);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [box, content, min, max]);
}
