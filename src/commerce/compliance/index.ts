/**
 * Compliance: can these goods be sold and shipped to this person, at this address, by these
 * services? Restricted goods by destination (alcohol by US state and by country), embargoed
 * destinations, minimum ages, hazmat kept off air services, the variant's own shipping
 * constraints, and address validity. Rules are merchant-editable data (`ComplianceRuleSet`, JSON or
 * YAML); every "no" carries a reason code, a plain message an agent can act on, and the rule id.
 * Pure: no database, no HTTP.
 *
 * @example
 * const rules = parseRuleSet(DEFAULT_COMPLIANCE_RULES); // or parseRuleSetText(merchantYaml)
 * const result = checkCompliance(request, rules, { now: new Date() });
 * result.lines[0].verdict;          // 'allowed' | 'restricted' | 'refused'
 * result.lines[0].reasons[0].code;  // e.g. 'hazmat_air_excluded'
 * result.usable_service_ids;        // services the whole order may use
 */
import { evaluateCompliance, type EvaluateOptions } from './evaluate.js';
import { validateComplianceInput } from './input.js';
import type { ComplianceRuleSet } from './rules.js';
import type { ComplianceResult } from './verdict.js';

export { evaluateCompliance, type EvaluateOptions } from './evaluate.js';
export { validateAddress, isPoBox, type AddressCheckOptions } from './address.js';
export { COUNTRY_FORMATS, GENERIC_FORMAT, formatFor, type CountryFormat } from './address-formats.js';
export { ageInYears } from './age.js';
export { DEFAULT_COMPLIANCE_RULES, ALCOHOL_TERMS } from './default-rules.js';
export {
  ComplianceInput,
  ComplianceSubject,
  CustomerAge,
  ServiceCandidate,
  ShipTo,
  validateComplianceInput,
  type ComplianceInputRaw,
  type ComplianceSubjectInput,
} from './input.js';
export { productMatches, destinationMatches, type Classification, type Place } from './match.js';
export {
  ComplianceRule,
  ComplianceRuleSet,
  DestinationMatch,
  ProductMatch,
  parseRuleSet,
  parseRuleSetText,
  ruleSetJsonSchema,
  type AgeRule,
  type ComplianceRuleSetInput,
  type DestinationRule,
  type EmbargoRule,
  type ServiceModeRule,
} from './rules.js';
export {
  worst,
  type AddressProblem,
  type AddressProblemCode,
  type ComplianceReason,
  type ComplianceResult,
  type LineVerdict,
  type ReasonCode,
  type ServiceVerdict,
  type Verdict,
} from './verdict.js';

/** Validates a raw request (throws a `validation` ConcordError) and evaluates it. */
export function checkCompliance(
  request: unknown,
  rules: ComplianceRuleSet,
  options: EvaluateOptions,
): ComplianceResult {
  return evaluateCompliance(validateComplianceInput(request), rules, options);
}
