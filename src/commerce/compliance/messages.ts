/**
 * Plain-English messages for each reason code, written for an agent: they say what is wrong and
 * what it can do next (remove the item, choose another destination or service, verify the age).
 * A rule's own `message` replaces these.
 *
 * @example
 * messages.hazmatAir(false); // 'Choose a ground service: this item is hazardous and cannot travel by air.'
 */

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export const messages = {
  embargo(place: string, refused: boolean): string {
    return refused
      ? `Nothing can be shipped to ${place}: it is under comprehensive trade sanctions. Choose a different destination.`
      : `Shipments to ${place} need a manual sanctions review before they can be accepted. Ask the merchant to review the order, or choose a different destination.`;
  },
  alcohol(place: string): string {
    return `This item contains alcohol and cannot be shipped to ${place}. Remove it from the cart or ship to a different address.`;
  },
  restrictedDestination(place: string, refused: boolean): string {
    return refused
      ? `This item cannot be shipped to ${place}. Remove it from the cart or ship to a different address.`
      : `This item needs merchant approval before it can ship to ${place}. Ask the merchant, or ship to a different address.`;
  },
  shipsToCountries(countries: readonly string[]): string {
    return `This item ships only to ${list(countries)}. Remove it from the cart or ship to an address in one of those countries.`;
  },
  excludedCountry(place: string): string {
    return `This item cannot be shipped to ${place}. Remove it from the cart or choose a destination in another country.`;
  },
  ageUnknown(age: number, place: string): string {
    return `This item is sold only to buyers aged ${age} or over in ${place}. Verify the customer's age (date of birth checked against ID) before ordering.`;
  },
  ageUnverified(age: number, place: string): string {
    return `This item is sold only to buyers aged ${age} or over in ${place}; the declared date of birth must be verified (ID check) before ordering.`;
  },
  underAge(age: number, place: string): string {
    return `The customer is under ${age}, the minimum age for this item in ${place}. Remove it from the cart.`;
  },
  hazmatAir(noServiceLeft: boolean): string {
    return noServiceLeft
      ? 'None of the offered services can carry this item: it is hazardous and cannot travel by air. Offer a ground service or remove the item.'
      : 'Choose a ground service: this item is hazardous and cannot travel by air.';
  },
  modeExcluded(modes: readonly string[], noServiceLeft: boolean): string {
    const other = modes.includes('air') ? 'ground' : 'air';
    return noServiceLeft
      ? `None of the offered services can carry this item: it cannot travel by ${list(modes)}. Offer a ${other} service or remove the item.`
      : `Choose a ${other} service: this item cannot travel by ${list(modes)}.`;
  },
};
