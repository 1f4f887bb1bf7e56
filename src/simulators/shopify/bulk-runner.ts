/**
 * Runs bulk query operations in the background: status CREATED → RUNNING → COMPLETED (or FAILED /
 * CANCELED), reading the top-level connection in windows of root objects with every connection
 * unbounded, writing JSONL to a temporary file served at `${url}/bulk/{id}.jsonl`, updating
 * `objectCount` as it goes, pacing itself to `rowsPerSecond`, and firing `bulk_operations/finish`
 * when done (https://shopify.dev/docs/api/usage/bulk-operations/queries). An operation that
 * produced no objects completes with `url: null` (inferred).
 */
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNamedType, Kind, type OperationDefinitionNode } from 'graphql';
import { compileBulk, runBulk, type BulkPlan } from './bulk-exec.js';
import { checkBulkQuery } from './bulk-query.js';
import type { SimContext, SimServices } from './context.js';
import { connectionNodeType } from './fields.js';
import type { BulkOperationRecord } from './model/admin.js';
import { shopifySchema } from './schema.js';
import type { ShopifyState } from './state.js';
import { bulkOperationPayload } from './webhook-payloads.js';

const ROOTS_PER_CHUNK = 250;

/** What the runner reads from and reports to. */
export interface BulkRunnerOptions {
  state: ShopifyState;
  services: SimServices;
  rowsPerSecond: number;
  now: () => number;
}

function write(stream: WriteStream, text: string): Promise<void> {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve));
}

function end(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}

/** True when the single top-level field is a connection (read in windows); false for e.g. `product(id:)`. */
function rootIsConnection(operation: OperationDefinitionNode): boolean {
  const root = shopifySchema().getQueryType();
  const field = operation.selectionSet.selections[0];
  if (!root || !field || field.kind !== Kind.FIELD) return false;
  const def = root.getFields()[field.name.value];
  return !!def && !!connectionNodeType(getNamedType(def.type));
}

function cancelling(op: BulkOperationRecord): boolean {
  return op.status === 'CANCELING';
}

/** Background executor of bulk query operations. */
export class BulkRunner {
  private readonly dir = mkdtempSync(join(tmpdir(), 'concord-shopify-bulk-'));
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: BulkRunnerOptions) {}

  /** Starts an operation in the background. */
  start(op: BulkOperationRecord): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(op))
      .catch(() => {
        op.status = 'FAILED';
        op.errorCode = 'INTERNAL_SERVER_ERROR';
        op.completedMs = this.options.now();
      });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async run(op: BulkOperationRecord): Promise<void> {
    if (this.closed) return;
    const { document } = checkBulkQuery(shopifySchema(), op.query);
    if (!document) throw new Error('bulk query no longer valid');
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation) throw new Error('bulk query has no operation');
    const windowed = rootIsConnection(operation);
    const plan = compileBulk(shopifySchema(), document);
    op.status = 'RUNNING';
    const path = join(this.dir, `${op.num}.jsonl`);
    const stream = createWriteStream(path);
    let failure: Error | undefined;
    stream.on('error', (error) => (failure = error));
    let bytes = 0;
    const started = Date.now();
    for (let offset = 0; !this.closed && !cancelling(op); offset += ROOTS_PER_CHUNK) {
      const { roots, lines } = this.chunk(plan, offset);
      const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
      if (text) await write(stream, text);
      bytes += Buffer.byteLength(text);
      op.objectCountN += lines.length;
      op.rootObjectCountN += roots;
      if (!windowed || roots < ROOTS_PER_CHUNK) break;
      await this.pace(started, op.objectCountN);
    }
    await end(stream);
    if (failure) throw failure;
    this.finish(op, path, bytes);
  }

  /** Reads one window of root objects and returns its JSONL lines. */
  private chunk(plan: BulkPlan, offset: number) {
    const { state, services, now } = this.options;
    const ctx: SimContext = { state, services, now: now(), bulk: { offset, limit: ROOTS_PER_CHUNK } };
    const lines: string[] = [];
    const roots = runBulk(plan, ctx, lines);
    return { roots, lines };
  }

  /** Waits so that objects are produced at no more than `rowsPerSecond`. */
  private async pace(startedMs: number, objects: number): Promise<void> {
    const due = startedMs + (objects / this.options.rowsPerSecond) * 1000;
    const wait = due - Date.now();
    await new Promise<void>((resolve) => (wait > 1 ? setTimeout(resolve, wait) : setImmediate(resolve)));
  }

  private finish(op: BulkOperationRecord, path: string, bytes: number): void {
    const { services, now } = this.options;
    op.completedMs = now();
    if (op.status === 'CANCELING') {
      op.status = 'CANCELED';
    } else {
      op.status = 'COMPLETED';
      op.fileSizeN = bytes;
      op.filePath = path;
      op.url = op.objectCountN > 0 ? `${services.baseUrl()}/bulk/${op.num}.jsonl` : null;
    }
    services.emit('BULK_OPERATIONS_FINISH', bulkOperationPayload(op));
  }

  /** Resolves when every running operation has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Stops running operations and deletes the result files. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
