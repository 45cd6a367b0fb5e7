import type { DomainEvent } from '@bisang/contracts';
import { noticesFor } from './notification-rules';

const booking = {
  bookingId: 'b1',
  slotId: 's1',
  fairId: 'f1',
  kind: 'coaching' as const,
  seekerId: 'seeker',
  coachId: 'coach',
  startsAt: '2026-12-10T01:00:00.000Z',
  endsAt: '2026-12-10T01:30:00.000Z',
};
const at = '2026-12-02T00:00:00.000Z';

describe('who hears of an event', () => {
  it('tells both sides of a confirmed booking, each with who the other is', () => {
    const event: DomainEvent<'booking.confirmed'> = { id: 7, type: 'booking.confirmed', fairId: 'f1', payload: booking, occurredAt: at };
    expect(noticesFor(event)).toEqual([
      { userId: 'seeker', type: 'booking.confirmed', data: expect.objectContaining({ bookingId: 'b1', status: 'confirmed', coachId: 'coach' }) },
      { userId: 'coach', type: 'booking.confirmed', data: expect.objectContaining({ bookingId: 'b1', status: 'confirmed', seekerId: 'seeker' }) },
    ]);
  });

  it('tells only the seeker of a rejection, with its reason', () => {
    const event: DomainEvent<'booking.rejected'> = {
      id: 8,
      type: 'booking.rejected',
      fairId: 'f1',
      payload: { ...booking, reason: 'SLOT_TAKEN', message: '이미 예약된 시간대입니다' },
      occurredAt: at,
    };
    expect(noticesFor(event)).toEqual([
      { userId: 'seeker', type: 'booking.rejected', data: { bookingId: 'b1', slotId: 's1', kind: 'coaching', status: 'rejected', reason: 'SLOT_TAKEN', message: '이미 예약된 시간대입니다' } },
    ]);
  });

  it("tells every recruiter of the company of a new applicant by name only, and the seeker of each move", () => {
    const facts = {
      applicationId: 'a1',
      fairId: 'f1',
      boothId: 'booth',
      companyId: 'c1',
      postingId: 'p1',
      postingTitle: '생산관리',
      companyName: '달구벌소프트',
      seekerId: 'seeker',
    };
    const submitted: DomainEvent<'application.submitted'> = { id: 9, type: 'application.submitted', fairId: 'f1', payload: { ...facts, seekerName: '김비상' }, occurredAt: at };
    expect(noticesFor(submitted, ['r1', 'r2']).map((n) => [n.userId, n.type])).toEqual([
      ['r1', 'application.received'],
      ['r2', 'application.received'],
    ]);
    expect(noticesFor(submitted, ['r1'])[0].data).toEqual({ applicationId: 'a1', postingId: 'p1', postingTitle: '생산관리', boothId: 'booth', seekerName: '김비상' });
    const moved: DomainEvent<'application.moved'> = {
      id: 10,
      type: 'application.moved',
      fairId: 'f1',
      payload: { ...facts, from: 'applied', to: 'screening', movedBy: 'r1' },
      occurredAt: at,
    };
    expect(noticesFor(moved)).toEqual([
      {
        userId: 'seeker',
        type: 'application.status_changed',
        data: { applicationId: 'a1', postingId: 'p1', postingTitle: '생산관리', companyName: '달구벌소프트', from: 'applied', to: 'screening' },
      },
    ]);
  });

  it('says why the system cancelled an interview', () => {
    const event: DomainEvent<'booking.cancelled'> = {
      id: 11,
      type: 'booking.cancelled',
      fairId: 'f1',
      payload: { ...booking, kind: 'interview', cancelledBy: 'system', reason: 'APPLICATION_LEFT_INTERVIEW_STAGE' },
      occurredAt: at,
    };
    expect(noticesFor(event).map((n) => [n.userId, n.data])).toEqual([
      ['seeker', expect.objectContaining({ cancelledBy: 'system', reason: 'APPLICATION_LEFT_INTERVIEW_STAGE', kind: 'interview' })],
      ['coach', expect.objectContaining({ cancelledBy: 'system', reason: 'APPLICATION_LEFT_INTERVIEW_STAGE' })],
    ]);
  });

  it('tells only the seeker of an invitation to chat, and only the inviting recruiter that it was accepted', () => {
    const sent: DomainEvent<'pool_chat_invitation.sent'> = {
      id: 30,
      type: 'pool_chat_invitation.sent',
      fairId: 'f1',
      payload: { invitationId: 'i1', fairId: 'f1', companyId: 'c1', boothId: 'b1', companyName: '대구정밀(주)', seekerId: 'seeker', message: null },
      occurredAt: at,
    };
    expect(noticesFor(sent, ['recruiter', 'colleague'])).toEqual([
      { userId: 'seeker', type: 'pool.chat_invitation', data: { invitationId: 'i1', fairId: 'f1', boothId: 'b1', companyName: '대구정밀(주)', message: null } },
    ]);
    const accepted: DomainEvent<'pool_chat_invitation.accepted'> = {
      id: 31,
      type: 'pool_chat_invitation.accepted',
      fairId: 'f1',
      payload: { invitationId: 'i1', fairId: 'f1', companyId: 'c1', boothId: 'b1', seekerId: 'seeker', seekerName: '김하나', recruiterId: 'recruiter', chatId: 'chat1' },
      occurredAt: at,
    };
    expect(noticesFor(accepted, ['recruiter', 'colleague'])).toEqual([
      { userId: 'recruiter', type: 'pool.chat_accepted', data: { invitationId: 'i1', chatId: 'chat1', boothId: 'b1', seekerName: '김하나' } },
    ]);
  });
});
