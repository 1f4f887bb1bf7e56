/**
 * The ACP checkout request bodies as zod schemas, mirroring `schema.agentic_checkout.json`
 * (ACP 2026-04-17, JSON Schema 2020-12) object by object: objects the spec closes
 * (`additionalProperties: false`) are strict here, so an unknown or misspelt field is a 400 naming
 * it; the few the spec leaves open (affiliate attribution, cancel's intent trace, metadata) stay open.
 * Concord adds only sanity bounds the spec leaves out (at most 1 000 line items, ids ≤ 255 chars).
 *
 * Quantity: the spec's request `line_items` are `Item`s (`id`, `name`, `unit_amount`), which carry
 * no quantity (a known gap: agentic-commerce-protocol issue #264, SEP #272, where "quantity omitted:
 * server defaults to 1"). Concord reads each entry as one unit and merges entries with the same id,
 * so three entries `{ "id": "X" }` are one line of quantity 3.
 *
 * @example
 * const body = CreateSessionRequest.parse({ currency: 'usd', line_items: [{ id: 'var_…' }], capabilities: {} });
 */
import { z } from 'zod';

const DateTime = z.iso.datetime({ offset: true });
const Uri = z.url();
const Id = z.string().min(1).max(255);

export const AcpAddress = z
  .object({
    name: z.string().max(255),
    line_one: z.string().max(255),
    line_two: z.string().max(255).optional(),
    city: z.string().max(255),
    state: z.string().max(255),
    country: z.string().max(64),
    postal_code: z.string().max(64),
    company: z.string().max(255).optional(),
  })
  .strict();
export type AcpAddress = z.infer<typeof AcpAddress>;

export const FulfillmentDetails = z
  .object({
    name: z.string().max(255).optional(),
    phone_number: z.string().max(64).optional(),
    email: z.email().max(255).optional(),
    address: AcpAddress.optional(),
  })
  .strict();
export type FulfillmentDetails = z.infer<typeof FulfillmentDetails>;

export const Buyer = z
  .object({
    first_name: z.string().max(255).optional(),
    last_name: z.string().max(255).optional(),
    full_name: z.string().max(255).optional(),
    email: z.email().max(255),
    phone_number: z.string().max(64).optional(),
    customer_id: z.string().max(255).optional(),
    account_type: z.enum(['guest', 'registered', 'business']).optional(),
    authentication_status: z.enum(['authenticated', 'guest', 'requires_signin']).optional(),
    company: z
      .object({
        name: z.string(),
        tax_id: z.string().optional(),
        department: z.string().optional(),
        cost_center: z.string().optional(),
      })
      .strict()
      .optional(),
    loyalty: z
      .object({
        tier: z.string().optional(),
        points_balance: z.number().int().optional(),
        member_since: DateTime.optional(),
      })
      .strict()
      .optional(),
    tax_exemption: z
      .object({
        certificate_id: z.string(),
        certificate_type: z.enum(['resale', 'exempt_organization', 'government']),
        exempt_regions: z.array(z.string()).optional(),
        expires_at: DateTime.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Buyer = z.infer<typeof Buyer>;

const InterventionCapabilities = z
  .object({
    supported: z.array(z.enum(['3ds', 'biometric', 'address_verification'])).optional(),
    required: z.array(z.enum(['3ds', 'biometric'])).optional(),
    enforcement: z.enum(['always', 'conditional', 'optional']).optional(),
    display_context: z.enum(['native', 'webview', 'modal', 'redirect']).optional(),
    redirect_context: z.enum(['in_app', 'external_browser', 'none']).optional(),
    max_redirects: z.number().int().min(0).optional(),
    max_interaction_depth: z.number().int().min(1).optional(),
  })
  .strict();

const PaymentHandlerDeclaration = z
  .object({
    id: z.string(),
    name: z.string(),
    display_name: z.string().optional(),
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    spec: Uri,
    requires_delegate_payment: z.boolean(),
    requires_pci_compliance: z.boolean(),
    psp: z.string(),
    config_schema: Uri,
    instrument_schemas: z.array(Uri),
    config: z.record(z.string(), z.unknown()),
    display_order: z.number().int().optional(),
  })
  .strict();

const ExtensionDeclaration = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z][a-z0-9_-]*(@\d{4}-\d{2}-\d{2})?$|^[a-z][a-z0-9]*(?:\.[a-z][a-z0-9_-]*)+(@\d{4}-\d{2}-\d{2})?$/,
      ),
    extends: z.array(z.string().regex(/^\$\.[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9_]*)*$/)).optional(),
    schema: Uri.optional(),
    spec: Uri.optional(),
  })
  .strict();

const unique = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(v))).size === values.length;

export const Capabilities = z
  .object({
    payment: z
      .object({ handlers: z.array(PaymentHandlerDeclaration) })
      .strict()
      .optional(),
    interventions: InterventionCapabilities.optional(),
    extensions: z
      .union([z.array(z.string()), z.array(ExtensionDeclaration)])
      .refine(unique, 'items must be unique')
      .optional(),
  })
  .strict();
export type Capabilities = z.infer<typeof Capabilities>;

/** One request line item: one unit of the item with this id (see the module comment). */
export const RequestItem = z
  .object({ id: Id, name: z.string().optional(), unit_amount: z.number().int().optional() })
  .strict();

const FulfillmentGroup = z
  .object({
    id: z.string(),
    item_ids: z.array(z.string()),
    destination_type: z.enum(['shipping', 'pickup', 'local_delivery', 'digital']),
    fulfillment_details: FulfillmentDetails.optional(),
    location_id: z.string().optional(),
    instructions: z.string().optional(),
  })
  .strict();

const FlatMetadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** Write-only attribution; open for forward compatibility (the spec: servers SHOULD ignore unknown fields). */
export const AffiliateAttribution = z
  .looseObject({
    provider: z.string(),
    token: z.string().optional(),
    publisher_id: z.string().optional(),
    campaign_id: z.string().optional(),
    creative_id: z.string().optional(),
    sub_id: z.string().optional(),
    source: z
      .object({ type: z.enum(['url', 'platform', 'unknown']), url: Uri.optional() })
      .strict()
      .optional(),
    issued_at: DateTime.optional(),
    expires_at: DateTime.optional(),
    metadata: FlatMetadata.optional(),
    touchpoint: z.enum(['first', 'last']).optional(),
  })
  .refine((a) => a.token !== undefined || a.publisher_id !== undefined, {
    message: 'give token or publisher_id',
    path: ['token'],
  });

const DiscountsRequest = z.object({ codes: z.array(z.string()).optional() }).strict();

export const SelectedFulfillmentOption = z
  .object({
    type: z.enum(['shipping', 'digital', 'pickup', 'local_delivery']),
    option_id: z.string(),
    item_ids: z.array(z.string()),
  })
  .strict();

const OrderNotes = z.string().max(5000);

export const CreateSessionRequest = z
  .object({
    buyer: Buyer.optional(),
    line_items: z.array(RequestItem).min(1).max(1000),
    currency: z.string().max(16),
    fulfillment_details: FulfillmentDetails.optional(),
    capabilities: Capabilities,
    fulfillment_groups: z.array(FulfillmentGroup).optional(),
    affiliate_attribution: AffiliateAttribution.optional(),
    coupons: z.array(z.string()).optional(),
    discounts: DiscountsRequest.optional(),
    locale: z.string().max(64).optional(),
    timezone: z.string().max(64).optional(),
    quote_id: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    order_notes: OrderNotes.optional(),
  })
  .strict();
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

export const UpdateSessionRequest = z
  .object({
    buyer: Buyer.optional(),
    line_items: z.array(RequestItem).max(1000).optional(),
    fulfillment_details: FulfillmentDetails.optional(),
    fulfillment_groups: z.array(FulfillmentGroup).optional(),
    selected_fulfillment_options: z.array(SelectedFulfillmentOption).optional(),
    coupons: z.array(z.string()).optional(),
    discounts: DiscountsRequest.optional(),
    order_notes: OrderNotes.optional(),
  })
  .strict();
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequest>;

const PaymentData = z
  .object({
    handler_id: z.string().optional(),
    instrument: z
      .looseObject({
        type: z.string(),
        credential: z.looseObject({ type: z.string(), token: z.string().min(1).max(2048) }),
      })
      .optional(),
    billing_address: AcpAddress.optional(),
    purchase_order_number: z.string().optional(),
    payment_terms: z.enum(['immediate', 'net_15', 'net_30', 'net_60', 'net_90']).optional(),
    due_date: DateTime.optional(),
    approval_required: z.boolean().optional(),
  })
  .strict()
  .refine(
    (p) =>
      (p.handler_id !== undefined && p.instrument !== undefined) || p.purchase_order_number !== undefined,
    { message: 'give handler_id and instrument (or purchase_order_number)', path: ['handler_id'] },
  );
export type PaymentData = z.infer<typeof PaymentData>;

const AuthenticationResult = z
  .object({
    outcome: z.enum([
      'abandoned',
      'attempt_acknowledged',
      'authenticated',
      'canceled',
      'denied',
      'informational',
      'internal_error',
      'not_supported',
      'processing_error',
      'rejected',
    ]),
    outcome_details: z
      .object({
        three_ds_cryptogram: z.string(),
        electronic_commerce_indicator: z.enum(['01', '02', '05', '06', '07']),
        transaction_id: z.string(),
        version: z.string(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (r) =>
      !['authenticated', 'informational', 'attempt_acknowledged'].includes(r.outcome) ||
      r.outcome_details !== undefined,
    { message: 'outcome_details is required for this outcome', path: ['outcome_details'] },
  );

export const CompleteSessionRequest = z
  .object({
    buyer: Buyer.optional(),
    payment_data: PaymentData,
    authentication_result: AuthenticationResult.optional(),
    affiliate_attribution: AffiliateAttribution.optional(),
    risk_signals: z
      .object({
        ip_address: z.string().optional(),
        user_agent: z.string().optional(),
        accept_language: z.string().optional(),
        session_id: z.string().optional(),
        device_fingerprint: z.string().optional(),
      })
      .strict()
      .optional(),
    marketing_consents: z.array(z.object({ channel: z.string(), opted_in: z.boolean() }).strict()).optional(),
    order_notes: OrderNotes.optional(),
  })
  .strict();
export type CompleteSessionRequest = z.infer<typeof CompleteSessionRequest>;

/**
 * Cancel's optional body. `reason_code` is an extensible enum ("servers SHOULD accept unrecognized
 * values and treat them as other"), so any string is accepted.
 */
export const CancelSessionRequest = z.looseObject({
  intent_trace: z
    .looseObject({
      reason_code: z.string(),
      trace_summary: z.string().max(500).optional(),
      metadata: FlatMetadata.optional(),
    })
    .optional(),
});
