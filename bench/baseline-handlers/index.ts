import { caseViewRoutes } from './case-view';
import { healthRoutes } from './health';
import { intakeRoutes } from './intake';
import { kpiRoutes } from './kpis';
import { queueRoutes } from './queue';
import { documentRoutes } from './documents';
import { portalRoutes } from './portal';
import { AnyBaselineRoute } from './types';

/** Every baseline route; add a scenario's handlers here. */
export const BASELINE_ROUTES: readonly AnyBaselineRoute[] = [
  ...healthRoutes,
  ...intakeRoutes,
  ...kpiRoutes,
  ...queueRoutes,
  ...caseViewRoutes,
  ...documentRoutes,
  ...portalRoutes,
];
