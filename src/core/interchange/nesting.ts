import { formatPath, type ValidationIssue } from "./validate.js";

/** How deep JSON input may nest: `workshop/v1` needs six levels; anything far deeper is an attack. */
export const MAX_NESTING_DEPTH = 64;

/**
 * The first place where `value` nests deeper than `maxDepth` arrays and objects, or undefined.
 * Iterative, with its own stack: it must judge a 5,000-deep value before anything recursive
 * (a schema, structured clone to a worker, JSON.stringify) is handed it and overflows the call
 * stack.
 */
export function nestingProblem(value: unknown, maxDepth = MAX_NESTING_DEPTH): ValidationIssue | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path } = next;
    if (current === null || typeof current !== "object") continue;
    if (path.length >= maxDepth) {
      return { path: formatPath(path), message: `nested too deeply (at most ${maxDepth} levels)` };
    }
    const children = Array.isArray(current)
      ? current.map((child, index) => [index, child] as const)
      : Object.entries(current);
    for (const [key, child] of children) {
      if (child !== null && typeof child === "object") stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
