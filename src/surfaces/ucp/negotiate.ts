/**
 * Capability negotiation (UCP 2026-04-08 overview, "Discovery, Governance, and Negotiation"): every
 * request names the platform's profile (REST: `UCP-Agent: profile="https://…"`, an RFC 8941
 * dictionary; MCP: `meta["ucp-agent"].profile`). The business fetches that profile (cached), checks
 * its protocol version against the versions it supports, and computes the active capabilities:
 *
 *   1. intersection by name; per capability the highest version both declare (none → excluded);
 *   2. extensions whose parents are all outside the intersection are excluded, repeatedly;
 *   3. an operation whose root capability is not left is `capabilities_incompatible` (an outcome).
 *
 * Profile fetches follow the spec's rules: HTTPS only (plain http only when the operator allows it,
 * for local development), no redirects, a timeout and a size cap. Failures are the spec's codes.
 *
 * @example
 * const profiles = new PlatformProfiles({ fetch });
 * const active = await profiles.negotiate(profileUrlOf(header));
 * active.has('dev.ucp.shopping.checkout');
 */
import { z } from 'zod';
import { TtlCache } from '../rest/auth.js';
import { UcpProtocolError } from './errors.js';
import { BUSINESS_CAPABILITIES, UCP_VERSION, type CapabilityEntry, type CapabilityName } from './profile.js';

/** Versions this business accepts from platforms (only the current one: no `supported_versions`). */
export const SUPPORTED_VERSIONS: readonly string[] = [UCP_VERSION];

const MAX_PROFILE_BYTES = 256 * 1024;
const FETCH_TIMEOUT_MS = 5_000;

const negotiationError = (status: number, code: string, message: string) =>
  new UcpProtocolError(status, code, message, true);

/** The `profile` member of a UCP-Agent header (RFC 8941 dictionary), or an `invalid_profile_url`. */
export function profileUrlOf(header: string | undefined): string {
  if (!header?.trim()) {
    throw negotiationError(400, 'invalid_profile_url', 'Send UCP-Agent: profile="<your profile URL>"');
  }
  // Members are `key=value;params`, comma separated; sf-strings are quoted with \" and \\ escapes.
  const member = /(?:^|,)\s*profile\s*=\s*"((?:[^"\\]|\\["\\])*)"\s*(?:;[^,]*)?(?=,|$)/.exec(header);
  if (!member?.[1]) {
    throw negotiationError(
      400,
      'invalid_profile_url',
      'UCP-Agent must be a dictionary with a quoted profile member: profile="https://…"',
    );
  }
  return member[1].replace(/\\(["\\])/g, '$1');
}

const VersionEntry = z.looseObject({
  version: z.string(),
  extends: z.union([z.string(), z.array(z.string())]).optional(),
});

/** What Concord reads of a platform profile; the rest of it is the platform's business. */
const PlatformProfile = z.looseObject({
  ucp: z.looseObject({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD version'),
    capabilities: z.record(z.string(), z.array(VersionEntry)).optional(),
  }),
});
type PlatformProfile = z.infer<typeof PlatformProfile>;

/** The active capabilities of one request, with the version each runs at. */
export class Negotiated {
  constructor(readonly versions: ReadonlyMap<CapabilityName, string>) {}

  has(name: CapabilityName): boolean {
    return this.versions.has(name);
  }

  /** `ucp.capabilities` of a response: the active ones among `relevant`. */
  capabilities(relevant: readonly CapabilityName[]): Record<string, CapabilityEntry[]> {
    const out: Record<string, CapabilityEntry[]> = {};
    for (const name of relevant) {
      const version = this.versions.get(name);
      if (!version) continue;
      const { extends: parent, schema } = BUSINESS_CAPABILITIES[name];
      out[name] = [{ version, ...(schema ? { schema } : {}), ...(parent ? { extends: parent } : {}) }];
    }
    return out;
  }
}

const parentsOf = (entry: CapabilityEntry) =>
  entry.extends === undefined ? [] : Array.isArray(entry.extends) ? entry.extends : [entry.extends];

/** Steps 1 and 2 of the module comment over the platform's declared capabilities. */
export function intersect(platform: PlatformProfile): Negotiated {
  const declared = platform.ucp.capabilities ?? {};
  const active = new Map<CapabilityName, string>();
  for (const [name, entry] of Object.entries(BUSINESS_CAPABILITIES) as [CapabilityName, CapabilityEntry][]) {
    const mutual = (declared[name] ?? []).map((e) => e.version).filter((v) => v === entry.version);
    const highest = mutual.sort().at(-1);
    if (highest) active.set(name, highest);
  }
  for (let pruned = true; pruned;) {
    pruned = false;
    for (const name of [...active.keys()]) {
      const parents = parentsOf(BUSINESS_CAPABILITIES[name]);
      if (parents.length > 0 && !parents.some((p) => active.has(p as CapabilityName))) {
        active.delete(name);
        pruned = true;
      }
    }
  }
  return new Negotiated(active);
}

export interface PlatformProfilesOptions {
  /** The fetch used for profiles (tests route hosts to local servers). */
  fetch?: typeof fetch;
  /** Accept http:// profile URLs (local development only; the spec requires HTTPS). */
  allowHttp?: boolean;
  cacheTtlMs?: number;
}

/** Fetches, validates and caches platform profiles, and negotiates against them. */
export class PlatformProfiles {
  private readonly cache: TtlCache<PlatformProfile>;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: PlatformProfilesOptions = {}) {
    this.cache = new TtlCache<PlatformProfile>({
      ttlMs: options.cacheTtlMs ?? 5 * 60_000,
      maxEntries: 1_000,
    });
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Version check and capability intersection for the profile at `url` (see the module comment). */
  async negotiate(url: string): Promise<Negotiated> {
    const profile = await this.load(url);
    if (!SUPPORTED_VERSIONS.includes(profile.ucp.version)) {
      throw negotiationError(
        422,
        'version_unsupported',
        `Protocol version ${profile.ucp.version} is not supported; this business implements ${SUPPORTED_VERSIONS.join(', ')}`,
      );
    }
    return intersect(profile);
  }

  private async load(url: string): Promise<PlatformProfile> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw negotiationError(400, 'invalid_profile_url', 'The profile URL is not a valid absolute URL');
    }
    const schemes = this.options.allowHttp ? ['https:', 'http:'] : ['https:'];
    if (!schemes.includes(parsed.protocol)) {
      throw negotiationError(400, 'invalid_profile_url', 'The profile URL must use https');
    }
    const cached = this.cache.get(parsed.href);
    if (cached) return cached;
    const text = await this.download(parsed.href);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw negotiationError(422, 'profile_malformed', 'The platform profile is not valid JSON');
    }
    const result = PlatformProfile.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw negotiationError(
        422,
        'profile_malformed',
        `The platform profile violates the schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      );
    }
    this.cache.set(parsed.href, result.data);
    return result.data;
  }

  private async download(url: string): Promise<string> {
    const unreachable = (why: string) =>
      negotiationError(424, 'profile_unreachable', `The platform profile could not be fetched: ${why}`);
    let res: Response;
    try {
      res = await this.fetch(url, {
        redirect: 'manual',
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch {
      throw unreachable('no answer');
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel();
      throw unreachable(`HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_PROFILE_BYTES) {
      await res.body?.cancel();
      throw negotiationError(422, 'profile_malformed', 'The platform profile is too large');
    }
    const text = await res.text();
    if (Buffer.byteLength(text) > MAX_PROFILE_BYTES) {
      throw negotiationError(422, 'profile_malformed', 'The platform profile is too large');
    }
    return text;
  }
}
