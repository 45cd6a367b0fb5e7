/** Days after a hire's start date when the seeker is asked whether they are still employed (retention follow-ups). */
export { FOLLOW_UP_DAYS } from '@bisang/contracts';
export type { FollowUpDays } from '@bisang/contracts';
