/**
 * The catalog the seeded merchant sells: six product families (apparel, footwear, outdoor gear,
 * kitchen, electronics accessories, wine) with realistic nouns, vendors, option sets, price and
 * weight ranges, HS codes and countries of origin. Some items are restricted: lithium batteries
 * are hazmat, knives need buyers of 18+, wine 21+ and cannot ship to some countries. Pure data.
 */

/** An option a product family may use, with its possible values in display order. */
export interface OptionDef {
  name: 'Size' | 'Color' | 'Material';
  values: readonly string[];
}

/** One kind of product within a family. */
export interface NounDef {
  name: string;
  hs: string;
  options: readonly OptionDef[];
  hazmat?: boolean;
  minAge?: number;
  excluded?: readonly string[];
  compatibility?: boolean;
}

/** A product family (maps to `productType`). */
export interface FamilyDef {
  productType: string;
  skuPrefix: string;
  weight: number;
  vendors: readonly string[];
  adjectives: readonly string[];
  nouns: readonly NounDef[];
  tags: readonly string[];
  /** Price range in minor units (cents). */
  price: readonly [number, number];
  /** Weight range and unit of one unit. */
  mass: { unit: 'GRAMS' | 'KILOGRAMS'; min: number; max: number };
  materials: readonly string[];
  origins: readonly string[];
  /** Box dimensions in cm: [length, width, height] upper bounds. */
  box: readonly [number, number, number];
}

const APPAREL_SIZE: OptionDef = { name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] };
const SHOE_SIZE: OptionDef = { name: 'Size', values: ['7', '8', '9', '10', '11', '12'] };
const PAN_SIZE: OptionDef = { name: 'Size', values: ['20 cm', '24 cm', '28 cm', '32 cm'] };
const BLADE_SIZE: OptionDef = { name: 'Size', values: ['15 cm', '20 cm', '25 cm'] };
const CABLE_SIZE: OptionDef = { name: 'Size', values: ['0.5 m', '1 m', '2 m', '3 m'] };
const BOTTLE_SIZE: OptionDef = { name: 'Size', values: ['375 ml', '750 ml', '1.5 L'] };
const PACK_SIZE: OptionDef = { name: 'Size', values: ['20 L', '30 L', '45 L', '60 L'] };
const COLOR: OptionDef = {
  name: 'Color',
  values: ['Black', 'Navy', 'Forest Green', 'Sand', 'Charcoal', 'Red', 'White', 'Slate Blue'],
};
/** The option used when a product needs more variants than its own options allow. */
export const COLOR_FALLBACK = COLOR;
const FABRIC: OptionDef = {
  name: 'Material',
  values: ['Organic Cotton', 'Merino Wool', 'Recycled Polyester'],
};
const STEEL: OptionDef = { name: 'Material', values: ['Stainless Steel', 'Carbon Steel', 'Damascus Steel'] };
const WOOD: OptionDef = { name: 'Material', values: ['Walnut', 'Maple', 'Bamboo', 'Acacia'] };
const PAN: OptionDef = { name: 'Material', values: ['Cast Iron', 'Carbon Steel', 'Stainless Steel'] };
/** Every wine: sold by bottle size, to buyers of 21+, and not shipped to these countries. */
const WINE: Omit<NounDef, 'name' | 'hs'> = {
  options: [BOTTLE_SIZE],
  minAge: 21,
  excluded: ['SA', 'KW', 'AE'],
};

/** The families, with their relative weights in the catalog. */
export const FAMILIES: readonly FamilyDef[] = [
  {
    productType: 'Apparel',
    skuPrefix: 'APP',
    weight: 26,
    vendors: ['Northbound Apparel', 'Cedar & Pine', 'Tidewater Co.'],
    adjectives: ['Everyday', 'Alpine', 'Coastal', 'Heritage', 'Trail', 'Weekend', 'Summit', 'Harbor'],
    nouns: [
      { name: 'Crew Tee', hs: '610910', options: [APPAREL_SIZE, COLOR] },
      { name: 'Hoodie', hs: '611020', options: [APPAREL_SIZE, COLOR] },
      { name: 'Flannel Shirt', hs: '620520', options: [APPAREL_SIZE, COLOR] },
      { name: 'Base Layer Top', hs: '611011', options: [APPAREL_SIZE, FABRIC] },
      { name: 'Rain Jacket', hs: '620193', options: [APPAREL_SIZE, COLOR] },
      { name: 'Hiking Socks', hs: '611595', options: [APPAREL_SIZE, FABRIC] },
      { name: 'Beanie', hs: '650500', options: [COLOR] },
    ],
    tags: ['apparel', 'new-arrival', 'bestseller', 'organic', 'gift-idea'],
    price: [1900, 18900],
    mass: { unit: 'GRAMS', min: 80, max: 900 },
    materials: ['Organic Cotton', 'Merino Wool', 'Recycled Polyester', 'Nylon'],
    origins: ['PT', 'VN', 'BD', 'TR', 'US'],
    box: [40, 30, 8],
  },
  {
    productType: 'Footwear',
    skuPrefix: 'FTW',
    weight: 14,
    vendors: ['Stride Lab', 'Granite Footwear'],
    adjectives: ['Ridge', 'Canyon', 'Urban', 'Approach', 'Featherweight', 'All-Terrain'],
    nouns: [
      { name: 'Trail Runner', hs: '640411', options: [SHOE_SIZE, COLOR] },
      { name: 'Hiking Boot', hs: '640391', options: [SHOE_SIZE, COLOR] },
      { name: 'Canvas Sneaker', hs: '640419', options: [SHOE_SIZE, COLOR] },
      { name: 'Recovery Sandal', hs: '640299', options: [SHOE_SIZE, COLOR] },
    ],
    tags: ['footwear', 'waterproof', 'bestseller', 'vegan'],
    price: [4900, 23900],
    mass: { unit: 'KILOGRAMS', min: 0.4, max: 1.6 },
    materials: ['Leather', 'Recycled Mesh', 'Suede', 'Canvas'],
    origins: ['VN', 'CN', 'IT', 'PT'],
    box: [35, 24, 14],
  },
  {
    productType: 'Outdoor Gear',
    skuPrefix: 'OUT',
    weight: 20,
    vendors: ['Basecamp Supply', 'Ridgeline Outfitters', 'Lantern & Co.'],
    adjectives: ['Ultralight', 'Expedition', 'Backcountry', 'Basecamp', 'Thru-Hiker', 'Four-Season'],
    nouns: [
      { name: 'Two-Person Tent', hs: '630622', options: [COLOR] },
      { name: 'Sleeping Bag', hs: '940430', options: [COLOR, { name: 'Size', values: ['Regular', 'Long'] }] },
      { name: 'Daypack', hs: '420292', options: [PACK_SIZE, COLOR] },
      { name: 'Rechargeable Headlamp', hs: '851310', options: [COLOR], hazmat: true, excluded: ['AU'] },
      { name: 'Folding Pocket Knife', hs: '821193', options: [STEEL], minAge: 18, excluded: ['GB', 'IE'] },
      {
        name: 'Insulated Bottle',
        hs: '961700',
        options: [COLOR, { name: 'Size', values: ['500 ml', '750 ml', '1 L'] }],
      },
      {
        name: 'Trekking Poles',
        hs: '950699',
        options: [{ name: 'Material', values: ['Aluminium', 'Carbon Fiber'] }],
      },
    ],
    tags: ['outdoor', 'camping', 'hiking', 'ultralight', 'gift-idea'],
    price: [1500, 49900],
    mass: { unit: 'KILOGRAMS', min: 0.1, max: 3.2 },
    materials: ['Ripstop Nylon', 'Aluminium', 'Polyester', 'Stainless Steel'],
    origins: ['CN', 'TW', 'VN', 'US', 'DE'],
    box: [60, 35, 25],
  },
  {
    productType: 'Kitchen',
    skuPrefix: 'KIT',
    weight: 18,
    vendors: ['Forge & Hearth', 'Copperline Kitchen'],
    adjectives: ['Professional', 'Classic', 'Artisan', "Chef's", 'Heritage', 'Nordic'],
    nouns: [
      { name: 'Skillet', hs: '732391', options: [PAN_SIZE, PAN] },
      { name: "Chef's Knife", hs: '821191', options: [BLADE_SIZE, STEEL], minAge: 18, excluded: ['GB'] },
      {
        name: 'Cutting Board',
        hs: '441911',
        options: [WOOD, { name: 'Size', values: ['Small', 'Medium', 'Large'] }],
      },
      { name: 'French Press', hs: '851671', options: [{ name: 'Size', values: ['350 ml', '1 L'] }, COLOR] },
      { name: 'Dutch Oven', hs: '732391', options: [PAN_SIZE, COLOR] },
    ],
    tags: ['kitchen', 'cookware', 'bestseller', 'gift-idea'],
    price: [1900, 32900],
    mass: { unit: 'KILOGRAMS', min: 0.2, max: 5.5 },
    materials: ['Cast Iron', 'Stainless Steel', 'Walnut', 'Borosilicate Glass'],
    origins: ['US', 'DE', 'JP', 'FR', 'CN'],
    box: [50, 35, 20],
  },
  {
    productType: 'Electronics Accessories',
    skuPrefix: 'ELC',
    weight: 16,
    vendors: ['Voltline', 'Plugwise Labs'],
    adjectives: ['Fast-Charge', 'Braided', 'Compact', 'Travel', 'Pro', 'Magnetic'],
    nouns: [
      { name: 'USB-C Cable', hs: '854442', options: [CABLE_SIZE, COLOR], compatibility: true },
      {
        name: 'Power Bank 20000 mAh',
        hs: '850760',
        options: [COLOR],
        hazmat: true,
        excluded: ['AU'],
        compatibility: true,
      },
      { name: 'Wireless Charger', hs: '850440', options: [COLOR], compatibility: true },
      { name: 'Phone Case', hs: '392690', options: [COLOR], compatibility: true },
      {
        name: 'Spare Li-ion Battery 18650',
        hs: '850760',
        options: [{ name: 'Size', values: ['2-pack', '4-pack'] }],
        hazmat: true,
        excluded: ['AU', 'JP'],
      },
    ],
    tags: ['electronics', 'charging', 'travel', 'new-arrival'],
    price: [900, 8900],
    mass: { unit: 'GRAMS', min: 20, max: 450 },
    materials: ['Aluminium', 'Polycarbonate', 'Braided Nylon', 'Silicone'],
    origins: ['CN', 'VN', 'TW', 'KR'],
    box: [20, 12, 5],
  },
  {
    productType: 'Wine',
    skuPrefix: 'WIN',
    weight: 6,
    vendors: ['Hillside Cellars', 'Valle Verde Wines'],
    adjectives: ['Reserve', 'Estate', 'Old Vine', 'Single Vineyard'],
    nouns: [
      { name: 'Cabernet Sauvignon 2021', hs: '220421', ...WINE },
      { name: 'Pinot Noir 2022', hs: '220421', ...WINE },
      { name: 'Sparkling Brut NV', hs: '220410', ...WINE },
    ],
    tags: ['wine', 'age-restricted', 'gift-idea'],
    price: [1800, 9500],
    mass: { unit: 'KILOGRAMS', min: 0.8, max: 2.6 },
    materials: ['Glass'],
    origins: ['US', 'FR', 'IT', 'AR'],
    box: [34, 10, 10],
  },
];

/** Devices a charging accessory can be listed as compatible with. */
export const DEVICES = [
  'iPhone 15',
  'iPhone 16',
  'iPhone 17',
  'Pixel 9',
  'Pixel 10',
  'Galaxy S25',
  'USB-C laptops',
  'MagSafe',
];

/** Sentences the product descriptions are assembled from. */
export const DESCRIPTION_LINES = [
  'Built to last season after season.',
  'Designed and tested by our team in the field.',
  'Backed by our lifetime repair promise.',
  'Made with responsibly sourced materials.',
  'Packs small and weighs less than you expect.',
  'A customer favourite since our first season.',
];
