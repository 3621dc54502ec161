/**
 * Whether a HubSpot user is a Super Admin of their account, from HubSpot's user provisioning API
 * (GET /settings/v3/users/{userId}, scope settings.users.read, asked for as an optional scope). HubSpot decides who
 * administers the account; Accord's own admin list only adds people to it.
 */
import { createHubspotCaller, type HubspotClientOptions } from './hubspot-sdk';

export function createHubspotUserRoles(options: HubspotClientOptions & { governed?: <T>(call: () => Promise<T>) => Promise<T> }): { isSuperAdmin(userId: string): Promise<boolean> } {
  const call = createHubspotCaller(options);
  const governed = options.governed ?? (<T>(run: () => Promise<T>) => run());
  return {
    async isSuperAdmin(userId) {
      const user = await governed(() => call('read user', (client, callOptions) => client.settings.users.usersApi.getById(userId, 'USER_ID', callOptions)));
      return user.superAdmin === true;
    },
  };
}
