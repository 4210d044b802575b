import { Column, Entity } from 'typeorm';
import { CreatedAt, IdColumn } from './columns';

/** A customer workspace: every other row belongs to exactly one account. */
@Entity({ name: 'accounts' })
export class Account {
  @IdColumn('accounts') id: string;
  @Column({ type: 'text' }) name: string;
  @CreatedAt() createdAt: Date;
}
