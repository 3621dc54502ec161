/** /docs: the OpenAPI document as a readable page (no scripts, so it works under the strict CSP). */
import { escapeHtml } from './install.routes';

interface Operation {
  operationId: string;
  summary: string;
  'x-accord-access': string;
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { content?: { 'application/json': { schema: unknown } } }>;
}

export function renderDocsPage(document: { info: { title: string; description: string }; paths: Record<string, Record<string, Operation>> }): string {
  const sections = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      const schema = (label: string, value: unknown) => `<details><summary>${label}</summary><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre></details>`;
      return [
        `<section id="${escapeHtml(op.operationId)}"><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2>`,
        `<p>${escapeHtml(op.summary)} <em>(${escapeHtml(op['x-accord-access'])})</em></p>`,
        op.requestBody ? schema('Request body', op.requestBody.content['application/json'].schema) : '',
        ok?.[1].content ? schema(`Reply ${ok[0]}`, ok[1].content['application/json'].schema) : '',
        '</section>',
      ].join('');
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title></head><body><h1>${escapeHtml(document.info.title)}</h1><p>${escapeHtml(document.info.description)}</p><p><a href="/openapi.json">openapi.json</a></p>${sections.join('')}</body></html>`;
}
