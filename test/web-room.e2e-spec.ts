import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Client } from 'pg';
import {
  EVENT_WAIT_MS,
  FAKE_MEDIA_ARGS,
  PASSWORD,
  TestPerson,
  connectTestDb,
  createLiveFair,
  createPeople,
  launchBrowser,
  publishAvailability,
  seriousA11yViolations,
  settledBookings,
  saveScreenshot,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * A coaching session in two real browsers: a seeker on a 360 px phone and a coach on a desktop, each in its own
 * Chromium context with a fake camera and microphone, enter the booking's room from their booking lists and
 * reach a peer-to-peer call (WebRTC, signalling over the app's socket). Then the seeker's network goes away for
 * a few seconds (CDP offline, and its socket.io connection closed): the coach sees the seeker leave, and once the
 * seeker is back online the call is renegotiated by an ICE restart (a new ICE username fragment) and decodes video
 * again. Chromium's emulation does not reach WebRTC's own UDP sockets, so the media path itself is not cut; what is
 * proven is the recovery of signalling and a complete ICE restart. The chat beside the call carries messages both
 * ways, and one written while the seeker was offline reaches them once they are back, once. Every wait is on the call's own state; the
 * figures printed at the end are measurements, not assertions.
 */
jest.setTimeout(300_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
/** How long the seeker stays offline: long enough for the socket to drop and the peer to notice. */
const OFFLINE_MS = 4000;

interface VideoStats {
  framesDecoded: number;
  connectionState: string | null;
  signalingState: string | null;
  ufrag: string | null;
  remoteUfrag: string | null;
  restarts: number;
}

/** The call's inbound video frames decoded so far, its connection state and its current ICE username fragment. */
const stats = (page: Page): Promise<VideoStats> =>
  page.evaluate(async () => {
    interface Pc {
      connectionState: string;
      signalingState: string;
      localDescription: { sdp: string } | null;
      remoteDescription: { sdp: string } | null;
      getStats(): Promise<{ forEach(f: (s: { type: string; kind?: string; framesDecoded?: number }) => void): void }>;
    }
    type Probe = { pc: () => Pc | null; restarts: () => number };
    const probe = (globalThis as unknown as { __bisangRoom?: Probe }).__bisangRoom;
    const pc = probe?.pc() ?? null;
    let framesDecoded = 0;
    if (pc) {
      const report = await pc.getStats();
      report.forEach((s: { type: string; kind?: string; framesDecoded?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') framesDecoded += s.framesDecoded ?? 0;
      });
    }
    const ufrag = pc?.localDescription?.sdp.match(/a=ice-ufrag:(\S+)/)?.[1] ?? null;
    const remoteUfrag = pc?.remoteDescription?.sdp.match(/a=ice-ufrag:(\S+)/)?.[1] ?? null;
    return {
      framesDecoded,
      connectionState: pc?.connectionState ?? null,
      signalingState: pc?.signalingState ?? null,
      ufrag,
      remoteUfrag,
      restarts: probe?.restarts() ?? 0,
    };
  });

/** Polls the page's call until `until` holds (on the page's own state; the budget only ends a stuck test). */
async function waitForCall(page: Page, until: (s: VideoStats) => boolean, what: string, budgetMs = 60_000): Promise<VideoStats> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const s = await stats(page);
    if (until(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('web app: a session room in two browsers', () => {
  let t: TestApp;
  let db: Client;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    db = await connectTestDb();
    browser = await launchBrowser(FAKE_MEDIA_ARGS);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  const open = async (viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'ko-KR', timezoneId: 'Asia/Seoul', permissions: ['camera', 'microphone'] });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(EVENT_WAIT_MS * 2);
    return page;
  };
  const emailOf = async (person: TestPerson) => (await db.query(`SELECT email FROM users WHERE id = $1`, [person.id])).rows[0].email as string;
  const signIn = async (page: Page, person: TestPerson) => {
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('이메일').fill(await emailOf(person));
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('button', { name: '로그아웃' }).waitFor();
  };

  it('connects seeker and coach peer to peer, with video both ways and a chat beside it, and recovers from a network drop by ICE restart', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    // A session starting in five minutes: its room is open already.
    const start = new Date(Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000);
    const [slot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000), 30);
    const booked = await t.http.post('/coaching/bookings', { slotId: slot.id }, seeker.accessToken);
    expect([...(await settledBookings(db, [booked.body.id])).values()][0].status).toBe('confirmed');

    const seekerPage = await open(PHONE);
    const coachPage = await open(DESKTOP);
    // The seeker's socket.io connection is held through Playwright, so that the test can drop it with the network.
    const seekerSockets = new Set<{ close: () => Promise<void> }>();
    await seekerPage.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      const held = { close: () => ws.close({ code: 1001, reason: 'network lost' }) };
      seekerSockets.add(held);
      ws.onClose(() => seekerSockets.delete(held));
    });
    await signIn(seekerPage, seeker);
    await signIn(coachPage, coach);
    await seekerPage.goto(`${t.url}/me/bookings`);
    await coachPage.goto(`${t.url}/coach`);

    // "입장하기" → the device check → "입장": timed from the first click to the first decoded frame, on each side.
    const enter = async (page: Page) => {
      const t0 = Date.now();
      await page.getByRole('link', { name: '입장하기' }).click();
      await page.getByText('카메라와 마이크가 준비되었습니다.').waitFor();
      const joinedAt = Date.now();
      await page.getByRole('button', { name: '입장', exact: true }).click();
      return { t0, joinedAt };
    };
    const [seekerT0, coachT0] = await Promise.all([enter(seekerPage), enter(coachPage)]);
    const firstFrame = async (page: Page, t: { t0: number; joinedAt: number }) => {
      await waitForCall(page, (s) => s.framesDecoded > 0, 'the first decoded frame');
      const now = Date.now();
      return { fromEnter: now - t.t0, fromJoin: now - t.joinedAt };
    };
    const [seekerFirst, coachFirst] = await Promise.all([firstFrame(seekerPage, seekerT0), firstFrame(coachPage, coachT0)]);

    await seekerPage.getByText('이 통화는 녹화하지 않습니다.').waitFor();
    for (const page of [seekerPage, coachPage]) {
      const before = await waitForCall(page, (s) => s.connectionState === 'connected', 'connected');
      await waitForCall(page, (s) => s.framesDecoded > before.framesDecoded + 10, 'inbound video frames increasing');
    }
    await seekerPage.locator('[data-testid=peer-presence][data-present=yes]').waitFor();
    await coachPage.locator('[data-testid=peer-presence][data-present=yes]').waitFor();
    await seekerPage.locator('[data-testid=call-state][data-state=connected]').waitFor();

    // The chat beside the call: a message typed on the phone reaches the coach, and the answer comes back.
    const say = async (page: Page, body: string) => {
      await page.locator('.room-chat').getByRole('textbox', { name: '메시지' }).fill(body);
      await page.locator('.room-chat').getByRole('button', { name: '보내기' }).click();
    };
    const shown = (page: Page, side: 'mine' | 'theirs', body: string) => page.locator(`.room-chat .chat-${side}`, { hasText: body });
    await say(seekerPage, '안녕하세요, 화면 잘 보이시나요?');
    await shown(coachPage, 'theirs', '안녕하세요, 화면 잘 보이시나요?').waitFor();
    await say(coachPage, '네, 잘 보입니다.');
    await shown(seekerPage, 'theirs', '네, 잘 보입니다.').waitFor();
    await shown(seekerPage, 'mine', '안녕하세요, 화면 잘 보이시나요?').waitFor();
    expect(await seekerPage.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(seekerPage)).toEqual([]);
    await saveScreenshot(seekerPage, 'room-phone');
    await saveScreenshot(coachPage, 'room-desktop');
    // The coach sees the no-show button (disabled: the seeker is here) and the feedback form; the seeker sees neither.
    await expect(coachPage.getByRole('button', { name: '불참 처리' }).isDisabled()).resolves.toBe(true);
    expect(await seekerPage.getByRole('button', { name: '불참 처리' }).count()).toBe(0);

    // The seeker's network goes away (CDP offline, and the websocket with it) for a few seconds, then comes back.
    const cdp = await seekerPage.context().newCDPSession(seekerPage);
    await cdp.send('Network.enable');
    const before = await stats(seekerPage);
    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await seekerPage.evaluate(() => (globalThis as unknown as { dispatchEvent: (e: unknown) => void }).dispatchEvent(new Event('offline')));
    // The socket.io connection goes down as it would on a lost network (the emulation leaves open sockets be).
    await seekerPage.context().setOffline(true);
    for (const ws of [...seekerSockets]) await ws.close();
    await coachPage.locator('[data-testid=peer-presence][data-present=no]').waitFor();
    // Written while the seeker is offline: it reaches them when they are back, once.
    await say(coachPage, '연결이 끊긴 것 같아요. 여기 채팅으로 남길게요.');
    await shown(coachPage, 'mine', '연결이 끊긴 것 같아요. 여기 채팅으로 남길게요.').waitFor();
    await new Promise((r) => setTimeout(r, OFFLINE_MS));
    // Whether media went on while offline: Chromium's network emulation does not reach WebRTC's own sockets.
    const whileOffline = await stats(seekerPage);
    const restoredAt = Date.now();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await seekerPage.context().setOffline(false);
    await seekerPage.evaluate(() => (globalThis as unknown as { dispatchEvent: (e: unknown) => void }).dispatchEvent(new Event('online')));
    const back = await waitForCall(
      seekerPage,
      // Both ends renegotiated new ICE credentials (the restart's offer and answer went through) and are connected.
      (s) =>
        s.restarts > before.restarts &&
        s.ufrag !== before.ufrag &&
        s.remoteUfrag !== before.remoteUfrag &&
        s.signalingState === 'stable' &&
        s.connectionState === 'connected',
      'the call connected again after an ICE restart',
    );
    const afterRestart = await waitForCall(seekerPage, (s) => s.framesDecoded > back.framesDecoded + 10, 'video decoded again');
    const reconnectMs = Date.now() - restoredAt;
    await waitForCall(coachPage, (s) => s.connectionState === 'connected', 'the coach connected again');
    const coachNow = await stats(coachPage);
    await waitForCall(coachPage, (s) => s.framesDecoded > coachNow.framesDecoded + 10, 'the coach decoding again');
    expect(afterRestart.restarts).toBeGreaterThan(before.restarts);
    await shown(seekerPage, 'theirs', '연결이 끊긴 것 같아요. 여기 채팅으로 남길게요.').waitFor();
    expect(await seekerPage.locator('.room-chat li').allInnerTexts()).toEqual([
      expect.stringContaining('안녕하세요, 화면 잘 보이시나요?'),
      expect.stringContaining('네, 잘 보입니다.'),
      expect.stringContaining('연결이 끊긴 것 같아요. 여기 채팅으로 남길게요.'),
    ]);

    console.log(
      [
        'session room figures (headless Chromium, fake devices, one machine, no TURN):',
        `  입장하기 → first decoded frame: seeker ${seekerFirst.fromEnter} ms, coach ${coachFirst.fromEnter} ms`,
        `  of which 입장 (after the device check) → first decoded frame: seeker ${seekerFirst.fromJoin} ms, coach ${coachFirst.fromJoin} ms`,
        `  after ${OFFLINE_MS} ms offline: back online → connected again by ICE restart and decoding: ${reconnectMs} ms`,
        `  frames decoded by the seeker while offline: ${whileOffline.framesDecoded - before.framesDecoded} (media ${whileOffline.framesDecoded > before.framesDecoded ? 'kept flowing: the emulation cut the socket, not the peer connection' : 'stopped'})`,
      ].join('\n'),
    );
  });
});
