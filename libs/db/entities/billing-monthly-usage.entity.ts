import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from './account.entity';

/** Emails an account's claims took in one calendar month (UTC, `YYYY-MM`): the monthly cap's counter. */
@Entity({ name: 'billing_monthly_usage' })
export class BillingMonthlyUsage {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_billing_monthly_usage' }) accountId: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_billing_monthly_usage' }) month: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_billing_monthly_usage_account' })
  account?: Account;
  @Column({ type: 'integer', default: 0 }) emails: number;
}
