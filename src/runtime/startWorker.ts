import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Whether this process runs the TypeScript sources (tests, benches and `npm run dev`, through tsx
 * or Vitest) rather than the compiled build in dist/: this file's own name says which.
 */
const fromSource = import.meta.url.endsWith(".ts");

/**
 * Starts a worker thread on one of our modules, named by its compiled `.js` URL
 * (`new URL("./reportWorker.js", import.meta.url)`). The compiled build starts that file as it is.
 * From source there is no `.js` beside the `.ts`, and a worker does not inherit the loader hooks
 * of the thread that starts it, so the worker first registers tsx, then imports the `.ts`: about
 * 0.3 s more, paid only in development and tests.
 */
export function startWorker(module: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  if (!fromSource) return new Worker(module, options);
  const source = module.protocol === "file:" ? new URL(module.href.replace(/\.js$/, ".ts")) : module;
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
