import type { FeatureModule } from "../../core/module.js";
import { authRoutes } from "./auth.routes.js";
import { createAuthService, type AuthService } from "./auth.service.js";

export type { AuthService } from "./auth.service.js";
export { assertPasswordAcceptable, newTemporaryPassword } from "./password-policy.js";

export function authModule(
  deps: Parameters<typeof createAuthService>[0] & {
    loginPerMinute: number;
    secureCookies: boolean;
    publicUrl: string | null;
  },
): FeatureModule<AuthService> {
  const service = createAuthService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(authRoutes, {
        auth: service,
        loginPerMinute: deps.loginPerMinute,
        secureCookies: deps.secureCookies,
        publicUrl: deps.publicUrl,
      });
    },
    housekeeping: () => service.dropEndedSessions(),
  };
}
