import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * How many callers are waiting for a free connection of the data source's pool right now (0
 * when the driver has no pool yet). A background job reads it to give way to requests: callers
 * queue for connections when the service is saturated (its transactions held open while the
 * process is busy), not when it merely has work.
 */
export function connectionWaiters(dataSource: DataSource): number {
  const driver = dataSource.driver as { master?: Pool };
  return driver.master?.waitingCount ?? 0;
}
