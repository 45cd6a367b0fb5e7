import type { UserRole } from '@bisang/database';

/** Who is calling, as proven by a valid access token. */
export interface AuthenticatedUser {
  id: string;
  role: UserRole;
  /** The session (refresh-token family) the access token belongs to; absent for queue-dashboard cookies. */
  sessionId?: string;
}
