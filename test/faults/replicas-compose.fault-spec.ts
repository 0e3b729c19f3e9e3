import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { reportFigures } from './support/figures';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: unknown;
}

/**
 * docker-compose.yml runs the service as several instances behind nginx; Docker cannot run here,
 * so this checks the file's shape. The process-level fault tests are what prove N instances
 * behave as one.
 */
describe('docker-compose.yml runs two replicas behind nginx', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, ComposeService>;
  };
  const nginx = readFileSync(join(ROOT, 'ops', 'nginx', 'nginx.conf'), 'utf8');

  it('has two app replicas on one PostgreSQL, reached only through the nginx proxy', () => {
    const { app, db, proxy } = compose.services;
    expect(app.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(app.ports ?? []).toEqual([]);
    expect(app.environment?.DATABASE_URL).toMatch(/@db:5432\//);
    expect(app.environment?.TRUST_PROXY).toBe('true');
    expect(app.depends_on?.db.condition).toBe('service_healthy');
    expect(db.image).toMatch(/^postgres:/);
    expect(proxy.image).toMatch(/^nginx:[\d.]+-alpine$/);
    expect(proxy.ports).toEqual(['8080:8080']);
    expect(proxy.volumes).toContain('./ops/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(proxy.depends_on?.app.condition).toBe('service_healthy');
    expect(nginx).toMatch(/server app:3000 resolve/);
    expect(nginx).toMatch(/listen 8080;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    reportFigures('compose-replicas', {
      replicas: app.deploy?.replicas ?? 0,
      proxy: proxy.image ?? 'none',
      published_app_ports: (app.ports ?? []).length,
    });
  });
});
