/**
 * JSON Lines, streamed: one parsed and validated value per line, with its line number, without holding the file in
 * memory. Invalid lines are reported as values, not exceptions, so the caller decides whether to stop or skip.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { z } from 'zod';

export type JsonlLine<T> = { line: number; ok: true; value: T } | { line: number; ok: false; error: string };

export async function* readJsonl<S extends z.ZodType>(file: string, schema: S): AsyncGenerator<JsonlLine<z.infer<S>>> {
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    yield parseJsonlLine(text, line, schema);
  }
}

export function parseJsonlLine<S extends z.ZodType>(text: string, line: number, schema: S): JsonlLine<z.infer<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { line, ok: false, error: 'not valid JSON' };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { line, ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { line, ok: false, error: `${where}${issue?.message ?? 'invalid record'}` };
}

/** Writes lines to a file, waiting for the stream to drain so memory stays flat. */
export function createJsonlWriter(file: string): { write(value: unknown): Promise<void>; writeText(lines: string): Promise<void>; close(): Promise<void> } {
  const out = fs.createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failed: Error | undefined;
  out.on('error', (e) => (failed = e));
  const writeText = async (lines: string) => {
    if (failed) throw failed;
    if (!out.write(lines)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  return {
    write: (value) => writeText(`${JSON.stringify(value)}\n`),
    /** Lines already serialised, each ending in a newline. */
    writeText,
    close() {
      return new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        out.end(() => (failed ? reject(failed) : resolve()));
      });
    },
  };
}
