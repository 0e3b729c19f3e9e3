import { health } from './health';
import { intake } from './intake';
import { queue } from './queue';
import { search } from './search';
import { Scenario } from './types';

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: readonly Scenario[] = [health, intake, queue, search];
