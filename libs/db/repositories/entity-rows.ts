import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns a row of `SELECT alias.*` on an entity's table into the entity, converting each column
 * as TypeORM's own finds do: for lists read in SQL (keysetPage) that hand out entities.
 */
export function entityFromRow<T extends ObjectLiteral>(db: DataSource | EntityManager, target: EntityTarget<T>) {
  const dataSource = 'dataSource' in db ? db.dataSource : db;
  const metadata = dataSource.getMetadata(target);
  return (row: Record<string, unknown>): T => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      if (column.databaseName in row) {
        column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
      }
    }
    return entity;
  };
}
