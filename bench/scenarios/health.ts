import { Scenario } from './types';

/** Readiness probe: one small query per request, the floor for every other scenario. */
export const health: Scenario = {
  name: 'health',
  connections: 10,
  service: () => ({ method: 'GET', path: '/health/ready' }),
  baseline: () => ({ method: 'GET', path: '/health/ready' }),
};
