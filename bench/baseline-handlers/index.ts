import { healthRoutes } from './health';
import { intakeRoutes } from './intake';
import { kpiRoutes } from './kpis';
import { queueRoutes } from './queue';
import { BaselineRoute } from './types';

/** Every baseline route; add a scenario's handlers here. */
export const BASELINE_ROUTES: readonly BaselineRoute[] = [
  ...healthRoutes,
  ...intakeRoutes,
  ...kpiRoutes,
  ...queueRoutes,
];
