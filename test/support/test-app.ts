import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DestinationStream } from 'pino';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { signStaffToken } from '../../src/auth/token-signer';
import { JwtRole } from '../../src/auth/roles';
import { loadConfig } from '../../src/config/load-config';
import { AppConfig } from '../../src/config/app-config';
import { contractChecked } from './contract-checked-http';
import { createTestDatabase } from './database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  readonly dataSource: DataSource;
  readonly databaseUrl: string;
  http(): TestAgent;
  token(roles: JwtRole | JwtRole[], sub?: string, name?: string): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Record<string, string>;
  readonly extraModules?: Type[];
  readonly logStream?: DestinationStream;
  /** Another app's database, to run two instances side by side; a fresh one when absent. */
  readonly databaseUrl?: string;
}

/** The real application on its own fresh database (or a given one), as production builds it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: options.logStream ? 'info' : 'silent',
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...options.env,
  });
  const { app } = await createApp(config, {
    extraModules: options.extraModules,
    logStream: options.logStream,
  });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    databaseUrl,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    http: () => contractChecked(request(app.getHttpServer())),
    token: (roles, sub = 'staff-1', name) =>
      signStaffToken(TEST_JWT_SECRET, {
        sub,
        roles: Array.isArray(roles) ? roles : [roles],
        name,
        issuer: config.auth.tokenRules.issuer,
        audience: config.auth.tokenRules.audience,
      }),
    close: () => app.close(),
  };
}
