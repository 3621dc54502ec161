/**
 * bench:api: the record page endpoint (GET /api/v1/records/companies/:id, match already stored) under a steady
 * 200 requests/s, each request freshly signed as HubSpot signs it, spread over four portals. The server runs in a
 * child process; autocannon drives it from here. Prints {"rps","p50Ms","p99Ms","errors"} with --json.
 *   npm run --silent bench:api -- --json [--rate 200] [--seconds 20] [--connections 4]
 * The server's own view (serverP50Ms/serverP99Ms, request to reply written) is printed beside the client's.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
// autocannon ships no types; this is the part of its API the bench uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;
import { signHubspotRequest } from '../src/adapters/http/auth/hubspot-signature';
import { BENCH_SECRET } from './bench-api.server';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const rate = flag('rate', 200);
  const seconds = flag('seconds', 20);
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(path.join(__dirname, 'bench-api.server.ts'), [], { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await new Promise<{ url: string; publicBaseUrl: string; targets: { path: string }[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  child.send({ type: 'measure' });
  let n = 0;
  let clock = Date.now();
  const result = await autocannon({
    url: ready.url,
    connections: flag('connections', 4),
    ...(rate > 0 ? { overallRate: rate } : {}),
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: Record<string, unknown>) => {
          const target = ready.targets[n++ % ready.targets.length]!;
          clock = Math.max(clock + 1, Date.now());
          const signature = signHubspotRequest({ clientSecret: BENCH_SECRET, method: 'GET', url: `${ready.publicBaseUrl}${target.path}`, body: '', timestampMs: clock });
          return { ...req, path: target.path, headers: { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': String(clock) } };
        },
      },
    ],
  });
  const server = await new Promise<{ p50: number; p99: number }>((resolve) => {
    child.on('message', (m: { type?: string; p50: number; p99: number }) => m.type === 'stats' && resolve(m));
    child.send({ type: 'stats' });
  });
  child.disconnect();
  const figures = {
    rps: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    // Measured inside the server process (from request to reply written), without the load generator's own queueing.
    serverP50Ms: server.p50,
    serverP99Ms: server.p99,
  };
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    process.stdout.write(
      `GET record page, match stored, ${rate} req/s offered for ${seconds} s\n  client: ${figures.rps} req/s  p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  max ${result.latency.max} ms  errors ${figures.errors}\n  server: p50 ${figures.serverP50Ms} ms  p99 ${figures.serverP99Ms} ms\n`,
    );
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:api failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
