import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { DEFAULT_COMPLIANCE_RULES } from './default-rules.js';
import { checkCompliance } from './index.js';
import { parseRuleSet, parseRuleSetText, ruleSetJsonSchema, type ComplianceRuleSetInput } from './rules.js';

function issues(value: unknown): string[] {
  try {
    parseRuleSet(value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).category).toBe('config');
    return (error as ConcordError).issues.map((i) => i.field);
  }
}

const constraints = {
  hazmat: false,
  min_age: null,
  requires_shipping: true,
  ships_to_countries: null,
  excluded_countries: [],
};
const wine = { sku: 'WINE', categories: ['wine'], constraints };
const austin = { line1: '1 Congress Ave', city: 'Austin', region: 'TX', postal_code: '78701', country: 'US' };
const adult = { birth_date: '1980-05-01', age_verified: true };
const now = new Date('2026-03-02T15:00:00Z');

describe('compliance rule set', () => {
  it('given the default rule set when parsed then every rule is valid, enabled and cites a source', () => {
    const set = parseRuleSet(DEFAULT_COMPLIANCE_RULES);
    expect(set.rules.length).toBe(DEFAULT_COMPLIANCE_RULES.rules.length);
    expect(set.rules.every((r) => r.enabled && (r.source?.length ?? 0) > 0)).toBe(true);
  });

  it('given duplicate ids, a bad country and an empty applies_to when parsed then each path is named', () => {
    const fields = issues({
      version: 1,
      rules: [
        { id: 'a', kind: 'embargo', destinations: [{ countries: ['cuba'] }] },
        { id: 'a', kind: 'age', applies_to: {}, min_age: 21 },
      ],
    });
    expect(fields.sort()).toEqual([
      'rules[0].destinations[0].countries[0]',
      'rules[1].applies_to',
      'rules[1].id',
    ]);
  });

  it('given a destination rule with neither deny nor allow_only when parsed then rules[0].deny is named', () => {
    expect(
      issues({ version: 1, rules: [{ id: 'x', kind: 'destination', applies_to: { tags: ['t'] } }] }),
    ).toEqual(['rules[0].deny']);
  });

  it('given an unknown kind, an unknown key and a wrong version when parsed then each is reported', () => {
    const fields = issues({
      version: 2,
      extra: true,
      rules: [{ id: 'x', kind: 'tax' }],
    });
    expect(fields.sort()).toEqual(['extra', 'rules[0].kind', 'version']);
  });

  it('given YAML text when parsed then defaults are filled in', () => {
    const set = parseRuleSetText(
      [
        'version: 1',
        'rules:',
        '  - id: no_fireworks_ca',
        '    kind: destination',
        '    applies_to: { tags: [fireworks] }',
        '    deny: [{ countries: [US], regions: [CA] }]',
      ].join('\n'),
    );
    expect(set.rules[0]).toMatchObject({
      enabled: true,
      effect: 'refused',
      code: 'restricted_destination',
      allow_only: [],
    });
    expect(set.settings.variant_min_age_requires_verification).toBe(true);
  });

  it('given text that is not YAML when parsed then a config error says so', () => {
    expect(() => parseRuleSetText('version: [1')).toThrow(/not valid YAML/);
  });

  it('given the JSON Schema when generated then it describes the rule kinds', () => {
    expect(JSON.stringify(ruleSetJsonSchema())).toContain('service_mode');
  });
});

describe('merchant overrides', () => {
  const edited = (edit: (rules: ComplianceRuleSetInput) => void) => {
    const copy = structuredClone(DEFAULT_COMPLIANCE_RULES);
    edit(copy);
    return parseRuleSet(copy);
  };

  it('given the merchant adds TX to the retailer list when wine ships to Texas then the verdict flips to allowed', () => {
    const request = { lines: [wine], ship_to: austin, customer: adult };
    expect(checkCompliance(request, parseRuleSet(DEFAULT_COMPLIANCE_RULES), { now }).verdict).toBe('refused');
    const rules = edited((set) => {
      const rule = set.rules.find((r) => r.id === 'alcohol_us_retailer_dtc');
      if (rule?.kind !== 'destination') throw new Error('rule missing');
      rule.allow_only![0]!.regions!.push('TX');
    });
    expect(checkCompliance(request, rules, { now }).verdict).toBe('allowed');
  });

  it('given the merchant disables the hazmat rule when a hazmat item goes by air then air is allowed', () => {
    const request = {
      lines: [{ sku: 'BATT', constraints: { ...constraints, hazmat: true } }],
      ship_to: austin,
      services: [{ id: 'air', mode: 'air' }],
    };
    const rules = edited((set) => {
      const rule = set.rules.find((r) => r.id === 'hazmat_no_air');
      if (rule) rule.enabled = false;
    });
    expect(checkCompliance(request, rules, { now }).lines[0]!.services[0]!.verdict).toBe('allowed');
  });

  it('given a merchant rule with its own message when it refuses then that message is shown', () => {
    const rules = parseRuleSet({
      version: 1,
      rules: [
        {
          id: 'knives_gb',
          kind: 'destination',
          applies_to: { attributes: { blade: ['fixed'] } },
          deny: [{ countries: ['GB'] }],
          message: 'Fixed blades cannot be sent to the UK; offer the folding model.',
        },
      ],
    });
    const result = checkCompliance(
      {
        lines: [{ sku: 'K', attributes: { Blade: 'Fixed' }, constraints }],
        ship_to: { line1: '1 High St', city: 'Leeds', postal_code: 'LS1 1AA', country: 'GB' },
      },
      rules,
      { now },
    );
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({
        code: 'restricted_destination',
        rule_id: 'knives_gb',
        message: 'Fixed blades cannot be sent to the UK; offer the folding model.',
      }),
    ]);
  });

  it('given variant min_age verification turned off when a declared adult buys a knife then it is allowed', () => {
    const rules = edited((set) => {
      set.settings = { variant_min_age_requires_verification: false };
    });
    const result = checkCompliance(
      {
        lines: [{ sku: 'K', constraints: { ...constraints, min_age: 18 } }],
        ship_to: austin,
        customer: { birth_date: '1990-01-01' },
      },
      rules,
      { now },
    );
    expect(result.verdict).toBe('allowed');
  });
});
