/**
 * CRM lists (HubSpot's saved segments) in the sandbox: GET /crm/v3/lists/{listId} and
 * GET /crm/v3/lists/{listId}/memberships (record ids in ascending order, `after` paging, at most 250 a page).
 * Lists are made by the test (`createList`); their members are fixed, as a MANUAL list's are.
 */
import type { Reply } from './batch';
import { notFoundError, validationError } from './errors';
import type { ObjectType } from './types';

/** HubSpot's object type ids. */
export const OBJECT_TYPE_IDS: Record<ObjectType, string> = { contacts: '0-1', companies: '0-2' };
const MAX_PAGE = 250;

export interface SandboxList {
  listId: string;
  name: string;
  objectType: ObjectType;
  recordIds: string[];
  createdAt: string;
}

export function routeLists(lists: ReadonlyMap<string, SandboxList>, method: string, path: string, query: URLSearchParams): Reply | undefined {
  const match = /^\/crm\/v3\/lists\/([^/]+)(\/memberships)?$/.exec(path);
  if (!match || method !== 'GET') return undefined;
  const list = lists.get(match[1]!);
  if (!list) throw notFoundError(`List ${match[1]} does not exist`);
  if (!match[2]) {
    return {
      status: 200,
      body: {
        list: {
          listId: list.listId,
          name: list.name,
          objectTypeId: OBJECT_TYPE_IDS[list.objectType],
          processingType: 'MANUAL',
          processingStatus: 'COMPLETE',
          listVersion: 1,
          size: list.recordIds.length,
        },
      },
    };
  }
  const limit = query.has('limit') ? Number(query.get('limit')) : 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw validationError(`limit must be between 1 and ${MAX_PAGE}`);
  const sorted = [...list.recordIds].sort((a, b) => Number(a) - Number(b));
  const after = query.get('after');
  const start = after === null ? 0 : sorted.findIndex((id) => Number(id) > Number(after));
  const page = start < 0 ? [] : sorted.slice(start, start + limit);
  const more = start >= 0 && start + limit < sorted.length;
  return {
    status: 200,
    body: {
      results: page.map((recordId) => ({ recordId, membershipTimestamp: list.createdAt })),
      total: sorted.length,
      ...(more ? { paging: { next: { after: page.at(-1) } } } : {}),
    },
  };
}
