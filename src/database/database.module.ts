import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { openDatabase } from './database.js';
import type { DataSourceOptionsFor, OpenDatabase } from './database.js';

export const OPEN_DATABASE = Symbol('OPEN_DATABASE');
/** The data source options builder (a DataSourceOptionsFor), provided by the composition root. */
export const DATA_SOURCE_OPTIONS = Symbol('DATA_SOURCE_OPTIONS');
/** Set by tests: keep the embedded database in memory instead of the data folder. */
export const EMBEDDED_IN_MEMORY = Symbol('EMBEDDED_IN_MEMORY');

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OPEN_DATABASE) private readonly db: OpenDatabase) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: OPEN_DATABASE,
      inject: [APP_CONFIG, DATA_SOURCE_OPTIONS, { token: EMBEDDED_IN_MEMORY, optional: true }],
      useFactory: async (config: AppConfig, dataSourceOptions: DataSourceOptionsFor, inMemory?: boolean) => {
        const db = await openDatabase(config, dataSourceOptions, { inMemory: inMemory === true });
        new Logger('Database').log(`connected (${db.mode === 'embedded' ? 'embedded PGlite' : 'PostgreSQL server'})`);
        return db;
      },
    },
    { provide: DataSource, inject: [OPEN_DATABASE], useFactory: (db: OpenDatabase) => db.dataSource },
    DatabaseLifecycle,
  ],
  exports: [DataSource, OPEN_DATABASE],
})
export class DatabaseModule {}
