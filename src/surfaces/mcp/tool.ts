/**
 * An MCP tool as a declared object — name, description written for a language model, zod input and
 * output schemas, annotations, and a handler that calls a workflow — plus the one place tool results
 * and tool errors are shaped.
 *
 * A result carries `structuredContent` (validated against the output schema before it leaves) and
 * two text blocks: a one-line summary made only of Concord's own words, ids and numbers (merchant
 * text is never pasted into prose), and the same structured content serialized as JSON, which the
 * MCP spec asks for clients that do not read `structuredContent`; merchant text there stays inside
 * JSON string fields.
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#structured-content
 *
 * An error is a result with `isError: true` whose text is the JSON `{ code, message, issues }` (the
 * `ConcordError` fields; never a stack trace). It is not put in `structuredContent`: the SDK's own
 * client (1.32) validates `structuredContent` against the success `outputSchema` even on errors and
 * would throw instead of handing the error over
 * (https://github.com/modelcontextprotocol/typescript-sdk/issues/1943).
 *
 * @example
 * const tool = defineTool({ name: 'get_order_status', input, output, annotations, description, title,
 *   run: async (ctx, args) => ({ structured: { order }, summary: `Order ${order.name}` }) });
 */
import type { CallToolResult, Tool, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ConcordError, type FieldIssue } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Runtime } from '../../runtime.js';
import type { AgentLimits } from '../../store/agent-limits.js';
import type { IdempotencyStore } from '../../store/idempotency.js';

/** What every tool handler gets: the runtime, the merchant the key belongs to, its limits. */
export interface ToolContext {
  rt: Runtime;
  merchantId: string;
  limits: AgentLimits;
  keys: IdempotencyStore;
}

export interface ToolOutput {
  structured: Record<string, unknown>;
  /** One line in Concord's words: counts, ids, totals, statuses; no merchant text. */
  summary: string;
}

export interface McpTool {
  name: string;
  title: string;
  description: string;
  input: z.ZodType;
  output: z.ZodType<Record<string, unknown>>;
  annotations: ToolAnnotations;
  run(ctx: ToolContext, args: unknown): Promise<ToolOutput>;
}

/** Declares a tool; `run` receives the parsed input and returns what the output schema describes. */
export function defineTool<I extends z.ZodType, O extends z.ZodType<Record<string, unknown>>>(tool: {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  run(ctx: ToolContext, args: z.output<I>): Promise<{ structured: z.input<O>; summary: string }>;
}): McpTool {
  return {
    ...tool,
    run: async (ctx, args) => {
      const out = await tool.run(ctx, args as z.output<I>);
      return { structured: out.structured as Record<string, unknown>, summary: out.summary };
    },
  };
}

/** The error payload of a tool result. */
export interface ToolError {
  code: string;
  message: string;
  issues: FieldIssue[];
  detail?: Record<string, unknown>;
}

/** Any thrown value as a tool error; what is not a ConcordError is logged and told as `internal_error`. */
export function toolErrorOf(error: unknown, log?: Logger): ToolError {
  if (error instanceof ConcordError) {
    const detail = Object.keys(error.detail).length > 0 ? { detail: error.detail } : {};
    return { code: error.code, message: error.message, issues: error.issues, ...detail };
  }
  log?.error({ err: error }, 'tool failed');
  return { code: 'internal_error', message: 'An unexpected error occurred; it has been logged', issues: [] };
}

export function errorResult(error: ToolError): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(error) }] };
}

export function successResult(output: ToolOutput): CallToolResult {
  return {
    content: [
      { type: 'text', text: output.summary },
      { type: 'text', text: JSON.stringify(output.structured) },
    ],
    structuredContent: output.structured,
  };
}

/**
 * JSON Schema of a zod schema as `tools/list` publishes it: draft-07, as the SDK's own `McpServer`
 * emits (its clients validate with Ajv's draft-07 default).
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Tool['inputSchema'] {
  return z.toJSONSchema(schema, { target: 'draft-7', io }) as Tool['inputSchema'];
}

/** The tool as `tools/list` shows it (computed once per tool). */
export function toolDefinition(tool: McpTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: jsonSchema(tool.input, 'input'),
    outputSchema: jsonSchema(tool.output, 'output'),
    annotations: { title: tool.title, ...tool.annotations },
  };
}
