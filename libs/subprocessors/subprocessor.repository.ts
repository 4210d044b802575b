import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FieldChange, SubprocessorChangeKind, SubprocessorStatus } from '@relance/db/entities';
import type { LoggedChange, StoredEntry } from './effective-registry';
import { FIELD_COLUMNS, SUBPROCESSOR_FIELDS, type SubprocessorFields } from './subprocessor-fields';
import { keysetPage, type Page, type PageRequest } from '@relance/db/repositories/keyset-page';

export interface EntryRow extends StoredEntry {
  createdAt: Date;
  updatedAt: Date;
}

export interface ChangeRow extends LoggedChange {
  createdByStaffId: string | null;
  /** How many subscribed owners have been mailed this change so far. */
  noticesSent: number;
}

export interface NewChange {
  subprocessorId: string;
  kind: SubprocessorChangeKind;
  changes: Record<string, FieldChange>;
  effectiveAt: Date;
  staffId: string;
}

const ENTRY_COLUMNS = `id, name, address, processing_scope, personal_data_types, processing_location, transfer_mechanism,
  status, created_at, updated_at`;
const CHANGE_COLUMNS = `c.id, c.subprocessor_id, c.kind, c.changes, c.effective_at, c.created_at, c.created_by_staff_id,
  (SELECT count(*)::int FROM subprocessor_notice_sends n WHERE n.change_id = c.id) AS notices_sent`;

/**
 * The writes of one registry change, in one transaction: the entry is locked first, so two
 * admins changing the same entry take turns and each sees the other's pending change.
 */
export class RegistryTransaction {
  constructor(readonly manager: EntityManager) {}

  async lockEntry(id: string): Promise<EntryRow | null> {
    const [row] = await this.manager.query(`SELECT ${ENTRY_COLUMNS} FROM subprocessors WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toEntry(row) : null;
  }

  /** An active entry of that name (any capitals) other than `exceptId`. */
  async activeNamed(name: string, exceptId: string | null): Promise<string | null> {
    const [row] = await this.manager.query(
      `SELECT id FROM subprocessors WHERE status = 'active' AND lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2) LIMIT 1`,
      [name, exceptId],
    );
    return row?.id ?? null;
  }

  /** The latest effective date among the entry's changes not in effect at `now`. */
  async latestPending(id: string, now: Date): Promise<Date | null> {
    const [row] = await this.manager.query(
      `SELECT max(effective_at) AS at FROM subprocessor_changes WHERE subprocessor_id = $1 AND effective_at > $2`, [id, now],
    );
    return row?.at ?? null;
  }

  async insertEntry(fields: SubprocessorFields): Promise<EntryRow> {
    const [row] = await this.manager.query(
      `INSERT INTO subprocessors (${SUBPROCESSOR_FIELDS.map((f) => FIELD_COLUMNS[f]).join(', ')})
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ENTRY_COLUMNS}`,
      SUBPROCESSOR_FIELDS.map((field) => fields[field]),
    );
    return toEntry(row);
  }

  async updateEntry(id: string, fields: SubprocessorFields, status: SubprocessorStatus): Promise<EntryRow> {
    const [rows] = await this.manager.query(
      `UPDATE subprocessors SET ${SUBPROCESSOR_FIELDS.map((f, i) => `${FIELD_COLUMNS[f]} = $${i + 2}`).join(', ')},
         status = $${SUBPROCESSOR_FIELDS.length + 2}, updated_at = now()
       WHERE id = $1 RETURNING ${ENTRY_COLUMNS}`,
      [id, ...SUBPROCESSOR_FIELDS.map((field) => fields[field]), status],
    );
    return toEntry(rows[0]);
  }

  async insertChange(change: NewChange): Promise<ChangeRow> {
    const [row] = await this.manager.query(
      `INSERT INTO subprocessor_changes (subprocessor_id, kind, changes, effective_at, created_by_staff_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [change.subprocessorId, change.kind, JSON.stringify(change.changes), change.effectiveAt, change.staffId],
    );
    const [full] = await this.manager.query(`SELECT ${CHANGE_COLUMNS} FROM subprocessor_changes c WHERE c.id = $1`, [row.id]);
    return toChange(full);
  }
}

/** The registry's rows: entries and their change log. Every query of them is here. */
@Injectable()
export class SubprocessorRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: the change, its audit entry and its workflow's start commit together or not at all. */
  transaction<T>(work: (tx: RegistryTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new RegistryTransaction(manager)));
  }

  /** Every entry, retired ones too, by name. */
  async list(status?: SubprocessorStatus): Promise<EntryRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM subprocessors WHERE ($1::text IS NULL OR status = $1) ORDER BY lower(name), id`, [status ?? null],
    );
    return rows.map(toEntry);
  }

  /** A page of the registry in name order, of one status when given; null when `after` names no entry. */
  listPage(status: SubprocessorStatus | undefined, page: PageRequest): Promise<Page<EntryRow> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT ${ENTRY_COLUMNS}, lower(name) AS sort_name FROM subprocessors`,
      params: [],
      filter: status ? { sql: 'status = $1', params: [status] } : undefined,
      key: ['sort_name', 'id'],
      map: toEntry,
    }, page);
  }

  /** A page of the change log, newest first, of one entry when given; null when `after` names no change. */
  changesPage(subprocessorId: string | undefined, page: PageRequest): Promise<Page<ChangeRow> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT ${CHANGE_COLUMNS} FROM subprocessor_changes c`,
      params: [],
      filter: subprocessorId ? { sql: 'subprocessor_id = $1::uuid', params: [subprocessorId] } : undefined,
      key: ['created_at', 'id'],
      descending: true,
      map: toChange,
    }, page);
  }

  async find(id: string): Promise<EntryRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${ENTRY_COLUMNS} FROM subprocessors WHERE id = $1`, [id]);
    return row ? toEntry(row) : null;
  }

  /** The change log, newest first: of one entry when given, of the whole registry otherwise. */
  async changes(filter: { subprocessorId?: string; limit: number }): Promise<ChangeRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${CHANGE_COLUMNS} FROM subprocessor_changes c WHERE ($1::uuid IS NULL OR c.subprocessor_id = $1)
       ORDER BY c.created_at DESC, c.id DESC LIMIT $2`,
      [filter.subprocessorId ?? null, filter.limit],
    );
    return rows.map(toChange);
  }

  async findChange(id: string): Promise<ChangeRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${CHANGE_COLUMNS} FROM subprocessor_changes c WHERE c.id = $1`, [id]);
    return row ? toChange(row) : null;
  }

  /** Changes not in effect at `now` (what the public view undoes and announces). */
  async pendingChanges(now: Date): Promise<ChangeRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${CHANGE_COLUMNS} FROM subprocessor_changes c WHERE c.effective_at > $1 ORDER BY c.created_at, c.id`, [now],
    );
    return rows.map(toChange);
  }
}

function toEntry(row: Record<string, any>): EntryRow {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    processingScope: row.processing_scope,
    personalDataTypes: row.personal_data_types,
    processingLocation: row.processing_location,
    transferMechanism: row.transfer_mechanism,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toChange(row: Record<string, any>): ChangeRow {
  return {
    id: row.id,
    subprocessorId: row.subprocessor_id,
    kind: row.kind,
    changes: row.changes,
    effectiveAt: row.effective_at,
    createdAt: row.created_at,
    createdByStaffId: row.created_by_staff_id,
    noticesSent: row.notices_sent,
  };
}
