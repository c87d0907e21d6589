/**
 * "Did you mean" helpers shared by the guestOS and key tables: an edit distance and a rule for
 * when a known spelling is close enough to suggest. Not product data; no source to cite.
 */

/**
 * Optimal-string-alignment distance: Levenshtein (insert, delete, substitute) plus the swap of
 * two adjacent characters, each costing 1 (`vt23` → `vt32` is 1). Case-sensitive: callers
 * lower-case first. Stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How many edits still count as a typo of a string this long: none up to 4 characters (too
 * short to tell a typo from another word), 1 up to 11, 2 from 12 on.
 */
export function typoBudget(length: number): number {
  if (length <= 4) return 0;
  return length < 12 ? 1 : 2;
}

/**
 * The candidate nearest to `input` within its typo budget, compared in lower case, with its
 * distance; `undefined` when none is close enough, when the input equals a candidate, or when
 * two different candidates are equally near (an ambiguous suggestion is worse than none).
 * Candidates are `[comparable form, value to return]` pairs.
 */
export function nearestMatch<T>(input: string, candidates: Iterable<readonly [string, T]>): {value: T; distance: number} | undefined {
  const want = input.toLowerCase();
  const budget = typoBudget(want.length);
  if (budget === 0) return undefined;
  let best: T | undefined;
  let bestDistance = budget + 1;
  let tie = false;
  for (const [form, value] of candidates) {
    const d = editDistance(want, form.toLowerCase(), bestDistance);
    if (d === 0) return undefined;
    if (d < bestDistance) {
      best = value;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= budget && value !== best) {
      tie = true;
    }
  }
  return tie || bestDistance > budget ? undefined : {value: best as T, distance: bestDistance};
}

/** `nearestMatch` without the distance. */
export function nearest<T>(input: string, candidates: Iterable<readonly [string, T]>): T | undefined {
  return nearestMatch(input, candidates)?.value;
}
