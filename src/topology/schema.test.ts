import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../core/errors.js';
import { MID_MARKET_YAML } from './fixture.js';
import { parseTopologyConfig, validateTopologyConfig } from './schema.js';
import { renderTopologySchema, SCHEMA_PATH } from './write-schema.js';

function issuesOf(text: string): string[] {
  try {
    parseTopologyConfig(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    const e = error as ConcordError;
    expect(e.category).toBe('config');
    return e.issues.length > 0 ? e.issues.map((i) => i.field) : [e.code];
  }
  throw new Error('expected the topology to be rejected');
}

const SYSTEMS = `
systems:
  - { name: shopify, vendor: shopify, category: platform }
  - { name: netsuite, vendor: netsuite, category: erp }
`;

describe('topology config', () => {
  it('given the mid-market YAML when parsed then defaults fill match key, pricing, rules and version', () => {
    const config = parseTopologyConfig(MID_MARKET_YAML);
    expect(config).toMatchObject({ version: 1, preset: 'mid_market', match_key: 'sku', rules: [] });
    expect(config.pricing.price_level).toBeNull();
    expect(config.ownership?.fulfillment_status).toEqual(['platform:fulfillment']);
  });

  it('given the same topology as JSON when parsed then it equals the YAML one', () => {
    const json = JSON.stringify({
      systems: [
        { name: 'shopify', vendor: 'shopify', category: 'platform' },
        { name: 'netsuite', vendor: 'netsuite', category: 'erp' },
      ],
      preset: 'mid_market',
      ownership: { fulfillment_status: ['platform:fulfillment'] },
    });
    expect(parseTopologyConfig(json)).toEqual(parseTopologyConfig(MID_MARKET_YAML));
  });

  it('given each match-key form when parsed then each is accepted', () => {
    const forms = [
      'sku',
      'barcode',
      '{ field: erp_code }',
      '{ field: erp_code, erp: external_id }',
      '{ cross_reference: [{ platform: "TEE-1", erp: "1042" }] }',
    ];
    const parsed = forms.map(
      (f) => parseTopologyConfig(`${SYSTEMS}preset: smb\nmatch_key: ${f}\n`).match_key,
    );
    expect(parsed).toEqual([
      'sku',
      'barcode',
      { field: 'erp_code', erp: 'sku' },
      { field: 'erp_code', erp: 'external_id' },
      { cross_reference: [{ platform: 'TEE-1', erp: '1042' }] },
    ]);
  });

  it.each([
    [
      'a bad category',
      `systems:\n  - { name: shopify, vendor: shopify, category: pos }\npreset: smb\n`,
      'systems[0].category',
    ],
    ['a missing vendor', `systems:\n  - { name: a, category: erp }\npreset: smb\n`, 'systems[0].vendor'],
    ['an unknown preset', `${SYSTEMS}preset: enterprise\n`, 'preset'],
    [
      'a bad ownership target',
      `${SYSTEMS}preset: smb\nownership:\n  price: ["ERP item"]\n`,
      'ownership.price[0]',
    ],
    ['an empty ownership entry', `${SYSTEMS}preset: smb\nownership:\n  invoice: []\n`, 'ownership.invoice'],
    ['a bad match key', `${SYSTEMS}preset: smb\nmatch_key: { field: "" }\n`, 'match_key.field'],
    [
      'a duplicate system',
      `${SYSTEMS}  - { name: shopify, vendor: shopify, category: platform }\npreset: smb\n`,
      'systems[2].name',
    ],
    [
      'a system named like a category',
      `systems:\n  - { name: erp, vendor: netsuite, category: erp }\npreset: smb\n`,
      'systems[0].name',
    ],
    [
      'a price level of the wrong type',
      `${SYSTEMS}preset: smb\npricing: { price_level: 3 }\n`,
      'pricing.price_level',
    ],
    [
      'a well-formed but reserved rule',
      `${SYSTEMS}preset: mid_market\nrules:\n  - { kind: channel, channels: [amazon], domain: price, owner: [platform] }\n`,
      'rules',
    ],
    [
      'a malformed rule',
      `${SYSTEMS}preset: smb\nrules:\n  - { kind: channel, domain: price, owner: [erp] }\n`,
      'rules[0].channels',
    ],
  ])('given %s when parsed then the error names the path', (_what, text, path) => {
    expect(issuesOf(text)).toContain(path);
  });

  it('given a path error when thrown then the message names the path too', () => {
    expect(() => parseTopologyConfig(`${SYSTEMS}preset: enterprise\n`)).toThrow(/preset:/);
  });

  it('given text that is not YAML when parsed then a config error says so with the line', () => {
    expect(issuesOf('systems: [\n  { name: a\n')).toEqual(['topology_unreadable']);
    expect(() => parseTopologyConfig('a: b: c')).toThrow(/line 1/);
  });

  it('given a non-object when validated then the root is named', () => {
    expect(() => validateTopologyConfig('just text')).toThrow(/\(root\)/);
  });
});

describe('published JSON Schema', () => {
  it('given the zod schema when rendered then the committed topology.schema.json equals it (run write-schema.ts)', () => {
    const committed: unknown = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
    expect(committed).toEqual(JSON.parse(renderTopologySchema()));
  });

  it('given the committed schema when used by ajv then it accepts a good file and rejects a bad category', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
    expect(
      validate({ systems: [{ name: 'shopify', vendor: 'shopify', category: 'platform' }], preset: 'smb' }),
    ).toBe(true);
    expect(
      validate({ systems: [{ name: 'shopify', vendor: 'shopify', category: 'pos' }], preset: 'smb' }),
    ).toBe(false);
  });
});
