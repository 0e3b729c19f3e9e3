/**
 * Times a front-line system tells us about the past: when a complaint was received and when its
 * final response was sent. A CRM pushing its history may date them back, within reason.
 */

/** A client's clock may run a little ahead of ours; a time further ahead is a mistake. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** No complaint handled by this office is older than this; an earlier date is a typing error. */
export const EARLIEST_COMPLAINT_TIME = new Date(Date.UTC(2000, 0, 1));

/** Why a given receipt time is refused, or null. */
export function receivedAtRefusal(receivedAt: Date, now: Date): string | null {
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return 'receivedAt must not be in the future';
  }
  if (receivedAt < EARLIEST_COMPLAINT_TIME) return 'receivedAt must not be before 2000-01-01';
  return null;
}

/** Why a given time of the final response is refused, or null: between receipt and now. */
export function respondedAtRefusal(respondedAt: Date, receivedAt: Date, now: Date): string | null {
  if (respondedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return 'respondedAt must not be in the future';
  }
  if (respondedAt < receivedAt) {
    return 'respondedAt must not be before the complaint was received';
  }
  return null;
}
