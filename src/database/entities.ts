/** Every TypeORM entity of the service; modules add theirs here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [];
