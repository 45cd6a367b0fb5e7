import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, refreshSession, tokens } from '../api/client';
import type { AuthResponse, User } from '@bisang/contracts';

interface Auth {
  user: User | null;
  /** True until a stored session has been restored (or found gone). */
  restoring: boolean;
  signIn: (email: string, password: string) => Promise<User>;
  signUp: (input: Parameters<typeof api.register>[0]) => Promise<User>;
  /** Ends the session on the server too (best effort), then forgets it here. */
  signOut: () => Promise<void>;
  /** Reads the user again (after verifying the address). */
  reload: () => Promise<void>;
}

const Ctx = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [restoring, setRestoring] = useState(() => tokens.refreshToken !== null);

  useEffect(() => {
    if (!tokens.refreshToken) return;
    let cancelled = false;
    (async () => {
      try {
        if (await refreshSession()) {
          const me = await api.me();
          if (!cancelled) setUser(me);
        }
      } catch {
        // the stored session is gone: stay signed out
      } finally {
        if (!cancelled) setRestoring(false);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // Signed out elsewhere (a refresh token that no longer works): forget the user.
  useEffect(() => tokens.subscribe(() => !tokens.refreshToken && setUser(null)), []);

  const accept = useCallback((res: AuthResponse) => {
    tokens.set({ accessToken: res.accessToken, refreshToken: res.refreshToken });
    setUser(res.user);
    return res.user;
  }, []);

  const value = useMemo<Auth>(
    () => ({
      user,
      restoring,
      signIn: async (email, password) => accept(await api.login(email, password)),
      signUp: async (input) => accept(await api.register(input)),
      signOut: async () => {
        const refreshToken = tokens.refreshToken;
        try {
          if (refreshToken) await api.logout(refreshToken);
        } catch {
          // offline or already ended: the session is forgotten here all the same
        } finally {
          tokens.set(null);
          setUser(null);
        }
      },
      reload: async () => {
        if (tokens.refreshToken) setUser(await api.me());
      },
    }),
    [user, restoring, accept],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
