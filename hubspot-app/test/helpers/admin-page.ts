/** The replies the App Home page asks for when it opens: viewer, credits, batches, and for admins settings and agents. */
import type { Agent, Batch } from '@accord/shared';
import { credits, running, batch, settings, viewer } from '../fixtures/admin';
import { stubHsFetch } from './hs-fetch-stub';

export function stubAdminPage(options: { isAdmin?: boolean; items?: Batch[]; agents?: Agent[]; settings?: ReturnType<typeof settings> } = {}) {
  const isAdmin = options.isAdmin ?? true;
  const hs = stubHsFetch()
    .reply('me', viewer({ isAdmin }))
    .reply('getCredits', credits())
    .reply('listBatches', { items: options.items ?? [batch(), running()] });
  return isAdmin ? hs.reply('getSettings', options.settings ?? settings()).reply('listAgents', { items: options.agents ?? [] }) : hs;
}
