/**
 * Architecture rules that run in `npm test`; docs/architecture.md draws them.
 *
 * 1. Layers. Every folder of src/ sits in one layer and imports only its own layer or the layers
 *    below it: platform → deadlines → case core (and the front line beside it) → resolution →
 *    read models → HTTP edges. A lower layer that must react to a higher one offers a port or an
 *    event (src/sla/sweep/answer-lapse.port.ts); it never imports upward. The rules are written
 *    between folders, because a file-level `no-circular` cannot see two folders importing each
 *    other through different files (test/architecture.int-spec.ts also checks that the folder
 *    graph has no cycle at all).
 * 2. Independence. Neither the ombudsman nor the front line reaches into the other's internals.
 *    `escalation` is the ombudsman's public side (the customer's door), so it is held to the same rule.
 */
const OMBUDSMAN = '^src/(cases|mediation|decisions|compensation|escalation|documents)/';
const FRONTLINE = '^src/frontline/';
/** The ground every capability stands on; it must not know the capabilities. */
const PLATFORM_FOLDERS =
  'common|config|database|rate-limit|auth|audit|notifications|health|bootstrap|observability';
const PLATFORM = `^src/(${PLATFORM_FOLDERS})/`;
const BUSINESS =
  '^src/(cases|mediation|decisions|compensation|frontline|escalation|sla|reports|feedback|views|edges|mail|documents|portal)/';
/**
 * TypeORM needs every entity class in the data source, and src/entities.ts is that list: a
 * composition root for persistence beside app.module.ts, which hands it to DatabaseModule.forRoot.
 * It may name entity classes, and nothing else of a business module.
 */
const ENTITY_REGISTRY = '^src/entities\\.ts$';
/** A rule that keeps the folders matched by `from` off every src/ folder not in `allowed`. */
function layer(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: '^src/', pathNot: allowed },
  };
}

const LAYERS = [
  {
    name: 'layer-platform-knows-no-capability',
    comment:
      'Platform (common, config, database, rate-limit, auth, audit, notifications with the outbox, ' +
      'health, bootstrap) imports only platform.',
    severity: 'error',
    from: { path: PLATFORM },
    to: { path: '^src/', pathNot: PLATFORM },
  },
  layer(
    'layer-common-is-the-ground',
    'common is small and generic: it imports no other folder of src/.',
    '^src/common/',
    '^src/common/',
  ),
  layer(
    'layer-config-stands-on-common',
    'Configuration is read before anything else exists: it may use common, nothing more.',
    '^src/config/',
    '^src/(common|config)/',
  ),
  layer(
    'layer-deadlines-below-the-case-core',
    'sla (policies, calendars, clocks, the sweep) imports only platform; what a breach does to a ' +
      'case is the case core’s, through src/sla/sweep/answer-lapse.port.ts.',
    '^src/sla/',
    `^src/(${PLATFORM_FOLDERS}|sla)/`,
  ),
  layer(
    'layer-case-core-below-resolution',
    'cases (lifecycle, transitions, case lock, recorder, access) imports deadlines, platform and ' +
      'the front line’s published interface, never resolution, read models or edges.',
    '^src/cases/',
    `^src/(${PLATFORM_FOLDERS}|sla|cases|frontline/public)/`,
  ),
  layer(
    'layer-frontline-beside-the-core',
    'The front line stands on deadlines and platform only; the ombudsman reaches it through ' +
      'src/frontline/public.',
    FRONTLINE,
    `^src/(${PLATFORM_FOLDERS}|sla|frontline)/`,
  ),
  layer(
    'layer-compensation-is-the-base-of-resolution',
    'Remedies know the case core, not the proposals or decisions that carry them.',
    '^src/compensation/',
    `^src/(${PLATFORM_FOLDERS}|sla|cases|frontline/public|compensation)/`,
  ),
  layer(
    'layer-mediation-on-compensation',
    'Mediation builds on compensation; it never imports decisions.',
    '^src/mediation/',
    `^src/(${PLATFORM_FOLDERS}|sla|cases|frontline/public|compensation|mediation)/`,
  ),
  layer(
    'layer-decisions-on-mediation',
    'A decision closes open proposals and carries remedies: it may use mediation and compensation.',
    '^src/decisions/',
    `^src/(${PLATFORM_FOLDERS}|sla|cases|frontline/public|compensation|mediation|decisions)/`,
  ),
  layer(
    'layer-feedback-on-the-core',
    'Satisfaction and suggestions stand on the case core, beside resolution.',
    '^src/feedback/',
    `^src/(${PLATFORM_FOLDERS}|sla|cases|feedback)/`,
  ),
  layer(
    'layer-documents-on-the-core',
    'Evidence on a case stands on the case core, beside resolution; the views read it.',
    '^src/documents/',
    `^src/(${PLATFORM_FOLDERS}|sla|cases|frontline/public|documents)/`,
  ),
  layer(
    'layer-read-models-below-the-edges',
    'Staff, company and customer views, texts, reports and mail read every layer below, never an edge.',
    '^src/(views|reports|mail)/',
    `^src/(${PLATFORM_FOLDERS}|sla|cases|frontline/public|compensation|mediation|decisions|feedback|documents|views|reports|mail)/`,
  ),
  {
    name: 'layer-nothing-imports-an-edge',
    comment:
      'HTTP edges (src/edges, src/escalation, src/portal) are the top: only app.module.ts wires them, and one ' +
      'edge does not borrow from another.',
    severity: 'error',
    from: { path: '^src/', pathNot: `^src/app\\.module\\.ts$|^src/edges/` },
    to: { path: '^src/edges/' },
  },
  {
    name: 'layer-nothing-imports-the-customer-edge',
    comment:
      'src/escalation is the customer’s edge: only app.module.ts wires it, and the customer ' +
      'pages (src/portal) file through its intake (the service and its filing body), so filing ' +
      'has one set of rules.',
    severity: 'error',
    from: { path: '^src/', pathNot: `^src/app\\.module\\.ts$|^src/escalation/|^src/portal/` },
    to: { path: '^src/escalation/' },
  },
  {
    name: 'layer-portal-takes-only-the-intake-from-the-api-edge',
    comment: 'The customer pages reuse the API edge’s intake, nothing else of it.',
    severity: 'error',
    from: { path: '^src/portal/' },
    to: {
      path: '^src/escalation/',
      pathNot: '^src/escalation/(intake\\.service|escalation\\.module|dto/file-escalation\\.dto)\\.ts$',
    },
  },
  {
    name: 'layer-nothing-imports-the-customer-pages',
    comment: 'src/portal (the customer pages) is an HTTP edge: only the composition root wires it.',
    severity: 'error',
    from: { path: '^src/', pathNot: `^src/(app\\.module|app\\.factory)\\.ts$|^src/portal/` },
    to: { path: '^src/portal/' },
  },
];

module.exports = {
  forbidden: [
    ...LAYERS,
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
        pathNot: '^src/(cases|mediation|decisions|compensation|escalation|documents)/public/',
      },
    },
    {
      name: 'frontline-port-speaks-its-own-types',
      comment:
        'What the front line publishes names no TypeORM type: a transaction crosses it as a ' +
        'UnitOfWork (src/database/unit-of-work.ts).',
      severity: 'error',
      from: { path: '^src/frontline/public/' },
      to: { path: 'node_modules/(typeorm|@nestjs/typeorm|pg)/' },
    },
    {
      name: 'entity-registry-names-only-entities',
      comment: 'The list of entities sees only the entity classes of the modules.',
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
