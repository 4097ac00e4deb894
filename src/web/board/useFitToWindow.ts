import { type RefObject, useEffect } from "react";

/**
 * Keeps an element's bottom at the window's bottom while `enabled`: sets `--fit-top` on it to
 * its distance from the top of the page, which CSS subtracts from the window's height. Measured
 * again when the window or the content above it changes size, never on a board change, so a
 * busy board pays nothing for it.
 */
export function useFitToWindow(ref: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.setProperty("--fit-top", `${Math.round(top)}px`);
    };
    measure();
    // What sits above it (an error, a header that wraps) moves it down: watch everything before it.
    const observer = new ResizeObserver(measure);
    for (let level: Element | null = element; level && level !== document.body; level = level.parentElement) {
      for (let node = level.previousElementSibling; node; node = node.previousElementSibling) observer.observe(node);
    }
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
      element.style.removeProperty("--fit-top");
    };
  }, [ref, enabled]);
}
