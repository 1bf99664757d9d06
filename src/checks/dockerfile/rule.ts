/**
 * The three rule tiers (as hadolint has them): a predicate per instruction, a predicate per
 * shell command of a RUN, and whole-file rules that write `run` themselves (stateful folds such
 * as "last USER of the final stage"). Each tier turns a message into a hit at the right line.
 */
import type { Check, CheckHit, CheckMeta } from '../types.js';
import type { DockerfileCheckInput, Instruction, ShellCommand } from './input.js';

/** A Dockerfile check's metadata: examples are Dockerfile text. */
export type DockerfileMeta = CheckMeta<string> & { target: 'dockerfile' };

/** A hit at an instruction or command line of the scanned file. */
export function hitAt(input: DockerfileCheckInput, line: number, message: string, evidence?: string): CheckHit {
  return { message, location: { path: input.path, line }, evidence };
}

/** Predicate per instruction of the given keywords: return a message to report it. */
export function instructionRule(
  meta: DockerfileMeta,
  keywords: string[],
  test: (ins: Instruction, input: DockerfileCheckInput) => string | undefined,
): Check<DockerfileCheckInput> {
  return {
    meta,
    run(input) {
      const hits: CheckHit[] = [];
      for (const ins of input.instructions) {
        if (!keywords.includes(ins.keyword)) continue;
        const msg = test(ins, input);
        if (msg) hits.push(hitAt(input, ins.line, msg));
      }
      return hits;
    },
  };
}

/** Predicate per shell command of every RUN (and ONBUILD RUN): return a message to report it. */
export function commandRule(
  meta: DockerfileMeta,
  test: (cmd: ShellCommand, ins: Instruction, input: DockerfileCheckInput) => string | undefined,
): Check<DockerfileCheckInput> {
  return {
    meta,
    run(input) {
      const hits: CheckHit[] = [];
      for (const ins of input.instructions) {
        for (const cmd of ins.commands ?? []) {
          const msg = test(cmd, ins, input);
          if (msg) hits.push(hitAt(input, cmd.line || ins.line, msg));
        }
      }
      return hits;
    },
  };
}

/** The final stage (the one `docker build` produces without --target). */
export function finalStage(input: DockerfileCheckInput) {
  return input.stages[input.stages.length - 1]!;
}
