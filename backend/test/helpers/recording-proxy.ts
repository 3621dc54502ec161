/**
 * A loopback HTTP proxy in front of a sandbox CRM that counts, per record id, how many times a write carried it:
 * the sandboxes log requests but not their bodies, and a child process's writes must be counted in the test process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** Record id → number of update requests that carried it. */
  writes: Map<string, number>;
  close(): Promise<void>;
}

/** HubSpot batch update inputs `{ inputs: [{ id }] }`; Salesforce collections `{ records: [{ Id }] }`. */
function idsWritten(method: string, path: string, body: string): string[] {
  const isUpdate = (method === 'POST' && /\/batch\/update$/.test(path)) || (method === 'PATCH' && /\/composite\/sobjects$/.test(path));
  if (!isUpdate || body === '') return [];
  const parsed = JSON.parse(body) as { inputs?: { id: string }[]; records?: { Id?: string; id?: string }[] };
  return [...(parsed.inputs ?? []).map((i) => i.id), ...(parsed.records ?? []).map((r) => r.Id ?? r.id ?? '')];
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const writes = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          // Counted only when the CRM answered: a write that reached it, whatever became of the caller.
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          if ((answer.statusCode ?? 500) < 300) for (const id of idsWritten(req.method ?? '', path, body.toString('utf8'))) writes.set(id, (writes.get(id) ?? 0) + 1);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    writes,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
