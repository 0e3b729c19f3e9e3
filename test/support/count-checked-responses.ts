import { appendFileSync } from 'node:fs';
import { checkedResponses } from './contract-checked-http';

/** Each test file adds the number of answers it had checked; the global teardown prints the sum. */
afterAll(() => {
  const file = process.env.TEST_OPENAPI_COUNT_FILE;
  if (file && checkedResponses() > 0) appendFileSync(file, `${checkedResponses()}\n`);
});
