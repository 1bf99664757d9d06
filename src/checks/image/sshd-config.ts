/**
 * The effective global sshd settings of an image: /etc/ssh/sshd_config with its Include files
 * (Debian and Ubuntu ship "Include /etc/ssh/sshd_config.d/*.conf"), applied the way sshd does:
 * the first value obtained for a keyword wins. Match blocks are conditional and ignored (a Match
 * block can only narrow who gets a setting, so the global value is what an unmatched login sees).
 */
import { posix } from 'node:path';
import type { ImageCheckInput } from './input.js';

export interface SshdSetting {
  value: string;
  /** file that set it; undefined for an OpenSSH default */
  path?: string;
  line?: number;
}

/** OpenSSH defaults (sshd_config(5), OpenSSH 7.0 and later) for the settings the checks read. */
export const SSHD_DEFAULTS: Record<string, string> = {
  permitrootlogin: 'prohibit-password',
  passwordauthentication: 'yes',
  permitemptypasswords: 'no',
};

function globToRe(glob: string): RegExp {
  const esc = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${esc}$`);
}

/** Parses the sshd configuration collected from the image; undefined when there is no sshd_config. */
export function effectiveSshdConfig(input: ImageCheckInput): Map<string, SshdSetting> | undefined {
  const main = input.readText('/etc/ssh/sshd_config');
  if (main === undefined) return undefined;
  const out = new Map<string, SshdSetting>();
  const seen = new Set<string>();
  function apply(path: string, text: string, depth: number): void {
    if (depth > 8 || seen.has(path)) return;
    seen.add(path);
    for (const [i, raw] of text.split('\n').entries()) {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) continue;
      const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim().replace(/^"(.*)"$/, '$1');
      if (key === 'match') return; // the rest of this file is conditional
      if (key === 'include') {
        for (const pat of value.split(/\s+/)) {
          const abs = pat.startsWith('/') ? pat : posix.join('/etc/ssh', pat);
          const re = globToRe(abs);
          for (const f of input.collected('/etc/ssh/')) if (re.test(f.path) && f.data.kind === 'text') apply(f.path, f.data.text, depth + 1);
        }
        continue;
      }
      if (!out.has(key)) out.set(key, { value: value.toLowerCase(), path, line: i + 1 });
    }
  }
  apply('/etc/ssh/sshd_config', main, 0);
  for (const [k, v] of Object.entries(SSHD_DEFAULTS)) if (!out.has(k)) out.set(k, { value: v });
  return out;
}
