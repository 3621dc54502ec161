/** Renders an extension component with HubSpot's test renderer and a context that points at Accord's backend. */
import type { ReactNode } from 'react';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { backendOriginVariable } from '@accord/hubspot-client';

export const backendOrigin = 'https://api.accord.test';

interface RenderOptions {
  objectTypeId?: string;
  objectId?: number;
  origin?: string | null;
}

export function renderRecordCard(node: ReactNode, options: RenderOptions = {}) {
  const renderer = createRenderer('crm.record.tab');
  const { mocks } = renderer;
  const context = {
    ...mocks.context,
    portal: { id: 4242, timezone: 'Australia/Sydney' },
    user: { ...mocks.context.user, id: 77 },
    crm: { objectId: options.objectId ?? 501, objectTypeId: options.objectTypeId ?? '0-2' },
    variables: options.origin === null ? {} : { [backendOriginVariable]: options.origin ?? backendOrigin },
  };
  mocks.useExtensionContext.willCall(() => context as never);
  renderer.render(node);
  return renderer;
}

export function renderHomePage(node: ReactNode) {
  const renderer = createRenderer('home');
  const { mocks } = renderer;
  const context = {
    ...mocks.context,
    portal: { id: 4242, timezone: 'Australia/Sydney' },
    user: { ...mocks.context.user, id: 77 },
    variables: { [backendOriginVariable]: backendOrigin },
  };
  mocks.useExtensionContext.willCall(() => context as never);
  renderer.render(node);
  return renderer;
}
