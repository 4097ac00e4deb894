import { useEffect, useRef } from "react";
import { prefersReducedMotion } from "../components/motion.js";

/**
 * Scrolls the page to its top when `condition` becomes true (not when it already is on the first
 * render: a phone opened after the reveal starts at the top anyway).
 */
export function useScrollToTopOn(condition: boolean): void {
  const before = useRef(condition);
  useEffect(() => {
    const was = before.current;
    before.current = condition;
    if (condition && !was) window.scrollTo({ top: 0, behavior: prefersReducedMotion() ? "auto" : "smooth" });
  }, [condition]);
}
