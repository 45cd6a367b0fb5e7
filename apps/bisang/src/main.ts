import { join } from 'node:path';
import { serveWebApp } from '@bisang/common';
import { runHttpProcess } from '@bisang/core';
import { RedisIoAdapter } from '../../realtime/src/redis-io.adapter';
import { BisangModule } from './bisang.module';

const demo = process.argv.includes('--demo');

/** The all-in-one process (`npm start`): migrations, then API + realtime + worker on PORT. `--demo` seeds a live demo fair. */
void runHttpProcess(BisangModule.forRoot(), {
  migrate: true,
  beforeListen: async (app, env) => {
    app.useWebSocketAdapter(new RedisIoAdapter(app, env.REDIS_URL, env.REDIS_PREFIX));
    // The web app built by `npm run build` (dist/web), at `/`.
    await serveWebApp(app, join(__dirname, '..', '..', '..', 'web'));
  },
  afterListen: async (app) => {
    if (!demo) return;
    const { seedDemo } = await import('./demo/demo-seed.js');
    await seedDemo(app);
  },
});
