/** Did-you-mean: the closest candidate by edit distance, when close enough to be a typo. */
export function distance(a: string, b: string): number {
  const prev = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * closest(), or else the candidate sharing the longest start with the word when that start is most
 * of the word (a shortened id: `no-dupes` → `no-duplicate-keys`); the shortest such candidate on a tie.
 */
export function nearest(word: string, candidates: string[]): string | undefined {
  const close = closest(word, candidates);
  if (close) return close;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestLength = Math.max(4, Math.ceil(w.length * 0.6)) - 1;
  for (const c of candidates) {
    const lower = c.toLowerCase();
    let n = 0;
    while (n < w.length && n < lower.length && w[n] === lower[n]) n++;
    if (n > bestLength || (n === bestLength && best !== undefined && c.length < best.length)) {
      best = c;
      bestLength = n;
    }
  }
  return best;
}
