/**
 * The default compliance rule set, as plain data a merchant copies and edits: US sanctions
 * (OFAC comprehensive programmes), alcohol by destination (US states for an out-of-state retailer,
 * countries that prohibit alcohol), minimum drinking ages, and hazmat kept off air services.
 *
 * These are starting points, not legal advice. Each rule cites where it comes from and what is
 * uncertain; lists change (Syria left the OFAC list in July 2025), so merchants must review them.
 *
 * @example
 * const rules = parseRuleSet(DEFAULT_COMPLIANCE_RULES);
 */
import type { ComplianceRuleSetInput } from './rules.js';

/** Category and tag names the default rules treat as alcohol (compared case-insensitively). */
export const ALCOHOL_TERMS = ['alcohol', 'wine', 'beer', 'spirits', 'liquor', 'cider', 'sake'];

const alcohol = { categories: ALCOHOL_TERMS, tags: ALCOHOL_TERMS };

/**
 * Out-of-state retailers may ship wine direct to consumers only in these jurisdictions.
 * Source: Sovos ShipCompliant, "Where Retailers Can Ship DtC" (updated 2024-09-23,
 * https://sovos.com/blog/ship/where-retailers-can-ship-dtc) and Avalara, "States where breweries,
 * distilleries, retailers, and wineries can ship DTC" (as of June 2025). Uncertain: CA and NM admit
 * only retailers from reciprocal states; FL and others exclude dry communities; Alaska appeared on
 * Avalara's 2021 list but not on the 2024–2025 lists. A merchant shipping from inside a state adds
 * its home state (in-state delivery is licensed separately).
 */
const RETAILER_WINE_STATES = ['CA', 'CT', 'DC', 'FL', 'LA', 'NE', 'NH', 'NM', 'ND', 'OR', 'VA', 'WV', 'WY'];

/**
 * Spirits: the retailer states above that also allow any DtC spirits shipping (Avalara, June 2025:
 * AK, AZ, KY, NE, NH, ND, RI, DC for distilleries). The intersection is our inference, not a
 * published retailer list: treat it as conservative.
 */
const RETAILER_SPIRITS_STATES = ['DC', 'NE', 'NH', 'ND'];

/**
 * Beer: the retailer states that also allow DtC beer (Avalara, June 2025: AK, KY, NE, NH, ND, OH,
 * OR, RI, VT, VA, DC for breweries). Again an inferred, conservative intersection.
 */
const RETAILER_BEER_STATES = ['DC', 'NE', 'NH', 'ND', 'OR', 'VA'];

export const DEFAULT_COMPLIANCE_RULES: ComplianceRuleSetInput = {
  version: 1,
  name: 'Concord defaults (US merchant)',
  settings: { variant_min_age_requires_verification: true },
  rules: [
    {
      id: 'ofac_comprehensive',
      kind: 'embargo',
      description: 'Countries under comprehensive US sanctions',
      // OFAC, Sanctions Programs and Country Information (https://ofac.treasury.gov/sanctions-programs-and-country-information):
      // Cuba (31 CFR 515), Iran (31 CFR 560), North Korea (31 CFR 510). Syria is NOT listed: E.O. 14312
      // of 30 June 2025 ended the Syria programme from 1 July 2025 (https://ofac.treasury.gov/sanctions-programs-and-country-information/syria-related-sanctions);
      // some EAR export controls on Syria may remain, see `syria_export_review`.
      source: 'US Treasury OFAC comprehensive sanctions programmes (Cuba, Iran, North Korea), checked 2025',
      destinations: [{ countries: ['CU', 'IR', 'KP'] }],
      effect: 'refused',
    },
    {
      id: 'ofac_crimea',
      kind: 'embargo',
      description: 'Crimea region of Ukraine (E.O. 13685)',
      // Ukrainian postcodes 95–98 (Crimea) and 99 (Sevastopol) per Ukrposhta's scheme; Russian Post
      // numbers the same area 295xxx–299xxx (our inference from Russian Post practice; verify).
      source: 'OFAC Ukraine-/Russia-related sanctions, E.O. 13685 (Crimea embargo, 2014)',
      destinations: [
        {
          countries: ['UA'],
          regions: ['43', '40', 'Crimea', 'Autonomous Republic of Crimea', 'Sevastopol', 'Krym'],
          postal_prefixes: ['95', '96', '97', '98', '99'],
          label: 'Crimea (Ukraine)',
        },
        {
          countries: ['RU'],
          postal_prefixes: ['295', '296', '297', '298', '299'],
          label: 'Crimea (Ukraine)',
        },
      ],
      effect: 'refused',
    },
    {
      id: 'ofac_dnr_lnr',
      kind: 'embargo',
      description: 'So-called DNR / LNR regions of Ukraine (E.O. 14065)',
      // OFAC FAQ 1009: E.O. 14065 does not block the entire Donetsk and Luhansk oblasts; U.S. persons
      // may rely on postal codes and maps. So the whole oblast is flagged for manual review, not refused.
      source: 'OFAC E.O. 14065 and FAQ 1009 (https://ofac.treasury.gov/faqs/1009)',
      destinations: [
        {
          countries: ['UA'],
          regions: ['14', '09', 'Donetsk', 'Donetska', 'Luhansk', 'Luhanska'],
          postal_prefixes: ['83', '84', '85', '86', '87', '91', '92', '93', '94'],
          label: 'the Donetsk or Luhansk region of Ukraine',
        },
      ],
      effect: 'restricted',
    },
    {
      id: 'eu_ukraine_ngca',
      kind: 'embargo',
      enabled: true,
      description: 'Non-government-controlled areas of Zaporizhzhia and Kherson (EU)',
      // Council Regulation (EU) 2022/263 as amended by (EU) 2022/1903 of 6 Oct 2022 extends the EU
      // restrictions to the non-government-controlled areas of these oblasts. Whole oblasts are flagged
      // for review; Zaporizhzhia's "69" prefix is shared with Odesa in some tables (uncertain).
      source: 'Council Regulation (EU) 2022/263, amended by (EU) 2022/1903',
      destinations: [
        {
          countries: ['UA'],
          regions: ['23', '65', 'Zaporizhzhia', 'Zaporizka', 'Kherson', 'Khersonska'],
          postal_prefixes: ['69', '70', '71', '72', '73', '74', '75'],
          label: 'the Zaporizhzhia or Kherson region of Ukraine',
        },
      ],
      effect: 'restricted',
    },
    {
      id: 'syria_export_review',
      kind: 'embargo',
      description: 'Syria: OFAC programme ended July 2025; export licensing may still apply',
      source: 'E.O. 14312 (30 June 2025); US Export Administration Regulations (EAR) controls on Syria',
      destinations: [{ countries: ['SY'] }],
      effect: 'restricted',
    },
    {
      id: 'alcohol_no_import_countries',
      kind: 'destination',
      description: 'Countries that prohibit the import or sale of alcohol',
      // Wikipedia, "List of countries with alcohol prohibition" (Afghanistan, Brunei, Kuwait, Libya,
      // Mauritania, Saudi Arabia, Somalia, Sudan, Yemen; Maldives bans it outside licensed resorts).
      // Partial bans (Bangladesh, Pakistan, some Indian states) are left to the merchant.
      source: 'Wikipedia: List of countries with alcohol prohibition (2025)',
      applies_to: alcohol,
      deny: [{ countries: ['AF', 'BN', 'KW', 'LY', 'MR', 'MV', 'SA', 'SD', 'SO', 'YE'] }],
      effect: 'refused',
      code: 'alcohol_prohibited_destination',
    },
    {
      id: 'alcohol_us_retailer_dtc',
      kind: 'destination',
      description: 'US states where an out-of-state retailer may ship alcohol to consumers',
      source: 'Sovos ShipCompliant "Where Retailers Can Ship DtC" (2024); Avalara DTC summary (June 2025)',
      applies_to: alcohol,
      allow_only: [{ countries: ['US'], regions: RETAILER_WINE_STATES }],
      effect: 'refused',
      code: 'alcohol_prohibited_destination',
    },
    {
      id: 'spirits_us_retailer_dtc',
      kind: 'destination',
      description: 'US states where spirits may be shipped by an out-of-state retailer (inferred)',
      source: 'Avalara DTC summary (June 2025), intersected with the retailer list (our inference)',
      applies_to: { categories: ['spirits', 'liquor'], tags: ['spirits', 'liquor'] },
      allow_only: [{ countries: ['US'], regions: RETAILER_SPIRITS_STATES }],
      effect: 'refused',
      code: 'alcohol_prohibited_destination',
    },
    {
      id: 'beer_us_retailer_dtc',
      kind: 'destination',
      description: 'US states where beer may be shipped by an out-of-state retailer (inferred)',
      source: 'Avalara DTC summary (June 2025), intersected with the retailer list (our inference)',
      applies_to: { categories: ['beer'], tags: ['beer'] },
      allow_only: [{ countries: ['US'], regions: RETAILER_BEER_STATES }],
      effect: 'refused',
      code: 'alcohol_prohibited_destination',
    },
    {
      id: 'alcohol_min_age',
      kind: 'age',
      description: 'Minimum legal purchase age for alcohol',
      // US 21 (National Minimum Drinking Age Act, 23 U.S.C. 158); Japan 20; South Korea 19; Canada 19
      // in most provinces (18 in Alberta, Manitoba and Quebec: we use the stricter 19); 18 elsewhere
      // as a floor (WHO Global Information System on Alcohol and Health lists higher ages in a few places).
      source: '23 U.S.C. 158; WHO GISAH minimum legal purchase age table',
      applies_to: alcohol,
      min_age: 18,
      by_country: { US: 21, JP: 20, KR: 19, CA: 19 },
      require_verification: true,
    },
    {
      id: 'hazmat_no_air',
      kind: 'service_mode',
      description: 'Dangerous goods are not accepted on our air services',
      // 49 CFR Part 175 and the IATA Dangerous Goods Regulations govern air carriage; parcel carriers
      // accept hazmat by air only under a dangerous-goods contract, which the default merchant lacks.
      source: '49 CFR Part 175; IATA Dangerous Goods Regulations',
      applies_to: { hazmat: true },
      excluded_modes: ['air'],
      code: 'hazmat_air_excluded',
    },
  ],
};
