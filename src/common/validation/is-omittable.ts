import { ValidateIf } from 'class-validator';

/**
 * An optional field that may be left out but not sent as `null`: the rules that follow apply to
 * every value that is present. class-validator's IsOptional lets `null` through, which the OpenAPI
 * document (a plain `type: string`, not nullable) refuses, so a client reading the document and a
 * client sending `null` would see two different APIs.
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_dto: object, value: unknown) => value !== undefined);
