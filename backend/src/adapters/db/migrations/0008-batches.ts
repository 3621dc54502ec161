/**
 * Bulk batches and their items: one row per batch (selection, who asked and approved, the mapping and credit policy
 * in force when it was created, caps, canary size, trickle pace, estimate) and one row per CRM record, so progress
 * and resume after a crash are exact. Workers claim items by conditional updates; a claim lapses after a lease.
 */
import type { Kysely } from 'kysely';
import type { AccordMigration } from './migration';
import { sqlIn } from './sql-helpers';

export const batchItemStates = ['pending', 'claimed', 'done', 'skipped', 'failed', 'review'] as const;

const states = ['draft', 'estimating', 'awaiting_approval', 'approved', 'running', 'paused', 'completed', 'completed_with_errors', 'cancelled', 'rejected', 'undoing', 'undone'];

export const batches: AccordMigration = {
  name: '0008-batches',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('crm', 'text', (c) => c.notNull())
      .addColumn('object', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['company', 'person'])))
      .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', ['enrich', 'create_people'])))
      .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', states)))
      .addColumn('selection_json', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('mapping_json', 'text', (c) => c.notNull())
      .addColumn('policy_json', 'text', (c) => c.notNull())
      .addColumn('canary_size', 'integer', (c) => c.notNull())
      .addColumn('run_limit', 'integer')
      .addColumn('records_per_minute', 'integer')
      .addColumn('next_chunk_at_ms', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('estimate_json', 'text')
      .addColumn('max_credits', 'integer')
      .addColumn('reserved_credits', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('batches_idempotency_key', ['tenant_id', 'idempotency_key'])
      .execute();
    await db.schema.createIndex('batches_tenant_idx').on('batches').columns(['tenant_id', 'created_at']).execute();
    await db.schema.createIndex('batches_state_idx').on('batches').column('state').execute();

    await db.schema
      .createTable('batch_items')
      .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('crm_record_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', batchItemStates)))
      .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('match_json', 'text')
      .addColumn('planned_cost', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('enrichment_id', 'text')
      .addColumn('error', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_at_ms', 'bigint')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('batch_items_pkey', ['batch_id', 'seq'])
      .addUniqueConstraint('batch_items_record_key', ['batch_id', 'crm_record_id'])
      .execute();
    await db.schema.createIndex('batch_items_state_idx').on('batch_items').columns(['batch_id', 'state', 'seq']).execute();
  },
};
