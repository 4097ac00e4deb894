/**
 * Whether the person asked their system for less motion. CSS stops transitions and animations
 * for them (styles/base.css); this is for motion started from script, which CSS cannot reach.
 */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}
