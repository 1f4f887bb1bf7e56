/**
 * The API's own description: `GET /openapi.json` (OpenAPI 3.1, generated from the route and model
 * zod schemas once, then served from memory) and `GET /docs`, a Swagger UI page whose scripts and
 * styles come from the installed `swagger-ui-dist` package (served under `/docs/assets/`), never from
 * a CDN — the docs work offline and on a locked-down network. Neither needs an API key.
 *
 * @example
 * docsRoutes(app); // then GET /docs in a browser
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './auth.js';
import { fixNullableRefs } from './openapi-fixes.js';

export const API_TITLE = 'Concord unified commerce API';
export const API_VERSION = '0.1.0';

/** The swagger-ui-dist files the page uses, with their media types; nothing else is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${API_TITLE}</title>
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
    <link rel="stylesheet" href="/docs/assets/index.css" />
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

const INIT = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

const assetDir = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Registers /openapi.json, /docs, /docs/init.js and /docs/assets/*. Call after every API route. */
export function docsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A Concord API key: `Authorization: Bearer ck_…`',
  });
  let spec: string | undefined;
  app.get('/openapi.json', (c) => {
    spec ??= JSON.stringify(
      fixNullableRefs(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: API_TITLE,
            version: API_VERSION,
            description:
              'One API over a merchant’s commerce systems, for AI agents. Errors are RFC 9457 problem details.',
          },
        }),
      ),
    );
    return c.body(spec, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(join(assetDir(), file)));
      cache.set(file, bytes);
    }
    return c.body(bytes, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
