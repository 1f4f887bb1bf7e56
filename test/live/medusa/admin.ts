/**
 * A minimal Medusa Admin API caller for the live suite's setup and seeding (the connector under test
 * is not used to build its own fixture). Authenticates with the secret API key as HTTP Basic
 * `base64("<sk>:")`; any non-2xx answer throws with the method, path, status and Medusa's message
 * (never the key).
 *
 * @example
 * const admin = medusaAdmin('http://127.0.0.1:9000', 'sk_…');
 * const { regions } = await admin.get<{ regions: unknown[] }>('/admin/regions');
 */

export interface MedusaAdmin {
  readonly baseUrl: string;
  get<T>(path: string, query?: Record<string, string | number | string[]>): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

export type Auth = { kind: 'basic'; secretKey: string } | { kind: 'bearer'; token: string };

function authorization(auth: Auth): string {
  return auth.kind === 'basic'
    ? `Basic ${Buffer.from(`${auth.secretKey}:`).toString('base64')}`
    : `Bearer ${auth.token}`;
}

function url(baseUrl: string, path: string, query?: Record<string, string | number | string[]>): string {
  const u = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const v of value) u.searchParams.append(`${key}[]`, v);
    else u.searchParams.set(key, String(value));
  }
  return u.toString();
}

async function call<T>(baseUrl: string, auth: Auth | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth) headers.authorization = authorization(auth);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path.startsWith('http') ? path : url(baseUrl, path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    const message = (() => {
      try {
        return (JSON.parse(text) as { message?: string }).message ?? text;
      } catch {
        return text;
      }
    })();
    throw new Error(
      `Medusa ${method} ${path.split('?')[0]} answered ${res.status}: ${message.slice(0, 400)}`,
    );
  }
  return (text ? JSON.parse(text) : {}) as T;
}

/** An Admin API caller for `baseUrl` with `auth`. */
export function medusaAdmin(baseUrl: string, auth: Auth): MedusaAdmin {
  return {
    baseUrl,
    get: (path, query) => call(baseUrl, auth, 'GET', url(baseUrl, path, query)),
    post: (path, body) => call(baseUrl, auth, 'POST', path, body),
    delete: (path) => call(baseUrl, auth, 'DELETE', path),
  };
}

/** Logs the admin user in with email and password; returns the JWT. */
export async function adminToken(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await call<{ token: string }>(baseUrl, null, 'POST', '/auth/user/emailpass', {
    email,
    password,
  });
  return res.token;
}
