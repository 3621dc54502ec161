/** A progress line on a terminal (stderr), silent when stderr is not a TTY. */

export interface Progress {
  tick(done: number): void;
  finish(): void;
}

export function createProgress(label: string, total: number | undefined, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { tick: () => undefined, finish: () => undefined };
  const started = Date.now();
  let lastDraw = 0;
  const draw = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    let bar = '';
    if (total && total > 0) {
      const width = 30;
      const filled = Math.min(width, Math.round((done / total) * width));
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((done / total) * 100)}% `;
    }
    stream.write(`\r${label} ${bar}${done.toLocaleString('en')} records, ${rate.toLocaleString('en')}/s   `);
  };
  return {
    tick(done) {
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      draw(done);
    },
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}
