/** The only list of image checks (one file per check in this folder). */
import type { Check } from '../types.js';
import type { ImageCheckInput } from './input.js';

export const imageChecks: Check<ImageCheckInput>[] = [];
