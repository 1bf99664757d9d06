/** Progress on stderr: a live line on a terminal, one line per step otherwise; silent with --quiet. */

export interface Progress {
  step(message: string): void;
  update(message: string): void;
  done(): void;
}

export function silentProgress(): Progress {
  return { step() {}, update() {}, done() {} };
}

export function stderrProgress(quiet: boolean): Progress {
  if (quiet) return silentProgress();
  const tty = process.stderr.isTTY === true;
  let live = false;
  let lastUpdate = 0;
  const clear = (): void => {
    if (live) process.stderr.write('\r\x1b[2K');
    live = false;
  };
  return {
    step(message) {
      clear();
      process.stderr.write(`${message}\n`);
    },
    update(message) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastUpdate < 100) return;
      lastUpdate = now;
      process.stderr.write(`\r\x1b[2K${message.slice(0, (process.stderr.columns ?? 80) - 1)}`);
      live = true;
    },
    done() {
      clear();
    },
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** Runs fn over items with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed: unknown;
  async function worker(): Promise<void> {
    while (next < items.length && failed === undefined) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (err) {
        failed ??= err;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== undefined) throw failed;
  return out;
}
