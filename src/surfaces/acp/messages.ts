/**
 * What is wrong with a checkout session, as ACP `messages[]`: a quote's reasons (out of stock,
 * refused to this destination, age checks, no shipping service), a ship-to address the quote
 * refused, and what is still missing (address, email). Errors block payment (the session is
 * `not_ready_for_payment`); infos do not. Each carries an RFC 9535 JSONPath `param` into the
 * session (`$.line_items[0]`, `$.fulfillment_details.address.postal_code`) and Concord's own
 * plain-English text, which says what the agent can do next.
 *
 * Reason codes (src/commerce/compliance/verdict.ts, the shipping allocator) map onto the spec's
 * MessageError codes: destination rules → `region_restricted`, age rules → `age_verification_required`,
 * stock → `out_of_stock`, anything else → `unsupported`.
 *
 * @example
 * quoteMessages(quote); // [{ type: 'error', code: 'out_of_stock', param: '$.line_items[1]', … }]
 */
import type { FieldIssue } from '../../core/errors.js';
import type { Quote } from '../../commerce/quotes/index.js';
import type { AcpMessage, ErrorMessageCode } from './types.js';

const REGION_CODES = new Set([
  'embargoed_destination',
  'alcohol_prohibited_destination',
  'restricted_destination',
  'ships_to_countries',
  'excluded_country',
]);
const AGE_CODES = new Set(['age_verification_required', 'below_minimum_age']);

/** Concord's ship-to field names under ACP's address names. */
const ADDRESS_FIELDS: Record<string, string> = {
  line1: 'line_one',
  line2: 'line_two',
  region: 'state',
  postal_code: 'postal_code',
  city: 'city',
  country: 'country',
  name: 'name',
  company: 'company',
};

export const ADDRESS_PATH = '$.fulfillment_details.address';

const error = (
  code: ErrorMessageCode,
  content: string,
  param?: string,
  resolution: 'recoverable' | 'requires_buyer_input' | 'requires_buyer_review' = 'requires_buyer_input',
): AcpMessage => ({
  type: 'error',
  code,
  ...(param ? { param } : {}),
  resolution,
  content_type: 'plain',
  content,
});

/** `ship_to.region` → `$.fulfillment_details.address.state`; other fields → the address itself. */
export function addressParam(field: string): string {
  const match = /^ship_to\.([a-z0-9_]+)/.exec(field);
  const name = match ? ADDRESS_FIELDS[match[1]!] : undefined;
  return name ? `${ADDRESS_PATH}.${name}` : ADDRESS_PATH;
}

/** The session's path of line `line` (session lines are the quote's lines, in order). */
export const linePath = (line: number) => `$.line_items[${line}]`;

export function missingAddress(): AcpMessage {
  return error('missing', 'Add a shipping address to see shipping options, tax and the total.', ADDRESS_PATH);
}

export function missingEmail(): AcpMessage {
  return error('missing', "Add the buyer's email address (buyer.email).", '$.buyer.email');
}

/** One message per address problem the quote found. */
export function addressMessages(issues: readonly FieldIssue[]): AcpMessage[] {
  return issues.map((i) => error('invalid', i.message, addressParam(i.field)));
}

function lineCode(codes: string[]): ErrorMessageCode {
  if (codes.some((c) => REGION_CODES.has(c))) return 'region_restricted';
  if (codes.some((c) => AGE_CODES.has(c))) return 'age_verification_required';
  return 'unsupported';
}

/** The messages a quote's lines, shipments and reasons call for. */
export function quoteMessages(quote: Quote): AcpMessage[] {
  const out: AcpMessage[] = [];
  for (const line of quote.lines) {
    const param = linePath(line.index);
    const text = line.reasons.map((r) => r.message).join(' ');
    if (line.status === 'unavailable') {
      out.push(
        error(
          'out_of_stock',
          text ||
            `Not enough stock of "${line.title}" for ${line.quantity}; lower the quantity or remove it.`,
          param,
        ),
      );
    } else if (line.status === 'refused') {
      out.push(
        error(
          lineCode(line.reasons.map((r) => r.code)),
          text || `"${line.title}" cannot be sold here.`,
          param,
        ),
      );
    } else {
      for (const reason of line.compliance.reasons) {
        out.push({ type: 'info', param, content_type: 'plain', content: reason.message });
      }
    }
  }
  for (const reason of quote.reasons) out.push(error('invalid', reason.message, '$'));
  const unshippable = quote.shipments.filter((s) => s.options.length === 0);
  for (const shipment of unshippable) {
    const why = shipment.reasons.map((r) => r.message).join(' ');
    out.push(
      error(
        'unsupported',
        why || 'No shipping service reaches this address.',
        '$.fulfillment_options',
        'requires_buyer_input',
      ),
    );
  }
  return out;
}

/** No shipping service is offered by every shipment, so one choice cannot cover the order. */
export function noCommonOption(): AcpMessage {
  return error(
    'unsupported',
    'The items ship from several locations and no single shipping service serves all of them; split the order.',
    '$.fulfillment_options',
  );
}

/** The selected option is not offered (any more); the default was selected instead. */
export function optionReplaced(wanted: string, chosen: string | null): AcpMessage {
  return {
    type: 'info',
    param: '$.selected_fulfillment_options',
    content_type: 'plain',
    content: chosen
      ? `The fulfillment option "${wanted}" is not offered for this cart; "${chosen}" was selected instead.`
      : `The fulfillment option "${wanted}" is not offered for this cart.`,
  };
}

/** Discount codes are not applied by Concord (the discount extension is not active). */
export function discountNotApplied(code: string, index: number): AcpMessage {
  return {
    type: 'warning',
    code: 'discount_code_invalid',
    param: `$.discounts.codes[${index}]`,
    content_type: 'plain',
    content: `The discount code "${code.slice(0, 64)}" cannot be applied: this merchant takes no discount codes here.`,
  };
}

/** The last payment attempt was declined. */
export function paymentDeclined(content: string): AcpMessage {
  return error('payment_declined', content, '$.payment_data', 'requires_buyer_input');
}
