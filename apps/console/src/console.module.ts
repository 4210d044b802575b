import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsoleHealthController } from './health/health.controller';

/** The console's Nest side: /health. AdminJS is mounted beside it, at /admin (console-app.ts). */
@Module({})
export class ConsoleModule {
  static forRoot(dataSource: DataSource): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [ConsoleHealthController],
      providers: [{ provide: DataSource, useValue: dataSource }],
    };
  }
}
