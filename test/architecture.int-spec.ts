import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const FIXTURE = join(__dirname, 'fixtures', 'architecture');

function cruise(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '.bin', 'depcruise'),
      'src',
      '--config',
      join(ROOT, '.dependency-cruiser.js'),
    ],
    { cwd, encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the independence rule between the front line and the ombudsman', () => {
  const fixture = cruise(FIXTURE);

  it('fails when an ombudsman module reads front-line internals', () => {
    expect(fixture.status).not.toBe(0);
    expect(fixture.output).toMatch(
      /ombudsman-does-not-reach-into-frontline: src\/cases\/reads-frontline-tables\.ts/,
    );
  });

  it('fails when the front line reads ombudsman internals', () => {
    expect(fixture.output).toMatch(
      /frontline-does-not-reach-into-ombudsman: src\/frontline\/reads-case-internals\.ts/,
    );
  });

  it('allows the front line’s published interface', () => {
    expect(fixture.output).not.toMatch(/uses-published-port/);
  });

  it('holds the public escalation side to it as an ombudsman module', () => {
    expect(fixture.output).toMatch(
      /ombudsman-does-not-reach-into-frontline: src\/escalation\/reads-frontline-tables\.ts/,
    );
    expect(fixture.output).toMatch(
      /frontline-does-not-reach-into-ombudsman: src\/frontline\/reads-customer-texts\.ts/,
    );
  });

  it('holds for the service itself', () => {
    const service = cruise(ROOT);
    expect(service.output).toMatch(/no dependency violations found/);
    expect(service.status).toBe(0);
  });
});

describe('the platform rule', () => {
  const fixture = cruise(FIXTURE);

  it('fails when a platform module imports a business module', () => {
    expect(fixture.status).not.toBe(0);
    expect(fixture.output).toMatch(
      /platform-does-not-import-business-modules: src\/common\/errors\/knows-case-lifecycle\.ts → src\/cases\/case-lifecycle\.ts/,
    );
  });

  it('lets the entity registry name entity classes, and nothing else of a business module', () => {
    expect(fixture.output).toMatch(
      /entity-registry-names-only-entities: src\/database\/entities\.ts → src\/cases\/case-reader\.service\.ts/,
    );
    expect(fixture.output).not.toMatch(
      /src\/database\/entities\.ts → src\/cases\/case\.entity\.ts/,
    );
  });
});
