import { type Centroid, type CentroidShape, centroidOf, selfSimilarity, similarityToCentroid } from "./centroids.js";
import type { CardFeatures } from "./features.js";

/** A partition of some cards into k groups, with the centroid of each. */
export interface Partition {
  /** For each card (in the order given), the index of its group. */
  assignment: number[];
  centroids: Centroid[];
  /** Sum of squared distances to the centroids: lower is tighter. */
  cost: number;
}

const MAX_ITERATIONS = 15;

/** A small seeded generator (mulberry32): the same cards always give the same suggestions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Squared distance of card i to a centroid in the combined space. */
export function distance2(features: CardFeatures, i: number, centroid: Centroid): number {
  return Math.max(0, selfSimilarity(features, i) - 2 * similarityToCentroid(features, i, centroid) + centroid.norm2);
}

/** k-means++ seeding: spread-out first centres make Lloyd's iterations land in a good optimum. */
function seedCentroids(
  features: CardFeatures,
  shape: CentroidShape,
  cards: readonly number[],
  k: number,
  random: () => number,
) {
  const first = cards[Math.floor(random() * cards.length)] as number;
  const centroids = [centroidOf(features, shape, [first])];
  const nearest = cards.map((i) => distance2(features, i, centroids[0] as Centroid));
  while (centroids.length < k) {
    const total = nearest.reduce((sum, d) => sum + d, 0);
    let target = random() * total;
    let pick = 0;
    for (; pick < cards.length - 1; pick++) {
      target -= nearest[pick] as number;
      if (target <= 0) break;
    }
    const centroid = centroidOf(features, shape, [cards[pick] as number]);
    centroids.push(centroid);
    cards.forEach((i, c) => {
      nearest[c] = Math.min(nearest[c] as number, distance2(features, i, centroid));
    });
  }
  return centroids;
}

function assign(features: CardFeatures, cards: readonly number[], centroids: readonly Centroid[]) {
  let cost = 0;
  const assignment = cards.map((i) => {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    centroids.forEach((centroid, c) => {
      const d = distance2(features, i, centroid);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    });
    cost += bestDistance;
    return best;
  });
  return { assignment, cost };
}

/** Gives an emptied group the card farthest from its centre, so exactly k groups come out. */
function refillEmpty(
  features: CardFeatures,
  cards: readonly number[],
  assignment: number[],
  centroids: readonly Centroid[],
) {
  const sizes = centroids.map(() => 0);
  for (const group of assignment) sizes[group] = (sizes[group] as number) + 1;
  sizes.forEach((size, group) => {
    if (size > 0) return;
    let donor = -1;
    let farthest = -1;
    cards.forEach((i, c) => {
      const from = assignment[c] as number;
      if ((sizes[from] as number) < 2) return;
      const d = distance2(features, i, centroids[from] as Centroid);
      if (d > farthest) {
        farthest = d;
        donor = c;
      }
    });
    if (donor < 0) return;
    const from = assignment[donor] as number;
    sizes[from] = (sizes[from] as number) - 1;
    sizes[group] = 1;
    assignment[donor] = group;
  });
}

function centroidsOf(
  features: CardFeatures,
  shape: CentroidShape,
  cards: readonly number[],
  assignment: number[],
  k: number,
) {
  const members: number[][] = Array.from({ length: k }, () => []);
  cards.forEach((i, c) => {
    members[assignment[c] as number]?.push(i);
  });
  return members.map((group) => centroidOf(features, shape, group));
}

/** Lloyd's k-means from one seeding; returns the partition it converges to. */
function lloyd(
  features: CardFeatures,
  shape: CentroidShape,
  cards: readonly number[],
  k: number,
  random: () => number,
) {
  let centroids = seedCentroids(features, shape, cards, k, random);
  let { assignment, cost } = assign(features, cards, centroids);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    refillEmpty(features, cards, assignment, centroids);
    centroids = centroidsOf(features, shape, cards, assignment, k);
    const next = assign(features, cards, centroids);
    const moved = next.assignment.some((group, c) => group !== assignment[c]);
    assignment = next.assignment;
    cost = next.cost;
    if (!moved) break;
  }
  refillEmpty(features, cards, assignment, centroids);
  return { assignment, centroids: centroidsOf(features, shape, cards, assignment, k), cost };
}

/** The best of a few seeded k-means runs over the given cards. */
export function kMeans(
  features: CardFeatures,
  shape: CentroidShape,
  cards: readonly number[],
  k: number,
  restarts: number,
): Partition {
  let best: Partition | undefined;
  for (let run = 0; run < restarts; run++) {
    const partition = lloyd(features, shape, cards, Math.min(k, cards.length), seededRandom(run + 1));
    if (!best || partition.cost < best.cost) best = partition;
  }
  return best as Partition;
}
