import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Shared column shapes, so every table spells ids and timestamps the same way. */
/** A uuid primary key with a readable constraint name (pk_<table>). */
export const IdColumn = (table: string) =>
  PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: `pk_${table}` });
export const CreatedAt = () => CreateDateColumn({ name: 'created_at', type: 'timestamptz' });
export const UpdatedAt = () => UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });
