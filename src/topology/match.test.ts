import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeProduct } from '../model/fixtures.js';
import type { Variant } from '../model/index.js';
import { ERP, makeItem, SHOP } from './fixture.js';
import { matchRecords, normaliseKey, type ErpItem } from './match.js';

const variants = (skus: (string | null)[]): Variant[] =>
  makeProduct(SHOP, 1, { variants: skus.map((sku, i) => ({ n: i + 1, sku })) }).variants;
const items = (skus: string[]): ErpItem[] =>
  skus.map((sku, i) => makeItem(ERP, { n: i + 1, sku, price: 100 }));
const keysOf = (r: ReturnType<typeof matchRecords>) => ({
  pairs: r.pairs.map((p) => p.key),
  platformOnly: r.platformOnly.map((u) => u.key),
  erpOnly: r.erpOnly.map((u) => u.key),
  duplicates: r.duplicates.map((d) => d.key),
});

describe('match keys', () => {
  it('given SKUs differing by whitespace or case when matched by sku then whitespace is trimmed and case kept', () => {
    const result = matchRecords('sku', variants([' A-1 ', 'b-2', '', null]), items(['A-1', 'B-2']));
    expect(keysOf(result)).toEqual({
      pairs: ['A-1'],
      platformOnly: [null, null, 'b-2'],
      erpOnly: ['B-2'],
      duplicates: [],
    });
  });

  it('given barcodes when matched by barcode then SKUs are ignored', () => {
    const vs = variants(['X', 'Y']).map((v, i) => ({ ...v, barcode: ['0001', '0002'][i]! }));
    const is = items(['P', 'Q']).map((it, i) => ({ ...it, barcode: [' 0002', null][i] ?? null }));
    const result = matchRecords('barcode', vs, is);
    expect(keysOf(result)).toEqual({
      pairs: ['0002'],
      platformOnly: ['0001'],
      erpOnly: [null],
      duplicates: [],
    });
    expect(result.pairs[0]!.variant.sku).toBe('Y');
  });

  it('given an attribute key when matched then the attribute meets the ERP sku or external id', () => {
    const vs = variants(['X', 'Y']).map((v, i) => ({ ...v, attributes: { erp_code: ['C-1', '2'][i]! } }));
    const is = items(['C-1', 'C-2']);
    expect(keysOf(matchRecords({ field: 'erp_code', erp: 'sku' }, vs, is)).pairs).toEqual(['C-1']);
    expect(keysOf(matchRecords({ field: 'erp_code', erp: 'external_id' }, vs, is)).pairs).toEqual(['2']);
  });

  it('given a cross-reference table when matched then entries join by external id or SKU on each side', () => {
    const vs = variants(['TEE', 'MUG', 'CAP']);
    const is = items(['T-1000', 'M-2000', 'C-3000']);
    const table = [
      { platform: 'TEE', erp: '1' }, // platform by SKU, ERP by external id
      { platform: vs[1]!.external_id, erp: 'M-2000' }, // platform by external id, ERP by SKU
    ];
    const result = matchRecords({ cross_reference: table }, vs, is);
    expect(result.pairs.map((p) => [p.variant.sku, p.item.sku])).toEqual([
      ['TEE', 'T-1000'],
      ['MUG', 'M-2000'],
    ]); // sorted by key: "TEE => 1" before "gid://…/2 => M-2000"
    expect(result.platformOnly.map((u) => u.record.sku)).toEqual(['CAP']);
    expect(result.erpOnly.map((u) => u.record.sku)).toEqual(['C-3000']);
  });

  it('given a key on two records of one side when matched then it is one duplicate and never paired', () => {
    const result = matchRecords('sku', variants(['D', 'D', 'E']), items(['D', 'E', 'E']));
    expect(keysOf(result)).toEqual({ pairs: [], platformOnly: [], erpOnly: [], duplicates: ['D', 'E'] });
    expect(result.duplicates.map((d) => [d.variants.length, d.items.length])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('given any SKUs when matched then every record lands in exactly one bucket', () => {
    const sku = fc.constantFrom('A', 'B', 'C', ' A', 'a', '', 'D');
    fc.assert(
      fc.property(
        fc.array(fc.option(sku), { maxLength: 8 }),
        fc.array(sku, { maxLength: 8 }),
        (vSkus, iSkus) => {
          const vs = variants(vSkus);
          const is = items(iSkus);
          const r = matchRecords('sku', vs, is);
          const seenV = [
            ...r.pairs.map((p) => p.variant),
            ...r.platformOnly.map((u) => u.record),
            ...r.duplicates.flatMap((d) => d.variants),
          ];
          const seenI = [
            ...r.pairs.map((p) => p.item),
            ...r.erpOnly.map((u) => u.record),
            ...r.duplicates.flatMap((d) => d.items),
          ];
          expect(seenV.map((v) => v.id).sort()).toEqual(vs.map((v) => v.id).sort());
          expect(seenI.map((i) => i.id).sort()).toEqual(is.map((i) => i.id).sort());
          for (const p of r.pairs) expect(normaliseKey(p.variant.sku)).toBe(normaliseKey(p.item.sku));
        },
      ),
    );
  });
});
