/**
 * Structured logs (pino). One root logger; each component asks for a named child. Credentials and
 * personal data are redacted by path wherever they appear in a logged object.
 *
 * @example
 * const log = logger.child({ component: 'sync' }); log.info({ system: 'shopify' }, 'sync started');
 */
import { pino } from 'pino';

export const REDACT_PATHS = [
  'accessToken',
  'access_token',
  'apiKey',
  'api_key',
  'secret',
  'password',
  'token',
  'authorization',
  'email',
  'phone',
  '*.accessToken',
  '*.access_token',
  '*.apiKey',
  '*.api_key',
  '*.secret',
  '*.password',
  '*.token',
  '*.authorization',
  '*.email',
  '*.phone',
  'headers.authorization',
  'headers["x-shopify-access-token"]',
  '*.headers["x-shopify-access-token"]',
  '*.headers.authorization',
];

export const logger = pino(
  {
    level:
      process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: undefined,
  },
  // Under `concord mcp` stdout carries the MCP protocol: logs go to stderr.
  pino.destination(process.argv[2] === 'mcp' ? 2 : 1),
);

export type Logger = typeof logger;
