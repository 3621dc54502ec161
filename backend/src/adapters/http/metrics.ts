/**
 * Prometheus metrics (prom-client) on a registry of our own, created by main (no import-time singletons): request
 * latency by route, matches by band, enrichments by outcome, credits charged, CRM requests and 429s by CRM, batch
 * progress (records of running batches by item state, read at each scrape). Served at /metrics.
 */
import client from 'prom-client';
import type { RequestHandler } from 'express';

export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  matches: client.Counter<'band'>;
  enrichments: client.Counter<'outcome'>;
  creditsCharged: client.Counter;
  crmRequests: client.Counter<'crm' | 'operation'>;
  crmRateLimited: client.Counter<'crm'>;
  batchRecords: client.Gauge<'state'>;
}

/** `batchRecords`: read at each scrape (records of running batches by item state), when given. */
export function createMetrics(sources: { batchRecords?: () => Promise<Record<string, number>> } = {}): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new client.Histogram({
      name: 'accord_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    matches: new client.Counter({ name: 'accord_matches_total', help: 'Records matched, by band', labelNames: ['band'], registers }),
    enrichments: new client.Counter({ name: 'accord_enrichments_total', help: 'Enrichments requested, by outcome', labelNames: ['outcome'], registers }),
    creditsCharged: new client.Counter({ name: 'accord_credits_charged_total', help: 'Credits charged for enrichments', registers }),
    crmRequests: new client.Counter({ name: 'accord_crm_requests_total', help: 'Requests sent to a CRM', labelNames: ['crm', 'operation'], registers }),
    crmRateLimited: new client.Counter({ name: 'accord_crm_rate_limited_total', help: '429 / REQUEST_LIMIT_EXCEEDED answers from a CRM', labelNames: ['crm'], registers }),
    batchRecords: new client.Gauge({
      name: 'accord_batch_records',
      help: 'Records of running batches, by item state',
      labelNames: ['state'],
      registers,
      async collect() {
        if (!sources.batchRecords) return;
        for (const [state, n] of Object.entries(await sources.batchRecords())) this.set({ state }, n);
      },
    }),
  };
}

/** Observes each request's latency under its route pattern (never the raw URL: ids would explode the label set). */
export function observeRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
