/** Days after a hire's start date when the seeker is asked whether they are still employed (retention follow-ups). */
export const FOLLOW_UP_DAYS = [30, 60, 90] as const;
export type FollowUpDays = (typeof FOLLOW_UP_DAYS)[number];
