/**
 * `Customer`: contact details (2026-10 exposes them as `defaultEmailAddress { emailAddress }` and
 * `defaultPhoneNumber { phoneNumber }`; the deprecated `email` / `phone` still resolve), tags,
 * addresses and the orders placed.
 */
import type { SimContext } from '../context.js';
import { moneyV2 } from '../format.js';
import { BY_ID, emptyConnection, firstOf, nestedConnection } from './common.js';
import type { MailingAddressRecord } from './address.js';
import type { OrderRecord } from './order.js';
import { ResourceRecord } from './node.js';

/** A `Customer`. */
export class CustomerRecord extends ResourceRecord {
  addressList: MailingAddressRecord[] = [];
  defaultAddress: MailingAddressRecord | null = null;
  orderList: OrderRecord[] = [];
  note: string | null = null;
  state: 'ENABLED' | 'DISABLED' | 'INVITED' | 'DECLINED' = 'DISABLED';
  verifiedEmail = true;
  taxExempt = false;
  locale = 'en';

  constructor(
    readonly num: number,
    public email: string | null,
    public phone: string | null,
    public firstName: string | null,
    public lastName: string | null,
    public tags: string[],
    public createdMs: number,
    public updatedMs: number,
  ) {
    super();
  }

  protected get typeName() {
    return 'Customer';
  }
  get displayName() {
    const name = [this.firstName, this.lastName].filter(Boolean).join(' ');
    return name || this.email || this.phone || '';
  }
  get defaultEmailAddress() {
    if (!this.email) return null;
    return {
      emailAddress: this.email,
      marketingState: 'NOT_SUBSCRIBED',
      marketingOptInLevel: null,
      marketingUpdatedAt: null,
      marketingUnsubscribeUrl: `https://example.com/unsubscribe/${this.num}`,
      openTrackingLevel: 'UNKNOWN',
      openTrackingUrl: `https://example.com/open/${this.num}`,
      sourceLocation: null,
      validFormat: true,
    };
  }
  get defaultPhoneNumber() {
    if (!this.phone) return null;
    return {
      phoneNumber: this.phone,
      smsMarketingConsent: {
        state: 'NOT_SUBSCRIBED',
        optInLevel: null,
        updatedAt: null,
        collectedFrom: null,
        sourceLocation: null,
      },
      whatsAppMarketingConsent: {
        state: 'NOT_SUBSCRIBED',
        optInLevel: null,
        updatedAt: null,
        collectedFrom: null,
        sourceLocation: null,
      },
    };
  }
  get emailMarketingConsent() {
    return null;
  }
  get smsMarketingConsent() {
    return null;
  }
  get validEmailAddress() {
    return !!this.email;
  }
  get taxExemptions() {
    return [];
  }
  get multipassIdentifier() {
    return null;
  }
  get canDelete() {
    return this.orderList.length === 0;
  }
  get dataSaleOptOut() {
    return false;
  }
  get numberOfOrders() {
    return String(this.orderList.length);
  }
  get lastOrder() {
    return this.orderList[this.orderList.length - 1] ?? null;
  }
  get lifetimeDuration() {
    return 'about 1 year';
  }
  get productSubscriberStatus() {
    return 'NEVER_SUBSCRIBED';
  }
  amountSpent(_args: unknown, ctx: SimContext) {
    const spent = this.orderList.reduce((sum, order) => sum + order.totalMinor - order.refundedMinor, 0);
    return moneyV2(spent, ctx.state.currency);
  }
  addresses(args: { first?: number | null }) {
    return firstOf(this.addressList, args.first);
  }
  addressesV2(args: { first?: number; after?: string; reverse?: boolean }, ctx: SimContext) {
    return nestedConnection(ctx, this.addressList, args, BY_ID);
  }
  orders(args: { first?: number; after?: string; reverse?: boolean }, ctx: SimContext) {
    return nestedConnection(ctx, this.orderList, args, BY_ID);
  }
  metafields(args: { first?: number; after?: string }, ctx: SimContext) {
    return emptyConnection(ctx, args);
  }
  metafield() {
    return null;
  }
  /** REST-shaped customer for webhook payloads. */
  toRest() {
    return {
      id: this.num,
      email: this.email,
      first_name: this.firstName,
      last_name: this.lastName,
      phone: this.phone,
      tags: this.tags.join(', '),
      created_at: this.createdAt,
      updated_at: this.updatedAt,
      admin_graphql_api_id: this.id,
    };
  }
}
