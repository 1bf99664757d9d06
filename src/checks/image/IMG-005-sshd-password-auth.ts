/** IMG-005: sshd accepts password logins (PasswordAuthentication yes, the OpenSSH default). */
import type { ImageSpec } from '../../image/writer.js';
import type { Check, CheckMeta } from '../types.js';
import { exampleImage } from './example-spec.js';
import type { ImageCheckInput } from './input.js';
import { effectiveSshdConfig } from './sshd-config.js';
import { fileLocation } from './util.js';

const meta: CheckMeta<ImageSpec> = {
  id: 'IMG-005',
  slug: 'sshd-password-authentication',
  target: 'image',
  title: 'sshd accepts password authentication',
  severity: 'MEDIUM',
  rationale:
    'Password logins can be brute-forced and reuse leaked credentials; keys cannot. PasswordAuthentication defaults to yes in OpenSSH, so an sshd_config that does not set it accepts passwords. Match blocks are ignored (the global value is what an unmatched login gets).',
  remediation: 'Remove the SSH server from the image (IMG-002); if it must stay, set `PasswordAuthentication no` and use keys.',
  references: { cis: '5.7', urls: ['https://man.openbsd.org/sshd_config#PasswordAuthentication'] },
  examples: {
    bad: [{ description: 'sshd_config leaves the default (yes)', input: exampleImage([{ path: 'etc/ssh/sshd_config', content: '#PasswordAuthentication yes\nUsePAM yes\n' }]) }],
    good: [{ description: 'Passwords disabled', input: exampleImage([{ path: 'etc/ssh/sshd_config', content: 'PasswordAuthentication no\n' }]) }],
  },
};

/** Reports an effective PasswordAuthentication of yes (explicit or by default). */
export const img005SshdPasswordAuthentication: Check<ImageCheckInput> = {
  meta,
  run(input) {
    const s = effectiveSshdConfig(input)?.get('passwordauthentication');
    if (s?.value !== 'yes') return [];
    const path = s.path ?? '/etc/ssh/sshd_config';
    const how = s.path ? `set in ${s.path}` : 'the OpenSSH default, not overridden';
    return [{ message: `sshd accepts password logins (PasswordAuthentication yes, ${how}).`, location: { ...fileLocation(input, path), line: s.line } }];
  },
};
