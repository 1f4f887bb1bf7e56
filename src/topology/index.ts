/**
 * Topology: who owns the truth for each domain (presets by merchant size plus overrides), how
 * records of different systems are joined (match keys), and the pure resolver that builds
 * provenance-carrying views and conflicts. No database, no HTTP: sync and REST wire it in.
 *
 * @example
 * const topology = buildTopology(parseTopologyConfig(text));
 * const { products, conflicts } = resolveTopology({ topology, records });
 */
export * from './schema.js';
export * from './presets.js';
export * from './match.js';
export * from './views.js';
export * from './conflicts.js';
export * from './resolve.js';
export * from './sources.js';
