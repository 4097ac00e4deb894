/**
 * The reference point: plain sentence embeddings of the raw card texts, centred on the
 * workshop's mean, clustered by k-means (k-means++ seeding, best of 3 seeded runs), with the
 * column count chosen by silhouette among the same candidates as the real method. Kept apart
 * from `src/themes` so that improving the method cannot move the baseline.
 */
import { candidateCounts } from "../src/themes/suggest/cluster.js";

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
};

function centred(vectors: readonly Float32Array[]): Float64Array[] {
  const dims = vectors[0]?.length ?? 0;
  const mean = new Float64Array(dims);
  for (const v of vectors)
    for (let k = 0; k < dims; k++) mean[k] = (mean[k] as number) + (v[k] as number) / vectors.length;
  return vectors.map((v) => {
    const out = Float64Array.from(v, (x, k) => x - (mean[k] as number));
    const norm = Math.sqrt(dot(out, out)) || 1;
    return out.map((x) => x / norm);
  });
}

function kMeans(points: readonly Float64Array[], k: number, seed: number): { labels: number[]; cost: number } {
  const random = seeded(seed);
  const dist = (a: Float64Array, b: Float64Array) => Math.max(0, dot(a, a) - 2 * dot(a, b) + dot(b, b));
  const centres = [points[Math.floor(random() * points.length)] as Float64Array];
  while (centres.length < k) {
    const d = points.map((p) => Math.min(...centres.map((c) => dist(p, c))));
    let target = random() * d.reduce((s, x) => s + x, 0);
    let pick = 0;
    for (; pick < points.length - 1; pick++) {
      target -= d[pick] as number;
      if (target <= 0) break;
    }
    centres.push(points[pick] as Float64Array);
  }
  let labels = points.map(() => 0);
  let cost = 0;
  for (let iteration = 0; iteration < 30; iteration++) {
    cost = 0;
    const next = points.map((p) => {
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      centres.forEach((c, j) => {
        const d = dist(p, c);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      });
      cost += bestD;
      return best;
    });
    const moved = next.some((label, i) => label !== labels[i]);
    labels = next;
    for (let j = 0; j < k; j++) {
      const members = points.filter((_, i) => labels[i] === j);
      if (members.length === 0) continue;
      const c = new Float64Array(points[0]?.length ?? 0);
      for (const m of members)
        for (let d = 0; d < c.length; d++) c[d] = (c[d] as number) + (m[d] as number) / members.length;
      centres[j] = c;
    }
    if (!moved) break;
  }
  return { labels, cost };
}

function silhouette(points: readonly Float64Array[], labels: readonly number[]): number {
  const groups = Math.max(...labels) + 1;
  let total = 0;
  points.forEach((p, i) => {
    const sums = new Array<number>(groups).fill(0);
    const counts = new Array<number>(groups).fill(0);
    points.forEach((q, j) => {
      if (i === j) return;
      const label = labels[j] as number;
      sums[label] = (sums[label] as number) + 1 - dot(p, q);
      counts[label] = (counts[label] as number) + 1;
    });
    const own = labels[i] as number;
    if (!counts[own]) return;
    const a = (sums[own] as number) / (counts[own] as number);
    let b = Number.POSITIVE_INFINITY;
    for (let g = 0; g < groups; g++)
      if (g !== own && counts[g]) b = Math.min(b, (sums[g] as number) / (counts[g] as number));
    if (Number.isFinite(b) && Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  });
  return total / points.length;
}

/** Labels of the baseline clustering for the given raw-text embeddings, in order. */
export function baselineClustering(vectors: readonly Float32Array[]): number[] {
  const points = centred(vectors);
  let best: number[] = points.map(() => 0);
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const k of candidateCounts(points.length)) {
    let run = kMeans(points, k, 1);
    for (const seed of [2, 3]) {
      const other = kMeans(points, k, seed);
      if (other.cost < run.cost) run = other;
    }
    const score = silhouette(points, run.labels);
    if (score > bestScore) {
      bestScore = score;
      best = run.labels;
    }
  }
  return best;
}
