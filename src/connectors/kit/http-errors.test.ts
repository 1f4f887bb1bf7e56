import { describe, expect, it } from 'vitest';
import {
  classifyStatus,
  redact,
  safeCause,
  secretsOf,
  toConcordError,
  vendorCodeOf,
  vendorMessageOf,
} from './http-errors.js';

describe('redact and secretsOf', () => {
  it('given header sets when collecting secrets then whole values and bearer credentials are listed, short ones not', () => {
    const secrets = secretsOf(
      { authorization: 'Bearer abcdef123', accept: 'json' },
      { 'x-key': 'k_live_123' },
    );
    expect(secrets).toEqual(expect.arrayContaining(['Bearer abcdef123', 'abcdef123', 'k_live_123']));
    expect(secrets).not.toContain('json');
  });

  it('given text with secrets when redacted then every occurrence is replaced', () => {
    expect(redact('a abcdef123 b abcdef123', ['abcdef123'])).toBe('a [redacted] b [redacted]');
    expect(redact('tiny abc', ['abc'])).toBe('tiny abc');
  });

  it('given an error chain with a secret when made safe then messages are redacted and name/code kept', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED with abcdef123'), { code: 'ECONNREFUSED' });
    const outer = new TypeError('fetch failed abcdef123', { cause: inner });
    const safe = safeCause(outer, ['abcdef123'])!;
    expect(safe.name).toBe('TypeError');
    expect(safe.message).toBe('fetch failed [redacted]');
    expect(safe.stack).not.toContain('abcdef123');
    expect(safe.cause).toMatchObject({
      message: 'connect ECONNREFUSED with [redacted]',
      code: 'ECONNREFUSED',
    });
  });
});

describe('vendorCodeOf / vendorMessageOf', () => {
  it.each([
    [{ errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] }, 'THROTTLED', 'Throttled'],
    [
      {
        'o:errorDetails': [
          { detail: 'Concurrent request limit exceeded.', 'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED' },
        ],
      },
      'CONCURRENCY_LIMIT_EXCEEDED',
      'Concurrent request limit exceeded.',
    ],
    [
      { error: { code: 'BadRequest_NotFound', message: 'The resource was not found' } },
      'BadRequest_NotFound',
      'The resource was not found',
    ],
    [{ errors: 'Not Found' }, undefined, 'Not Found'],
    [{ errors: { title: ["can't be blank"] } }, undefined, '{"title":["can\'t be blank"]}'],
    [{ code: 'E1', message: 'm' }, 'E1', 'm'],
    ['plain text failure', undefined, 'plain text failure'],
    [undefined, undefined, undefined],
  ])('given %j then code %j and message %j', (body, code, message) => {
    expect(vendorCodeOf(body)).toBe(code);
    expect(vendorMessageOf(body)).toBe(message);
  });
});

describe('classifyStatus', () => {
  it.each([
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [410, 'not_found'],
    [408, 'transient'],
    [409, 'conflict'],
    [412, 'conflict'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [500, 'upstream'],
    [503, 'upstream'],
    [418, 'upstream'],
  ])('given %i then %s', (status, category) => {
    expect(classifyStatus(status).category).toBe(category);
  });
});

describe('toConcordError', () => {
  const ctx = {
    name: 'netsuite',
    method: 'POST',
    path: '/record/v1/salesOrder',
    attempts: 1,
    reason: 'unguarded_timeout',
    secrets: [],
    guarded: false,
    timeoutMs: 500,
  };

  it('given a timeout of an unguarded write then transient/timeout, flagged as possibly committed', () => {
    const error = toConcordError({ kind: 'timeout', cause: new Error('aborted') }, ctx);
    expect(error).toMatchObject({
      category: 'transient',
      code: 'timeout',
      detail: { attempts: 1, mayHaveCommitted: true },
    });
    expect(error.message).toBe(
      'netsuite: POST /record/v1/salesOrder timed out after 500 ms (after 1 attempt)',
    );
  });

  it('given a 400 on a write then validation, not flagged as committed', () => {
    const error = toConcordError(
      {
        kind: 'status',
        status: 400,
        statusText: 'Bad Request',
        body: { title: 'Invalid' },
        throttled: false,
      },
      ctx,
    );
    expect(error).toMatchObject({ category: 'validation', code: 'netsuite_bad_request' });
    expect(error.detail.mayHaveCommitted).toBeUndefined();
    expect(error.message).toContain('Invalid');
  });
});
