/** The API client for the extension this hook runs in, built once from its context. */
import { useMemo } from 'react';
import { useExtensionContext } from '@hubspot/ui-extensions';
import { createAccordApi, type AccordApi, type RequestIdentity } from '../api/accord-api';

/** Name of the config-profile variable holding the backend origin (see hsprofile.*.json). */
export const backendOriginVariable = 'ACCORD_BACKEND_ORIGIN';

interface ContextLike {
  user: { id: number };
  portal: { id: number };
  crm?: { objectId?: number; objectTypeId?: string };
  variables?: Record<string, unknown>;
}

export function apiFromContext(context: ContextLike): AccordApi {
  const identity: RequestIdentity = { portalId: context.portal.id, userId: context.user.id };
  if (context.crm?.objectId !== undefined) identity.objectId = context.crm.objectId;
  if (context.crm?.objectTypeId !== undefined) identity.objectType = context.crm.objectTypeId;
  const origin = context.variables?.[backendOriginVariable];
  return createAccordApi({ origin: typeof origin === 'string' ? origin : undefined, identity });
}

export function useAccordApi(): AccordApi {
  const context = useExtensionContext() as unknown as ContextLike;
  const { portal, user, crm, variables } = context;
  const origin = variables?.[backendOriginVariable];
  return useMemo(
    () => apiFromContext({ portal, user, crm, variables }),
    // Rebuild only when the identity or the origin changes, not on every new context object.
    [portal.id, user.id, crm?.objectId, crm?.objectTypeId, origin],
  );
}
