import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { IsSingleLine } from '../../common/validators/single-line';

export const TAG_MAX_LENGTH = 64;
/** Most tags one prospect carries: labels, not a notes field. */
export const MAX_TAGS = 100;

/**
 * One spelling per tag, so "VIP", " vip " and "Vip" are one tag a filter finds: NFC, trimmed,
 * inner whitespace single spaces, lower-case. Non-strings are left for the validators to name.
 */
export function normaliseTag(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() : value;
}

const EACH = { each: true } as const;

/** The rules of one tag, for a single value (a query or path parameter) or, with `each`, a list. */
function tagRules(options: { each?: true } = {}): PropertyDecorator[] {
  const each = options.each ? 'each value in ' : '';
  return [
    IsString(options),
    MinLength(1, { ...options, message: `${each}$property must not be empty` }),
    MaxLength(TAG_MAX_LENGTH, { ...options, message: `${each}$property must be at most ${TAG_MAX_LENGTH} characters` }),
    IsSingleLine({ ...options, message: `${each}$property must be a single line (no control characters)` }),
  ];
}

/**
 * Decorators as if written one above the other in this order. applyDecorators applies them first
 * to last, whereas stacked decorators apply bottom-up: reversed, the first rule stays the one a
 * 400 reports (toFieldProblems), e.g. "must be an array" rather than the array's size.
 */
const written = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

/** A single tag (query or path parameter), normalised then checked. */
export const IsTag = () => written(Transform(({ value }) => normaliseTag(value)), ...tagRules());

/** A list of tags, each normalised, repeats dropped, then checked; 1 to `max` of them. */
export const IsTagList = (max = MAX_TAGS) => written(
  Transform(({ value }) => (Array.isArray(value) ? [...new Set(value.map(normaliseTag))] : value)),
  IsArray(),
  ArrayMaxSize(max),
  ...tagRules(EACH),
);
