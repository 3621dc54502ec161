/** Why an agent's last run failed, so admins see it beside the agent (null after a run that worked). */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';

export const agentErrors: AccordMigration = {
  name: '0012-agent-errors',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('batch_agents').addColumn('last_error', 'text').execute();
  },
};
