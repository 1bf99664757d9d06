/** Compose rule helpers: a predicate per service field, and hits at a line of the file. */
import type { Check, CheckHit, CheckMeta } from '../types.js';
import type { ComposeCheckInput, ComposeField, ComposeService } from './input.js';

/** A compose check's metadata: examples are compose YAML text. */
export type ComposeMeta = CheckMeta<string> & { target: 'compose' };

/** A hit at `line` for a service. */
export function serviceHit(input: ComposeCheckInput, svc: ComposeService, line: number, message: string, evidence?: string): CheckHit {
  return { message, location: { path: input.path, line: line || svc.line, object: `service ${svc.name}` }, evidence };
}

/** Runs `test` on each service that has `key`; each returned [line, message] becomes a hit. */
export function fieldRule(
  meta: ComposeMeta,
  key: string,
  test: (field: ComposeField, svc: ComposeService) => [number, string][],
): Check<ComposeCheckInput> {
  return {
    meta,
    run(input) {
      const hits: CheckHit[] = [];
      for (const svc of input.services) {
        const f = svc.fields[key];
        if (f) for (const [line, msg] of test(f, svc)) hits.push(serviceHit(input, svc, line, msg));
      }
      return hits;
    },
  };
}

/** List items of a field given as a list (or a single string). */
export function itemsOf(f: ComposeField): { value: unknown; line: number }[] {
  return f.items ?? (f.value === null || f.value === undefined ? [] : [{ value: f.value, line: f.line }]);
}
