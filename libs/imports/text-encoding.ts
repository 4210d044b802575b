import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';

/** The encodings an import can be in; anything not valid UTF-8 and without a BOM is read as Windows-1252. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * How a file is written, from its first bytes and, without a byte-order mark, from whether
 * all of it is valid UTF-8: Excel's "CSV (Windows)" and older exports are Windows-1252 (a
 * superset of Latin-1 for text), and a byte sequence invalid in UTF-8 is the sure sign of it.
 */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const head = await readHead(path, 4);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return (await isValidUtf8(path)) ? 'utf-8' : 'windows-1252';
}

async function isValidUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: Math.max(bytes - 1, 0) })) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, length);
}

/** Bytes in, text out, a chunk at a time (a character split across chunks is kept for the next); the BOM is dropped. */
export function decodingStream(encoding: CsvEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** Control characters other than tab, CR and LF (C0 and C1), and U+FFFD: what binary data decodes into. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

/**
 * True when a text sample is mostly control characters: an image, a ZIP or an .xlsx renamed
 * to .csv (or UTF-16 without its BOM). A few NUL bytes in a text file are not enough: those
 * rows are refused one by one and the others imported.
 */
export function looksBinary(sample: string): boolean {
  if (sample.length === 0) return false;
  return (sample.match(CONTROL)?.length ?? 0) / sample.length > 0.05;
}
