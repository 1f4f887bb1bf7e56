/**
 * Benchmark entry: `npm run bench -- <name> [options]`. Each benchmark prints its figures and records
 * them with the machine in `bench/results/`. Benchmarks never run as tests.
 */
import { benchNetSuiteSync } from './netsuite-sync.js';
import { benchReads } from './reads.js';
import { benchSync } from './sync.js';

const benches: Record<string, (argv: string[]) => Promise<void>> = {
  sync: benchSync,
  reads: benchReads,
  'netsuite-sync': benchNetSuiteSync,
};

const [name, ...rest] = process.argv.slice(2);
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
await bench(rest);
