import { afterEach, describe, expect, it } from "vitest";
import { embeddingText } from "../suggest/index.js";
import { packEmbeddings, runSuggestionJob, type SuggestionJob } from "./suggestionJobs.js";
import { BOARD, fakeVectors } from "./suggestionTestBoard.js";
import { type SuggestionThread, suggestionThread } from "./suggestionThread.js";

/** A worker module written inline: it answers each job with its kind, and dies on "names". */
const CRASHING = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from "node:worker_threads";
    parentPort.on("message", ({ id, job }) => {
      if (job.kind === "names") process.exit(3);
      parentPort.postMessage({ id, answer: job.kind });
    });
  `)}`,
);
/** A worker module that never answers "names": it loops. */
const LOOPING = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from "node:worker_threads";
    parentPort.on("message", ({ id, job }) => {
      if (job.kind === "names") for (;;) {}
      parentPort.postMessage({ id, answer: job.kind });
    });
  `)}`,
);
const BROKEN = new URL(`data:text/javascript,${encodeURIComponent(`throw new Error("cannot load");`)}`);

let threads: SuggestionThread[] = [];
const start = (module?: URL, options?: { jobTimeoutMs: number }) => {
  const thread = suggestionThread(module, options);
  threads.push(thread);
  return thread;
};

afterEach(async () => {
  await Promise.all(threads.map((thread) => thread.stop()));
  threads = [];
});

describe("the suggestion worker thread", () => {
  it("answers each job as the calling thread would, the concurrent ones too", async () => {
    const thread = start();
    const texts = BOARD.cards.map((card) => card.text);
    const keys = texts.map((text) => embeddingText(text, "en"));
    // Each job its own packed vectors: they are moved to the worker, not copied.
    const packed = () => packEmbeddings(keys, fakeVectors(keys));
    const jobs: SuggestionJob[] = [
      { kind: "read", texts, language: "en" },
      { kind: "clusters", board: BOARD, clusters: 3, embeddings: await packed() },
      { kind: "clusters", board: BOARD },
      { kind: "placements", board: BOARD, embeddings: await packed() },
      { kind: "duplicates", board: BOARD, embeddings: await packed() },
      { kind: "names", board: BOARD, embeddings: await packed() },
    ];
    const expected = [
      null,
      runSuggestionJob({ kind: "clusters", board: BOARD, clusters: 3, embeddings: await packed() }),
      runSuggestionJob({ kind: "clusters", board: BOARD }),
      runSuggestionJob({ kind: "placements", board: BOARD, embeddings: await packed() }),
      runSuggestionJob({ kind: "duplicates", board: BOARD, embeddings: await packed() }),
      runSuggestionJob({ kind: "names", board: BOARD, embeddings: await packed() }),
    ];
    expect(await Promise.all(jobs.map((job) => thread.run(job)))).toEqual(expected);
  });

  it("fails the job a crashed worker was computing with a clear error; the others go to a fresh worker", async () => {
    const thread = start(CRASHING);
    const crashed = thread.run({ kind: "names", board: BOARD });
    const queued = thread.run({ kind: "duplicates", board: BOARD });
    await expect(crashed).rejects.toThrow(
      "The suggestion worker stopped (exit code 3) while computing names suggestions",
    );
    expect(await queued).toBe("duplicates");
    expect(await thread.run({ kind: "placements", board: BOARD })).toBe("placements");
  });

  it("gives up on a job that does not end in time, and answers the next ones from a fresh worker", async () => {
    // The limit counts from handing the job over, a fresh worker's start (about half a second) included.
    const thread = start(LOOPING, { jobTimeoutMs: 5000 });
    const stuck = thread.run({ kind: "names", board: BOARD });
    const queued = thread.run({ kind: "duplicates", board: BOARD });
    await expect(stuck).rejects.toThrow("The suggestion worker took longer than 5 s while computing names suggestions");
    expect(await queued).toBe("duplicates");
  });

  it("fails every job, never hangs, when the worker cannot start", async () => {
    const thread = start(BROKEN);
    const jobs = [thread.run({ kind: "clusters", board: BOARD }), thread.run({ kind: "names", board: BOARD })];
    await Promise.all(jobs.map((job) => expect(job).rejects.toThrow(/The suggestion worker (failed|stopped)/)));
  });

  it("fails the jobs not yet answered when it is stopped", async () => {
    const thread = start();
    const failed = expect(thread.run({ kind: "clusters", board: BOARD })).rejects.toThrow(
      "The suggestion worker was stopped",
    );
    await thread.stop();
    await failed;
  });
});
