import TestAgent from 'supertest/lib/agent';
import { Response } from 'supertest';
import { OpenApiContract } from './openapi-contract';

/**
 * Every request a test makes through the test app goes through here: its answer (and, when the
 * service accepted it, the request) is checked against openapi.json, so that no test can forget to.
 * A mismatch fails the test that made the request, naming the operation, the status and the path.
 */
let contract: OpenApiContract | undefined;
let checked = 0;

/** How many answers this test file had checked. */
export const checkedResponses = () => checked;

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

interface PendingTest {
  method: string;
  url: string;
  _data?: unknown;
  _header?: Record<string, string>;
  /** Set by `.attach()` / `.field()`: a multipart/form-data body. */
  _formData?: unknown;
  _asserts: ((res: Response) => unknown)[];
  end(fn?: unknown): unknown;
}

export function contractChecked(agent: TestAgent): TestAgent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !VERBS.has(property) || typeof value !== 'function')
        return value;
      return (...args: unknown[]) => checkOnEnd(value.apply(target, args) as PendingTest);
    },
  });
}

function checkOnEnd<T extends PendingTest>(test: T): T {
  const end = test.end.bind(test);
  let hooked = false;
  test.end = (fn?: unknown) => {
    // After the test's own expectations, so that a wrong status reads as the test wrote it.
    if (!hooked) test._asserts.push((res) => check(test, res));
    hooked = true;
    return end(fn);
  };
  return test;
}

function check(test: PendingTest, res: Response): Error | undefined {
  contract ??= new OpenApiContract();
  const problems = contract.check({
    method: test.method,
    url: test.url,
    requestBody: requestBody(test),
    status: res.status,
    headers: res.headers as Record<string, string>,
    body: res.body,
    text: res.text,
  });
  if (problems === undefined) return undefined;
  checked += 1;
  if (problems.length === 0) return undefined;
  return new Error(`The answer does not match openapi.json:\n  ${problems.join('\n  ')}`);
}

function requestBody(test: PendingTest): unknown {
  // A form is checked for being sent; only JSON bodies are checked against their schema.
  if (test._formData) return '(multipart/form-data)';
  const data = test._data;
  if (typeof data !== 'string') return data;
  const type = Object.entries(test._header ?? {}).find(([k]) => k.toLowerCase() === 'content-type');
  if (!type || !/json/i.test(type[1])) return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}
