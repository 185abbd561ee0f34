/** Small numeric helpers shared by the benchmark's modules. */

/** Median of a list of numbers (0 for an empty list). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The exponent k in time ≈ c·nᵏ between two measurements: 1 is linear, above 1 grows faster
 * than the number of documents.
 */
export function growthExponent(n1: number, t1: number, n2: number, t2: number): number | null {
  if (n1 <= 0 || n2 <= 0 || t1 <= 0 || t2 <= 0 || n1 === n2) return null;
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}
