/**
 * Test support for the simulator's own tests: a tiny GraphQL client over real HTTP, a manual
 * clock, and a local webhook receiver that records raw bodies and headers and can fail on demand.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ShopifySimulator } from './index.js';

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public ms = Date.UTC(2026, 10, 1)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface GqlResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: responses are inspected ad hoc
  body: any;
}

/** POSTs a GraphQL document to the simulator. */
export async function gql(
  sim: ShopifySimulator,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = sim.accessToken,
): Promise<GqlResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers['X-Shopify-Access-Token'] = token;
  const response = await fetch(sim.graphqlUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP endpoint recording webhook deliveries; `failFirst` answers the first N with 500. */
export async function webhookReceiver(failFirst = 0) {
  const received: ReceivedWebhook[] = [];
  let attempts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      attempts += 1;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(attempts <= failFirst ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Subscribes `uri` to `topic` through the API. */
export async function subscribe(sim: ShopifySimulator, topic: string, uri: string): Promise<void> {
  const response = await gql(
    sim,
    `mutation($topic: WebhookSubscriptionTopic!, $uri: String!) {
      webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri }) { webhookSubscription { id } userErrors { message } }
    }`,
    { topic, uri },
  );
  const errors = response.body.data.webhookSubscriptionCreate.userErrors;
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
}

/** Deletes every webhook subscription through the API (so closed receivers get no retries). */
export async function unsubscribeAll(sim: ShopifySimulator): Promise<void> {
  for (const subscription of [...sim.state.webhookSubscriptions]) {
    await gql(
      sim,
      'mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId } }',
      { id: subscription.id },
    );
  }
}
