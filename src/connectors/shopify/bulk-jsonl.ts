/**
 * Bulk operation results: a JSONL file with one object per line, nested connection nodes on their
 * own lines pointing at their parent with `__parentId`
 * (https://shopify.dev/docs/api/usage/bulk-operations/queries#the-jsonl-data-format). With
 * `groupObjects: false` Shopify does not promise that children follow their parent, so the
 * assemblers index parents by gid and attach children whenever they arrive. The file is read line
 * by line from the response stream, never as one string.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ConcordError } from '../../core/errors.js';
import type {
  ShopifyInventoryItem,
  ShopifyInventoryLevel,
  ShopifyMetafield,
  ShopifyProduct,
  ShopifyVariant,
} from './types.js';

export type JsonObject = Record<string, unknown> & { id?: string; __parentId?: string };

/** Parses a JSONL byte stream into objects, one line at a time (blank lines skipped). */
export async function* jsonLines(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>,
): AsyncGenerator<JsonObject> {
  const input =
    Symbol.asyncIterator in body
      ? Readable.from(body as AsyncIterable<Uint8Array>)
      : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as JsonObject;
    } catch (cause) {
      throw new ConcordError(
        'upstream',
        'shopify_bulk_invalid_jsonl',
        `Bulk result line ${number} is not JSON`,
        { cause },
      );
    }
  }
}

const kindOf = (gid: string | undefined) => /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(gid ?? '')?.[1];

const emptyPage = { hasNextPage: false, endCursor: null };

/** Rebuilds products with their variants and each variant's `custom` metafields. */
export class CatalogAssembler {
  readonly #products = new Map<string, ShopifyProduct>();
  readonly #variants = new Map<string, ShopifyVariant>();
  readonly #orphans: JsonObject[] = [];

  add(obj: JsonObject): void {
    const { __parentId: parent, ...node } = obj;
    const kind = kindOf(node.id);
    if (kind === 'Product' && !parent) {
      this.#products.set(node.id!, {
        ...(node as unknown as ShopifyProduct),
        variants: { nodes: [], pageInfo: emptyPage },
      });
    } else if (kind === 'ProductVariant') {
      this.#variants.set(node.id!, { ...(node as unknown as ShopifyVariant), metafields: { nodes: [] } });
      this.#orphans.push(obj);
    } else if (parent) {
      this.#orphans.push(obj);
    }
  }

  /** The products, each with all of its variants and their metafields. */
  products(): ShopifyProduct[] {
    for (const obj of this.#orphans) {
      const { __parentId: parent, ...node } = obj;
      if (kindOf(node.id) === 'ProductVariant') {
        const variant = this.#variants.get(node.id!)!;
        this.#products.get(parent ?? variant.product?.id ?? '')?.variants.nodes.push(variant);
      } else if (parent && this.#variants.has(parent)) {
        const { key, type, value } = node as unknown as ShopifyMetafield;
        this.#variants.get(parent)!.metafields.nodes.push({ key, type, value });
      }
    }
    this.#orphans.length = 0;
    return [...this.#products.values()];
  }
}

/**
 * Pairs inventory levels with their item. A level whose item has already been read is handed back
 * at once (`add` returns it), so levels stream out as the file is read; the rest wait for `rest()`.
 */
export class InventoryAssembler {
  readonly #items = new Map<string, ShopifyInventoryItem>();
  readonly #waiting: { parent: string; level: ShopifyInventoryLevel }[] = [];

  add(obj: JsonObject): { item: ShopifyInventoryItem; level: ShopifyInventoryLevel } | null {
    const { __parentId: parent, ...node } = obj;
    const kind = kindOf(node.id);
    if (kind === 'InventoryItem' && !parent) {
      this.#items.set(node.id!, {
        ...(node as unknown as ShopifyInventoryItem),
        inventoryLevels: { nodes: [], pageInfo: emptyPage },
      });
      return null;
    }
    if (kind !== 'InventoryLevel' || !parent) return null;
    const level = node as unknown as ShopifyInventoryLevel;
    const item = this.#items.get(parent);
    if (item) return { item, level };
    this.#waiting.push({ parent, level });
    return null;
  }

  /** Levels that arrived before their item (or whose item never came: dropped). */
  rest(): { item: ShopifyInventoryItem; level: ShopifyInventoryLevel }[] {
    const out = this.#waiting.flatMap(({ parent, level }) => {
      const item = this.#items.get(parent);
      return item ? [{ item, level }] : [];
    });
    this.#waiting.length = 0;
    return out;
  }
}
