/**
 * A key ring given as "id:base64,id:base64": the first key encrypts, every key decrypts,
 * so a new key can be put first and the old ones kept until every record is re-wrapped.
 */
export interface KeyRing {
  readonly currentId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export function parseKeyRing(text: string): KeyRing {
  const keys = new Map<string, Buffer>();
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('no key given (expected "id:base64key")');
  for (const entry of entries) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    if (separator <= 0 || !/^[A-Za-z0-9_.-]{1,32}$/.test(id)) {
      throw new Error(`key entry must be "id:base64key" with a short id of letters, digits, - _ .`);
    }
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes of base64 (got ${key.length})`);
    if (keys.has(id)) throw new Error(`key id "${id}" appears twice`);
    keys.set(id, key);
  }
  return { currentId: entries[0].slice(0, entries[0].indexOf(':')), keys };
}

/**
 * One 32-byte key given as base64, for keys that cannot rotate because what they derive
 * must stay stable (keyed hashes that are looked up later).
 */
export function parseSingleKey(text: string): Buffer {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error('no key given (expected base64 of 32 random bytes)');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new Error('must be base64 of 32 random bytes (no key id)');
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`must be 32 bytes of base64 (got ${key.length})`);
  return key;
}
