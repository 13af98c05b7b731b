import type { AdminUser, Role } from "@dost/shared";
import type { apiClient } from "./api.js";

/** A password the policy accepts, for accounts tests create. */
export const TEST_PASSWORD = "Quiet-harbour-lamp-47";

/**
 * Creates an account through the API as a real installation does: the temporary password it is
 * given, a first sign-in, and the change to `password`. Returns the user and a signed-in session.
 */
export async function createAccount(
  api: ReturnType<typeof apiClient>,
  creatorAuth: string,
  body: { username: string; displayName?: string; role: Role; centreId: string | null },
  password = TEST_PASSWORD,
): Promise<{ user: AdminUser; auth: string }> {
  const created = await api.call<{ user: AdminUser; temporaryPassword: string }>({
    method: "POST",
    url: "/api/v1/admin/users",
    auth: creatorAuth,
    payload: { displayName: body.username, ...body },
  });
  if (created.status !== 201)
    throw new Error(`create ${body.username}: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await api.login(body.username, created.body.temporaryPassword);
  const changed = await api.call({
    method: "POST",
    url: "/api/v1/auth/password",
    auth: first.auth,
    payload: { currentPassword: created.body.temporaryPassword, newPassword: password },
  });
  if (changed.status !== 200) throw new Error(`password of ${body.username}: ${changed.status}`);
  return { user: created.body.user, auth: first.auth };
}
