/**
 * The estimated wait of the seeker at `position`: the booth's median chat length times the chats ahead of them
 * per chat the online recruiters take at once. Null without a measured median (fewer than 3 ended chats): no
 * number is better than an invented one.
 */
export function estimateWait(basis: { medianSeconds: number | null; slots: number }, position: number): number | null {
  if (basis.medianSeconds === null) return null;
  const slots = Math.max(1, basis.slots);
  return Math.max(0, Math.round((basis.medianSeconds * Math.ceil(position / slots))));
}
