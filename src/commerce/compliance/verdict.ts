/**
 * The shapes of a compliance answer. Every "no" is a `ComplianceReason` with a stable machine
 * `code`, a plain-English `message` that tells an agent what to do next, the `rule_id` that said
 * no, and (when one input field is to blame) its `field` path. Verdicts rank
 * `allowed < restricted < refused`: restricted means "possible, with an action" (verify age, pick a
 * ground service, review manually); refused means "not this line to this place".
 *
 * @example
 * worst(['allowed', 'restricted']); // 'restricted'
 */

export type Verdict = 'allowed' | 'restricted' | 'refused';

/** Machine-readable reason codes, stable across releases. */
export type ReasonCode =
  | 'embargoed_destination'
  | 'alcohol_prohibited_destination'
  | 'restricted_destination'
  | 'age_verification_required'
  | 'below_minimum_age'
  | 'hazmat_air_excluded'
  | 'service_mode_excluded'
  | 'ships_to_countries'
  | 'excluded_country';

export type AddressProblemCode =
  'missing_field' | 'invalid_country' | 'invalid_postcode' | 'invalid_region' | 'po_box_not_deliverable';

export interface ComplianceReason {
  code: ReasonCode;
  /** What the agent can do about it, in plain English. */
  message: string;
  /** How bad it is for this line. */
  effect: Exclude<Verdict, 'allowed'>;
  /** The rule that produced it; built-in variant checks use `variant.*` ids. */
  rule_id: string;
  /** Input field path, e.g. `ship_to.region` or `customer.birth_date`. */
  field?: string;
  /** Where the rule comes from, when the rule cites it. */
  source?: string;
  /** The services this reason is about (service-mode reasons only). */
  service_ids?: string[];
}

/** Whether one candidate service may carry one line. */
export interface ServiceVerdict {
  service_id: string;
  mode: 'air' | 'ground';
  verdict: 'allowed' | 'refused';
  codes: ReasonCode[];
}

export interface LineVerdict {
  /** Position of the line in the request. */
  index: number;
  sku: string | null;
  variant_id: string | null;
  verdict: Verdict;
  reasons: ComplianceReason[];
  /** One entry per candidate service, in request order (empty when none were given). */
  services: ServiceVerdict[];
}

export interface AddressProblem {
  code: AddressProblemCode;
  message: string;
  field: string;
  /** For PO-box problems: the service that cannot deliver there. */
  service_id?: string;
}

export interface ComplianceResult {
  /** The worst line verdict. */
  verdict: Verdict;
  lines: LineVerdict[];
  address: { valid: boolean; problems: AddressProblem[] };
  /** Services every shippable line may use and that can deliver to the address, in request order. */
  usable_service_ids: string[];
}

const RANK: Record<Verdict, number> = { allowed: 0, restricted: 1, refused: 2 };

/** The most severe of several verdicts (`allowed` for none). */
export function worst(verdicts: Iterable<Verdict>): Verdict {
  let out: Verdict = 'allowed';
  for (const v of verdicts) if (RANK[v] > RANK[out]) out = v;
  return out;
}
