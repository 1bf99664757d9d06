/** eol: an OS release past its end of life (plus optional grace days) fails; unknown OSes warn or fail. */
import type { EolStatus } from '../../distro/eol.js';
import type { RuleContext } from '../context.js';
import type { PolicyRules } from '../types.js';

export type EolRule = NonNullable<PolicyRules['eol']>;

/** Evaluates the end-of-life status against the grace period. */
export function evaluateEol(rule: EolRule, status: EolStatus | undefined, ctx: RuleContext): void {
  if (!rule.forbid) return;
  if (!status) {
    ctx.fail('eol', { message: 'the OS end-of-life status is unknown (no inventory provided)' });
    return;
  }
  const name = [status.distro, status.cycle].filter(Boolean).join(' ');
  if (status.state === 'unknown') {
    const why = `OS end of life cannot be determined: ${status.reason ?? 'unknown OS'}`;
    if (rule.allowUnknown === false) ctx.violate('eol', { subject: name || 'unknown', message: why });
    else ctx.warn(`eol: ${why} (allowed)`);
    return;
  }
  if (status.state !== 'eol' || status.daysLeft === undefined) return;
  const since = -status.daysLeft;
  const grace = rule.graceDays ?? 0;
  const eolDate = status.release?.eol ?? '?';
  if (since <= grace) {
    ctx.warn(`eol: ${name} reached end of life on ${eolDate} (${since} days ago); the ${grace}-day grace period ends in ${grace - since} days`);
    return;
  }
  ctx.violate('eol', {
    subject: name,
    severity: 'HIGH',
    ids: [status.cycle ?? '', status.distro ?? ''].filter(Boolean),
    message: `${name} reached end of life on ${eolDate}, ${since} days ago${grace ? ` (grace ${grace} days)` : ''}`,
  });
}
