import { documents } from './documents';
import { health } from './health';
import { intake } from './intake';
import { kpis, kpisPublic } from './kpis';
import { queue } from './queue';
import { search } from './search';
import { sweep } from './sweep';
import { Scenario, TimedScenario } from './types';

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: readonly (Scenario | TimedScenario)[] = [
  health,
  intake,
  queue,
  search,
  kpis,
  kpisPublic,
  sweep,
  documents,
];
