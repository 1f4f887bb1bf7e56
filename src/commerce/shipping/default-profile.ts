/**
 * The sandbox shipping profile: a US merchant (with a Canadian warehouse) shipping US domestic
 * (economy, ground, 2-day and overnight), to Canada, the UK, the EU and the rest of the world.
 * Service codes are the carriers' real ones (UPS Rating API: 01 Next Day Air, 02 2nd Day Air,
 * 03 Ground, 11 Standard, 65 Worldwide Saver; Canada Post: DOM.EP, DOM.XP, USA.EP).
 *
 * Prices are illustrative sandbox data in USD cents, shaped like 2025 retail list prices (a 1 lb
 * UPS Ground parcel around $12, Next Day Air around $50); they are NOT carrier quotes. Transit
 * times are typical published ranges in business days.
 *
 * @example
 * const profile = parseShippingProfile(DEFAULT_SHIPPING_PROFILE);
 */
import type { ShippingProfileInput } from './profile.js';

type Brackets = [upTo: number, price: number][];

/** A weight-bracket rate: `[up_to, price]` pairs in `unit`, plus optional extras. */
function byWeight(
  zone_id: string,
  service_id: string,
  weight_unit: 'g' | 'kg' | 'lb' | 'oz',
  brackets: Brackets,
  extra: { additional?: { per: number; price: number }; free_over?: number } = {},
): ShippingProfileInput['rates'][number] {
  const rows = brackets.map(([up_to, price]) => ({ up_to, price }));
  return { zone_id, service_id, basis: 'weight', weight_unit, brackets: rows, ...extra };
}

const EU = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]; // prettier-ignore

const UPS_SAVER_EUROPE: Brackets = [
  [0.5, 6495],
  [1, 7495],
  [2, 9495],
  [5, 13995],
  [10, 20995],
  [20, 33995],
];
const PMI_EUROPE: Brackets = [
  [1, 5995],
  [4, 7995],
  [10, 11495],
  [20, 17995],
  [44, 34995],
];

export const DEFAULT_SHIPPING_PROFILE: ShippingProfileInput = {
  version: 1,
  name: 'Sandbox profile (US merchant)',
  currency: 'USD',
  location_defaults: { handling_days: 1, timezone: 'America/New_York' },
  locations: [],
  // UPS does not pick up or deliver on these 2026 US holidays (UPS holiday schedule; Independence
  // Day falls on a Saturday in 2026 and is observed Friday 3 July, which we infer).
  holidays: ['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
  zones: [
    { id: 'us', name: 'United States (contiguous)', countries: ['US'] },
    {
      id: 'us_remote',
      name: 'Alaska and Hawaii',
      countries: ['US'],
      regions: ['AK', 'HI'],
      // USPS ZIP prefixes: 995–999 Alaska, 967–968 Hawaii.
      postal_codes: { prefixes: ['967', '968'], ranges: [{ from: '995', to: '999' }] },
    },
    { id: 'canada', name: 'Canada', countries: ['CA'] },
    { id: 'uk', name: 'United Kingdom', countries: ['GB'] },
    { id: 'eu', name: 'European Union', countries: EU },
    { id: 'rest_of_world', name: 'Rest of world', countries: ['*'] },
  ],
  services: [
    {
      id: 'usps_ground_advantage',
      carrier: 'usps',
      service_code: 'GROUND_ADVANTAGE',
      name: 'USPS Ground Advantage',
      mode: 'ground',
      speed: 'economy',
      cutoff_hour: 15,
      delivers_to_po_box: true,
      origin_countries: ['US'],
      transit: [
        { zone_id: 'us', min_days: 2, max_days: 5 },
        { zone_id: 'us_remote', min_days: 3, max_days: 9 },
      ],
    },
    {
      id: 'ups_ground',
      carrier: 'ups',
      service_code: '03',
      name: 'UPS Ground',
      mode: 'ground',
      speed: 'standard',
      cutoff_hour: 16,
      origin_countries: ['US'],
      transit: [{ zone_id: 'us', min_days: 1, max_days: 5 }],
    },
    {
      id: 'ups_2nd_day_air',
      carrier: 'ups',
      service_code: '02',
      name: 'UPS 2nd Day Air',
      mode: 'air',
      speed: 'express',
      cutoff_hour: 16,
      origin_countries: ['US'],
      transit: [
        { zone_id: 'us', min_days: 2, max_days: 2 },
        { zone_id: 'us_remote', min_days: 2, max_days: 3 },
      ],
    },
    {
      id: 'ups_next_day_air',
      carrier: 'ups',
      service_code: '01',
      name: 'UPS Next Day Air',
      mode: 'air',
      speed: 'overnight',
      cutoff_hour: 15,
      origin_countries: ['US'],
      transit: [
        { zone_id: 'us', min_days: 1, max_days: 1 },
        { zone_id: 'us_remote', min_days: 1, max_days: 2 },
      ],
    },
    {
      id: 'ups_standard',
      carrier: 'ups',
      service_code: '11',
      name: 'UPS Standard (to Canada)',
      mode: 'ground',
      speed: 'standard',
      origin_countries: ['US'],
      transit: [{ zone_id: 'canada', min_days: 3, max_days: 7 }],
    },
    {
      id: 'ups_worldwide_saver',
      carrier: 'ups',
      service_code: '65',
      name: 'UPS Worldwide Saver',
      mode: 'air',
      speed: 'express',
      origin_countries: ['US'],
      transit: [
        { zone_id: 'canada', min_days: 1, max_days: 3 },
        { zone_id: 'uk', min_days: 1, max_days: 3 },
        { zone_id: 'eu', min_days: 1, max_days: 4 },
        { zone_id: 'rest_of_world', min_days: 2, max_days: 5 },
      ],
    },
    {
      id: 'usps_priority_mail_international',
      carrier: 'usps',
      service_code: 'PRIORITY_MAIL_INTERNATIONAL',
      name: 'USPS Priority Mail International',
      mode: 'air',
      speed: 'economy',
      delivers_to_po_box: true,
      origin_countries: ['US'],
      transit: [
        { zone_id: 'canada', min_days: 6, max_days: 10 },
        { zone_id: 'uk', min_days: 6, max_days: 10 },
        { zone_id: 'eu', min_days: 6, max_days: 10 },
        { zone_id: 'rest_of_world', min_days: 6, max_days: 15 },
      ],
    },
    {
      id: 'canada_post_expedited',
      carrier: 'canada_post',
      service_code: 'DOM.EP',
      name: 'Canada Post Expedited Parcel',
      mode: 'ground',
      speed: 'standard',
      delivers_to_po_box: true,
      origin_countries: ['CA'],
      transit: [{ zone_id: 'canada', min_days: 1, max_days: 7 }],
    },
    {
      id: 'canada_post_xpresspost',
      carrier: 'canada_post',
      service_code: 'DOM.XP',
      name: 'Canada Post Xpresspost',
      mode: 'air',
      speed: 'express',
      delivers_to_po_box: true,
      origin_countries: ['CA'],
      transit: [{ zone_id: 'canada', min_days: 1, max_days: 2 }],
    },
    {
      id: 'canada_post_expedited_usa',
      carrier: 'canada_post',
      service_code: 'USA.EP',
      name: 'Canada Post Expedited Parcel USA',
      mode: 'ground',
      speed: 'standard',
      delivers_to_po_box: true,
      origin_countries: ['CA'],
      transit: [
        { zone_id: 'us', min_days: 4, max_days: 7 },
        { zone_id: 'us_remote', min_days: 5, max_days: 10 },
      ],
    },
  ],
  rates: [
    // Order value brackets: under $25 → $6.95, under $50 → $4.95, $50 and over free.
    {
      zone_id: 'us',
      service_id: 'usps_ground_advantage',
      basis: 'value',
      brackets: [
        { below: 2500, price: 695 },
        { below: 5000, price: 495 },
        { below: null, price: 0 },
      ],
    },
    byWeight('us_remote', 'usps_ground_advantage', 'lb', [[1, 1195], [5, 1995], [10, 3495], [20, 5995], [70, 12995]]), // prettier-ignore
    byWeight('us', 'ups_ground', 'lb', [[1, 1195], [2, 1295], [5, 1495], [10, 1895], [20, 2695], [50, 4995], [70, 6995]], { additional: { per: 10, price: 995 }, free_over: 7500 }), // prettier-ignore
    byWeight('us', 'ups_2nd_day_air', 'lb', [[1, 2495], [2, 2795], [5, 3695], [10, 5195], [20, 7995], [50, 15995], [70, 20995]]), // prettier-ignore
    byWeight('us_remote', 'ups_2nd_day_air', 'lb', [[1, 3795], [5, 5495], [10, 7795], [20, 11995], [70, 31495]]), // prettier-ignore
    byWeight('us', 'ups_next_day_air', 'lb', [[1, 4995], [2, 5595], [5, 7295], [10, 9995], [20, 14995], [50, 28995], [70, 37995]]), // prettier-ignore
    byWeight('us_remote', 'ups_next_day_air', 'lb', [[1, 7495], [5, 10995], [10, 14995], [20, 22495], [70, 56995]]), // prettier-ignore
    byWeight('canada', 'ups_standard', 'kg', [[1, 2295], [2, 2595], [5, 3295], [10, 4495], [20, 6995], [30, 8995]]), // prettier-ignore
    byWeight('canada', 'ups_worldwide_saver', 'kg', [[0.5, 4995], [1, 5895], [2, 7295], [5, 10495], [10, 15995], [20, 25995]]), // prettier-ignore
    byWeight('uk', 'ups_worldwide_saver', 'kg', UPS_SAVER_EUROPE),
    byWeight('eu', 'ups_worldwide_saver', 'kg', UPS_SAVER_EUROPE),
    byWeight('rest_of_world', 'ups_worldwide_saver', 'kg', [[0.5, 8995], [1, 10495], [2, 12995], [5, 18995], [10, 28995], [20, 45995]]), // prettier-ignore
    byWeight('canada', 'usps_priority_mail_international', 'lb', [[1, 4995], [4, 6195], [10, 8495], [20, 11995], [66, 26995]]), // prettier-ignore
    byWeight('uk', 'usps_priority_mail_international', 'lb', PMI_EUROPE),
    byWeight('eu', 'usps_priority_mail_international', 'lb', PMI_EUROPE),
    byWeight('rest_of_world', 'usps_priority_mail_international', 'lb', [[1, 6495], [4, 8995], [10, 12995], [20, 20995], [44, 38995]]), // prettier-ignore
    byWeight('canada', 'canada_post_expedited', 'kg', [[1, 1495], [2, 1695], [5, 2295], [10, 3195], [30, 5995]]), // prettier-ignore
    byWeight('canada', 'canada_post_xpresspost', 'kg', [[1, 2495], [2, 2895], [5, 3895], [10, 5495], [30, 9995]]), // prettier-ignore
    byWeight('us', 'canada_post_expedited_usa', 'kg', [[1, 2495], [2, 2995], [5, 4295], [10, 6495], [30, 12995]]), // prettier-ignore
    byWeight('us_remote', 'canada_post_expedited_usa', 'kg', [[1, 3495], [5, 5995], [10, 8495], [30, 16995]]), // prettier-ignore
  ],
};
