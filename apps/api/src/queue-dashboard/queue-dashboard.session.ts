/** Where the dashboard is served (outside the API prefix: a browser app with its own assets). */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'bisang_queues';
/**
 * The web app's page that trades a signed-in organizer's token for the cookie and comes back (apps/web
 * QUEUE_DASHBOARD_ENTRY): a browser that opens the dashboard without a session, or with an expired one, is sent there.
 */
export const QUEUE_DASHBOARD_SIGN_IN = '/organizer/queues';
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
