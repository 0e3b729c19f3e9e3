import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const FIXTURE = join(__dirname, 'fixtures', 'architecture');

function cruise(cwd: string, ...extra: string[]): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '.bin', 'depcruise'),
      'src',
      '--config',
      join(ROOT, '.dependency-cruiser.js'),
      ...extra,
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface CruisedModule {
  source: string;
  dependencies: { resolved: string }[];
}

/** The top-level folders of src/ and which of them import which. */
function folderGraph(cwd: string): Map<string, Set<string>> {
  const { output } = cruise(cwd, '--output-type', 'json');
  const modules = (JSON.parse(output.slice(output.indexOf('{'))) as { modules: CruisedModule[] })
    .modules;
  const folderOf = (path: string): string | null => /^src\/([^/]+)\//.exec(path)?.[1] ?? null;
  const graph = new Map<string, Set<string>>();
  for (const m of modules) {
    const from = folderOf(m.source);
    if (from === null) continue;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const d of m.dependencies) {
      const to = folderOf(d.resolved);
      if (to !== null && to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Every folder that lies on a cycle of the folder graph, each cycle written `a → b → a`. */
function folderCycles(graph: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): void => {
    const at = path.indexOf(folder);
    if (at >= 0) {
      cycles.push([...path.slice(at), folder].join(' → '));
      return;
    }
    if (done.has(folder)) return;
    for (const next of graph.get(folder) ?? []) visit(next, [...path, folder]);
    done.add(folder);
  };
  for (const folder of [...graph.keys()].sort()) visit(folder, []);
  return cycles;
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

describe('the layers', () => {
  const fixture = cruise(FIXTURE);

  it.each([
    [
      'layer-platform-knows-no-capability',
      'src/common/errors/knows-case-lifecycle.ts',
      'src/cases/case-lifecycle.ts',
    ],
    ['layer-common-is-the-ground', 'src/common/reads-config.ts', 'src/config/app-config.ts'],
    ['layer-config-stands-on-common', 'src/config/uses-auth.ts', 'src/auth/actor.ts'],
    [
      'layer-deadlines-below-the-case-core',
      'src/sla/sweep/closes-cases.ts',
      'src/cases/case-transitions.service.ts',
    ],
    [
      'layer-case-core-below-resolution',
      'src/cases/dto/shows-remedies.ts',
      'src/compensation/dto/remedy.dto.ts',
    ],
    [
      'layer-frontline-beside-the-core',
      'src/frontline/reads-reports.ts',
      'src/reports/kpi-report.ts',
    ],
    [
      'layer-compensation-is-the-base-of-resolution',
      'src/compensation/views/reads-proposals.ts',
      'src/mediation/proposal-read.ts',
    ],
    [
      'layer-mediation-on-compensation',
      'src/mediation/reads-decisions.ts',
      'src/decisions/decision-read.ts',
    ],
    [
      'layer-decisions-on-mediation',
      'src/decisions/shows-company-view.ts',
      'src/views/company/company-view.dto.ts',
    ],
    [
      'layer-feedback-on-the-core',
      'src/feedback/reads-proposals.ts',
      'src/mediation/proposal-read.ts',
    ],
    [
      'layer-read-models-below-the-edges',
      'src/views/answers-with-a-controller.ts',
      'src/edges/staff/cases.controller.ts',
    ],
    [
      'layer-nothing-imports-an-edge',
      'src/escalation/borrows-a-staff-route.ts',
      'src/edges/staff/cases.controller.ts',
    ],
    [
      'layer-nothing-imports-the-customer-edge',
      'src/cases/queue/takes-filing-categories.ts',
      'src/escalation/dto/file-escalation.dto.ts',
    ],
  ])('%s fails when %s imports upward', (rule, from, to) => {
    expect(fixture.status).not.toBe(0);
    expect(fixture.output).toContain(`${rule}: ${from} → ${to}`);
  });

  it('keeps TypeORM out of what the front line publishes', () => {
    expect(fixture.output).toMatch(
      /frontline-port-speaks-its-own-types: src\/frontline\/public\/takes-an-entity-manager\.ts → .*node_modules\/typeorm\//,
    );
  });

  it('lets a layer import the layers below it', () => {
    expect(fixture.output).not.toMatch(/uses-compensation|reads-every-layer-below|uses-case-core/);
  });

  it('finds a cycle between two folders that no file-level cycle shows', () => {
    expect(folderCycles(folderGraph(FIXTURE))).toContain('cases → compensation → cases');
  });

  it('leaves no cycle between the folders of the service', () => {
    expect(folderCycles(folderGraph(ROOT))).toEqual([]);
  });
});

describe('the platform rule', () => {
  const fixture = cruise(FIXTURE);

  it('lets the entity registry name entity classes, and nothing else of a business module', () => {
    expect(fixture.output).toMatch(
      /entity-registry-names-only-entities: src\/entities\.ts → src\/cases\/case-reader\.service\.ts/,
    );
    expect(fixture.output).not.toMatch(/src\/entities\.ts → src\/cases\/case\.entity\.ts/);
  });
});

/** Every tracked TypeScript file under src/ whose name ends with `suffix`, with its text. */
function sourcesEndingWith(suffix: string): { path: string; text: string }[] {
  const listed = spawnSync('git', ['ls-files', 'src'], { cwd: ROOT, encoding: 'utf8' });
  return listed.stdout
    .split('\n')
    .filter((path) => path.endsWith(suffix))
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

describe('the naming conventions of docs/architecture.md', () => {
  it('names every class of a *.service.ts file …Service', () => {
    const misnamed = sourcesEndingWith('.service.ts').flatMap(({ path, text }) =>
      [...text.matchAll(/export class (\w+)/g)]
        .map((match) => match[1])
        .filter((name) => !name.endsWith('Service'))
        .map((name) => `${path}: ${name}`),
    );
    expect(misnamed).toEqual([]);
  });

  it('keeps one controller per file', () => {
    const crowded = sourcesEndingWith('.ts')
      .filter(({ text }) => (text.match(/@Controller\(/g) ?? []).length > 1)
      .map(({ path }) => path);
    expect(crowded).toEqual([]);
  });

  it('keeps every service class under 250 lines', () => {
    const long = sourcesEndingWith('.service.ts')
      .filter(({ text }) => text.split('\n').length > 250)
      .map(({ path }) => path);
    expect(long).toEqual([]);
  });
});
