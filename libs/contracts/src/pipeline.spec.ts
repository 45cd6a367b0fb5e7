import { APPLICATION_STATUSES, ApplicationStatus } from './vocabulary';
import { MoveVerdict, PipelineActor, judgeMove } from './pipeline';

/** The pipeline written out by hand, independently of the table under test: every allowed move and its actor. */
const ALLOWED: Record<PipelineActor, string[]> = {
  booth_staff: [
    'applied→screening',
    'screening→interview',
    'interview→offered',
    'offered→hired',
    'applied→rejected',
    'screening→rejected',
    'interview→rejected',
    'offered→rejected',
  ],
  seeker: ['applied→withdrawn', 'screening→withdrawn', 'interview→withdrawn', 'offered→withdrawn'],
};

const expected = (from: ApplicationStatus, to: ApplicationStatus, actor: PipelineActor): MoveVerdict => {
  if (ALLOWED[actor].includes(`${from}→${to}`)) return 'allowed';
  if (actor === 'seeker' && to !== 'withdrawn') return 'forbidden';
  if (actor === 'booth_staff' && to === 'withdrawn') return 'forbidden';
  return 'illegal';
};

const ALL_MOVES = APPLICATION_STATUSES.flatMap((from) =>
  APPLICATION_STATUSES.flatMap((to) => (['booth_staff', 'seeker'] as const).map((actor) => [from, to, actor] as const)),
);

describe('the application pipeline', () => {
  it.each(ALL_MOVES)('%s → %s by %s', (from, to, actor) => {
    expect(judgeMove(from, to, actor)).toBe(expected(from, to, actor));
  });

  it('allows exactly twelve moves, all from an open stage', () => {
    const allowed = ALL_MOVES.filter(([f, t, a]) => judgeMove(f, t, a) === 'allowed');
    expect(allowed).toHaveLength(12);
    expect(allowed.every(([f]) => ['applied', 'screening', 'interview', 'offered'].includes(f))).toBe(true);
  });

  it('lets nothing leave hired, rejected or withdrawn, nor stay put', () => {
    for (const from of ['hired', 'rejected', 'withdrawn'] as const) {
      for (const to of APPLICATION_STATUSES) {
        expect(judgeMove(from, to, 'booth_staff')).not.toBe('allowed');
        expect(judgeMove(from, to, 'seeker')).not.toBe('allowed');
      }
    }
    for (const s of APPLICATION_STATUSES) expect(judgeMove(s, s, 'booth_staff')).not.toBe('allowed');
  });

  it('does not skip stages: applied → interview, applied → offered, screening → hired are illegal', () => {
    expect(judgeMove('applied', 'interview', 'booth_staff')).toBe('illegal');
    expect(judgeMove('applied', 'offered', 'booth_staff')).toBe('illegal');
    expect(judgeMove('screening', 'hired', 'booth_staff')).toBe('illegal');
    expect(judgeMove('interview', 'applied', 'booth_staff')).toBe('illegal');
  });

  it('keeps undoing a hire out of the status route: it is a separate staff correction back to offered', () => {
    expect(judgeMove('hired', 'offered', 'booth_staff')).toBe('illegal');
  });
});
