import { describe, expect, it } from 'vitest';
import { CatalogAssembler, InventoryAssembler, jsonLines, type JsonObject } from './bulk-jsonl.js';
import { productNode, variantNode } from './fixtures.js';

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(gen: AsyncGenerator<JsonObject>): Promise<JsonObject[]> {
  const out: JsonObject[] = [];
  for await (const o of gen) out.push(o);
  return out;
}

describe('jsonLines', () => {
  it('given JSONL split at arbitrary byte boundaries (even inside a UTF-8 char) then every line parses once', async () => {
    const lines = [
      { id: 'gid://shopify/Product/1', title: 'Café ☕' },
      { id: 'gid://shopify/ProductVariant/2', __parentId: 'gid://shopify/Product/1' },
    ];
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n\n';
    for (const size of [1, 3, 7, 1000]) {
      expect(await collect(jsonLines(chunks(text, size)))).toEqual(lines);
    }
  });

  it('given a broken line then it is an upstream error naming the line number', async () => {
    await expect(collect(jsonLines(chunks('{"id":"a"}\n{oops\n', 4)))).rejects.toThrow(/line 2/);
  });
});

describe('CatalogAssembler', () => {
  function lines(): JsonObject[] {
    const { variants, ...product } = productNode();
    void variants;
    const v1 = variantNode();
    const { metafields: _m, ...v1Bare } = v1;
    const v2 = { ...v1Bare, id: 'gid://shopify/ProductVariant/2', position: 2 };
    return [
      // Children before their parent and interleaved: groupObjects false promises no order.
      { key: 'material', type: 'single_line_text_field', value: 'Nylon', __parentId: v1.id },
      { ...v2, __parentId: product.id },
      { ...product },
      { ...v1Bare, __parentId: product.id },
      { key: 'hazmat', type: 'boolean', value: 'true', __parentId: v1.id },
    ];
  }

  it('given lines in any order then products get all their variants and variants their metafields', () => {
    const assembler = new CatalogAssembler();
    for (const line of lines()) assembler.add(line);
    const [product, ...rest] = assembler.products();
    expect(rest).toHaveLength(0);
    expect(product!.variants.nodes.map((v) => v.id).sort()).toEqual([
      'gid://shopify/ProductVariant/2',
      'gid://shopify/ProductVariant/43729076',
    ]);
    const v1 = product!.variants.nodes.find((v) => v.id === 'gid://shopify/ProductVariant/43729076')!;
    expect(v1.metafields.nodes).toEqual([
      { key: 'material', type: 'single_line_text_field', value: 'Nylon' },
      { key: 'hazmat', type: 'boolean', value: 'true' },
    ]);
    expect(product!.variants.pageInfo.hasNextPage).toBe(false);
    expect(product).not.toHaveProperty('__parentId');
  });
});

describe('InventoryAssembler', () => {
  const item = {
    id: 'gid://shopify/InventoryItem/1',
    sku: 'A',
    tracked: true,
    updatedAt: '2026-01-01T00:00:00Z',
    variant: { id: 'gid://shopify/ProductVariant/1' },
  };
  const level = (n: number) => ({
    id: `gid://shopify/InventoryLevel/${n}?inventory_item_id=1`,
    updatedAt: '2026-01-01T00:00:00Z',
    location: { id: `gid://shopify/Location/${n}` },
    quantities: [{ name: 'available', quantity: n }],
    __parentId: item.id,
  });

  it('given a level after its item then it is paired at once; one before waits for rest()', () => {
    const assembler = new InventoryAssembler();
    expect(assembler.add(level(1))).toBeNull();
    expect(assembler.add(item)).toBeNull();
    expect(assembler.add(level(2))?.level.id).toBe(level(2).id);
    expect(assembler.rest().map((p) => [p.item.id, p.level.id])).toEqual([[item.id, level(1).id]]);
    expect(assembler.rest()).toEqual([]);
  });

  it('given a level whose item never comes then it is dropped', () => {
    const assembler = new InventoryAssembler();
    assembler.add({ ...level(3), __parentId: 'gid://shopify/InventoryItem/404' });
    expect(assembler.rest()).toEqual([]);
  });
});
