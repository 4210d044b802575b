import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toFieldProblems } from '../common/validation-problems';
import { CreateProspectDto } from './dto/create-prospect.dto';
import type { RowErrorDto } from './dto/create-prospects-batch.dto';

export interface CheckedRows {
  /** Rows that passed validation and repeat no earlier row's email. */
  valid: { index: number; prospect: CreateProspectDto }[];
  errors: RowErrorDto[];
}

/**
 * Validates each row with the same rules as a single create, and reports every problem of
 * every bad row with its index, so a caller can fix its file and resend only those rows.
 */
export async function checkProspectRows(rows: readonly unknown[]): Promise<CheckedRows> {
  const valid: CheckedRows['valid'] = [];
  const errors: RowErrorDto[] = [];
  const firstRowOfEmail = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      errors.push({ index, code: 'validation_failed', field: '', message: 'row must be an object' });
      continue;
    }
    const prospect = plainToInstance(CreateProspectDto, row);
    const problems = toFieldProblems(
      await validate(prospect, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false } }),
    );
    if (problems.length > 0) {
      errors.push(...problems.map((p) => ({ index, code: 'validation_failed' as const, ...p })));
      continue;
    }
    const earlier = firstRowOfEmail.get(prospect.email);
    if (earlier !== undefined) {
      errors.push({ index, code: 'conflict', field: 'email', message: `email repeats row ${earlier}` });
      continue;
    }
    firstRowOfEmail.set(prospect.email, index);
    valid.push({ index, prospect });
  }
  return { valid, errors };
}
