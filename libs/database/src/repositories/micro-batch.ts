/**
 * Coalesces calls made in the same turn of the event loop into one call of `run` (one SQL statement for many
 * concurrent jobs instead of one each): every caller gets its own result, or the batch's error. Inputs with the
 * same `key` never share a batch (a statement may not touch one row twice); the later one waits for the next.
 */
export class MicroBatch<I, O> {
  private pending: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly key: (input: I) => string,
    private readonly max = 100,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch: typeof this.pending = [];
    const rest: typeof this.pending = [];
    const keys = new Set<string>();
    for (const p of this.pending) {
      const k = this.key(p.input);
      if (batch.length < this.max && !keys.has(k)) {
        keys.add(k);
        batch.push(p);
      } else rest.push(p);
    }
    this.pending = rest;
    this.scheduled = rest.length > 0;
    if (this.scheduled) setImmediate(() => void this.flush());
    try {
      const out = await this.run(batch.map((p) => p.input));
      batch.forEach((p, i) => p.resolve(out[i]));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
