/** The only list of compose checks (one file per check in this folder). */
import type { Check } from '../types.js';
import type { ComposeCheckInput } from './input.js';

export const composeChecks: Check<ComposeCheckInput>[] = [];
