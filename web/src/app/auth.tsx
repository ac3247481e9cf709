/**
 * The signed-in user. The token lives in memory and in this tab's sessionStorage (so a reload
 * keeps the session; another tab, or a closed tab, does not), never in localStorage or a cookie.
 * When the service refuses the token, or it runs out, the user is sent to the sign-in page with a
 * message and brought back to where they were after signing in again.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, onUnauthorized, setSessionToken } from '../api/client';
import type { Schemas } from '../api/client';
import { currentLanguage, rememberLanguage, switchLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/i18n';

/** Who is signed in: the sign-in answer's user, and whether the password must be changed first. */
export type User = Schemas['SignedInUser'] & { mustChangePassword: boolean };
export type Role = User['roles'][number];

interface StoredSession {
  token: string;
  expiresAt: number;
  user: User;
}

interface AuthState {
  user: User | undefined;
  /** Why the last session ended: the user signed out, or the service stopped accepting it. */
  ended: 'signed_out' | 'expired' | undefined;
  signIn(email: string, password: string): Promise<User>;
  signOut(reason?: 'expired'): void;
  /** Changes the signed-in user's password; the service answers with a new token (the old one ended). */
  changePassword(currentPassword: string, newPassword: string): Promise<User>;
  /** Switches the console's language and keeps the choice on the signed-in user's account. */
  chooseLanguage(language: Language): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const KEY = 'qms.session';

/**
 * A session from a sign-in (or a change of password) answer. The answer's `user` carries the
 * identity and roles; whether the password must be changed is said beside it.
 */
function sessionFrom(res: Schemas['LoginResponse']): StoredSession {
  return {
    token: res.accessToken,
    expiresAt: Date.now() + res.expiresIn * 1000,
    user: { ...res.user, mustChangePassword: res.mustChangePassword },
  };
}
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
    // A reload in a signed-in tab: the account's language, not this browser's last choice.
    if (s?.user.language && s.user.language !== currentLanguage()) void switchLanguage(s.user.language);
    return s;
  });
  const [ended, setEnded] = useState<AuthState['ended']>();
  const queryClient = useQueryClient();

  // The pages behind sign-in send the user to the sign-in page when the session ends (Layout).
  const signOut = useCallback(
    (reason?: 'expired') => {
      setSessionToken(undefined);
      sessionStorage.removeItem(KEY);
      setEnded(reason ?? 'signed_out');
      setSession(undefined);
      queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => onUnauthorized(() => signOut('expired')), [signOut]);

  // A session restored from this tab's storage is checked once with the service (and the user's
  // name and roles refreshed); a token it no longer accepts ends the session.
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || !session) return;
    checked.current = true;
    call(api.GET('/api/users/me'))
      .then((user) => {
        const next = { ...session, user };
        sessionStorage.setItem(KEY, JSON.stringify(next));
        setSession(next);
        if (user.language && user.language !== currentLanguage()) void switchLanguage(user.language);
      })
      .catch(() => undefined);
  }, [session]);

  // The token's own lifetime: sign out when it ends, even if nothing is being fetched.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => signOut('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const signIn = useCallback(async (email: string, password: string) => {
    const res = await call(api.POST('/api/auth/login', { body: { email, password } }));
    const next = sessionFrom(res);
    setSessionToken(next.token);
    sessionStorage.setItem(KEY, JSON.stringify(next));
    checked.current = true;
    setEnded(undefined);
    setSession(next);
    // The language the user chose, in whatever browser; until they choose, the one in use here.
    if (res.user.language) await switchLanguage(res.user.language);
    return next.user;
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const res = await call(api.POST('/api/users/me/password', { body: { currentPassword, newPassword } }));
    const next = sessionFrom(res);
    setSessionToken(next.token);
    sessionStorage.setItem(KEY, JSON.stringify(next));
    setSession(next);
    return next.user;
  }, []);

  const chooseLanguage = useCallback(async (language: Language) => {
    rememberLanguage(language);
    await switchLanguage(language);
    const current = readStored();
    // Signed out, or before a temporary password is changed (the service refuses it then): this browser only.
    if (!current || current.user.mustChangePassword || current.user.language === language) return;
    const user = await call(api.PATCH('/api/users/me', { body: { language } }));
    const next = { ...current, user: { ...current.user, language: user.language } };
    sessionStorage.setItem(KEY, JSON.stringify(next));
    setSession(next);
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user: session?.user,
      ended,
      signIn,
      signOut,
      changePassword,
      chooseLanguage,
      hasRole: (...roles) => !!session && session.user.roles.some((r) => roles.includes(r)),
    }),
    [session, ended, signIn, signOut, changePassword, chooseLanguage],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Whether the user records anything in programmes (auditors and board members only read them). */
export function mayWrite(user: User): boolean {
  return user.roles.includes('quality_manager') || user.roles.includes('programme_leader');
}

/** The signed-in user (only inside pages behind sign-in). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('no signed-in user');
  return user;
}
