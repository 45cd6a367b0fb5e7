import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AccountsModule, AccountsService, AuthCoreModule } from '@bisang/auth';
import { ConfigModule, loadEnv } from '@bisang/config';
import { DatabaseModule, migrateDatabase, revertLastMigration } from '@bisang/database';
import { CreateUserInput } from './create-user.input';

@Module({ imports: [ConfigModule.forRoot(), DatabaseModule, AuthCoreModule, AccountsModule] })
class CliModule {}

const USAGE = `usage:
  npm run cli -- db:migrate
  npm run cli -- db:revert
  npm run cli -- user:create --role seeker|recruiter|coach|organizer --email E --password P --name N [--birth-date YYYY-MM-DD]`;

async function createUser(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      'birth-date': { type: 'string' },
    },
    strict: true,
  });
  const input = plainToInstance(CreateUserInput, { ...values, birthDate: values['birth-date'], 'birth-date': undefined });
  const problems = validateSync(input, { whitelist: true }).flatMap((e) => Object.values(e.constraints ?? {}));
  if (problems.length) {
    console.error(`user:create: ${problems.join('; ')}`);
    return 2;
  }
  await migrateDatabase(loadEnv().DATABASE_URL);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const user = await app.get(AccountsService).createAccount(input);
    if (!user) {
      console.error('user:create: EMAIL_TAKEN — 이미 가입된 이메일입니다 / this email is already registered');
      return 1;
    }
    console.log(JSON.stringify({ id: user.id, email: user.email, name: user.name, role: user.role }));
    return 0;
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'db:migrate': {
      const applied = await migrateDatabase(loadEnv().DATABASE_URL);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'db:revert': {
      const reverted = await revertLastMigration(loadEnv().DATABASE_URL);
      console.log(reverted ? `reverted: ${reverted}` : 'nothing to revert');
      return 0;
    }
    case 'user:create':
      return createUser(rest);
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  },
);
