import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/core';
import { ApiModule } from '../api.module';
import { seedDemo } from '../demo/demo-seed';

/**
 * `npm run demo:seed`: boots the API's application context (no HTTP listener) and replays the demo fund's
 * history through the services. Stops with a message when the VTF fund exists already.
 */
export async function runDemoSeed(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(ApiModule, { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const result = await seedDemo(app, (line) => console.log(`[demo] ${line}`));
    if (result.created)
      console.log(`[demo] history entered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log('\n  Demo logins (the fund VTF):');
    for (const l of result.logins)
      console.log(
        `    ${l.role.padEnd(13)} ${l.email.padEnd(28)} ${l.password.padEnd(24)}` +
          (l.totpSecret ? ` two-factor secret ${l.totpSecret}` : ''),
      );
    console.log(
      '  Staff sign in with a two-factor code: add the secret to an authenticator app, or run\n' +
        '  `npm run demo:codes` for the current codes.\n',
    );
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  runDemoSeed().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
