import { createHash } from 'node:crypto';

export interface Variant {
  key: string;
  subject: string | null;
  body: string;
  weight: number;
}

/** Variant keys in the order they are written: A, B, C… */
export const variantKey = (index: number) => String.fromCharCode(65 + index);

/**
 * Picks a variant by weight, the same one every time for the same seed (enrollment and
 * step): a retried send writes the same email, and assignments can be explained later.
 */
export function pickVariant<T extends Pick<Variant, 'weight'>>(variants: readonly T[], seed: string): T {
  if (variants.length === 0) throw new Error('a step has at least one variant');
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  const digest = createHash('sha256').update(seed).digest();
  // 48 bits of the hash as a fraction in [0, 1): uniform enough for weights up to 100.
  let point = (digest.readUIntBE(0, 6) / 2 ** 48) * total;
  for (const variant of variants) {
    point -= variant.weight;
    if (point < 0) return variant;
  }
  return variants[variants.length - 1];
}
