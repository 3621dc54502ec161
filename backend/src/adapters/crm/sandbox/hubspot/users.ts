/** HubSpot users in the sandbox: GET /settings/v3/users/{userId} with `superAdmin`, for users the test declared. */
import type { Reply } from './batch';
import { notFoundError } from './errors';

export interface SandboxUser {
  id: string;
  email: string;
  superAdmin: boolean;
}

export function routeUsers(users: ReadonlyMap<string, SandboxUser>, method: string, path: string): Reply | undefined {
  const match = /^\/settings\/v3\/users\/([^/]+)$/.exec(path);
  if (!match || method !== 'GET') return undefined;
  const user = users.get(match[1]!);
  if (!user) throw notFoundError(`User ${match[1]} does not exist`);
  return { status: 200, body: { id: user.id, email: user.email, roleIds: [], superAdmin: user.superAdmin } };
}
