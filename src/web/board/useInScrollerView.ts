import { type RefObject, useLayoutEffect, useState } from "react";

/** How far beyond the scroller's edges a lane counts as in view, so that a short scroll finds it drawn. */
const AHEAD_PX = 240;

/**
 * Whether `element` is within the visible width of the board's lanes (the nearest ancestor
 * matching `scrollerSelector`, or the window). A board of a dozen long columns shows four or five
 * of them on a laptop; the lanes scrolled out of sight need no cards rendered, measured or
 * re-rendered at each drag. Decided before the first paint (one read of the layout), then kept up
 * to date by an IntersectionObserver as the lanes scroll.
 */
export function useInScrollerView(element: RefObject<Element | null>, scrollerSelector: string): boolean {
  const [inView, setInView] = useState(false);
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    const scroller = node.parentElement?.closest(scrollerSelector) ?? null;
    setInView(overlaps(node.getBoundingClientRect(), scroller?.getBoundingClientRect() ?? windowRect()));
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setInView(last.isIntersecting);
      },
      { root: scroller, rootMargin: `0px ${AHEAD_PX}px` },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [element, scrollerSelector]);
  return inView;
}

function overlaps(rect: DOMRect, view: { left: number; right: number }): boolean {
  return rect.right >= view.left - AHEAD_PX && rect.left <= view.right + AHEAD_PX;
}

const windowRect = () => ({ left: 0, right: window.innerWidth });
