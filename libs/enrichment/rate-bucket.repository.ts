import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BucketShape } from './token-bucket';

/**
 * The token buckets in PostgreSQL, shared by every worker process. A take refills by the time
 * elapsed (the database's clock, so workers' clocks do not matter) and takes one token in a
 * single statement: the row lock serialises concurrent takers and each sees the last one's tokens.
 */
@Injectable()
export class RateBucketRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Takes a token: 0 when granted, else how many milliseconds until one will be there. */
  async take(bucket: string, shape: BucketShape): Promise<number> {
    await this.dataSource.query(
      `INSERT INTO enrichment_rate_buckets (bucket, tokens, refilled_at) VALUES ($1, $2, clock_timestamp()) ON CONFLICT (bucket) DO NOTHING`,
      [bucket, shape.capacity],
    );
    // The CTE locks the row (FOR UPDATE waits for any other taker, then reads its result), refills
    // it by the time elapsed, and the UPDATE takes a token when one is there.
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]]: [{ granted: boolean; tokens: number }[], number] = await this.dataSource.query(
      `WITH current AS (
         SELECT bucket, clock_timestamp() AS at,
                LEAST($2::double precision, tokens + $3::double precision * EXTRACT(EPOCH FROM (clock_timestamp() - refilled_at))) AS tokens
           FROM enrichment_rate_buckets WHERE bucket = $1 FOR UPDATE
       )
       UPDATE enrichment_rate_buckets b
          SET tokens = current.tokens - CASE WHEN current.tokens >= 1 THEN 1 ELSE 0 END, refilled_at = current.at
         FROM current
        WHERE b.bucket = current.bucket
       RETURNING current.tokens >= 1 AS granted, b.tokens AS tokens`,
      [bucket, shape.capacity, shape.refillPerSecond],
    );
    if (row.granted) return 0;
    return Math.max(1, Math.ceil(((1 - row.tokens) / shape.refillPerSecond) * 1000));
  }
}
