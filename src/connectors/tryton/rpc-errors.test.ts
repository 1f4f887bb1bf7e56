import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { loginError, rpcError } from './rpc-errors.js';

describe('rpcError', () => {
  it.each([
    [
      ['UserError', ['The amount must be positive.', '', null]],
      'validation',
      'tryton_user_error',
      'The amount must be positive.',
    ],
    [
      ['UserError', ['You are not allowed to write to records "3" of "Sale".', '', null]],
      'forbidden',
      'tryton_access_denied',
      'not allowed',
    ],
    [
      [
        'UserError',
        ['You are trying to read records "999" of "Product Variant" that don\'t exist anymore.', '', null],
      ],
      'not_found',
      'tryton_record_missing',
      '999',
    ],
    [
      ['UserWarning', ['sale_42', 'The sale has no lines.', '']],
      'conflict',
      'tryton_user_warning',
      'no lines',
    ],
    [
      ['ConcurrencyException', 'Records were modified in the meanwhile'],
      'conflict',
      'tryton_concurrent_update',
      'meanwhile',
    ],
    [
      ['LoginException', ['password', 'Password for admin', 'password']],
      'unauthorized',
      'tryton_login_required',
      'Password for admin',
    ],
    [
      ['database is locked', 'Traceback (most recent call last): …'],
      'transient',
      'tryton_database_busy',
      'locked',
    ],
    [["'foo.bar'", 'Traceback …'], 'upstream', 'tryton_server_error', "'foo.bar'"],
  ] as const)('given the error body %j when mapped then %s / %s', (body, category, code, fragment) => {
    const e = rpcError('model.sale.sale.create', body);
    expect([e.category, e.code]).toEqual([category, code]);
    expect(e.message).toContain('model.sale.sale.create');
    expect(e.message).toContain(fragment);
    expect(e.message).not.toContain('Traceback');
  });

  it('given a user error with a description when mapped then both are in the message and the warning name is kept', () => {
    expect(rpcError('m', ['UserError', ['Bad value', 'Use a positive number', null]]).message).toBe(
      'Tryton m: Bad value — Use a positive number',
    );
    expect(rpcError('m', ['UserWarning', ['w1', 'Check', '']]).detail).toEqual({
      method: 'm',
      vendorCode: 'UserWarning',
      warning: 'w1',
    });
  });
});

describe('loginError', () => {
  const http = (status: number) =>
    new ConcordError('unauthorized', 'tryton_unauthorized', 'HTTP', { detail: { status } });
  it('given a 401, 404 or 429 to the login when mapped then refused login, missing database or rate limit, naming user and database only', () => {
    const refused = loginError(http(401), 'admin', 'concord');
    expect([refused.category, refused.code]).toEqual(['unauthorized', 'tryton_login_failed']);
    expect(refused.message).toBe('Tryton refused the login of user "admin" on database "concord"');
    expect(
      loginError(new ConcordError('not_found', 'x', 'y', { detail: { status: 404 } }), 'a', 'db').code,
    ).toBe('tryton_database_not_found');
    expect(
      loginError(new ConcordError('rate_limited', 'x', 'y', { detail: { status: 429 } }), 'a', 'db').category,
    ).toBe('rate_limited');
    expect(loginError(undefined, 'a', 'db').code).toBe('tryton_login_failed');
  });
  it('given a network failure during login when mapped then it stays what it was (transient)', () => {
    const network = new ConcordError('transient', 'network_error', 'down');
    expect(loginError(network, 'a', 'db')).toBe(network);
  });
});
