import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RoomEntry, RoomJoinAck, RoomPeer } from '@bisang/contracts';
import { ApiError, api, downloadFile, resumeUrl } from '../api/client';
import { useAuth } from '../auth/auth';
import { ErrorNote, useAsync } from '../components/async';
import { ChatView } from '../components/ChatView';
import { countdown, useNow } from '../components/EnterRoom';
import { useI18n } from '../i18n/i18n';
import { fairSocket } from '../realtime/fair-socket';
import { PeerCall, type CallState } from '../realtime/peer-call';
import { useConnectionState } from '../realtime/hooks';

type DeviceProblem = 'denied' | 'noDevice' | 'busyDevice' | 'unsupported' | 'audioOnly' | null;

/** What the browser test and the bench read: the call's connection, and when the page began entering. */
interface RoomProbe {
  pc: () => RTCPeerConnection | null;
  restarts: () => number;
}
declare global {
  interface Window {
    __bisangRoom?: RoomProbe;
  }
}

/** Camera and microphone, or as much of them as there is, with the reason for what is missing. */
async function openDevices(): Promise<{ stream: MediaStream; problem: DeviceProblem }> {
  if (!navigator.mediaDevices?.getUserMedia || typeof RTCPeerConnection === 'undefined') return { stream: new MediaStream(), problem: 'unsupported' };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 } } }), problem: null };
  } catch (err) {
    const name = (err as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError') return { stream: new MediaStream(), problem: 'denied' };
    if (name === 'NotReadableError' || name === 'AbortError') return { stream: new MediaStream(), problem: 'busyDevice' };
    // No camera (or none that fits): a microphone alone is still a call.
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio: true }), problem: 'audioOnly' };
    } catch {
      return { stream: new MediaStream(), problem: 'noDevice' };
    }
  }
}

/** The session room of a booking: /rooms/:bookingId. */
export function RoomPage() {
  const { bookingId = '' } = useParams();
  const { t } = useI18n();
  const { user } = useAuth();
  const entry = useAsync(() => api.enterRoom(bookingId), [bookingId]);
  const error = entry.error instanceof ApiError ? entry.error : null;
  if (error?.code === 'ROOM_NOT_OPEN') return <NotOpen bookingId={bookingId} onOpen={entry.reload} />;
  if (error?.status === 404 || error?.status === 400) {
    return (
      <div className="stack">
        <h1>{t('room.title')}</h1>
        <p className="note note-error" role="alert">
          {t('room.notFound')}
        </p>
      </div>
    );
  }
  if (entry.error) return <ErrorNote error={entry.error} />;
  if (!entry.data || !user) return <p className="muted" role="status">{t('common.loading')}</p>;
  return <RoomCall entry={entry.data} userId={user.id} />;
}

/** Before the window: when it opens, counted down; the page enters by itself then. */
function NotOpen({ bookingId, onOpen }: { bookingId: string; onOpen: () => void }) {
  const { t } = useI18n();
  const booking = useAsync(() => api.booking(bookingId), [bookingId]);
  const now = useNow();
  const opensAt = booking.data ? new Date(booking.data.startsAt).getTime() - 10 * 60_000 : null;
  useEffect(() => {
    if (opensAt !== null && now >= opensAt && now - opensAt < 2000) onOpen();
  }, [now, opensAt, onOpen]);
  return (
    <div className="stack">
      <h1>{t('room.title')}</h1>
      <p className="note note-info">{t('room.notOpen')}</p>
      {opensAt !== null && opensAt > now && (
        <p role="timer" className="room-countdown">
          {t('room.opensIn', { time: countdown(opensAt - now) })}
        </p>
      )}
      <p>
        <Link to="/me/bookings">{t('nav.myBookings')}</Link>
      </p>
    </div>
  );
}

function RoomCall({ entry, userId }: { entry: RoomEntry; userId: string }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<'check' | 'in' | 'left'>('check');
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<DeviceProblem | 'checking'>('checking');
  const [micOn, setMicOn] = useState(true);
  const [camOn, setCamOn] = useState(true);
  const [sharing, setSharing] = useState<MediaStreamTrack | null>(null);
  const [shareFailed, setShareFailed] = useState(false);
  const [peerPresent, setPeerPresent] = useState<boolean | null>(null);
  const [peerEverLeft, setPeerEverLeft] = useState(false);
  const [callState, setCallState] = useState<CallState>('waiting');
  const [closed, setClosed] = useState(false);
  const callRef = useRef<PeerCall | null>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const connection = useConnectionState();

  const check = async () => {
    setProblem('checking');
    local?.getTracks().forEach((track) => track.stop());
    const result = await openDevices();
    setLocal(result.stream);
    setProblem(result.problem);
    setCamOn(result.stream.getVideoTracks().length > 0);
    setMicOn(result.stream.getAudioTracks().length > 0);
  };
  useEffect(() => {
    void check();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (localVideo.current) localVideo.current.srcObject = local;
  }, [local, phase]);
  // The camera stops when the page goes away.
  useEffect(() => () => local?.getTracks().forEach((track) => track.stop()), [local]);

  // In the room: the call, the socket's presence and signals.
  useEffect(() => {
    if (phase !== 'in' || !local) return;
    let joinedOnce = false;
    let link: ReturnType<typeof fairSocket.enterRoom> | null = null;
    const call = new PeerCall({
      iceServers: entry.iceServers,
      // Perfect negotiation: the larger user id yields on a collision.
      polite: userId > entry.peer.id,
      local,
      send: (data) => link?.signal(data),
      onRemoteStream: (stream) => {
        if (remoteVideo.current && remoteVideo.current.srcObject !== stream) remoteVideo.current.srcObject = stream;
      },
      onState: setCallState,
    });
    callRef.current = call;
    window.__bisangRoom = { pc: () => call.pc, restarts: () => call.restarts };
    link = fairSocket.enterRoom(entry.roomId, {
      onJoined: (ack: RoomJoinAck) => {
        if (!ack.ok) {
          if (ack.code === 'ROOM_NOT_OPEN' || ack.code === 'NOT_FOUND') setClosed(true);
          return;
        }
        const there = ack.peers.includes(entry.peer.id);
        setPeerPresent(there);
        if (!joinedOnce) {
          joinedOnce = true;
          if (there) call.peerPresent();
        } else call.rejoined(there);
      },
      onPeer: (peer: RoomPeer) => {
        if (peer.userId !== entry.peer.id) return;
        setPeerPresent(peer.present);
        if (peer.present) call.peerPresent();
        else setPeerEverLeft(true);
      },
      onSignal: (signal) => {
        if (signal.from === entry.peer.id) void call.handle(signal.data);
      },
    });
    return () => {
      link?.leave();
      call.close();
      callRef.current = null;
      delete window.__bisangRoom;
    };
  }, [phase, local, entry, userId]);

  const toggleMic = () => {
    const next = !micOn;
    local?.getAudioTracks().forEach((track) => (track.enabled = next));
    setMicOn(next);
  };
  const toggleCam = () => {
    const next = !camOn;
    local?.getVideoTracks().forEach((track) => (track.enabled = next));
    setCamOn(next);
  };
  const toggleShare = async () => {
    setShareFailed(false);
    if (sharing) {
      sharing.stop();
      setSharing(null);
      await callRef.current?.replaceVideo(null);
      return;
    }
    try {
      const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = screen.getVideoTracks()[0];
      if (!track) return;
      track.addEventListener('ended', () => {
        setSharing(null);
        void callRef.current?.replaceVideo(null);
      });
      setSharing(track);
      await callRef.current?.replaceVideo(track);
    } catch {
      setShareFailed(true);
    }
  };

  const title = entry.slotKind === 'interview' ? t('room.titleInterview') : t('room.title');
  const problemText = problem && problem !== 'checking' ? t(`room.${problem}`) : null;
  const hasAudio = (local?.getAudioTracks().length ?? 0) > 0;
  const hasVideo = (local?.getVideoTracks().length ?? 0) > 0;

  return (
    <div className="stack room">
      <h1>{title}</h1>
      <p>{t('room.with', { name: entry.peer.name })}</p>
      <p className="note note-info room-no-recording">{t('room.noRecording')}</p>

      {phase === 'check' && (
        <section aria-labelledby="check-title" className="card stack">
          <h2 id="check-title">{t('room.check')}</h2>
          <video ref={localVideo} className="room-preview" autoPlay playsInline muted aria-label={t('room.myVideo')} />
          {problem === 'checking' ? (
            <p role="status">{t('room.checking')}</p>
          ) : problemText ? (
            <p className={`note ${problem === 'audioOnly' ? 'note-warn' : 'note-error'}`} role="alert">
              {problemText}
            </p>
          ) : (
            <p className="note note-ok" role="status">
              {t('room.devicesOk')}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button" disabled={problem === 'checking' || problem === 'unsupported'} onClick={() => setPhase('in')} data-testid="join-room">
              {problem && problem !== 'checking' && problem !== 'audioOnly' ? t('room.joinWithout') : t('room.join')}
            </button>
            {problem && problem !== 'checking' && problem !== 'audioOnly' && (
              <button type="button" className="button button-secondary" onClick={() => void check()}>
                {t('room.retryCheck')}
              </button>
            )}
          </div>
        </section>
      )}

      {phase === 'in' && (
        <>
          <p className="room-presence" role="status" data-testid="peer-presence" data-present={peerPresent ? 'yes' : 'no'}>
            {peerPresent
              ? t('room.peerHere', { name: entry.peer.name })
              : peerEverLeft
                ? t('room.peerLeft', { name: entry.peer.name })
                : t('room.peerAway', { name: entry.peer.name })}
          </p>
          {closed && (
            <p className="note note-warn" role="alert">
              {t('room.closed')}
            </p>
          )}
          {connection !== 'live' && (
            <p className="note note-warn" role="status">
              {t('room.signalLost')}
            </p>
          )}
          <div className="room-stage">
            <video ref={remoteVideo} className="room-remote" autoPlay playsInline aria-label={t('room.peerVideo')} data-testid="remote-video" />
            <video ref={localVideo} className="room-self" autoPlay playsInline muted aria-label={t('room.myVideo')} />
          </div>
          <p className="room-state" role="status" data-testid="call-state" data-state={callState}>
            {peerPresent || callState !== 'waiting' ? t(`room.state.${callState}`) : t('room.state.waiting')}
          </p>
          <div className="actions room-controls" role="group" aria-label={t('room.controls')}>
            <button type="button" className="button button-secondary" aria-pressed={!micOn} disabled={!hasAudio} onClick={toggleMic}>
              {micOn ? t('room.micOn') : t('room.micOff')}
            </button>
            <button type="button" className="button button-secondary" aria-pressed={!camOn} disabled={!hasVideo} onClick={toggleCam}>
              {camOn ? t('room.camOn') : t('room.camOff')}
            </button>
            {typeof navigator.mediaDevices?.getDisplayMedia === 'function' && (
              <button type="button" className="button button-secondary" aria-pressed={sharing !== null} onClick={() => void toggleShare()}>
                {sharing ? t('room.shareStop') : t('room.shareStart')}
              </button>
            )}
            <button type="button" className="button button-danger" onClick={() => setPhase('left')}>
              {t('room.leave')}
            </button>
          </div>
          {shareFailed && (
            <p className="note note-error" role="alert">
              {t('room.shareFailed')}
            </p>
          )}
        </>
      )}

      {phase === 'left' && (
        <p>
          {entry.as === 'guest' ? (
            <Link to="/me/bookings">{t('nav.myBookings')}</Link>
          ) : entry.slotKind === 'interview' ? (
            <Link to="/recruiter">{t('nav.recruiter')}</Link>
          ) : (
            <Link to="/coach">{t('nav.coach')}</Link>
          )}
        </p>
      )}

      {entry.as === 'host' && entry.kind === 'booking' && <HostPanel entry={entry} peerPresent={peerPresent === true} />}

      <RoomChat chatId={entry.chatId} meId={userId} />
    </div>
  );
}

/**
 * The chat beside the call: booth chat's conversation (stored, replayed after a drop exactly once and in order over
 * the socket), there from the device check on, so the two can talk when video does not work at all.
 */
function RoomChat({ chatId, meId }: { chatId: string; meId: string }) {
  const { t } = useI18n();
  const chat = useAsync(() => api.chat(chatId), [chatId]);
  if (!chat.data) {
    return (
      <section className="card room-chat" aria-label={t('room.chat')} data-testid="room-chat">
        <h3 className="card-title">{t('room.chat')}</h3>
        {chat.error ? <ErrorNote error={chat.error} /> : <p className="muted" role="status">{t('common.loading')}</p>}
      </section>
    );
  }
  return (
    <ChatView chat={chat.data} meId={meId} title={t('room.chat')} endable={false} className="room-chat">
      <p className="small muted">{t('room.chatHint')}</p>
    </ChatView>
  );
}

/** The coach's (or interviewer's) side: a no-show once the seeker is 10 minutes late, and the feedback form. */
function HostPanel({ entry, peerPresent }: { entry: RoomEntry; peerPresent: boolean }) {
  const { t } = useI18n();
  const now = useNow();
  const [done, setDone] = useState<'completed' | 'no_show' | null>(entry.bookingStatus === 'completed' ? 'completed' : null);
  const [error, setError] = useState<unknown>(null);
  const noShowFrom = entry.noShowFrom ? new Date(entry.noShowFrom).getTime() : Infinity;
  const act = async (fn: () => Promise<unknown>, outcome: 'completed' | 'no_show') => {
    setError(null);
    try {
      await fn();
      setDone(outcome);
    } catch (err) {
      setError(err);
    }
  };
  if (done) {
    return (
      <p className="note note-ok" role="status">
        {done === 'completed' ? t('room.completed') : t('room.noShowDone')}
      </p>
    );
  }
  return (
    <section aria-labelledby="host-title" className="card stack">
      <h2 id="host-title">{t('room.feedback')}</h2>
      <ErrorNote error={error} />
      {entry.peer.resumeId ? (
        <p>
          <button
            type="button"
            className="linklike"
            data-testid="room-resume"
            onClick={() => void downloadFile(resumeUrl(entry.peer.resumeId!), `${entry.peer.name}-resume.pdf`).catch(setError)}
          >
            {t('sessions.resume', { name: entry.peer.name })}
          </button>
        </p>
      ) : (
        entry.peer.resumeId === null && <p className="small muted">{t('sessions.noResume')}</p>
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const feedback = String(new FormData(e.currentTarget).get('feedback') ?? '').trim();
          void act(() => api.completeBooking(entry.refId, feedback || undefined), 'completed');
        }}
      >
        <div className="field">
          <label htmlFor="room-feedback">{t('room.feedback')}</label>
          <textarea id="room-feedback" name="feedback" rows={3} maxLength={5000} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={entry.startsAt ? now < new Date(entry.startsAt).getTime() : false}>
            {t('room.complete')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={peerPresent || now < noShowFrom}
            aria-describedby="no-show-hint"
            onClick={() => void act(() => api.noShowBooking(entry.refId), 'no_show')}
          >
            {t('room.noShow')}
          </button>
        </div>
        <p id="no-show-hint" className="muted">
          {t('room.noShowHint')}
        </p>
      </form>
    </section>
  );
}
