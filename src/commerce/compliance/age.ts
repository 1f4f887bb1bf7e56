/**
 * Age checks: which minimum age applies to a line at a destination (age rules and the variant's own
 * `min_age`, the strictest wins), and what the customer's known age makes of it. Unknown age means
 * "verify the age"; a declared but unverified age is enough only when the rule says so; under age is
 * refused. Pure: the clock is passed in.
 *
 * @example
 * ageInYears('2000-02-29', new Date('2018-02-28T12:00:00Z')); // 17
 */
import type { CustomerAge } from './input.js';
import { messages } from './messages.js';
import type { ComplianceReason } from './verdict.js';

/** One minimum-age requirement and where it comes from. */
export interface AgeRequirement {
  min_age: number;
  require_verification: boolean;
  rule_id: string;
  source?: string;
  message?: string;
}

/** Whole years between a YYYY-MM-DD birth date and `now` (UTC calendar). */
export function ageInYears(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const years = now.getUTCFullYear() - y;
  const month = now.getUTCMonth() + 1;
  const beforeBirthday = month < m || (month === m && now.getUTCDate() < d);
  return beforeBirthday ? years - 1 : years;
}

/**
 * The strictest requirement: the highest age; at equal ages, one needing verification wins.
 * `undefined` when no requirement applies.
 */
export function strictest(requirements: readonly AgeRequirement[]): AgeRequirement | undefined {
  let out: AgeRequirement | undefined;
  for (const r of requirements) {
    if (
      !out ||
      r.min_age > out.min_age ||
      (r.min_age === out.min_age && r.require_verification && !out.require_verification)
    ) {
      out = r;
    }
  }
  return out;
}

/** The reason (if any) the customer's age gives for this requirement at `place`. */
export function checkAge(
  requirement: AgeRequirement,
  customer: CustomerAge | undefined,
  place: string,
  now: Date,
): ComplianceReason | undefined {
  const base = {
    rule_id: requirement.rule_id,
    ...(requirement.source ? { source: requirement.source } : {}),
  };
  const age = requirement.min_age;
  if (!customer?.birth_date) {
    return {
      ...base,
      code: 'age_verification_required',
      effect: 'restricted',
      field: 'customer.birth_date',
      message: requirement.message ?? messages.ageUnknown(age, place),
    };
  }
  if (ageInYears(customer.birth_date, now) < age) {
    return {
      ...base,
      code: 'below_minimum_age',
      effect: 'refused',
      field: 'customer.birth_date',
      message: requirement.message ?? messages.underAge(age, place),
    };
  }
  if (requirement.require_verification && !customer.age_verified) {
    return {
      ...base,
      code: 'age_verification_required',
      effect: 'restricted',
      field: 'customer.age_verified',
      message: requirement.message ?? messages.ageUnverified(age, place),
    };
  }
  return undefined;
}
