/** The only list of dockerfile checks (one file per check in this folder). */
import type { Check } from '../types.js';
import type { DockerfileCheckInput } from './input.js';

export const dockerfileChecks: Check<DockerfileCheckInput>[] = [];
