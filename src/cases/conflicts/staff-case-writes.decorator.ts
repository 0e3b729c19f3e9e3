import { UseInterceptors } from '@nestjs/common';
import { HonoursIfMatch } from '../if-match/honours-if-match.decorator';
import { ConflictOfInterestBar } from './conflict-of-interest.bar';

/**
 * Class decorator for every staff controller of `…/cases/:reference/…`. Its write routes refuse
 * staff with a declared conflict of interest on the case (403), then honour `If-Match` (412);
 * reads are left alone.
 */
export function StaffCaseWrites(): ClassDecorator {
  return (target) => {
    UseInterceptors(ConflictOfInterestBar)(target);
    HonoursIfMatch()(target);
  };
}
