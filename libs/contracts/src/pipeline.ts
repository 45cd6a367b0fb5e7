import { APPLICATION_STATUSES, type ApplicationStatus } from './vocabulary';

/** Who moves an application: the seeker who applied, or staff of the booth's company. */
export type PipelineActor = 'seeker' | 'booth_staff';

/** Stages an application can still move on from. */
export const OPEN_STATUSES = ['applied', 'screening', 'interview', 'offered'] as const satisfies readonly ApplicationStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** Where a move can lead: every status but `applied`, which is only where an application starts. */
export type MoveTarget = Exclude<ApplicationStatus, 'applied'>;

/** What `POST /applications/:id/status` accepts. */
export const MOVE_TARGETS = APPLICATION_STATUSES.filter((s): s is MoveTarget => s !== 'applied');

export interface PipelineMove {
  from: ApplicationStatus;
  to: MoveTarget;
  by: PipelineActor;
}

/** Staff's next stage from each open stage ("다음 단계"): the pipeline's forward moves. */
export const NEXT_STAGE: { readonly [S in OpenStatus]: MoveTarget } = {
  applied: 'screening',
  screening: 'interview',
  interview: 'offered',
  offered: 'hired',
};

/**
 * Every legal move of the hiring pipeline, and who may make it: staff move one stage forward or reject
 * from any open stage; the seeker withdraws from any open stage. Nothing leaves hired, rejected or
 * withdrawn through this table (undoing a mistaken hire is a separate staff correction back to offered: `POST /applications/:id/hire/undo`).
 */
export const PIPELINE_MOVES: readonly PipelineMove[] = [
  ...OPEN_STATUSES.map((from) => ({ from, to: NEXT_STAGE[from], by: 'booth_staff' as const })),
  ...OPEN_STATUSES.map((from) => ({ from, to: 'rejected' as const, by: 'booth_staff' as const })),
  ...OPEN_STATUSES.map((from) => ({ from, to: 'withdrawn' as const, by: 'seeker' as const })),
];

export type MoveVerdict = 'allowed' | 'forbidden' | 'illegal';

export const isOpenStatus = (s: ApplicationStatus): s is OpenStatus => (OPEN_STATUSES as readonly ApplicationStatus[]).includes(s);

/**
 * Whether `actor` may move an application from `from` to `to`:
 * - a seeker may only withdraw: any other target is `forbidden` (403), withdrawing from a closed stage `illegal`;
 * - withdrawing is the seeker's alone: booth staff asking for it are `forbidden`;
 * - any other move not in PIPELINE_MOVES is `illegal` (409 ILLEGAL_TRANSITION).
 */
export function judgeMove(from: ApplicationStatus, to: ApplicationStatus, actor: PipelineActor): MoveVerdict {
  if (actor === 'seeker' && to !== 'withdrawn') return 'forbidden';
  if (actor === 'booth_staff' && to === 'withdrawn') return 'forbidden';
  return PIPELINE_MOVES.some((m) => m.from === from && m.to === to && m.by === actor) ? 'allowed' : 'illegal';
}

/** The moves staff may offer on an application in `from`, in the order a console shows them. */
export const staffMovesFrom = (from: ApplicationStatus): MoveTarget[] =>
  PIPELINE_MOVES.filter((m) => m.from === from && m.by === 'booth_staff').map((m) => m.to);
