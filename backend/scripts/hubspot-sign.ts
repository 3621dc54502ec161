/**
 * Signing helper for trying the API by hand: prints the two HubSpot signature-v3 headers as curl arguments for a
 * method, URL and body, signed with HUBSPOT_CLIENT_SECRET or the sandbox secret `npm start` keeps in the data dir.
 *   curl -s $(npm run --silent sign -- GET 'http://localhost:3000/api/v1/records/companies/1?portalId=…&userId=…') '…same URL…'
 */
import fs from 'node:fs';
import path from 'node:path';
import { signHubspotRequest } from '../src/adapters/http/auth/hubspot-signature';

const [method, url, body = ''] = process.argv.slice(2);
if (!method || !url) {
  process.stderr.write('usage: npm run --silent sign -- METHOD URL [BODY]\n');
  process.exit(2);
}
const dataDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.ACCORD_DATA_DIR ?? 'data');
const secretFile = path.join(dataDir, 'sandbox-hubspot-client-secret');
const clientSecret = process.env.HUBSPOT_CLIENT_SECRET ?? (fs.existsSync(secretFile) ? fs.readFileSync(secretFile, 'utf8').trim() : undefined);
if (!clientSecret) {
  process.stderr.write(`no HUBSPOT_CLIENT_SECRET and no ${secretFile}: start the backend once (npm start) or set the secret\n`);
  process.exit(2);
}
const timestampMs = Date.now();
const signature = signHubspotRequest({ clientSecret, method, url, body, timestampMs });
process.stdout.write(`-H X-HubSpot-Signature-v3:${signature} -H X-HubSpot-Request-Timestamp:${timestampMs}\n`);
