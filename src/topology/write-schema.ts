/**
 * Writes the published JSON Schema of the topology file, generated from the zod schema, to
 * `src/topology/topology.schema.json`. `schema.test.ts` fails when the committed file is stale.
 *
 * @example
 * npx tsx src/topology/write-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topologyJsonSchema } from './schema.js';

/** Where the schema lives, next to this file. */
export const SCHEMA_PATH = fileURLToPath(new URL('./topology.schema.json', import.meta.url));

/** The file's exact text: pretty JSON with a trailing newline (prettier-stable). */
export function renderTopologySchema(): string {
  return `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderTopologySchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
