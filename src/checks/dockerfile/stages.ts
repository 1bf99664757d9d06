/** Stage helpers shared by several checks. */
import type { DockerfileCheckInput, Instruction, Stage } from './input.js';

/** Stages whose filesystem ends up in the built image: the final stage and the stages it is built FROM. */
export function shippingStages(input: DockerfileCheckInput): Set<number> {
  const out = new Set<number>();
  let s: Stage | undefined = input.stages[input.stages.length - 1];
  while (s && !out.has(s.index)) {
    out.add(s.index);
    s = s.from.parentStage !== undefined ? input.stages[s.from.parentStage] : undefined;
  }
  return out;
}

/** The last instruction with `keyword` in effect for a stage, following `FROM <earlier stage>`. */
export function lastInherited(input: DockerfileCheckInput, stage: Stage, keyword: string): Instruction | undefined {
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    const found = s.instructions.filter((i) => i.keyword === keyword).pop();
    if (found) return found;
    s = s.from.parentStage !== undefined ? input.stages[s.from.parentStage] : undefined;
  }
  return undefined;
}

/** True when a RUN caches `dir` in a BuildKit cache mount (so nothing is left in the layer). */
export function cacheMounted(ins: Instruction, dir: string): boolean {
  const m = ins.flags['mount'] ?? '';
  return /type=cache/.test(m) && m.includes(dir);
}
