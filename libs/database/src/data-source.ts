import { DataSource } from 'typeorm';
import { loadEnv } from '@bisang/config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI only (`npm run db:generate -- libs/database/src/migrations/<Timestamp>-<VerbNoun>`). */
export default new DataSource(dataSourceOptions(loadEnv().DATABASE_URL));
