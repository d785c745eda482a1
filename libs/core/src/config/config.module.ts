import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService, registerAs } from '@nestjs/config';
import { AppConfig, loadConfig } from './app-config';

/** Injection token for the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * @nestjs/config reads the environment when the application is built (not when this file is imported);
 * {@link loadConfig} is its validation schema. The typed result sits under `app` in the ConfigService and
 * behind the APP_CONFIG token, so no service reads process.env directly.
 */
const appConfig = registerAs('app', (): AppConfig => loadConfig(process.env));

@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, cache: true, load: [appConfig] })],
  providers: [
    {
      provide: APP_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService): AppConfig => config.getOrThrow<AppConfig>('app'),
    },
  ],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
