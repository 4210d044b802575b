import type { DataSource, EntityTarget, FindManyOptions, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * @adminjs/typeorm reads an entity the ActiveRecord way (`Entity.find`, `Entity.getRepository`);
 * Relance's entities are plain data mappers. This gives it that face over the DataSource,
 * reads only: the console changes data through Relance's services, never through AdminJS's
 * generic save, so `create` is not offered.
 */
export function entityModel<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T> & { name: string }) {
  const repository = () => dataSource.getRepository(entity);
  return {
    name: entity.name,
    getRepository: repository,
    count: (options: FindManyOptions<T>) => repository().count(options),
    find: (options: FindManyOptions<T>) => repository().find(options),
    findBy: (where: FindOptionsWhere<T>) => repository().findBy(where),
    findOneBy: (where: FindOptionsWhere<T>) => repository().findOneBy(where),
  };
}
