/**
 * Architecture rules that run in `npm test`. The independence rule is the ombudsman's
 * independence made structural: neither side reaches into the other's internals.
 * `escalation` is the ombudsman's public side (the customer's door), so it is held to the same rule.
 */
const OMBUDSMAN = '^src/(cases|mediation|decisions|compensation|escalation)/';
const FRONTLINE = '^src/frontline/';
/** The ground every capability stands on; it must not know the capabilities. */
const PLATFORM = '^src/(common|auth|audit|config|database|health|observability)/';
const BUSINESS =
  '^src/(cases|mediation|decisions|compensation|frontline|escalation|sla|notifications|reports|feedback)/';
/**
 * TypeORM needs every entity class in the data source, and src/database/entities.ts is that list:
 * a composition root for persistence, as app.module.ts is for modules. It may name entity classes,
 * and nothing else of a business module.
 */
const ENTITY_REGISTRY = '^src/database/entities\\.ts$';

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
      comment:
        'The front line uses only what the ombudsman modules publish in their public/ folder.',
      severity: 'error',
      from: { path: FRONTLINE },
      to: {
        path: OMBUDSMAN,
        pathNot: '^src/(cases|mediation|decisions|compensation|escalation)/public/',
      },
    },
    {
      name: 'platform-does-not-import-business-modules',
      comment:
        'common, auth, audit, config, database, health and observability serve every capability and know none.',
      severity: 'error',
      from: { path: PLATFORM, pathNot: ENTITY_REGISTRY },
      to: { path: BUSINESS },
    },
    {
      name: 'entity-registry-names-only-entities',
      comment: 'The one platform file allowed to see business modules sees only their entities.',
      severity: 'error',
      from: { path: ENTITY_REGISTRY },
      to: { path: BUSINESS, pathNot: '\\.entity\\.ts$' },
    },
    {
      name: 'pure-domain-stays-pure',
      comment: 'Lifecycle, calendars, money, hashing and KPI formulas are plain TypeScript.',
      severity: 'error',
      from: {
        path: '(-lifecycle|business-calendar|money|audit-hash|canonical-json|kpi-formulas)\\.ts$',
      },
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
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
