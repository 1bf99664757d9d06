/** Every check of every target, for docs and the contract test. Each target keeps its own list. */
import { composeChecks } from './compose/registry.js';
import { dockerfileChecks } from './dockerfile/registry.js';
import { hostChecks } from './host/registry.js';
import { imageChecks } from './image/registry.js';
import { kubernetesChecks } from './kubernetes/registry.js';
import type { CheckMeta } from './types.js';

export function allCheckMeta(): CheckMeta[] {
  return [...imageChecks, ...dockerfileChecks, ...kubernetesChecks, ...composeChecks, ...hostChecks].map((c) => c.meta);
}
