/** An agent's creating request key: a retried "create agent" request finds the agent the first one made. */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';

export const agentKeys: AccordMigration = {
  name: '0011-agent-keys',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('batch_agents').addColumn('idempotency_key', 'text').execute();
    await db.schema.createIndex('batch_agents_idempotency_key').on('batch_agents').columns(['tenant_id', 'idempotency_key']).unique().execute();
  },
};
