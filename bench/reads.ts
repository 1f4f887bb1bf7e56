/**
 * Read benchmark: `GET /products/{id}` and `GET /inventory?sku=` against Concord on the embedded PGlite
 * store with the sandbox catalog, driven by autocannon over HTTP keep-alive. Each request picks another
 * product or SKU. Prints and records req/s and latency percentiles, once with the embedded store's
 * exact read cache (the default) and once without it (every request reaches PGlite).
 *
 *   npm run bench -- reads --seconds 20 --connections 32
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { startConcordProcess } from './concord-process.js';
import { record } from './machine.js';

interface ProductPage {
  data: { id: string; variants: { sku: string | null }[] }[];
  next_cursor: string | null;
}

export async function benchReads(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '32' } },
  });
  for (const cache of ['on', 'off']) await benchOnce(values, cache);
}

async function benchOnce(values: { seconds: string; connections: string }, cache: string): Promise<void> {
  const concord = await startConcordProcess({ CONCORD_READ_CACHE: cache });
  try {
    const headers = { authorization: `Bearer ${concord.apiKey}` };
    const page = (await (
      await fetch(`${concord.url}/products?limit=250`, { headers })
    ).json()) as ProductPage;
    const ids = page.data.map((p) => p.id);
    const skus = page.data.flatMap((p) => p.variants.map((v) => v.sku)).filter((s): s is string => !!s);
    const figures: Record<string, unknown> = { products_sampled: ids.length, skus_sampled: skus.length };
    for (const [name, paths] of [
      ['products_by_id', ids.map((id) => `/products/${id}`)],
      ['inventory_by_sku', skus.map((sku) => `/inventory?sku=${encodeURIComponent(sku)}`)],
    ] as const) {
      figures[name] = await load(
        concord.url,
        headers,
        paths,
        Number(values.seconds),
        Number(values.connections),
      );
    }
    record(`reads-cache-${cache}`, { store: 'PGlite (embedded)', read_cache: cache, ...figures });
  } finally {
    await concord.stop();
  }
}

async function load(
  url: string,
  headers: Record<string, string>,
  paths: string[],
  seconds: number,
  connections: number,
) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    req_per_sec: Math.round(result.requests.average),
    latency_ms: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
