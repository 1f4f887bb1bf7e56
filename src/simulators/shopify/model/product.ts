/**
 * `Product` and `ProductOption` as the simulator stores and serves them. Fields that take
 * arguments (connections, `description(truncateAt)`) are methods on the prototype, so a catalog of
 * 100 000 variants costs one object per record, not one closure per field.
 */
import type { SimContext } from '../context.js';
import { gid, isoTime, moneyV2 } from '../format.js';
import { countOf, emptyConnection, firstOf, nestedConnection } from './common.js';
import type { SortSpec } from '../connections.js';
import type { VariantRecord } from './variant.js';
import { NodeRecord, ResourceRecord } from './node.js';

/** `ProductStatus` values. */
export type ProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED' | 'UNLISTED';

/** One option of a product (Size, Color, Material) and its values in order. */
export class ProductOptionRecord extends NodeRecord {
  constructor(
    readonly num: number,
    readonly name: string,
    readonly position: number,
    readonly values: string[],
  ) {
    super();
  }
  protected get typeName() {
    return 'ProductOption';
  }
  get optionValues() {
    return this.values.map((name, index) => ({
      __typename: 'ProductOptionValue',
      id: gid('ProductOptionValue', this.num * 100 + index + 1),
      name,
      hasVariants: true,
      linkedMetafieldValue: null,
      swatch: null,
      translations: [],
    }));
  }
  translations() {
    return [];
  }
}

const BY_POSITION: SortSpec<VariantRecord> = { value: (v) => v.position, id: (v) => v.num };

/** A `Product` with its options and variants. */
export class ProductRecord extends ResourceRecord {
  variantList: VariantRecord[] = [];
  optionList: ProductOptionRecord[] = [];
  publishedMs: number | null;

  constructor(
    readonly num: number,
    public title: string,
    public handle: string,
    public descriptionHtml: string,
    public vendor: string,
    public productType: string,
    public status: ProductStatus,
    public tags: string[],
    public createdMs: number,
    public updatedMs: number,
  ) {
    super();
    this.publishedMs = status === 'ACTIVE' ? createdMs : null;
  }

  protected get typeName() {
    return 'Product';
  }
  get publishedAt() {
    return this.publishedMs === null ? null : isoTime(this.publishedMs);
  }
  description(args: { truncateAt?: number | null }) {
    const text = this.descriptionHtml
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const at = args.truncateAt;
    return at && text.length > at ? `${text.slice(0, Math.max(0, at - 3)).trimEnd()}...` : text;
  }
  get isGiftCard() {
    return false;
  }
  get hasOnlyDefaultVariant() {
    return this.variantList.length === 1 && this.optionList[0]?.name === 'Title';
  }
  get totalInventory() {
    return this.variantList.reduce((sum, variant) => sum + variant.inventoryQuantity, 0);
  }
  get tracksInventory() {
    return this.variantList.some((variant) => variant.inventoryItem.tracked);
  }
  get hasOutOfStockVariants() {
    return this.variantList.some(
      (variant) => variant.inventoryItem.tracked && variant.inventoryQuantity <= 0,
    );
  }
  get requiresSellingPlan() {
    return false;
  }
  get hasVariantsThatRequiresComponents() {
    return false;
  }
  get templateSuffix() {
    return null;
  }
  get giftCardTemplateSuffix() {
    return null;
  }
  get onlineStoreUrl() {
    return null;
  }
  get onlineStorePreviewUrl() {
    return null;
  }
  get category() {
    return null;
  }
  get featuredMedia() {
    return null;
  }
  get seo() {
    return { title: null, description: null };
  }
  get defaultCursor() {
    return Buffer.from(JSON.stringify({ last_id: this.num, last_value: this.num })).toString('base64');
  }
  options(args: { first?: number | null }) {
    return firstOf(this.optionList, args.first);
  }
  variants(
    args: { first?: number; after?: string; last?: number; before?: string; reverse?: boolean },
    ctx: SimContext,
  ) {
    return nestedConnection(ctx, this.variantList, args, BY_POSITION);
  }
  variantsCount() {
    return countOf(this.variantList.length, null);
  }
  priceRangeV2(_args: unknown, ctx: SimContext) {
    const prices = this.variantList.map((variant) => variant.priceMinor);
    const currency = ctx.state.currency;
    return {
      minVariantPrice: moneyV2(Math.min(...prices), currency),
      maxVariantPrice: moneyV2(Math.max(...prices), currency),
    };
  }
  compareAtPriceRange(_args: unknown, ctx: SimContext) {
    const prices = this.variantList.flatMap((variant) =>
      variant.compareAtMinor === null ? [] : [variant.compareAtMinor],
    );
    if (prices.length === 0) return null;
    const currency = ctx.state.currency;
    return {
      minVariantCompareAtPrice: moneyV2(Math.min(...prices), currency),
      maxVariantCompareAtPrice: moneyV2(Math.max(...prices), currency),
    };
  }
  metafields(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  metafield() {
    return null;
  }
  media(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  collections(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  translations() {
    return [];
  }
}
