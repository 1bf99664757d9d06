/** The only list of host checks (one file per check in this folder). */
import type { Check } from '../types.js';
import type { HostCheckInput } from './input.js';

export const hostChecks: Check<HostCheckInput>[] = [];
