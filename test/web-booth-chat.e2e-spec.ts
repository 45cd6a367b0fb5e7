import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, createOrganizer, launchBrowser, openPosting, registerUser, saveScreenshot, seriousA11yViolations } from '@bisang/testing';
import type { OpenPosting, SignedIn } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Booth chat in the browser: a seeker on a 360 px phone queues at a booth and chats with a recruiter at a desktop
 * booth console; the seeker's network drops while the recruiter writes, and when it is back every message is
 * there, once, in order, without a reload.
 */
jest.setTimeout(120_000);

describe('web app: booth chat', () => {
  let t: TestApp;
  let browser: Browser;
  let organizer: SignedIn;
  let open: OpenPosting;
  const contexts: BrowserContext[] = [];

  const page = async (viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'ko-KR' });
    contexts.push(context);
    const p = await context.newPage();
    p.setDefaultTimeout(20_000);
    return p;
  };

  const signIn = async (p: Page, email: string) => {
    await p.goto(`${t.url}/signin`);
    await p.getByLabel('이메일').fill(email);
    await p.getByLabel('비밀번호').fill(PASSWORD);
    await p.getByRole('button', { name: '로그인' }).click();
    await p.getByRole('button', { name: '로그아웃' }).waitFor();
  };

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    open = await openPosting(t.http, organizer, {}, '달서채용(주)');
    // Interview times the recruiter can offer from the chat
    const start = new Date(Date.now() + 50 * 3600_000);
    const published = await t.http.post(
      `/booths/${open.booth.boothId}/interview-slots/availability`,
      { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString(), slotMinutes: 30 },
      open.booth.recruiter.accessToken,
    );
    if (published.status !== 201) throw new Error(`interview slots: ${published.status}`);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  it('a seeker on a phone and a recruiter on a desktop chat; a dropped connection loses no message', async () => {
    const seeker = await registerUser(t.http, 'seeker', { name: '폰구직자' });
    const phone = await page({ width: 360, height: 740 });
    const sockets = new Set<{ close: () => Promise<void> }>();
    await phone.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      const held = { close: () => ws.close({ code: 1001, reason: 'dropped' }) };
      sockets.add(held);
      ws.onClose(() => sockets.delete(held));
    });
    await signIn(phone, seeker.email);
    await phone.goto(`${t.url}/booths/${open.booth.boothId}`);
    const panel = phone.getByTestId('booth-chat');
    await panel.getByText('프로필과 이력서를 볼 수 있습니다').waitFor();
    await panel.getByRole('button', { name: '채용담당자와 대화하기' }).click();
    await panel.getByTestId('queue-position').getByText('대기 순서 1번째').waitFor();
    // First in line: "you're next" (it must not stay over the chat once the chat begins)
    const nextToast = phone.getByTestId('toast').filter({ hasText: '대기 순서가 다음입니다' });
    await nextToast.waitFor();
    expect(await seriousA11yViolations(phone)).toEqual([]);

    // The recruiter at the booth console goes online and takes the next seeker
    const desk = await page({ width: 1280, height: 900 });
    await signIn(desk, open.booth.recruiter.email);
    await desk.getByRole('heading', { name: '기업 부스 관리' }).waitFor();
    await desk.locator('#fair-picker').selectOption(open.fairId);
    const inbox = desk.getByTestId('chat-inbox');
    await inbox.getByText('폰구직자').waitFor();
    await inbox.getByRole('button', { name: '상담 시작(온라인)' }).click();
    await inbox.getByRole('button', { name: '상담 종료(오프라인)' }).waitFor();
    await inbox.getByRole('button', { name: '다음 구직자 받기' }).click();
    const deskChat = inbox.locator('[data-testid^=chat-]').filter({ hasText: '폰구직자' });
    await deskChat.waitFor();

    // The chat opens on the phone by itself (chat:started)
    const phoneChat = panel.locator('[data-testid^=chat-]');
    await phoneChat.waitFor();
    expect(await nextToast.count()).toBe(0);
    await phoneChat.getByTestId('time-left').getByText('남은 대화 시간 약 10분').waitFor();
    await phoneChat.getByRole('textbox').fill('안녕하세요, 신입도 지원 가능한가요?');
    await phoneChat.getByRole('button', { name: '보내기' }).click();
    await deskChat.getByText('안녕하세요, 신입도 지원 가능한가요?').waitFor();
    await deskChat.getByRole('textbox').fill('네, 신입 환영합니다!');
    await deskChat.getByRole('button', { name: '보내기' }).click();
    await phoneChat.getByText('네, 신입 환영합니다!').waitFor();
    expect(await seriousA11yViolations(desk)).toEqual([]);
    expect(await seriousA11yViolations(phone)).toEqual([]);

    // The phone's network drops; the recruiter writes on
    await phone.context().setOffline(true);
    for (const ws of [...sockets]) await ws.close();
    for (const text of ['면접은 다음 주입니다.', '지원서를 기다리겠습니다.']) {
      await deskChat.getByRole('textbox').fill(text);
      await deskChat.getByRole('button', { name: '보내기' }).click();
      await deskChat.locator('li', { hasText: text }).waitFor();
      expect(await deskChat.getByRole('textbox').inputValue()).toBe('');
    }
    await phone.context().setOffline(false);
    await phoneChat.getByText('지원서를 기다리겠습니다.').waitFor();
    const shown = await phoneChat.locator('li').allTextContents();
    expect(shown.map((s) => s.replace(/^(나|상대): /, ''))).toEqual([
      '안녕하세요, 신입도 지원 가능한가요?',
      '네, 신입 환영합니다!',
      '면접은 다음 주입니다.',
      '지원서를 기다리겠습니다.',
    ]);

    // Beside the chat: the seeker's profile, the company's private note and rating, an invitation, an interview time
    const tools = inbox.getByRole('complementary', { name: '폰구직자 님과의 대화 도구' });
    await tools.getByText('폰구직자 님의 프로필').waitFor();
    await tools.getByLabel('비공개 메모 (우리 회사 담당자만 봅니다)').fill('신입, 적극적임');
    await tools.getByLabel('평가', { exact: true }).selectOption('4');
    await tools.getByRole('button', { name: '메모·평가 저장' }).click();
    await tools.getByText('저장했습니다.').waitFor();
    await tools.getByRole('button', { name: '지원 제안 보내기' }).click();
    await tools.getByText('지원 제안을 보냈습니다.').waitFor();
    // The seeker applies from the chat with one click
    const invitation = phoneChat.getByTestId('action-invitation');
    await invitation.getByRole('button', { name: '지원하기' }).click();
    await invitation.getByText('지원했습니다.').waitFor();
    await tools.getByRole('button', { name: '면접 시간 제안하기' }).click();
    await tools.getByText('면접 시간을 제안했습니다.').waitFor();
    const slot = phoneChat.getByTestId('action-slot_offer');
    await slot.getByRole('button', { name: '이 시간으로 면접 예약' }).click();
    await slot.getByText('면접을 예약했습니다.').waitFor();
    expect(await phone.getByText('신입, 적극적임').count()).toBe(0);
    expect(await seriousA11yViolations(desk)).toEqual([]);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await saveScreenshot(phone, 'booth-chat-phone');
    await saveScreenshot(desk, 'chat-inbox-desktop');

    // The recruiter ends it; the phone says so
    await deskChat.getByRole('button', { name: '대화 끝내기' }).click();
    await phoneChat.getByText('대화가 끝났습니다').waitFor();
  });
});
