/**
 * The getters every stored GraphQL object shares, written once: `NodeRecord` serves `__typename`
 * and the `gid://shopify/<Type>/<num>` id from the record's type name and numeric id, and
 * `ResourceRecord` adds `legacyResourceId` and the `createdAt` / `updatedAt` ISO times. They are
 * prototype getters (no per-instance fields), so a catalog of 100 000 variants costs no more memory.
 *
 * @example
 * class OrderRecord extends ResourceRecord {
 *   protected get typeName() {
 *     return 'Order';
 *   }
 *   // num, createdMs, updatedMs …
 * }
 */
import { gid, isoTime } from '../format.js';

/** A record served as a GraphQL object whose id is `gid://shopify/<typeName>/<num>`. */
export abstract class NodeRecord {
  /** Numeric id: the last segment of the gid. */
  abstract readonly num: number;
  /** The GraphQL object type: `__typename` and the type segment of the gid. */
  protected abstract get typeName(): string;

  get __typename() {
    return this.typeName;
  }
  get id() {
    return gid(this.typeName, this.num);
  }
}

/** A node with a numeric `legacyResourceId` and creation / update times (Product, Order, …). */
export abstract class ResourceRecord extends NodeRecord {
  abstract readonly createdMs: number;
  abstract readonly updatedMs: number;

  get legacyResourceId() {
    return String(this.num);
  }
  get createdAt() {
    return isoTime(this.createdMs);
  }
  get updatedAt() {
    return isoTime(this.updatedMs);
  }
}
