/**
 * The OpenAPI 3.1 document, generated from the shared route table and zod contracts (zod's own JSON Schema output,
 * which OpenAPI 3.1 takes as it is). Nothing here is written by hand per endpoint.
 */
import { apiRoutes, errorReplySchema, type RouteSpec } from '@accord/shared';
import { z } from 'zod';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function parametersOf(spec: RouteSpec): unknown[] {
  const names = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
  const shape = spec.params ? ((jsonSchema(spec.params, 'input').properties ?? {}) as Record<string, unknown>) : {};
  return names.map((name) => ({ name, in: 'path', required: true, schema: shape[name] ?? { type: 'string' } }));
}

const hubspotQuery = [
  { name: 'portalId', in: 'query', required: false, description: 'HubSpot requests: the portal, from the card context (covered by the signature).', schema: { type: 'string', pattern: '^\\d+$' } },
  { name: 'userId', in: 'query', required: false, description: 'HubSpot requests: the user, from the card context (covered by the signature).', schema: { type: 'string', pattern: '^\\d+$' } },
];

export function buildOpenApiDocument(options: { version: string; serverUrl: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorReply = { description: 'Error', content: { 'application/json': { schema: jsonSchema(errorReplySchema, 'output') } } };
  for (const [name, route] of Object.entries(apiRoutes) as [string, RouteSpec][]) {
    const path = `/api/v1${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: name,
      summary: route.summary,
      tags: [route.path.split('/')[1] ?? 'api'],
      'x-accord-access': route.access,
      parameters: [...parametersOf(route), ...hubspotQuery],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses: {
        [String(route.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.reply, 'output') } } },
        '400': errorReply,
        '401': errorReply,
        '402': errorReply,
        '403': errorReply,
        '404': errorReply,
        '409': errorReply,
        '429': errorReply,
      },
      security: [{ hubspotSignature: [] }, { salesforceApiKey: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Accord API',
      version: options.version,
      description:
        'What the HubSpot card and the Salesforce components call. HubSpot requests are signed by HubSpot (X-HubSpot-Signature-v3 over method, public URL, body and timestamp) and carry portalId and userId in the query string; Salesforce requests carry the org\'s API key (X-Accord-Api-Key), the user id (X-Accord-User-Id) and the approval permission flag (X-Accord-Can-Approve). Errors are always {"error":{"code","message","details?"}}.',
    },
    servers: [{ url: options.serverUrl }],
    components: {
      securitySchemes: {
        hubspotSignature: { type: 'apiKey', in: 'header', name: 'X-HubSpot-Signature-v3' },
        salesforceApiKey: { type: 'apiKey', in: 'header', name: 'X-Accord-Api-Key' },
      },
    },
    paths,
  };
}
