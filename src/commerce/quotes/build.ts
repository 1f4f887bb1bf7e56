/**
 * Builds a quote from its sources (see `sources.ts`) and the merchant's settings, in the order an
 * agent's three questions need:
 *
 *   compliance (address validity — an invalid address is a 422 —, a verdict per line, the services
 *   the order may use) → availability per location (available-to-promise = the owner's available
 *   minus units other open quotes hold) → shipping (locations chosen, split when no single one can
 *   serve everything, options per shipment) for the lines that may be sold → tax per shipment (its
 *   origin, the ship-to, the selected option's price) → totals, and the holds to take.
 *
 * The owner's `available` is already net of committed units (Shopify: available = on hand −
 * committed − reserved, https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps/manage-quantities-states;
 * NetSuite: quantityavailable = on hand − committed), so only holds are subtracted here.
 *
 * @example
 * const { quote, holds } = await buildQuote({ id, now, request, sources, held, settings });
 */
import { ConcordError } from '../../core/errors.js';
import type { Location, Money } from '../../model/index.js';
import type { HoldRequest } from '../../store/quotes.js';
import { checkCompliance, isPoBox, type ComplianceResult } from '../compliance/index.js';
import { candidateLocations, quoteShipping, type QuotedShipment } from '../shipping/index.js';
import { calculateWithProvider, type TaxResult } from '../tax/index.js';
import type { Quote, QuoteLine, QuoteRequest, Reason, Shipment } from './schema.js';
import type { CommerceSettings } from './settings.js';
import type { QuoteSources, SourcedLine } from './sources.js';

export interface BuildInput {
  id: string;
  now: Date;
  request: QuoteRequest;
  sources: QuoteSources;
  /** Units other open quotes hold, by `stock id|location id`. */
  held: Map<string, number>;
  settings: CommerceSettings;
}

const money = (amount: number, currency: string): Money => ({ amount, currency });

function compliance(input: BuildInput): ComplianceResult {
  const { request, sources, settings } = input;
  const result = checkCompliance(
    {
      lines: sources.lines.map((l) => ({
        sku: l.variant.sku,
        variant_id: l.variant.id,
        categories: l.product?.product_type ? [l.product.product_type] : [],
        tags: l.product?.tags ?? [],
        attributes: l.variant.attributes,
        constraints: l.variant.constraints,
      })),
      ship_to: request.ship_to,
      ...(request.customer.birth_date || request.customer.age_verified !== undefined
        ? {
            customer: {
              ...(request.customer.birth_date ? { birth_date: request.customer.birth_date } : {}),
              age_verified: request.customer.age_verified ?? false,
            },
          }
        : {}),
      services: settings.shipping.services.map((s) => ({
        id: s.id,
        mode: s.mode,
        delivers_to_po_box: s.delivers_to_po_box,
      })),
    },
    settings.compliance,
    { now: input.now },
  );
  const problems = result.address.problems.filter((p) => p.code !== 'po_box_not_deliverable');
  if (problems.length > 0) {
    throw new ConcordError(
      'validation',
      'invalid_address',
      `Invalid ship-to address: ${problems[0]!.message}`,
      {
        issues: problems.map((p) => ({
          field: p.field.startsWith('ship_to') ? p.field : `ship_to.${p.field}`,
          message: p.message,
        })),
      },
    );
  }
  return result;
}

/** The origin of a location: the shipping profile's override, else its address. */
function originOf(settings: CommerceSettings, location: Location | undefined) {
  const override = settings.shipping.locations.find((l) => l.location_id === location?.id)?.origin;
  if (override) return override;
  const a = location?.address;
  return a?.country
    ? {
        country: a.country,
        ...(a.region ? { region: a.region } : {}),
        ...(a.postal_code ? { postal_code: a.postal_code } : {}),
      }
    : null;
}

function availability(input: BuildInput, line: SourcedLine, names: Map<string, Location>) {
  return input.sources.levels
    .filter((l) => (l.variant_id ?? l.item_id) === line.stock_id)
    .map((l) => {
      const held = input.held.get(`${line.stock_id}|${l.location_id}`) ?? 0;
      return {
        location_id: l.location_id,
        location_name: names.get(l.location_id)?.name ?? null,
        system: input.sources.stock_system,
        available: l.available,
        held,
        available_to_promise: Math.max(0, l.available - held),
      };
    })
    .sort((a, b) => (a.location_id < b.location_id ? -1 : 1));
}

function shipping(input: BuildInput, lines: QuoteLine[], sellable: number[], result: ComplianceResult) {
  const { sources, request, settings, now } = input;
  const stock = new Map<string, { variant_id: string; location_id: string; available: number }>();
  for (const index of sellable) {
    const line = sources.lines[index]!;
    for (const a of lines[index]!.availability) {
      stock.set(`${line.variant.id}|${a.location_id}`, {
        variant_id: line.variant.id,
        location_id: a.location_id,
        available: a.available_to_promise,
      });
    }
  }
  const located = candidateLocations(sources.locations).map((l) => ({
    id: l.id,
    origin:
      originOf(
        settings,
        sources.locations.find((x) => x.id === l.id),
      ) ?? l.origin,
  }));
  return quoteShipping(
    settings.shipping,
    {
      lines: sellable.map((index) => {
        const line = sources.lines[index]!;
        return {
          line_id: String(index),
          variant_id: line.variant.id,
          quantity: line.quantity,
          weight: line.variant.weight,
          unit_price: line.unit_price,
          hazmat: line.variant.constraints.hazmat,
        };
      }),
      stock: [...stock.values()],
      locations: located,
      destination: {
        country: request.ship_to.country,
        ...(request.ship_to.region ? { region: request.ship_to.region } : {}),
        ...(request.ship_to.postal_code ? { postal_code: request.ship_to.postal_code } : {}),
      },
      ...(request.preferred_location_id ? { preferred_location_id: request.preferred_location_id } : {}),
      ...(request.preferred_speed ? { preferred_speed: request.preferred_speed } : {}),
      excluded_service_ids: settings.shipping.services
        .map((s) => s.id)
        .filter((id) => !result.usable_service_ids.includes(id)),
      po_box: isPoBox(request.ship_to),
    },
    { now },
  );
}

async function taxOf(input: BuildInput, shipment: QuotedShipment, origin: ReturnType<typeof originOf>) {
  const { sources, settings, request } = input;
  const selected = shipment.rating.options.find((o) => o.service_id === shipment.rating.default_service_id);
  if (!origin) {
    throw new ConcordError(
      'config',
      'location_without_address',
      'A fulfilment location has no address to tax from',
      {
        detail: { location_id: shipment.location_id },
      },
    );
  }
  return calculateWithProvider(settings.tax.provider, {
    currency: sources.currency,
    prices_include_tax: settings.tax.prices_include_tax,
    origin,
    ship_to: {
      country: request.ship_to.country,
      ...(request.ship_to.region ? { region: request.ship_to.region } : {}),
      ...(request.ship_to.postal_code ? { postal_code: request.ship_to.postal_code } : {}),
    },
    ...(settings.tax.registrations ? { registrations: settings.tax.registrations } : {}),
    lines: shipment.lines.map((s) => {
      const line = sources.lines[Number(s.line_id)]!;
      return {
        id: `${s.line_id}@${shipment.location_id}`,
        unit_amount: line.unit_price.amount,
        quantity: s.quantity,
        category: settings.tax.category(line.variant, line.product),
        taxable: line.variant.taxable,
      };
    }),
    ...(selected ? { shipping: { amount: selected.price.amount } } : {}),
  });
}

function lineReasons(result: ComplianceResult, index: number): Reason[] {
  return (result.lines[index]?.reasons ?? []).map((r) => ({
    code: r.code,
    message: r.message,
    ...(r.field ? { field: r.field } : {}),
  }));
}

/** Builds the quote and the holds its stock needs (see the module comment). */
export async function buildQuote(input: BuildInput): Promise<{ quote: Quote; holds: HoldRequest[] }> {
  const { sources, settings } = input;
  const currency = sources.currency;
  const names = new Map(sources.locations.map((l) => [l.id, l]));
  const verdicts = compliance(input);
  const lines: QuoteLine[] = sources.lines.map((line, index) => {
    const verdict = verdicts.lines[index]?.verdict ?? 'allowed';
    return {
      index,
      variant_id: line.variant.id,
      product_id: line.variant.product_id,
      sku: line.variant.sku,
      title: line.product ? `${line.product.title} - ${line.variant.title}` : line.variant.title,
      quantity: line.quantity,
      unit_price: line.unit_price,
      price_source: line.price_source,
      subtotal: money(line.unit_price.amount * line.quantity, currency),
      tax: money(0, currency),
      taxes: [],
      availability: availability(input, line, names),
      compliance: { verdict, reasons: lineReasons(verdicts, index) },
      status: verdict === 'refused' ? 'refused' : 'ok',
      reasons: verdict === 'refused' ? lineReasons(verdicts, index) : [],
    };
  });
  const sellable = lines.filter((l) => l.status === 'ok').map((l) => l.index);
  const shipped = sellable.length > 0 ? shipping(input, lines, sellable, verdicts) : null;
  for (const u of shipped?.unservable ?? []) {
    const line = lines[Number(u.line_id)]!;
    line.status = 'unavailable';
    line.reasons.push({ code: u.reason, message: u.message, field: `lines[${line.index}].quantity` });
  }
  const shipments: Shipment[] = [];
  const holds: HoldRequest[] = [];
  const taxes: TaxResult[] = [];
  for (const s of shipped?.shipments ?? []) {
    const tax = await taxOf(input, s, originOf(settings, names.get(s.location_id)));
    taxes.push(tax);
    for (const t of tax.lines) {
      const line = lines[Number(t.id.split('@')[0])]!;
      line.tax = money(line.tax.amount + t.tax, currency);
      line.taxes.push(
        ...t.jurisdictions.map((j) => ({
          code: j.code,
          name: j.name,
          kind: j.kind,
          rate: j.rate,
          taxable_amount: money(j.taxable_amount, currency),
          tax: money(j.tax, currency),
        })),
      );
    }
    for (const a of s.lines) {
      const line = sources.lines[Number(a.line_id)]!;
      const level = lines[Number(a.line_id)]!.availability.find((x) => x.location_id === s.location_id);
      holds.push({
        system: sources.stock_system,
        parent_id: line.stock_id,
        location_id: s.location_id,
        quantity: a.quantity,
        available: level?.available ?? 0,
      });
    }
    shipments.push({
      location_id: s.location_id,
      location_name: names.get(s.location_id)?.name ?? null,
      lines: s.lines.map((a) => ({ line: Number(a.line_id), quantity: a.quantity })),
      options: s.rating.options.map((o) => ({
        id: o.service_id,
        carrier: o.carrier,
        service: o.service_code,
        name: o.name,
        mode: o.mode,
        speed: o.speed,
        price: o.price,
        estimated_delivery: o.estimated_delivery,
      })),
      selected_option_id: s.rating.default_service_id,
      shipping_tax: money(tax.shipping?.tax ?? 0, currency),
      reasons: [
        ...s.rating.unavailable.map((u) => ({ code: u.reason, message: u.message })),
        ...(s.rating.message ? [{ code: 'no_shipping_option', message: s.rating.message }] : []),
      ],
    });
  }
  return { quote: assemble(input, lines, shipments, taxes), holds: mergeHolds(holds) };
}

/** One hold per (stock record, location): lines of one variant in one shipment add up. */
function mergeHolds(holds: HoldRequest[]): HoldRequest[] {
  const out = new Map<string, HoldRequest>();
  for (const h of holds) {
    const key = `${h.parent_id}|${h.location_id}`;
    const known = out.get(key);
    out.set(key, known ? { ...known, quantity: known.quantity + h.quantity } : h);
  }
  return [...out.values()];
}

function assemble(input: BuildInput, lines: QuoteLine[], shipments: Shipment[], taxes: TaxResult[]): Quote {
  const { request, sources, settings, now, id } = input;
  const currency = sources.currency;
  const ok = lines.filter((l) => l.status === 'ok');
  const subtotal = ok.reduce((sum, l) => sum + l.subtotal.amount, 0);
  const shippingTotal = shipments.reduce(
    (sum, s) => sum + (s.options.find((o) => o.id === s.selected_option_id)?.price.amount ?? 0),
    0,
  );
  const tax = taxes.reduce((sum, t) => sum + t.totals.tax, 0);
  const byCode = new Map<string, Quote['tax']['by_jurisdiction'][number]>();
  for (const j of taxes.flatMap((t) => t.jurisdictions)) {
    const key = `${j.code}|${j.rate}`;
    const known = byCode.get(key);
    byCode.set(key, {
      code: j.code,
      name: j.name,
      kind: j.kind,
      rate: j.rate,
      taxable_amount: money((known?.taxable_amount.amount ?? 0) + j.taxable_amount, currency),
      tax: money((known?.tax.amount ?? 0) + j.tax, currency),
    });
  }
  const total = settings.tax.prices_include_tax ? subtotal + shippingTotal : subtotal + shippingTotal + tax;
  return {
    id,
    status: 'open',
    verdict: ok.length === lines.length ? 'ok' : ok.length === 0 ? 'refused' : 'partial',
    reasons: [],
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + settings.quote_ttl_seconds * 1000).toISOString(),
    currency,
    prices_include_tax: settings.tax.prices_include_tax,
    customer: { email: request.customer.email },
    ship_to: request.ship_to,
    lines,
    shipments,
    tax: {
      provider: taxes[0]?.provider ?? settings.tax.provider.name,
      table_version: taxes[0]?.table_version ?? null,
      by_jurisdiction: [...byCode.values()],
    },
    totals: {
      subtotal: money(subtotal, currency),
      shipping: money(shippingTotal, currency),
      tax: money(tax, currency),
      total: money(total, currency),
    },
    order_id: null,
  };
}
