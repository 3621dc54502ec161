/** Every migration, in order. Append only: a released migration never changes. */
import { foundation } from './0001-foundation';
import { reference } from './0002-reference';
import { matches } from './0003-matches';
import { credits } from './0004-credits';
import { enrichments } from './0005-enrichments';
import { rateGovernor } from './0006-rate-governor';
import { api } from './0007-api';
import { batches } from './0008-batches';
import { syncCursors } from './0009-sync-cursors';
import { batchAgents } from './0010-batch-agents';
import { agentKeys } from './0011-agent-keys';
import { agentErrors } from './0012-agent-errors';
import type { AccordMigration } from './migration';

export const migrations: readonly AccordMigration[] = [foundation, reference, matches, credits, enrichments, rateGovernor, api, batches, syncCursors, batchAgents, agentKeys, agentErrors];
