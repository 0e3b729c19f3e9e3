/**
 * Remembers which methods each route pattern answers, so an unknown method on a known path can be
 * told apart from an unknown path (405 with `Allow` instead of 404).
 */
export class RouteTable {
  private readonly routes: { pattern: RegExp; method: string }[] = [];

  add(method: string | string[], url: string): void {
    const pattern = new RegExp(
      '^' +
        url
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          // `::` is Fastify's escape for a literal colon (`/complaints::import`).
          .replace(/(^|[^:]):(?!:)[^/:]+/g, '$1[^/]+')
          .replace(/::/g, ':')
          .replace(/\*/g, '.*') +
        '/?$',
    );
    for (const m of Array.isArray(method) ? method : [method])
      this.routes.push({ pattern, method: m });
  }

  allowedMethods(path: string): string[] {
    const methods = this.routes.filter((route) => route.pattern.test(path)).map((r) => r.method);
    return [...new Set(methods)].filter((m) => m !== 'HEAD').sort();
  }
}
