/**
 * Finds the `message/delivery-status` part in a raw message without a full MIME parse, for
 * callers that hold the source but an `InboundMail` built without `deliveryStatus`. The part is
 * located by its Content-Type line and ends at the next line that starts with the boundary that
 * opened it.
 */
export function findDeliveryStatusPart(raw: Buffer | string): string | null {
  const source = (typeof raw === 'string' ? raw : raw.toString('latin1')).replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  for (let typeLine = 0; typeLine < lines.length; typeLine += 1) {
    if (!/^content-type:[ \t]*message\/(?:global-)?delivery-status\b/i.test(lines[typeLine])) continue;
    const part = partAt(lines, typeLine);
    if (part !== null) return decode(part.body, part.encoding, typeof raw === 'string');
  }
  return null;
}

/** The body of the part whose header block holds `typeLine`; null when that line is not in a part header. */
function partAt(lines: readonly string[], typeLine: number): { body: string; encoding: string | undefined } | null {
  let headerStart = typeLine;
  while (headerStart > 0 && lines[headerStart - 1].trim() !== '' && !lines[headerStart - 1].startsWith('--')) headerStart -= 1;
  const boundaryLine = headerStart > 0 && lines[headerStart - 1].startsWith('--') ? lines[headerStart - 1].trim() : null;
  // A part header follows a boundary line; only a single-part message has it at the very top.
  if (boundaryLine === null && headerStart !== 0) return null;
  let bodyStart = typeLine;
  while (bodyStart < lines.length && lines[bodyStart].trim() !== '') bodyStart += 1;
  bodyStart += 1;
  if (bodyStart > lines.length) return null;

  let bodyEnd = lines.length;
  if (boundaryLine) {
    const next = lines.findIndex((line, index) => index >= bodyStart && line.startsWith(boundaryLine));
    if (next >= 0) bodyEnd = next;
  }
  const headers = lines.slice(headerStart, bodyStart - 1).join('\n');
  const encoding = /^content-transfer-encoding:[ \t]*([\w-]+)/im.exec(headers)?.[1].toLowerCase();
  return { body: lines.slice(bodyStart, bodyEnd).join('\n'), encoding };
}

function decode(body: string, encoding: string | undefined, alreadyText: boolean): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return alreadyText ? body : Buffer.from(body, 'latin1').toString('utf8');
}
