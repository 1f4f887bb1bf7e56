/** Sync: initial, incremental and webhook-driven updates of the record store. */
export { syncSystem, STREAM_ORDER, type SyncOptions, type SyncReport, type SyncProgress } from './run.js';
export { getSyncStatus, type SyncStatus } from './status.js';
export { ingestWebhook } from './webhooks.js';
export { terminalProgress } from './progress.js';
export { SyncStateStore } from './state.js';
