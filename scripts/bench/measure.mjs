/**
 * Runs one command as a child process and measures it: wall time (hrtime, spawn to exit) and peak
 * RSS (`/usr/bin/time -f %M`, else polling VmHWM in /proc). Used by scripts/bench.mjs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);

/** Peak RSS so far of a live process in KiB (VmHWM), or 0 when it is gone. */
function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Measures `cmd args…`; resolves {ms, rssKB}. Rejects with the tail of stderr when the command fails.
 * stdout is discarded unless `capture` is set (then returned as `stdout`).
 */
export function measure(cmd, args, { cwd, env, capture = false } = {}) {
  const rssFile = join(tmpdir(), `bulwark-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const argv = haveTime ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv[1], { cwd, env: env ? { ...process.env, ...env } : process.env, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let polled = 0;
    const poll = haveTime ? undefined : setInterval(() => (polled = Math.max(polled, vmHwm(child.pid))), 10);
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.stdout?.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (poll) clearInterval(poll);
      let rssKB = polled;
      if (haveTime) {
        try {
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
          rssKB = Number(lines[lines.length - 1]) || 0;
        } catch {
          rssKB = 0;
        }
        rmSync(rssFile, { force: true });
      }
      if (code !== 0) {
        reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      resolve({ ms, rssKB, stdout });
    });
  });
}

/** Median, min and max of numbers. */
export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return { median: NaN, min: NaN, max: NaN };
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

export const rssTool = haveTime ? `${TIME} -f %M` : '/proc/<pid>/status VmHWM polling';
