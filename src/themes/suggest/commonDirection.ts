/**
 * A wall's card embeddings share a few directions that say what every card of this workshop is
 * like — its subject, the way a room phrases a card ("more …", "no …") — and not which card goes
 * with which. Cosines measured with those directions in count every card as somewhat alike, and
 * the pairs that share an idea stand out less. Removing a wall's dominant directions before the
 * cosine ("all but the top", Mu & Viswanath 2018) lets them stand out; measured in
 * docs/suggestions.md.
 */

// Power iteration stops once the direction moves less than this, or after this many steps: the
// leading direction of a wall is found in a few dozen, and the confident columns barely move
// with a less exact one.
const TOLERANCE = 1e-6;
const MAX_STEPS = 50;

/**
 * The cosines of unit vectors given by their Gram matrix (`size × size`, row-major, 1 on the
 * diagonal), once the `directions` strongest directions the vectors share are taken out of
 * every vector: with `G = X·Xᵀ`, removing a direction `w` from the rows of `X` takes `λ·u·uᵀ`
 * (`u` the top eigenvector of `G`, `λ` its eigenvalue) out of `G`; each vector is then scaled
 * back to unit length.
 */
export function withoutCommonDirections(gram: Float32Array, size: number, directions: number): Float32Array {
  const residual = Float64Array.from(gram);
  for (let d = 0; d < directions && size > 2; d++) {
    const { value, vector } = leadingEigen(residual, size);
    if (!(value > 0)) break;
    for (let x = 0; x < size; x++) {
      const ux = value * (vector[x] as number);
      for (let y = 0; y < size; y++)
        residual[x * size + y] = (residual[x * size + y] as number) - ux * (vector[y] as number);
    }
  }
  const out = new Float32Array(size * size);
  for (let x = 0; x < size; x++) {
    const nx = Math.max(residual[x * size + x] as number, Number.EPSILON);
    for (let y = 0; y < size; y++) {
      const ny = Math.max(residual[y * size + y] as number, Number.EPSILON);
      out[x * size + y] = x === y ? 1 : (residual[x * size + y] as number) / Math.sqrt(nx * ny);
    }
  }
  return out;
}

/** The largest eigenvalue of a symmetric positive semi-definite matrix and its unit eigenvector. */
function leadingEigen(matrix: Float64Array, size: number): { value: number; vector: Float64Array } {
  // A start that is not orthogonal to the leading direction of any wall in practice, and the same every run.
  let vector = Float64Array.from({ length: size }, (_, i) => 1 + ((i * 7919) % 13) / 13);
  let value = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = new Float64Array(size);
    for (let x = 0; x < size; x++) {
      let sum = 0;
      for (let y = 0; y < size; y++) sum += (matrix[x * size + y] as number) * (vector[y] as number);
      next[x] = sum;
    }
    let norm = 0;
    for (let x = 0; x < size; x++) norm += (next[x] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return { value: 0, vector };
    let moved = 0;
    for (let x = 0; x < size; x++) {
      const unit = (next[x] as number) / norm;
      moved = Math.max(moved, Math.abs(unit - (vector[x] as number)));
      next[x] = unit;
    }
    vector = next;
    value = norm;
    if (moved < TOLERANCE) break;
  }
  return { value, vector };
}
