import { health } from './health';
import { Scenario } from './types';

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: readonly Scenario[] = [health];
