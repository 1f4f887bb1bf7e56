/**
 * The `Shop` object: identity, currency, timezone, plan and address of the simulated merchant.
 */
import { gid, isoTime } from '../format.js';
import { NodeRecord } from './node.js';

/** What identifies the simulated shop. */
export interface ShopSettings {
  domain: string;
  name: string;
  currency: string;
  planDisplayName: string;
  shopifyPlus: boolean;
  createdMs: number;
}

/** The `Shop`. */
export class ShopRecord extends NodeRecord {
  readonly num = 79_123_456_789;

  constructor(private readonly settings: ShopSettings) {
    super();
  }

  protected get typeName() {
    return 'Shop';
  }
  get name() {
    return this.settings.name;
  }
  get myshopifyDomain() {
    return this.settings.domain;
  }
  get url() {
    return `https://${this.settings.domain}`;
  }
  get email() {
    return `owner@${this.settings.domain}`;
  }
  get contactEmail() {
    return `support@${this.settings.domain}`;
  }
  get currencyCode() {
    return this.settings.currency;
  }
  get enabledPresentmentCurrencies() {
    return [this.settings.currency];
  }
  get ianaTimezone() {
    return 'America/New_York';
  }
  get timezoneAbbreviation() {
    return 'EST';
  }
  get timezoneOffset() {
    return '-0500';
  }
  get timezoneOffsetMinutes() {
    return -300;
  }
  get weightUnit() {
    return 'KILOGRAMS';
  }
  get unitSystem() {
    return 'METRIC_SYSTEM';
  }
  get taxesIncluded() {
    return false;
  }
  get taxShipping() {
    return false;
  }
  get setupRequired() {
    return false;
  }
  get checkoutApiSupported() {
    return true;
  }
  get transactionalSmsDisabled() {
    return false;
  }
  get marketingSmsConsentEnabledAtCheckout() {
    return false;
  }
  get description() {
    return 'Outdoor, kitchen and everyday gear — a simulated Shopify merchant for Concord.';
  }
  get shopOwnerName() {
    return 'Sandbox Owner';
  }
  get orderNumberFormatPrefix() {
    return '#';
  }
  get orderNumberFormatSuffix() {
    return '';
  }
  get shipsToCountries() {
    return ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU', 'IE'];
  }
  get createdAt() {
    return isoTime(this.settings.createdMs);
  }
  get updatedAt() {
    return isoTime(this.settings.createdMs);
  }
  get plan() {
    return {
      partnerDevelopment: false,
      shopifyPlus: this.settings.shopifyPlus,
      publicDisplayName: this.settings.planDisplayName,
      displayName: this.settings.planDisplayName,
    };
  }
  get primaryDomain() {
    return {
      id: gid('Domain', this.num),
      host: this.settings.domain,
      url: this.url,
      sslEnabled: true,
      localization: null,
    };
  }
  get shopAddress() {
    return {
      id: gid('ShopAddress', this.num),
      address1: '150 Elgin Street',
      address2: 'Suite 800',
      city: 'New York',
      company: this.settings.name,
      country: 'United States',
      countryCodeV2: 'US',
      province: 'New York',
      provinceCode: 'NY',
      zip: '10001',
      phone: '+12125550100',
      latitude: null,
      longitude: null,
      coordinatesValidated: false,
      formattedArea: 'New York, NY, United States',
      formatted: ['150 Elgin Street', 'Suite 800', 'New York NY 10001', 'United States'],
    };
  }
  get alerts() {
    return [];
  }
  get features() {
    return null;
  }
  metafield() {
    return null;
  }
}
