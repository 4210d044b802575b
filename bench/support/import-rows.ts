import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The bench's prospects, row i of n: the same values for the CSV import and for COPY. */
export function benchRow(i: number): string[] {
  return [`p${i}@import-bench.test`, `First${i}`, `Last${i}`, `Company ${i % 1000}`, 'Europe/Paris', `Sector ${i % 20}`];
}

export const BENCH_HEADER = ['Email', 'Prénom', 'Nom', 'Société', 'Fuseau horaire', 'Secteur'];

/** Writes an n-row CSV (header first) a chunk at a time; returns its size in bytes. */
export async function writeBenchCsv(path: string, n: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${BENCH_HEADER.join(',')}\n`);
  let chunk = '';
  for (let i = 1; i <= n; i++) {
    chunk += `${benchRow(i).join(',')}\n`;
    if (i % 5_000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}
