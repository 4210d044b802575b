import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { DomainError } from '@relance/errors';

/** The one file of a multipart upload, as it arrives: `store` streams it to storage and returns its size. */
export interface ReceivedFile {
  fileName: string;
  size: number;
}

/**
 * Reads a multipart/form-data request with one part `file` and hands its stream to `store`
 * as it arrives (never whole in memory). A file over `maxBytes` is a 413 naming the limit; the
 * part being cut short, `store`'s output is then removed by `discard`.
 */
export function receiveCsv(
  request: IncomingMessage,
  maxBytes: number,
  store: (stream: Readable) => Promise<number>,
  discard: () => Promise<void>,
): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes } });
    } catch {
      reject(invalid('send the CSV as multipart/form-data with a part named "file"'));
      return;
    }
    let received: Promise<ReceivedFile> | null = null;
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || received) {
        stream.resume();
        return;
      }
      received = store(stream).then(async (size) => {
        if (!(stream as Readable & { truncated?: boolean }).truncated) return { fileName: info.filename || 'import.csv', size };
        await discard();
        throw new DomainError('file_too_large', `the file is larger than ${maxBytes} bytes (IMPORT_MAX_FILE_BYTES)`, { field: 'file' });
      });
      received.catch(() => stream.resume());
    });
    parser.on('error', () => reject(invalid('the multipart body could not be read')));
    parser.on('close', () => {
      if (!received) reject(invalid('the request has no part named "file"'));
      else received.then(resolve, reject);
    });
    request.pipe(parser);
  });
}

function invalid(message: string): DomainError {
  return new DomainError('validation_failed', message, { field: 'file', details: [{ field: 'file', message }] });
}
