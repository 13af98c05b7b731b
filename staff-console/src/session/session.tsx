import type { User } from "@dost/shared";
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createConsoleApi, type ConsoleApi } from "../api/console-api.js";

/** Kept per browser tab, so a reload stays signed in and closing the tab forgets it. */
const TOKEN_KEY = "dost.console.token";

export type SessionState =
  | { status: "checking" }
  | { status: "signedOut"; reason: "none" | "expired" | "signedOut" }
  | { status: "signedIn"; user: User; lastServiceIds: string[] | null }
  /** Signed in with a temporary password: nothing else is allowed until a new one is chosen. */
  | { status: "mustChangePassword"; user: User }
  /**
   * Setting up the second factor: held to it by the policy (`required`, nothing else until done),
   * or asked for from the top bar.
   */
  | { status: "enrolMfa"; user: User; required: boolean };

export interface Session {
  state: SessionState;
  api: ConsoleApi;
  token: string | null;
  /** Throws the server's `mfa_required` when a code is due: ask for it and sign in again with it. */
  signIn(username: string, password: string, code?: string): Promise<void>;
  /** Opens the set-up of the second factor (from the top bar). */
  setUpMfa(): void;
  /** The second factor is set up, or its set-up abandoned: back to work. */
  finishMfa(): Promise<void>;
  signOut(): Promise<void>;
  /** Replaces the temporary password typed at sign-in, then carries on signed in. */
  changePassword(newPassword: string): Promise<void>;
  /**
   * The server refused our credentials: back to sign-in; the counter stays as it is on the server.
   * With a token, only if that is still the session in use.
   */
  expire(token?: string | null): void;
  /** The work profile just opened with, so the next "open counter" offers it. */
  rememberProfile(serviceIds: string[]): void;
  /** Work to finish while the session still holds, such as an action held for undo. */
  beforeSignOut(task: () => Promise<void>): () => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The token of this tab's session, read by every request as it is sent. It lives outside React's
 * state because a request must see a new token the moment sign-in stores it.
 */
function createTokenStore() {
  let current: string | null = null;
  try {
    current = sessionStorage.getItem(TOKEN_KEY);
  } catch {
    // Without storage the httpOnly cookie still carries the session.
  }
  return {
    get: () => current,
    set(next: string | null) {
      current = next;
      try {
        if (next) sessionStorage.setItem(TOKEN_KEY, next);
        else sessionStorage.removeItem(TOKEN_KEY);
      } catch {
        // As above: the cookie remains.
      }
    },
  };
}

export function SessionProvider({
  children,
  fetch: fetchImpl,
}: {
  children: ReactNode;
  fetch?: typeof fetch;
}) {
  const [state, setState] = useState<SessionState>({ status: "checking" });
  const [store] = useState(createTokenStore);
  const [token, setToken] = useState<string | null>(store.get);
  const finishing = useRef(new Set<() => Promise<void>>());
  // The temporary password just typed, kept only until it is replaced (never in state or storage).
  const temporary = useRef<string | null>(null);

  const remember = useCallback(
    (next: string | null) => {
      store.set(next);
      setToken(next);
    },
    [store],
  );

  const expire = useCallback(
    (refused?: string | null) => {
      if (refused !== undefined && refused !== store.get()) return;
      remember(null);
      setState((current) =>
        current.status === "signedIn" || current.status === "enrolMfa" || current.status === "checking"
          ? { status: "signedOut", reason: current.status === "checking" ? "none" : "expired" }
          : current,
      );
    },
    [remember, store],
  );

  const api = useMemo(
    () =>
      createConsoleApi({
        token: store.get,
        onUnauthenticated: expire,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    [expire, fetchImpl, store],
  );

  // After a reload: the stored token or the cookie may still be good.
  useEffect(() => {
    let live = true;
    api.me().then(
      (me) =>
        live &&
        setState(
          me.user.mustEnrolMfa
            ? { status: "enrolMfa", user: me.user, required: true }
            : { status: "signedIn", ...me },
        ),
      () => live && setState((s) => (s.status === "checking" ? { status: "signedOut", reason: "none" } : s)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  /** Signed in: to work, or first to the set-up the policy asks for. */
  const enter = useCallback(async () => {
    const me = await api.me();
    setState(
      me.user.mustEnrolMfa
        ? { status: "enrolMfa", user: me.user, required: true }
        : { status: "signedIn", ...me },
    );
  }, [api]);

  const signIn = useCallback(
    async (username: string, password: string, code?: string) => {
      const { token: fresh, user } = await api.login(username, password, code);
      remember(fresh);
      if (user.mustChangePassword) {
        temporary.current = password;
        setState({ status: "mustChangePassword", user });
        return;
      }
      await enter();
    },
    [api, remember, enter],
  );

  const changePassword = useCallback(
    async (newPassword: string) => {
      await api.changePassword(temporary.current ?? "", newPassword);
      temporary.current = null;
      await enter();
    },
    [api, enter],
  );

  const setUpMfa = useCallback(() => {
    setState((s) => (s.status === "signedIn" ? { status: "enrolMfa", user: s.user, required: false } : s));
  }, []);

  const rememberProfile = useCallback((serviceIds: string[]) => {
    setState((s) => (s.status === "signedIn" ? { ...s, lastServiceIds: serviceIds } : s));
  }, []);

  const beforeSignOut = useCallback((task: () => Promise<void>) => {
    finishing.current.add(task);
    return () => void finishing.current.delete(task);
  }, []);

  const signOut = useCallback(async () => {
    await Promise.all([...finishing.current].map((task) => task().catch(() => undefined)));
    await api.logout().catch(() => undefined);
    remember(null);
    temporary.current = null;
    setState({ status: "signedOut", reason: "signedOut" });
  }, [api, remember]);

  const value = useMemo<Session>(
    () => ({
      state,
      api,
      token,
      signIn,
      setUpMfa,
      finishMfa: enter,
      signOut,
      changePassword,
      expire,
      rememberProfile,
      beforeSignOut,
    }),
    [
      state,
      api,
      token,
      signIn,
      setUpMfa,
      enter,
      signOut,
      changePassword,
      expire,
      rememberProfile,
      beforeSignOut,
    ],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const value = use(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
