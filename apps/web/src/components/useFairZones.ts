import { api } from '../api/client';

const zones = new Map<string, Promise<string>>();

/** The time zone of a fair (cached), so times show in the fair's zone; Asia/Seoul when unknown. */
export function fairZone(fairId: string | undefined): Promise<string> {
  if (!fairId) return Promise.resolve('Asia/Seoul');
  let zone = zones.get(fairId);
  if (!zone) {
    zone = api.fair(fairId).then((f) => f.timezone, () => 'Asia/Seoul');
    zones.set(fairId, zone);
  }
  return zone;
}
