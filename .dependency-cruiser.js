/**
 * Architecture rules that run in `npm test`. The independence rule is the ombudsman's
 * independence made structural: neither side reaches into the other's internals.
 */
const OMBUDSMAN = '^src/(cases|mediation|decisions|compensation)/';
const FRONTLINE = '^src/frontline/';

module.exports = {
  forbidden: [
    {
      name: 'ombudsman-does-not-reach-into-frontline',
      comment: 'Ombudsman modules use only what the front line publishes in src/frontline/public/.',
      severity: 'error',
      from: { path: OMBUDSMAN },
      to: { path: FRONTLINE, pathNot: '^src/frontline/public/' },
    },
    {
      name: 'frontline-does-not-reach-into-ombudsman',
      comment: 'The front line uses only what the ombudsman modules publish in their public/ folder.',
      severity: 'error',
      from: { path: FRONTLINE },
      to: { path: OMBUDSMAN, pathNot: '^src/(cases|mediation|decisions|compensation)/public/' },
    },
    {
      name: 'pure-domain-stays-pure',
      comment: 'Lifecycle, calendars, money, hashing and KPI formulas are plain TypeScript.',
      severity: 'error',
      from: { path: '(-lifecycle|business-calendar|money|audit-hash|canonical-json|kpi-formulas)\\.ts$' },
      to: { path: '^node_modules/(@nestjs|typeorm|pg|fastify)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
