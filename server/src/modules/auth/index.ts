import type { FeatureModule } from "../../core/module.js";
import { authRoutes } from "./auth.routes.js";
import { createAuthService, type AuthService } from "./auth.service.js";
import { createMfaService } from "./mfa.service.js";
import { mfaRoutes } from "./mfa.routes.js";

export type { AuthService } from "./auth.service.js";
export { assertPasswordAcceptable, newTemporaryPassword } from "./password-policy.js";

export { totpCode } from "./mfa-secrets.js";

export function authModule(
  deps: Omit<Parameters<typeof createAuthService>[0], "mfa"> & {
    loginPerMinute: number;
    secureCookies: boolean;
    publicUrl: string | null;
    mfa: Omit<Parameters<typeof createMfaService>[0], "db" | "clock">;
  },
): FeatureModule<AuthService> {
  const mfa = createMfaService({ db: deps.db, clock: deps.clock, ...deps.mfa });
  const service = createAuthService({ ...deps, mfa });
  return {
    service,
    routes: async (app) => {
      await app.register(authRoutes, {
        auth: service,
        loginPerMinute: deps.loginPerMinute,
        secureCookies: deps.secureCookies,
        publicUrl: deps.publicUrl,
      });
      await app.register(mfaRoutes, { mfa, codesPerMinute: deps.loginPerMinute });
    },
    housekeeping: () => service.dropEndedSessions(),
  };
}
