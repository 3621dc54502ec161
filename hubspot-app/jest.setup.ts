/**
 * `hubspot.fetch` calls the worker global `self.hsFetch`. Node has no `self`, so point it at globalThis; each test
 * installs its own `hsFetch` stub (test/helpers/hs-fetch-stub.ts). A test that forgets gets a loud failure.
 */
const globals = globalThis as unknown as { self: unknown; hsFetch: unknown };
globals.self = globalThis;
globals.hsFetch = () => Promise.reject(new Error('hsFetch was called without a stub: install one with stubHsFetch()'));
