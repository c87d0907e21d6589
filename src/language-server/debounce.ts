/** One pending run per key: `later` waits for quiet time, `now` runs at once; a newer call replaces a pending one. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Debouncer {
  private readonly pending = new Map<string, unknown>();

  constructor(
    private readonly ms: number,
    private readonly timers: Timers = realTimers,
  ) {}

  later(key: string, run: () => Promise<void>): void {
    this.cancel(key);
    const handle = this.timers.set(() => {
      this.pending.delete(key);
      void run();
    }, this.ms);
    this.pending.set(key, handle);
  }

  now(key: string, run: () => Promise<void>): void {
    this.cancel(key);
    void run();
  }

  cancel(key: string): void {
    const handle = this.pending.get(key);
    if (handle === undefined) return;
    this.timers.clear(handle);
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
