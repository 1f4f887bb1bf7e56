import { describe, expect, it } from 'vitest';
import { ConcordError } from '../core/errors.js';
import { buildTopology, MID_MARKET_PRESET, SMB_PRESET } from './presets.js';
import { parseTopologyConfig } from './schema.js';

const build = (text: string) => buildTopology(parseTopologyConfig(text));
const SHOPIFY = '  - { name: shopify, vendor: shopify, category: platform }\n';
const NETSUITE = '  - { name: netsuite, vendor: netsuite, category: erp }\n';
const SHIPHERO = '  - { name: shiphero, vendor: shiphero, category: wms }\n';

function fieldOfError(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    return (error as ConcordError).issues[0]?.field;
  }
  throw new Error('expected a config error');
}

describe('ownership presets', () => {
  it('given DESIGN.md table when read then smb puts every domain on the platform', () => {
    expect(Object.values(SMB_PRESET).every((targets) => targets.every((t) => t.startsWith('platform')))).toBe(
      true,
    );
    expect(SMB_PRESET.invoice).toEqual(['platform:order']); // the order is the invoice
  });

  it('given DESIGN.md table when read then mid_market matches it domain by domain', () => {
    expect(MID_MARKET_PRESET).toEqual({
      product_content: ['platform:product'],
      price: ['erp:item'],
      inventory: ['erp:inventory_level'],
      customer_identity: ['platform:customer', 'erp:customer'],
      order_record: ['erp:sales_order', 'platform:order'],
      fulfillment_status: ['oms:fulfillment', 'wms:shipment'],
      invoice: ['erp:invoice'],
    });
  });

  it('given smb with only a platform when built then every owner is that platform', () => {
    const topology = build(`systems:\n${SHOPIFY}preset: smb\n`);
    const owners = Object.values(topology.ownership).map((o) => o.owner.system);
    expect(owners).toEqual(Array(7).fill('shopify'));
    expect(topology.ownership.price.rule).toBe('ownership.price = platform:variant (preset smb)');
  });

  it('given mid_market with ERP and WMS when built then price is the ERP item and orders go to both systems', () => {
    const topology = build(`systems:\n${SHOPIFY}${NETSUITE}${SHIPHERO}preset: mid_market\n`);
    expect(topology.ownership.price.owner).toEqual({
      target: 'erp:item',
      system: 'netsuite',
      category: 'erp',
      record: 'item',
    });
    expect(topology.ownership.order_record.writes.map((w) => `${w.system}:${w.record}`)).toEqual([
      'netsuite:sales_order',
      'shopify:order',
    ]);
    expect(topology.ownership.customer_identity.owner.system).toBe('shopify');
    // no OMS connected: the WMS, next in "OMS / WMS", owns fulfillment status
    expect(topology.ownership.fulfillment_status.owner.system).toBe('shiphero');
  });

  it('given an override of one domain when built then only that domain changes', () => {
    const base = build(`systems:\n${SHOPIFY}${NETSUITE}${SHIPHERO}preset: mid_market\n`);
    const changed = build(
      `systems:\n${SHOPIFY}${NETSUITE}${SHIPHERO}preset: mid_market\nownership:\n  price: [shopify]\n`,
    );
    expect(changed.ownership.price.owner.system).toBe('shopify');
    expect(changed.ownership.price.rule).toBe('ownership.price = shopify (override)');
    const { price: _a, ...restBase } = base.ownership;
    const { price: _b, ...restChanged } = changed.ownership;
    expect(restChanged).toEqual(restBase);
  });

  it('given mid_market without an ERP when built then the error names ownership.price', () => {
    expect(fieldOfError(() => build(`systems:\n${SHOPIFY}${SHIPHERO}preset: mid_market\n`))).toBe(
      'ownership.price',
    );
  });

  it('given mid_market without OMS or WMS when built then the error names ownership.fulfillment_status', () => {
    expect(fieldOfError(() => build(`systems:\n${SHOPIFY}${NETSUITE}preset: mid_market\n`))).toBe(
      'ownership.fulfillment_status',
    );
  });

  it('given an override naming an unknown system when built then the error names that domain', () => {
    const text = `systems:\n${SHOPIFY}preset: smb\nownership:\n  invoice: [quickbooks]\n`;
    expect(fieldOfError(() => build(text))).toBe('ownership.invoice');
  });
});
