import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPLIANCE_RULES } from './commerce/compliance/index.js';
import { commerceSettings } from './commerce/quotes/index.js';
import { DEFAULT_SHIPPING_PROFILE } from './commerce/shipping/index.js';
import { ConcordError } from './core/errors.js';
import { applyConfigFile, loadConfigFile, parseConfigFile } from './merchant-config.js';
import { createRuntime, type Runtime } from './runtime.js';
import type { Database } from './store/db.js';
import { openTestDatabase } from './store/testing.js';

const SECRETS = {
  ACME_KEY: 'k'.repeat(32),
  ACME_SHOPIFY_TOKEN: 'shpat_top_secret_token',
  ACME_SHOPIFY_SECRET: 'shopify-app-secret-value',
  NS_CONSUMER_KEY: 'ns-consumer-key-value',
  NS_CONSUMER_SECRET: 'ns-consumer-secret-value',
  NS_TOKEN_ID: 'ns-token-id-value',
  NS_TOKEN_SECRET: 'ns-token-secret-value',
};

const MID_MARKET_YAML = `
merchants:
  - id: mer_acme
    name: Acme Supply
    api_keys: [{ label: agents, secretEnv: ACME_KEY }]
    systems:
      - name: shopify
        vendor: shopify
        shop: acme.myshopify.com
        accessTokenEnv: ACME_SHOPIFY_TOKEN
        apiSecretEnv: ACME_SHOPIFY_SECRET
      - name: netsuite
        vendor: netsuite
        accountId: 1234567_SB1
        consumerKeyEnv: NS_CONSUMER_KEY
        consumerSecretEnv: NS_CONSUMER_SECRET
        tokenIdEnv: NS_TOKEN_ID
        tokenSecretEnv: NS_TOKEN_SECRET
    topology:
      preset: mid_market
      match_key: barcode
      pricing: { price_level: Online }
      ownership:
        fulfillment_status: [platform:fulfillment]
`;

function fileWith(text: string, name = 'concord.yaml'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'concord-config-')), name);
  writeFileSync(path, text);
  return path;
}

/** The error `fn` throws, which must be a ConcordError. */
function errorOf(fn: () => unknown): ConcordError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConcordError) return error;
    throw error;
  }
  throw new Error('expected a ConcordError');
}

let db: Database;
let rt: Runtime;

beforeAll(async () => {
  db = await openTestDatabase();
  rt = createRuntime({ db });
});
afterAll(() => db.close());

describe('given a mid-market merchant configuration file', () => {
  it('when applied then its platform, its ERP, its API key and its topology are registered', async () => {
    await applyConfigFile(rt, loadConfigFile(fileWith(MID_MARKET_YAML)), SECRETS);
    expect(rt.connectors.get('mer_acme', 'shopify')?.vendor).toBe('shopify');
    expect(rt.connectors.erp('mer_acme')?.vendor).toBe('netsuite');
    expect(rt.connectors.list('mer_acme')).toHaveLength(1);
    const topology = rt.topologies.get('mer_acme')!;
    expect(topology.config.preset).toBe('mid_market');
    expect(topology.config.match_key).toBe('barcode');
    expect(topology.config.pricing.price_level).toBe('Online');
    expect(topology.ownership.price.owner.system).toBe('netsuite');
    expect(topology.ownership.product_content.owner.system).toBe('shopify');
    expect(topology.ownership.fulfillment_status.rule).toContain('override');
    expect(topology.systems.map((s) => [s.name, s.category])).toEqual([
      ['shopify', 'platform'],
      ['netsuite', 'erp'],
    ]);
    expect(await rt.merchants.merchantForKey(SECRETS.ACME_KEY)).toBe('mer_acme');
  });

  it('when the same file is JSON then it is read the same way', () => {
    const yaml = loadConfigFile(fileWith(MID_MARKET_YAML));
    const json = loadConfigFile(fileWith(JSON.stringify(yaml), 'concord.json'));
    expect(json).toEqual(yaml);
  });

  it('when a merchant has no topology then it is served under the smb preset', async () => {
    const file = parseConfigFile({
      merchants: [
        {
          id: 'mer_small',
          name: 'Small Shop',
          systems: [
            {
              name: 'shop',
              vendor: 'shopify',
              shop: 'small.myshopify.com',
              accessToken: 't',
              apiSecret: 's',
            },
          ],
        },
      ],
    });
    await applyConfigFile(rt, file, {});
    expect(rt.topologies.get('mer_small')?.config.preset).toBe('smb');
    expect(rt.topologies.get('mer_small')?.ownership.price.owner.system).toBe('shop');
  });
});

describe('given a bad configuration file', () => {
  const base = parseConfigFile(
    (() => {
      const file = loadConfigFile(fileWith(MID_MARKET_YAML));
      return JSON.parse(JSON.stringify(file)) as unknown;
    })(),
  );
  const variant = (edit: (m: Record<string, unknown>) => void) => {
    const copy = JSON.parse(JSON.stringify(base)) as { merchants: Record<string, unknown>[] };
    edit(copy.merchants[0]!);
    return copy;
  };

  it('when a vendor is unknown then the error names the field and the known vendors', () => {
    const error = errorOf(() =>
      parseConfigFile(
        variant((m) => ((m.systems as Record<string, unknown>[])[1]!.vendor = 'sap')),
        'concord.yaml',
      ),
    );
    expect([error.code, error.issues[0]?.field]).toEqual([
      'invalid_config',
      'merchants[0].systems[1].vendor',
    ]);
    expect(error.message).toContain('shopify, medusa, netsuite, tryton');
  });

  it('when the ownership map names a system that is not configured then the error names ownership.<domain>', () => {
    const file = parseConfigFile(
      variant((m) => ((m.topology as Record<string, unknown>).ownership = { price: ['sap:item'] })),
    );
    return expect(applyConfigFile(rt, file, SECRETS)).rejects.toMatchObject({
      code: 'invalid_config',
      issues: [{ field: 'merchants[mer_acme].topology.ownership.price' }],
    });
  });

  it('when a preset is unknown or a topology field is misspelt then it is refused before anything connects', () => {
    const badPreset = errorOf(() =>
      parseConfigFile(variant((m) => ((m.topology as Record<string, unknown>).preset = 'enterprise'))),
    );
    expect(badPreset.issues[0]?.field).toBe('merchants[0].topology.preset');
    const typo = errorOf(() =>
      parseConfigFile(variant((m) => ((m.topology as Record<string, unknown>).matchkey = 'sku'))),
    );
    expect(typo.issues[0]?.field).toBe('merchants[0].topology');
  });

  it('when a secret variable is unset or an ERP setting is missing then no secret value appears in the error', async () => {
    const missing = { ...SECRETS, NS_TOKEN_SECRET: undefined };
    await expect(applyConfigFile(rt, base, missing)).rejects.toMatchObject({ code: 'missing_env' });
    const noAccount = parseConfigFile(
      variant((m) => delete (m.systems as Record<string, unknown>[])[1]!.accountId),
    );
    const error = await applyConfigFile(rt, noAccount, SECRETS).then(
      () => null,
      (e: unknown) => e as ConcordError,
    );
    expect(error?.category).toBe('config');
    const text = JSON.stringify({ message: error?.message, issues: error?.issues, detail: error?.detail });
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  });

  it('when an API key is shorter than 24 characters then it is refused', async () => {
    await expect(applyConfigFile(rt, base, { ...SECRETS, ACME_KEY: 'short' })).rejects.toMatchObject({
      code: 'weak_api_key',
    });
  });
});

describe('given a merchant configuration with quote settings (commerce)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-commerce-'));
  writeFileSync(
    join(dir, 'shipping.json'),
    JSON.stringify({ ...DEFAULT_SHIPPING_PROFILE, name: 'Acme shipping' }),
  );
  writeFileSync(join(dir, 'rules.json'), JSON.stringify({ ...DEFAULT_COMPLIANCE_RULES, name: 'Acme rules' }));
  writeFileSync(
    join(dir, 'bad-shipping.json'),
    JSON.stringify({ ...DEFAULT_SHIPPING_PROFILE, currency: 'dollars' }),
  );
  const merchant = (commerce: Record<string, unknown>) => ({
    merchants: [
      {
        id: 'mer_quotes',
        name: 'Quotes Co',
        systems: [
          { name: 'shop', vendor: 'shopify', shop: 'q.myshopify.com', accessToken: 't', apiSecret: 's' },
        ],
        commerce,
      },
    ],
  });

  it('when applied then the files (relative to the configuration), tax registrations and quote lifetime are used', async () => {
    const file = parseConfigFile(
      merchant({
        shipping_profile: 'shipping.json',
        compliance_rules: 'rules.json',
        tax: { registrations: { us_states: ['NY', 'CA'] }, prices_include_tax: false },
        quote_ttl_seconds: 600,
      }),
    );
    await applyConfigFile(rt, file, {}, join(dir, 'concord.yaml'));
    const settings = commerceSettings(rt, 'mer_quotes');
    expect(settings.shipping.name).toBe('Acme shipping');
    expect(settings.compliance.name).toBe('Acme rules');
    expect(settings.tax.registrations).toEqual({ us_states: ['NY', 'CA'] });
    expect(settings.quote_ttl_seconds).toBe(600);
  });

  it('when a settings file is invalid or missing then the error names the merchant setting', async () => {
    const bad = parseConfigFile(merchant({ shipping_profile: 'bad-shipping.json' }));
    await expect(applyConfigFile(rt, bad, {}, join(dir, 'concord.yaml'))).rejects.toMatchObject({
      code: 'invalid_config',
      issues: [{ field: expect.stringContaining('merchants[mer_quotes].commerce.shipping_profile') }],
    });
    const missing = parseConfigFile(merchant({ compliance_rules: 'nope.yaml' }));
    await expect(applyConfigFile(rt, missing, {}, join(dir, 'concord.yaml'))).rejects.toMatchObject({
      code: 'unreadable_config',
    });
    expect(() => parseConfigFile(merchant({ tax: { registrations: { us_states: ['XX'] } } }))).toThrow(
      /commerce\.tax\.registrations\.us_states/,
    );
  });
});
