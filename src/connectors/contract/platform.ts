/**
 * The platform connector contract: one suite every `PlatformConnector` runs against its seeded system
 * (a simulator or the real thing). Reads first — paging to the end, each seeded record exactly once,
 * every mapped field equal to the seed — then writes: customers by email, orders at most once per
 * reference with the merchant's customer, stock moving by the ordered quantity, refunds once per key,
 * incremental order reads, bad input refused with nothing written, webhooks per capability. What a
 * vendor does differently is a declared capability of its factory (`platform-subject.ts`), asserted
 * for what it is; nothing is skipped.
 *
 * @example
 * describePlatformContract('shopify (simulator)', { setup: async () => subject, teardown: () => sim.close() });
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { registerReadContract } from './platform-reads.js';
import type { PlatformContractFactory, PlatformSubject } from './platform-subject.js';
import { registerWriteContract } from './platform-writes.js';

export function describePlatformContract(name: string, factory: PlatformContractFactory): void {
  describe(`platform connector contract: ${name}`, () => {
    let subject: PlatformSubject | undefined;
    const current = (): PlatformSubject => {
      if (!subject) throw new Error(`The ${name} contract subject was not set up`);
      return subject;
    };
    beforeAll(async () => {
      subject = await factory.setup();
    });
    afterAll(async () => {
      await factory.teardown?.();
    });
    describe('reads', () => registerReadContract(current));
    describe('writes', () => registerWriteContract(current));
  });
}

export type {
  ExpectedCustomer,
  ExpectedLevel,
  ExpectedLocation,
  ExpectedProduct,
  ExpectedVariant,
  PlatformCapabilities,
  PlatformContractFactory,
  PlatformFixtures,
  PlatformSeed,
  PlatformSubject,
  SignedDelivery,
} from './platform-subject.js';
export { concordId, customerIds, orderIds, pagesOf, recordsOf, stockOf } from './platform-subject.js';
