import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';

export interface HttpSecurityOptions {
  /** PUBLIC_URL: Strict-Transport-Security only when it is https. */
  publicUrl?: string;
  /** CORS_ORIGINS: comma-separated origins allowed to call the API from a browser; empty allows none. */
  corsOrigins?: string;
}

/** HSTS max-age: one year, the value browsers' preload lists expect. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * The web app's policy: everything from this origin only. Vite's build has no inline script or style (one module
 * script and one stylesheet, checked in test/http-headers.e2e-spec.ts); React sets styles through the CSSOM,
 * which CSP does not restrict. `data:` images are the inline favicon.
 */
const APP_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/**
 * Swagger UI (/docs) and the queue dashboard (/admin) ship inline <style> blocks, and the dashboard its fonts from
 * Google: they get inline styles and those font hosts, on their own paths only. Scripts stay 'self'.
 */
const TOOL_CSP: Record<string, string[]> = {
  ...APP_CSP,
  'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
  'font-src': ["'self'", 'https://fonts.gstatic.com'],
};
const TOOL_PATH = /^\/(docs|admin)(\/|$)/;

const serialize = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

export const isHttps = (url: string | undefined) => !!url && /^https:\/\//i.test(url);

/** The origins CORS_ORIGINS lists, without a trailing slash (browsers send none). */
export function parseCorsOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/**
 * Security headers on every response (helmet; the Content-Security-Policy per path) and CORS for the listed origins
 * only. Same-origin calls (the web app served by this process) need no CORS and always work.
 */
function helmetOptions(options: HttpSecurityOptions): HelmetOptions {
  const https = isHttps(options.publicUrl);
  return {
    contentSecurityPolicy: { useDefaults: false, directives: https ? { ...APP_CSP, 'upgrade-insecure-requests': [] } : APP_CSP },
    // Links in mails carry single-use tokens in their query: no page of this origin passes its address on.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  };
}

/**
 * The same headers, set directly: for what Fastify's router answers itself (a malformed URL, an over-long path
 * parameter) before any hook runs.
 */
export function securityHeaderWriter(options: HttpSecurityOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const middleware = helmet(helmetOptions(options));
  return (req, res) => middleware(req, res, () => undefined);
}

export function configureHttpSecurity(app: NestFastifyApplication, options: HttpSecurityOptions): void {
  const toolCsp = serialize(isHttps(options.publicUrl) ? { ...TOOL_CSP, 'upgrade-insecure-requests': [] } : TOOL_CSP);
  void app.register(fastifyHelmet, { global: true, ...helmetOptions(options) });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if (TOOL_PATH.test(req.url)) reply.raw.setHeader('content-security-policy', toolCsp);
    done(null, payload);
  });
  const origins = parseCorsOrigins(options.corsOrigins);
  app.enableCors({
    origin: origins.length > 0 ? origins : false,
    credentials: false,
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}
