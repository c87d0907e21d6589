/** inOrder: overlapping calls (--fix writes), results still in input order, errors where they belong. */
import {describe, expect, it} from '@jest/globals';
import {inOrder} from '../../src/runner/parallel/lint-one.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function collect<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('inOrder', () => {
  it('yields results in input order when later calls finish first', async () => {
    const delays = [30, 1, 20, 0, 10, 5];
    const out = await collect(inOrder(delays, 4, async (d, i) => {
      await sleep(d);
      return `${i}:${d}`;
    }));
    expect(out).toEqual(['0:30', '1:1', '2:20', '3:0', '4:10', '5:5']);
  });

  it('never has more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await collect(inOrder([...Array(20).keys()], 3, async (i) => {
      most = Math.max(most, ++inFlight);
      await sleep(i % 4);
      inFlight--;
      return i;
    }));
    expect(most).toBe(3);
  });

  it('with limit 1 runs one call at a time, in order', async () => {
    const started: number[] = [];
    const out = await collect(inOrder([1, 2, 3], 1, async (x) => {
      started.push(x);
      await sleep(1);
      return x * 10;
    }));
    expect(started).toEqual([1, 2, 3]);
    expect(out).toEqual([10, 20, 30]);
  });

  it('throws the error of a failed call at its place, after the results before it', async () => {
    const seen: number[] = [];
    const gen = inOrder([0, 1, 2, 3], 4, async (i) => {
      if (i === 2) throw new Error('file 2 failed');
      await sleep(5);
      return i;
    });
    await expect((async () => {
      for await (const x of gen) seen.push(x);
    })()).rejects.toThrow('file 2 failed');
    expect(seen).toEqual([0, 1]);
  });

  it('yields nothing for no items', async () => {
    expect(await collect(inOrder([], 8, async (x: number) => x))).toEqual([]);
  });
});
