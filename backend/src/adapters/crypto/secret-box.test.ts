import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSecretBox, hashSecret, loadOrCreateLocalKey } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(crypto.randomBytes(32));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('refresh-token-123', 'tenant:a:oauth');
    expect(sealed).not.toContain('refresh-token-123');
    expect(box.open(sealed, 'tenant:a:oauth')).toBe('refresh-token-123');
  });

  it('seals the same secret differently each time (random IV)', () => {
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it('refuses a ciphertext moved to another context', () => {
    const sealed = box.seal('secret', 'tenant:a:oauth');
    expect(() => box.open(sealed, 'tenant:b:oauth')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = box.seal('secret', 'ctx');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => box.open(parts.join('.'), 'ctx')).toThrow();
  });

  it('refuses another key', () => {
    const sealed = box.seal('secret', 'ctx');
    expect(() => createSecretBox(crypto.randomBytes(32)).open(sealed, 'ctx')).toThrow();
  });

  it('creates a local key once and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-key-'));
    const first = loadOrCreateLocalKey(dir);
    expect(first.length).toBe(32);
    expect(loadOrCreateLocalKey(dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'encryption.key')).mode & 0o777).toBe(0o600);
  });

  it('hashes secrets with SHA-256', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
