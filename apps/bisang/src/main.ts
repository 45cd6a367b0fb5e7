import { join } from 'node:path';
import { serveWebApp } from '@bisang/common';
import { loadEnv } from '@bisang/config';
import { runHttpProcess } from '@bisang/core';
import { RedisIoAdapter } from '../../realtime/src/redis-io.adapter';
import { BisangModule } from './bisang.module';

const demo = process.argv.includes('--demo');

/** The demo sends its mail to a local inbox unless an SMTP server is configured. */
async function demoMail(): Promise<Record<string, string>> {
  const env = loadEnv();
  if (env.SMTP_URL) return {};
  const { startDemoInbox } = await import('./demo/demo-inbox.js');
  const inbox = await startDemoInbox(env.DEMO_SMTP_PORT, env.DEMO_INBOX_PORT);
  return { SMTP_URL: inbox.smtpUrl, PUBLIC_URL: env.PUBLIC_URL };
}

/** The all-in-one process (`npm start`): migrations, then API + realtime + worker on PORT. `--demo` seeds a live demo fair and a mail inbox. */
void (async () => {
  const overrides = demo ? await demoMail().catch((err: Error) => (console.error(`demo inbox: ${err.message}`), {})) : {};
  await runHttpProcess(BisangModule.forRoot(overrides), {
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
})();
