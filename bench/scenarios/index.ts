import { auditVerify } from './audit-verify';
import { caseView } from './case-view';
import { documents } from './documents';
import { health } from './health';
import { hostileBody } from './hostile-body';
import { intake } from './intake';
import { intakeOpenLoop } from './intake-open-loop';
import { kpis, kpisPublic, kpisTenYears } from './kpis';
import { mail } from './mail';
import { portal } from './portal';
import { queue } from './queue';
import { search } from './search';
import { searchExact, searchPartial } from './search-exact';
import { sweep } from './sweep';
import { Scenario, TimedScenario } from './types';

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: readonly (Scenario | TimedScenario)[] = [
  health,
  intake,
  intakeOpenLoop,
  queue,
  caseView,
  search,
  searchExact,
  searchPartial,
  kpis,
  kpisTenYears,
  kpisPublic,
  sweep,
  auditVerify,
  hostileBody,
  mail,
  documents,
  portal,
];
