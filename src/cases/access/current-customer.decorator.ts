import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CustomerActor } from '../../auth/actor';
import { AuthenticatedRequest } from '../../auth/auth.decorators';

/** The customer whose case token opened this request. */
export const CurrentCustomer = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CustomerActor => {
    const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor?.kind !== 'customer')
      throw new Error('CurrentCustomer used on a route without @CaseTokenAuth');
    return actor;
  },
);
