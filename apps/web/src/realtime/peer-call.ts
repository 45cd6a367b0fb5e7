/**
 * A 1:1 WebRTC call over the platform's socket (signalling), with the "perfect negotiation" pattern: both sides
 * may (re)start negotiation at any time; on a collision the polite side (the larger user id) yields. The network
 * changing (connection failed, or the browser back `online`) restarts ICE instead of dropping the call.
 *
 * Every signal carries this page's `session` id: a signal from a new session of the other side (they reloaded or
 * came back on another device) starts a fresh RTCPeerConnection, and late signals of a session it replaced are
 * dropped.
 */
import type { IceServer } from '@bisang/contracts';

export type CallState = 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

interface Signal {
  session: string;
  description?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit | null;
}

export interface PeerCallOptions {
  iceServers: IceServer[];
  polite: boolean;
  /** Camera and microphone (either may be missing: the call then only receives that kind). */
  local: MediaStream;
  send(data: Signal): void;
  onRemoteStream(stream: MediaStream): void;
  onState(state: CallState): void;
}

/** How long a "disconnected" connection may try to recover by itself before ICE is restarted. */
const DISCONNECTED_GRACE_MS = 2000;

const randomId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export class PeerCall {
  readonly session = randomId();
  pc: RTCPeerConnection | null = null;
  private remoteSession: string | null = null;
  private readonly retired = new Set<string>();
  private makingOffer = false;
  private ignoreOffer = false;
  private disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private videoOverride: MediaStreamTrack | null = null;
  private closed = false;
  /** ICE restarts done, and when the last one began (for the page's status and for measurements). */
  restarts = 0;
  restartedAt: number | null = null;

  constructor(private readonly opts: PeerCallOptions) {
    window.addEventListener('online', this.onOnline);
  }

  /**
   * The other side is in the room: a connection to them is started, unless one is up, or we already talked to
   * an earlier page of theirs (a new page of theirs sends its offer, which replaces the old connection).
   */
  peerPresent(): void {
    if (this.remoteSession) return;
    if (this.pc && this.pc.connectionState !== 'failed' && this.pc.connectionState !== 'closed') return;
    this.open();
  }

  /**
   * Our socket re-joined the room after a drop. Signals sent meanwhile were dropped: an offer still unanswered
   * (an ICE restart begun while offline) is sent again; otherwise, with the call not up, ICE restarts.
   */
  rejoined(peerThere: boolean): void {
    if (!peerThere) return;
    if (!this.pc) return this.open();
    if (this.pc.signalingState === 'have-local-offer' && this.pc.localDescription) this.send({ description: this.pc.localDescription.toJSON() });
    else if (this.pc.connectionState !== 'connected') this.restartIce();
  }

  /**
   * Signals are handled one after another, in arrival order: a candidate that arrives while the offer before it is
   * still being applied would otherwise be added to a connection without its remote description, and be lost.
   */
  handle(data: unknown): Promise<void> {
    this.signals = this.signals.then(() => this.apply(data)).catch(() => undefined);
    return this.signals;
  }

  private signals: Promise<void> = Promise.resolve();

  private async apply(data: unknown): Promise<void> {
    const signal = data as Signal;
    if (!signal || typeof signal.session !== 'string' || this.closed) return;
    if (this.retired.has(signal.session)) return;
    if (signal.session !== this.remoteSession) {
      // Only a description can begin a session of the other side; a stray candidate of an unknown one is dropped.
      if (!signal.description) return;
      if (this.remoteSession) {
        this.retired.add(this.remoteSession);
        this.open();
      }
      this.remoteSession = signal.session;
    }
    if (!this.pc) this.open();
    const pc = this.pc!;
    try {
      if (signal.description) {
        const description = signal.description;
        const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
        this.ignoreOffer = !this.opts.polite && collision;
        if (this.ignoreOffer) return;
        await pc.setRemoteDescription(description);
        if (description.type === 'offer') {
          await pc.setLocalDescription();
          this.send({ description: pc.localDescription!.toJSON() });
        }
      } else if (signal.candidate !== undefined) {
        try {
          await pc.addIceCandidate(signal.candidate ?? undefined);
        } catch (err) {
          if (!this.ignoreOffer) throw err;
        }
      }
    } catch {
      // A description that no longer fits (the connection was replaced meanwhile): the next negotiation settles it.
    }
  }

  /** Restarts ICE: new candidates are gathered and exchanged, the call goes on on the new path. */
  restartIce(): void {
    if (!this.pc || this.closed) return;
    this.restarts++;
    this.restartedAt = performance.now();
    if (this.pc.connectionState !== 'connected') this.opts.onState('reconnecting');
    this.pc.restartIce();
  }

  /** Sends `track` instead of the camera (screen sharing), or the camera again with null. */
  async replaceVideo(track: MediaStreamTrack | null): Promise<void> {
    this.videoOverride = track;
    const transceiver = this.videoTransceiver();
    if (!transceiver) return;
    const next = track ?? this.opts.local.getVideoTracks()[0] ?? null;
    await transceiver.sender.replaceTrack(next);
    // A side without a camera receives only: sharing its screen needs the direction changed (a renegotiation).
    if (next && transceiver.direction === 'recvonly') transceiver.direction = 'sendrecv';
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.disconnectedTimer);
    this.pc?.close();
    this.pc = null;
  }

  /** Back online: the path may have changed (another network), so ICE restarts even if the call looks up. */
  private onOnline = () => {
    if (this.pc) this.restartIce();
  };

  private send(rest: Omit<Signal, 'session'>) {
    this.opts.send({ session: this.session, ...rest });
  }

  private videoTransceiver(): RTCRtpTransceiver | undefined {
    return this.pc?.getTransceivers().find((t) => t.receiver.track.kind === 'video');
  }

  /** A fresh connection, with our camera and microphone (or receive-only for what is missing). */
  private open(): void {
    this.pc?.close();
    clearTimeout(this.disconnectedTimer);
    this.makingOffer = false;
    this.ignoreOffer = false;
    const pc = new RTCPeerConnection({ iceServers: this.opts.iceServers as RTCIceServer[] });
    this.pc = pc;
    this.opts.onState('connecting');
    for (const kind of ['audio', 'video'] as const) {
      const track = kind === 'video' ? (this.videoOverride ?? this.opts.local.getVideoTracks()[0]) : this.opts.local.getAudioTracks()[0];
      if (track) pc.addTransceiver(track, { direction: 'sendrecv', streams: [this.opts.local] });
      else pc.addTransceiver(kind, { direction: 'recvonly' });
    }
    const remote = new MediaStream();
    pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? remote;
      if (!streams[0]) remote.addTrack(track);
      this.opts.onRemoteStream(stream);
    };
    pc.onnegotiationneeded = async () => {
      if (this.pc !== pc) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        this.send({ description: pc.localDescription!.toJSON() });
      } catch {
        // superseded by a newer negotiation
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (this.pc === pc) this.send({ candidate: candidate ? candidate.toJSON() : null });
    };
    pc.onsignalingstatechange = () => {
      if (this.pc === pc && pc.signalingState === 'stable' && pc.connectionState === 'connected') this.opts.onState('connected');
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      const state = pc.connectionState;
      clearTimeout(this.disconnectedTimer);
      if (state === 'connected') this.opts.onState('connected');
      else if (state === 'failed') this.restartIce();
      else if (state === 'disconnected') {
        this.opts.onState('reconnecting');
        this.disconnectedTimer = setTimeout(() => this.pc === pc && pc.connectionState !== 'connected' && this.restartIce(), DISCONNECTED_GRACE_MS);
      }
    };
  }
}
