/**
 * Weight units and conversion to grams, the one unit shipping computes in. Units are the ones the
 * unified model's `Measurement` carries for weights: g, kg, lb, oz (case-insensitive; common
 * spellings such as "grams" or "lbs" are accepted).
 *
 * @example
 * toGrams({ value: 2, unit: 'lb' }); // 907.18474
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';

export const WeightUnit = z.enum(['g', 'kg', 'lb', 'oz']);
export type WeightUnit = z.infer<typeof WeightUnit>;

/** Exact by definition: 1 lb = 0.45359237 kg (international yard and pound, 1959); 1 oz = 1/16 lb. */
export const GRAMS_PER: Record<WeightUnit, number> = {
  g: 1,
  kg: 1000,
  lb: 453.59237,
  oz: 453.59237 / 16,
};

const ALIASES: Record<string, WeightUnit> = {
  g: 'g',
  gram: 'g',
  grams: 'g',
  kg: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  lb: 'lb',
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
  oz: 'oz',
  ounce: 'oz',
  ounces: 'oz',
};

/** The canonical unit for a spelling, or a `validation` error naming it. */
export function weightUnit(unit: string): WeightUnit {
  const found = ALIASES[unit.trim().toLowerCase()];
  if (!found) {
    throw new ConcordError(
      'validation',
      'unknown_weight_unit',
      `"${unit}" is not a weight unit (g, kg, lb, oz)`,
    );
  }
  return found;
}

/** A weight in grams. */
export function toGrams(weight: { value: number; unit: string }): number {
  return weight.value * GRAMS_PER[weightUnit(weight.unit)];
}
