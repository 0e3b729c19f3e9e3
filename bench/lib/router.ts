import { AnyBaselineRoute } from '../baseline-handlers/types';

export interface RouteMatch {
  readonly route: AnyBaselineRoute;
  readonly params: Record<string, string>;
}

interface CompiledRoute {
  readonly route: AnyBaselineRoute;
  readonly segments: readonly string[];
}

const split = (path: string) => path.split('/').filter((s) => s !== '');

/** Matches method + path against routes whose paths may hold `:name` segments. */
export class Router {
  private readonly routes: readonly CompiledRoute[];

  constructor(routes: readonly AnyBaselineRoute[]) {
    this.routes = routes.map((route) => ({ route, segments: split(route.path) }));
  }

  match(method: string, path: string): RouteMatch | undefined {
    const segments = split(path);
    for (const candidate of this.routes) {
      if (candidate.route.method !== method) continue;
      const params = matchSegments(candidate.segments, segments);
      if (params) return { route: candidate.route, params };
    }
    return undefined;
  }
}

function matchSegments(
  pattern: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = decodeURIComponent(actual[i]);
    else if (pattern[i] !== actual[i]) return undefined;
  }
  return params;
}
