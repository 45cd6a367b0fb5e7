/** Where the dashboard is served (outside the API prefix: a browser app with its own assets). */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'bisang_queues';
/** Short: the cookie is a bearer credential for operating queues. */
export const QUEUE_DASHBOARD_SESSION_SECONDS = 15 * 60;

/** The value of one cookie from a Cookie header (no cookie library needed for a single name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
