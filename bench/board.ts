/**
 * `npm run bench -- board --cards 300|1000|2000 [--json] [--moves M] [--drags D] [--screens LIST] [--root DIR]`:
 * a server with a generated workshop of that many cards in the cluster phase; each screen
 * (console 1366×768, projector 1280×720, phone 360×740) opened alone in Chromium, its load
 * timed, then M cards moved from a facilitator's WebSocket, one a second; on the console, D
 * cards dragged with the mouse. `--root` runs another checkout's server and built web app (the
 * "before" of a before/after). `--screens console,phone` opens only those (a quicker A/B of one
 * screen; the drag is measured on the console). Load averages and frame gaps go to stderr, so that --json prints
 * the issue's shape alone. Method and figures: docs/performance.md.
 */
import { z } from "zod";
import { launchBrowser } from "../e2e/support/browser.js";
import { makeTempDir, removeDir } from "../test/support/server.js";
import { prepareBoardWorkshop } from "./browser/boardWorkshop.js";
import {
  type DragFigures,
  measureScreen,
  pageOrigin,
  type ScreenFigures,
  type ScreenName,
  type ScreenNotes,
} from "./browser/screens.js";
import { loadAverage } from "./load/measure.js";
import { parseOptions, print } from "./load/options.js";
import { startConcord } from "./load/targets.js";
import { reducerCost } from "./reducer.js";

const USAGE =
  "Usage: npm run bench -- board --cards 300|1000|2000 [--json] [--moves M] [--drags D] [--screens console,projector,phone] [--root DIR]";

// Every column needs a card to move on the first pass round the board.
const MIN_CARDS = 100;

const schema = z.object({
  json: z.boolean().default(false),
  cards: z.coerce.number().int().min(MIN_CARDS).max(20_000).default(2000),
  moves: z.coerce.number().int().min(1).max(1000).default(20),
  drags: z.coerce.number().int().min(0).max(100).default(10),
  screens: z
    .string()
    .default("console,projector,phone")
    .transform((list) => list.split(","))
    .pipe(z.array(z.enum(["console", "projector", "phone"])).min(1)),
  root: z.string().optional(),
});

const ORDER: ScreenName[] = ["console", "projector", "phone"];

const micros = (cost: { addCard: number; moveCard: number }) => ({
  addCard: Math.round(cost.addCard * 10) / 10,
  moveCard: Math.round(cost.moveCard * 10) / 10,
});

export async function boardBench(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args, schema, USAGE);
  const dataDir = makeTempDir();
  const server = await startConcord({ dataDir, ...(options.root ? { root: options.root } : {}) });
  const browser = await launchBrowser();
  const loads: Record<string, [number, number, number]> = { before: loadAverage() };
  try {
    const workshop = await prepareBoardWorkshop(server.baseUrl, server.wsUrl, options.cards);
    const screens: Partial<Record<ScreenName, ScreenFigures>> = {};
    const notes: Partial<Record<ScreenName, ScreenNotes>> = {};
    let drag: DragFigures | undefined;
    for (const screen of ORDER.filter((name) => options.screens.includes(name))) {
      const measured = await measureScreen(browser, screen, pageOrigin(server.port), workshop, options);
      screens[screen] = measured.figures;
      notes[screen] = measured.notes;
      drag = measured.drag ?? drag;
      loads[screen] = loadAverage();
    }
    await workshop.facilitator.close();
    const result = {
      cards: options.cards,
      screens,
      dragDropToPaintMs: drag?.dragDropToPaintMs ?? null,
      reducerUsPerEvent: { "1000": micros(reducerCost(1000)), "10000": micros(reducerCost(10_000)) },
    };
    // Beside the issue's shape, on stderr: what the machine was doing, and what explains the figures.
    const loadText = Object.entries(loads).map(([when, load]) => `${when} ${load.join(" ")}`);
    const mutationText = ORDER.map((name) => `${name} ${notes[name]?.mutationsPerMove ?? "-"}`);
    process.stderr.write(
      [
        `board bench, ${options.cards} cards${options.root ? `, the server and web app of ${options.root}` : ""}`,
        `  load average (1, 5, 15 min): ${loadText.join("; ")}`,
        `  DOM changes per move (median): ${mutationText.join(", ")}`,
        `  longest gap between frames while dragging: ${drag?.longestFrameGapMs ?? "-"} ms\n`,
      ].join("\n"),
    );
    print(options.json, result, () => [
      `board: ${options.cards} cards, ${options.moves} moves from the facilitator's socket, ${options.drags} mouse drags on the console`,
      ...ORDER.map((name) => {
        const figures = screens[name];
        return figures
          ? `  ${name.padEnd(9)} load ${figures.loadMs} ms, move p50 ${figures.moveMs.p50} / p99 ${figures.moveMs.p99} ms, longest task ${figures.longestTaskMs} ms, ${figures.domNodes} DOM nodes`
          : `  ${name}: not measured`;
      }),
      drag
        ? `  drag: mouse-up to painted p50 ${drag.dragDropToPaintMs.p50} / p99 ${drag.dragDropToPaintMs.p99} ms, longest frame gap ${drag.longestFrameGapMs} ms`
        : "  drag: not measured",
      `  reducer: ${JSON.stringify(result.reducerUsPerEvent)} µs per event`,
    ]);
    return result;
  } finally {
    await browser.close();
    await server.stop();
    removeDir(dataDir);
  }
}
