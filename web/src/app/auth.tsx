/**
 * The signed-in user. The token lives in memory and in this tab's sessionStorage (so a reload
 * keeps the session; another tab, or a closed tab, does not), never in localStorage or a cookie.
 * When the service refuses the token, or it runs out, the user is sent to the sign-in page with a
 * message and brought back to where they were after signing in again.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { api, call, onUnauthorized, setSessionToken } from '../api/client';
import type { Schemas } from '../api/client';
import i18n, { rememberedLanguage } from '../i18n/i18n';

export type User = Schemas['UserResponse'];
export type Role = User['roles'][number];

interface StoredSession {
  token: string;
  expiresAt: number;
  user: User;
}

interface AuthState {
  user: User | undefined;
  signIn(email: string, password: string): Promise<User>;
  signOut(reason?: 'expired'): void;
  hasRole(...roles: Role[]): boolean;
}

const KEY = 'qms.session';
const AuthContext = createContext<AuthState | undefined>(undefined);

function readStored(): StoredSession | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const s = JSON.parse(raw) as StoredSession;
    return s.token && s.expiresAt > Date.now() && s.user ? s : undefined;
  } catch {
    return undefined;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | undefined>(() => {
    const s = readStored();
    setSessionToken(s?.token);
    return s;
  });
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = useRef('');
  here.current = location.pathname + location.search;

  const signOut = useCallback(
    (reason?: 'expired') => {
      setSessionToken(undefined);
      sessionStorage.removeItem(KEY);
      setSession(undefined);
      queryClient.clear();
      const onSignIn = here.current.startsWith('/sign-in');
      if (reason === 'expired' && !onSignIn) {
        void navigate(`/sign-in?reason=expired&next=${encodeURIComponent(here.current)}`, { replace: true });
      } else if (!onSignIn) {
        void navigate('/sign-in', { replace: true });
      }
    },
    [navigate, queryClient],
  );

  useEffect(() => onUnauthorized(() => signOut('expired')), [signOut]);

  // The token's own lifetime: sign out when it ends, even if nothing is being fetched.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => signOut('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const signIn = useCallback(async (email: string, password: string) => {
    const res = await call(api.POST('/api/auth/login', { body: { email, password } }));
    const next: StoredSession = { token: res.accessToken, expiresAt: Date.now() + res.expiresIn * 1000, user: res.user };
    setSessionToken(next.token);
    sessionStorage.setItem(KEY, JSON.stringify(next));
    setSession(next);
    const language = rememberedLanguage(res.user.id);
    if (language) void i18n.changeLanguage(language);
    return res.user;
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user: session?.user,
      signIn,
      signOut,
      hasRole: (...roles) => !!session && session.user.roles.some((r) => roles.includes(r)),
    }),
    [session, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user (only inside pages behind sign-in). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('no signed-in user');
  return user;
}
