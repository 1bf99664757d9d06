/** The only list of kubernetes checks (one file per check in this folder). */
import type { Check } from '../types.js';
import type { KubernetesCheckInput } from './input.js';

export const kubernetesChecks: Check<KubernetesCheckInput>[] = [];
