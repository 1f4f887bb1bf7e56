/**
 * The compliance check: for each cart line, a verdict (`allowed | restricted | refused`) with every
 * reason, and a verdict per candidate shipping service (a hazmat line may go by ground and not by
 * air); plus the address problems and the services the whole order may still use. Pure: rules,
 * input and clock in, answer out; the same input always gives the same answer.
 *
 * Checks, in order: the variant's own constraints (`ships_to_countries`, `excluded_countries`),
 * embargoes, destination rules, minimum age (rules and `min_age`, strictest wins), service modes.
 * Service-mode rules only apply to lines that require shipping.
 *
 * @example
 * const result = evaluateCompliance(validateComplianceInput(request), parseRuleSet(DEFAULT_COMPLIANCE_RULES),
 *   { now: new Date() });
 * if (result.verdict === 'refused') return result.lines.flatMap((l) => l.reasons);
 */
import { validateAddress } from './address.js';
import { checkAge, strictest, type AgeRequirement } from './age.js';
import type { ComplianceInput, ComplianceSubject } from './input.js';
import {
  countryName,
  firstMatch,
  normalizeCountry,
  outsideAllowList,
  placeName,
  productMatches,
  type Classification,
  type Place,
} from './match.js';
import { messages } from './messages.js';
import type {
  ComplianceRuleSet,
  DestinationMatch,
  DestinationRule,
  EmbargoRule,
  ServiceModeRule,
} from './rules.js';
import {
  worst,
  type ComplianceReason,
  type ComplianceResult,
  type LineVerdict,
  type ServiceVerdict,
} from './verdict.js';

export interface EvaluateOptions {
  /** The clock, for ages. */
  now: Date;
}

const cited = (rule: { source?: string | undefined }) => (rule.source ? { source: rule.source } : {});

/** `ship_to.region` when the match narrowed by region or postcode, else `ship_to.country`. */
function placeField(match: DestinationMatch | undefined): string {
  if (!match) return 'ship_to.country';
  if (match.regions?.length) return 'ship_to.region';
  return match.postal_prefixes?.length ? 'ship_to.postal_code' : 'ship_to.country';
}

function variantReasons(subject: ComplianceSubject, place: Place): ComplianceReason[] {
  const country = normalizeCountry(place.country);
  const out: ComplianceReason[] = [];
  const allowed = subject.constraints.ships_to_countries;
  if (allowed !== null && !allowed.map(normalizeCountry).includes(country)) {
    out.push({
      code: 'ships_to_countries',
      effect: 'refused',
      rule_id: 'variant.ships_to_countries',
      field: 'ship_to.country',
      message: messages.shipsToCountries(allowed.map((c) => countryName(normalizeCountry(c)))),
    });
  }
  if (subject.constraints.excluded_countries.map(normalizeCountry).includes(country)) {
    out.push({
      code: 'excluded_country',
      effect: 'refused',
      rule_id: 'variant.excluded_countries',
      field: 'ship_to.country',
      message: messages.excludedCountry(countryName(country)),
    });
  }
  return out;
}

function embargoReason(rule: EmbargoRule, place: Place): ComplianceReason | undefined {
  const match = firstMatch(place, rule.destinations);
  if (!match) return undefined;
  return {
    code: 'embargoed_destination',
    effect: rule.effect,
    rule_id: rule.id,
    field: placeField(match),
    message: rule.message ?? messages.embargo(placeName(place, match.label), rule.effect === 'refused'),
    ...cited(rule),
  };
}

function destinationReason(rule: DestinationRule, place: Place): ComplianceReason | undefined {
  const denied = firstMatch(place, rule.deny);
  const outside = !denied && outsideAllowList(place, rule.allow_only);
  if (!denied && !outside) return undefined;
  const country = normalizeCountry(place.country);
  const narrowed = rule.allow_only.some((m) => m.countries.includes(country) && (m.regions?.length ?? 0) > 0);
  const name = placeName(place, denied?.label);
  return {
    code: rule.code,
    effect: rule.effect,
    rule_id: rule.id,
    field: denied ? placeField(denied) : narrowed ? 'ship_to.region' : 'ship_to.postal_code',
    message:
      rule.message ??
      (rule.code === 'alcohol_prohibited_destination'
        ? messages.alcohol(name)
        : messages.restrictedDestination(name, rule.effect === 'refused')),
    ...cited(rule),
  };
}

function ageRequirements(
  rules: ComplianceRuleSet,
  subject: ComplianceSubject,
  classification: Classification,
  country: string,
): AgeRequirement[] {
  const out: AgeRequirement[] = [];
  for (const rule of rules.rules) {
    if (rule.kind !== 'age' || !rule.enabled || !productMatches(classification, rule.applies_to)) continue;
    out.push({
      min_age: rule.by_country[country] ?? rule.min_age,
      require_verification: rule.require_verification,
      rule_id: rule.id,
      ...cited(rule),
      ...(rule.message ? { message: rule.message } : {}),
    });
  }
  if (subject.constraints.min_age !== null) {
    out.push({
      min_age: subject.constraints.min_age,
      require_verification: rules.settings.variant_min_age_requires_verification,
      rule_id: 'variant.min_age',
    });
  }
  return out;
}

/** Per-service verdicts and the line-level reasons they imply. */
function serviceChecks(
  modeRules: readonly ServiceModeRule[],
  input: ComplianceInput,
): { services: ServiceVerdict[]; reasons: ComplianceReason[] } {
  const services: ServiceVerdict[] = input.services.map((s) => {
    const codes = modeRules.filter((r) => r.excluded_modes.includes(s.mode)).map((r) => r.code);
    return { service_id: s.id, mode: s.mode, verdict: codes.length ? 'refused' : 'allowed', codes };
  });
  const noneLeft = input.services.length > 0 && services.every((s) => s.verdict === 'refused');
  const reasons = modeRules.flatMap((rule): ComplianceReason[] => {
    const hit = input.services.filter((s) => rule.excluded_modes.includes(s.mode)).map((s) => s.id);
    if (input.services.length > 0 && hit.length === 0) return [];
    return [
      {
        code: rule.code,
        effect: noneLeft ? 'refused' : 'restricted',
        rule_id: rule.id,
        message:
          rule.message ??
          (rule.code === 'hazmat_air_excluded'
            ? messages.hazmatAir(noneLeft)
            : messages.modeExcluded(rule.excluded_modes, noneLeft)),
        ...(hit.length ? { service_ids: hit } : {}),
        ...cited(rule),
      },
    ];
  });
  return { services, reasons };
}

function evaluateLine(
  subject: ComplianceSubject,
  index: number,
  input: ComplianceInput,
  rules: ComplianceRuleSet,
  now: Date,
): LineVerdict {
  const place: Place = input.ship_to;
  const country = normalizeCountry(place.country);
  const classification: Classification = {
    categories: subject.categories,
    tags: subject.tags,
    attributes: subject.attributes,
    hazmat: subject.constraints.hazmat,
  };
  const reasons = variantReasons(subject, place);
  const enabled = rules.rules.filter((r) => r.enabled);
  for (const rule of enabled) {
    const reason =
      rule.kind === 'embargo'
        ? embargoReason(rule, place)
        : rule.kind === 'destination' && productMatches(classification, rule.applies_to)
          ? destinationReason(rule, place)
          : undefined;
    if (reason) reasons.push(reason);
  }
  const requirement = strictest(ageRequirements(rules, subject, classification, country));
  const ageReason = requirement && checkAge(requirement, input.customer, countryName(country), now);
  if (ageReason) reasons.push(ageReason);
  const modeRules = subject.constraints.requires_shipping
    ? enabled.filter(
        (r): r is ServiceModeRule =>
          r.kind === 'service_mode' && productMatches(classification, r.applies_to),
      )
    : [];
  const { services, reasons: modeReasons } = serviceChecks(modeRules, input);
  reasons.push(...modeReasons);
  return {
    index,
    sku: subject.sku ?? null,
    variant_id: subject.variant_id ?? null,
    verdict: worst(reasons.map((r) => r.effect)),
    reasons,
    services,
  };
}

/** Checks every line of a validated request against a validated rule set. */
export function evaluateCompliance(
  input: ComplianceInput,
  rules: ComplianceRuleSet,
  options: EvaluateOptions,
): ComplianceResult {
  const lines = input.lines.map((subject, i) => evaluateLine(subject, i, input, rules, options.now));
  const problems = validateAddress(input.ship_to, { services: input.services });
  const poBlocked = new Set(problems.flatMap((p) => (p.service_id ? [p.service_id] : [])));
  // Lines refused for another reason than a service mode will leave the cart: they do not limit services.
  const modeCodes = new Set(['hazmat_air_excluded', 'service_mode_excluded']);
  const considered = lines.filter(
    (l, i) =>
      input.lines[i]?.constraints.requires_shipping &&
      !l.reasons.some((r) => r.effect === 'refused' && !modeCodes.has(r.code)),
  );
  const usable = input.services
    .filter((s) => !poBlocked.has(s.id))
    .filter((s) =>
      considered.every((l) => l.services.find((v) => v.service_id === s.id)?.verdict !== 'refused'),
    )
    .map((s) => s.id);
  return {
    verdict: worst(lines.map((l) => l.verdict)),
    lines,
    // A PO box is a problem only for the services named; the address itself may still be valid.
    address: { valid: problems.every((p) => p.code === 'po_box_not_deliverable'), problems },
    usable_service_ids: usable,
  };
}
