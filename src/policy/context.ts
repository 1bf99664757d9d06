/**
 * The evaluation context every rule evaluator gets: the facts, the clock, and the exception logic.
 * A rule calls `violate` for each problem it sees; an exception whose scope matches (repository,
 * rule, and one of its ids when it lists ids) waives it, and is recorded as applied. An expired
 * exception never waives: the violation stands and names the exception that lapsed.
 */
import { globToRegExp } from '../vuln/ignore.js';
import { matchesRepository } from './glob.js';
import type { AppliedException, ExceptionRef, ExpiredException, PolicyException, PolicyFacts, RuleName, Violation } from './types.js';

/** One problem a rule found. `ids` are the names an exception may list to waive it (the subject counts too). */
export interface RuleItem {
  message: string;
  subject?: string;
  severity?: string;
  ids?: string[];
}

export interface RuleContext {
  facts: PolicyFacts;
  now: Date;
  /** true (and recorded as applied) when a live exception covers the item */
  waived(rule: RuleName, item: RuleItem): boolean;
  /** records a violation without consulting exceptions (aggregates whose items were already waived) */
  fail(rule: RuleName, item: RuleItem): void;
  /** a violation unless an exception waives it */
  violate(rule: RuleName, item: RuleItem): void;
  warn(message: string): void;
}

/** The moment an exception stops applying: the end of its expiry day, UTC. */
export function exceptionEnd(e: PolicyException): Date {
  return new Date(`${e.expires}T23:59:59.999Z`);
}

function ref(e: PolicyException, index: number): ExceptionRef {
  return { index, owner: e.owner, reason: e.reason, expires: e.expires };
}

function covers(e: PolicyException, rule: RuleName, item: RuleItem): boolean {
  if (e.scope.rule !== rule) return false;
  if (!e.scope.ids) return true;
  const keys = [...(item.ids ?? []), ...(item.subject ? [item.subject] : [])];
  return e.scope.ids.some((g) => {
    const re = globToRegExp(g);
    return keys.some((k) => re.test(k));
  });
}

export interface Collected {
  ctx: RuleContext;
  violations: Violation[];
  applied: AppliedException[];
  expired: ExpiredException[];
  warnings: string[];
}

/** Builds the context for one evaluation: splits the exceptions in scope of the image into live and expired. */
export function createContext(facts: PolicyFacts, exceptions: PolicyException[], now: Date, expiryWarningDays: number): Collected {
  const violations: Violation[] = [];
  const applied: AppliedException[] = [];
  const expired: ExpiredException[] = [];
  const warnings: string[] = [];
  const live: { e: PolicyException; index: number }[] = [];
  const lapsed: { e: PolicyException; index: number }[] = [];
  exceptions.forEach((e, index) => {
    if (!matchesRepository(e.scope.repositories, facts.reference)) return;
    const end = exceptionEnd(e);
    if (end < now) {
      lapsed.push({ e, index });
      expired.push({ ...ref(e, index), rule: e.scope.rule, repositories: e.scope.repositories, ids: e.scope.ids });
      warnings.push(`exception #${index + 1} (${e.scope.rule}, owner ${e.owner}) expired on ${e.expires}: no longer applied`);
    } else {
      live.push({ e, index });
      const days = Math.floor((end.getTime() - now.getTime()) / 86_400_000);
      if (days < expiryWarningDays) warnings.push(`exception #${index + 1} (${e.scope.rule}, owner ${e.owner}) expires on ${e.expires}, in ${days} day${days === 1 ? '' : 's'}`);
    }
  });
  const ctx: RuleContext = {
    facts,
    now,
    waived(rule, item) {
      const hit = live.find((x) => covers(x.e, rule, item));
      if (!hit) return false;
      applied.push({ ...ref(hit.e, hit.index), rule, subject: item.subject, message: item.message });
      return true;
    },
    fail(rule, item) {
      const gone = lapsed.find((x) => covers(x.e, rule, item));
      const v: Violation = { rule, message: item.message };
      if (item.severity) v.severity = item.severity;
      if (item.subject) v.subject = item.subject;
      if (gone) v.exception = { ...ref(gone.e, gone.index), expired: true };
      violations.push(v);
    },
    violate(rule, item) {
      if (!ctx.waived(rule, item)) ctx.fail(rule, item);
    },
    warn(message) {
      warnings.push(message);
    },
  };
  return { ctx, violations, applied, expired, warnings };
}
