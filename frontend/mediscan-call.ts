/**
 * <mediscan-call>: the only client code of MediScan. It owns camera, microphone and screen
 * capture and one RTCPeerConnection, negotiated with the W3C "perfect negotiation" pattern
 * (the doctor's side is impolite, the patient's polite), and renders the remote video large and
 * the own video as a small movable tile. Everything else - who is in the room, where signals
 * go, what the buttons say - is decided by the server side (consultation/ui/MediaCall.java).
 *
 * Signals are opaque JSON for the server: {description}, {candidate} or {state}, or an array of them when several
 * are ready at once (one server call instead of several: Vaadin sends one request at a time).
 */

type MediaState = { audio: boolean; video: boolean; sharing: boolean; audioOnly?: boolean };
type Quality = { level: 'good' | 'fair' | 'poor'; detail: string };
type Counters = { at: number; lost: number; received: number; bytes: number };
type Signal = { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit; state?: MediaState };
/**
 * One peer connection. It is made before the other participant is there (seat empty): tracks on it, and on the
 * doctor's side the first offer made and its candidates gathered, all waiting in the outbox; connect() gives it
 * the other window's seat and sends what waited, so "both joined" starts with the offer on its way.
 */
type Peer = {
  pc: RTCPeerConnection; seat?: string; makingOffer: boolean; ignoreOffer: boolean; audio?: RTCRtpSender; video?: RTCRtpSender;
  outbox: Signal[]; reportedConnected: boolean;
};

interface ServerSide {
  signal(payload: string): void;
  connectionStateChanged(state: string): void;
  mediaStateChanged(microphoneOn: boolean, cameraOn: boolean, sharingScreen: boolean): void;
  mediaFailed(message: string): void;
  deviceSwitched(message: string): void;
}

/** Jitsi waits this long after a network change before restarting ICE; a brief blip often heals by itself. */
const ICE_RESTART_DELAY_MS = 2000;
const QUALITY_SAMPLE_MS = 2000;
const KINDS: Record<string, 'microphone' | 'camera'> = { audioinput: 'microphone', videoinput: 'camera' };

const SHORTCUT_KEYS = ['Space', 'V', 'C', 'Escape', '?'];
const TYPING_TARGETS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]';
const OWN_SPACE_TARGETS = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], vaadin-button';
const OPEN_DIALOGS = 'vaadin-dialog[opened], vaadin-confirm-dialog[opened], vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]';
const CAMERA: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

const icon = (path: string) =>
  `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${path}"/></svg>`;
const MIC_OFF = icon('M15 9.3V5a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 5.1 2.1M19 10v1a7 7 0 0 1-1.1 3.8M5 10v1a7 7 0 0 0 11.6 5.3M12 18v4M8 22h8M3 3l18 18');

const TEMPLATE = `
<style>
  :host { display: block; position: relative; overflow: hidden; background: #0b141c; color: #fff; font-family: var(--lumo-font-family, sans-serif); }
  [hidden] { display: none !important; }
  .remote, .remote video { position: absolute; inset: 0; width: 100%; height: 100%; }
  .remote video { object-fit: cover; background: #0b141c; }
  .remote video.screen { object-fit: contain; }
  .camera-off { position: absolute; inset: 0; display: flex; flex-direction: column; gap: .75rem; align-items: center; justify-content: center;
    background: radial-gradient(circle at 50% 40%, #1d3547, #0b141c 70%); font-size: .95rem; color: #cfe3ef; }
  .avatar { width: 6rem; height: 6rem; border-radius: 50%; display: grid; place-items: center; font-size: 2.2rem; font-weight: 600;
    background: hsl(199, 60%, 32%); color: #fff; }
  .label { position: absolute; left: 1rem; bottom: 1rem; display: flex; align-items: center; gap: .4rem; max-width: calc(100% - 2rem);
    padding: .3rem .7rem; border-radius: 999px; background: rgba(6, 16, 24, .62); font-size: .9rem; }
  .remote:not(.with-peer) .label { display: none; }
  .label .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .muted { display: inline-flex; align-items: center; gap: .25rem; color: #ffb4a8; }
  .muted svg { width: 1.1rem; height: 1.1rem; }
  .sharing { position: absolute; top: 1rem; left: 1rem; padding: .3rem .7rem; border-radius: 999px; background: rgba(6, 16, 24, .62); font-size: .85rem; }
  .tile { position: absolute; width: clamp(7.5rem, 22%, 15rem); aspect-ratio: 4 / 3; border-radius: .75rem; overflow: hidden;
    background: #15232f; box-shadow: 0 6px 22px rgba(0, 0, 0, .45); border: 2px solid rgba(255, 255, 255, .18);
    cursor: grab; touch-action: none; transition: top .2s, left .2s, right .2s, bottom .2s; z-index: 1; }
  .tile:focus-visible { outline: 3px solid var(--lumo-primary-color-50pct, #5ab0de); outline-offset: 2px; }
  .tile.dragging { cursor: grabbing; transition: none; }
  .tile.top-left { top: 1rem; left: 1rem; } .tile.top-right { top: 1rem; right: 1rem; }
  .tile.bottom-left { bottom: 1rem; left: 1rem; } .tile.bottom-right { bottom: 1rem; right: 1rem; }
  .tile video { width: 100%; height: 100%; object-fit: cover; display: block; }
  .tile video.mirrored { transform: scaleX(-1); }
  .tile .camera-off { font-size: .8rem; }
  .tile .muted { position: absolute; right: .4rem; bottom: .4rem; padding: .2rem; border-radius: 50%; background: rgba(6, 16, 24, .7); }
  .quality { position: absolute; top: .6rem; right: .6rem; display: inline-flex; align-items: flex-end; gap: 2px; height: 1rem;
    padding: .25rem .35rem; border-radius: .4rem; background: rgba(6, 16, 24, .62); }
  .quality i { width: 4px; border-radius: 1px; background: rgba(255, 255, 255, .3); }
  .quality i:nth-child(1) { height: 35%; } .quality i:nth-child(2) { height: 65%; } .quality i:nth-child(3) { height: 100%; }
  .quality[data-level="good"] i { background: #6fdc8c; }
  .quality[data-level="fair"] i:nth-child(-n+2) { background: #f1c21b; }
  .quality[data-level="poor"] i:nth-child(1) { background: #ff8389; }
  .tile .quality { top: .35rem; right: .35rem; height: .7rem; }
  .meter { position: absolute; left: 1rem; right: 1rem; bottom: 1rem; height: .5rem; border-radius: 999px; background: rgba(255, 255, 255, .2); overflow: hidden; }
  .meter span { display: block; height: 100%; width: 0; background: #6fdc8c; transition: width .08s linear; }
  :host(:not([preview])) .meter { display: none; }
  :host([preview]) .remote { display: none; }
  :host([preview]) .tile { inset: 0; width: 100%; height: 100%; aspect-ratio: auto; border-radius: 0; border: 0; cursor: default; }
  :host([preview]) .tile .quality { display: none; }
  @media (max-width: 700px) { .tile { width: 6.5rem; aspect-ratio: 3 / 4; } .label { left: .5rem; bottom: .5rem; } }
</style>
<div class="remote">
  <video data-role="remote" autoplay playsinline></video>
  <div class="camera-off" data-role="remote-camera-off" hidden><span class="avatar"></span><span class="why">Camera off</span></div>
  <div class="sharing" data-role="remote-sharing" hidden>Sharing their screen</div>
  <span class="quality" data-role="remote-quality" role="img" hidden><i></i><i></i><i></i></span>
  <div class="label"><span class="name"></span><span class="muted" data-role="remote-muted" role="img" aria-label="Microphone muted" title="Microphone muted" hidden>${MIC_OFF}</span></div>
</div>
<div class="tile bottom-right" tabindex="0" role="group" aria-label="Your video. Drag it, or use the arrow keys, to move it to another corner.">
  <video data-role="local" autoplay playsinline muted></video>
  <div class="camera-off" data-role="local-camera-off" hidden><span>Camera off</span></div>
  <span class="muted" data-role="local-muted" role="img" aria-label="Your microphone is muted" title="Your microphone is muted" hidden>${MIC_OFF}</span>
  <span class="quality" data-role="local-quality" role="img" hidden><i></i><i></i><i></i></span>
  <div class="meter" data-role="microphone-level" role="meter" aria-label="Microphone level" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"><span></span></div>
</div>`;

function describe(error: unknown): string {
  if (!window.isSecureContext || !navigator.mediaDevices) {
    return 'this page is not on a secure (https) address, and browsers give camera and microphone only to secure pages. '
      + 'Open the consultation through the https link your clinic sent.';
  }
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError': return 'the browser blocks them for this site. Click the camera icon in the address bar, '
      + 'allow camera and microphone, then press Try again.';
    case 'NotFoundError': return 'no camera or microphone was found. Plug one in, then press Try again.';
    case 'NotReadableError': return 'another application is using it. Close it, then press Try again.';
    default: return error instanceof Error ? error.message : String(error);
  }
}

/** A track that sends nothing, so a sender exists (and pairs with the peer's offer) while a device is off. */
function placeholderTrack(kind: 'audio' | 'video'): MediaStreamTrack {
  if (kind === 'video') {
    const canvas = Object.assign(document.createElement('canvas'), { width: 16, height: 12 });
    return canvas.captureStream(0).getVideoTracks()[0];
  }
  return new AudioContext().createMediaStreamDestination().stream.getAudioTracks()[0];
}

class MediscanCall extends HTMLElement {
  // Set by the server side before or after upgrade; never initialised here, so upgrade keeps them.
  declare polite: boolean;
  declare peerName: string;
  declare iceServers: RTCIceServer[];
  declare relayOnly: boolean;
  declare $server: ServerSide;

  private media?: Promise<void>;
  private microphone?: MediaStreamTrack;
  private camera?: MediaStreamTrack;
  private screen?: MediaStreamTrack;
  private microphoneOn = true;
  private cameraOn = true;
  private peer?: Peer;
  private remoteStream = new MediaStream();
  private inbox: Promise<void> = Promise.resolve();
  private hungUp = false;
  private root!: ShadowRoot;
  private audioOnly = false;
  private remoteState: MediaState = { audio: true, video: true, sharing: false };
  /** Chosen in the device pickers; empty for the browser's default. */
  private selected: Record<'microphone' | 'camera', string> = { microphone: '', camera: '' };
  private levelMeter?: { audio: AudioContext; timer: number };
  private qualityTimer?: number;
  private counters: { incoming?: Counters; outgoing?: Counters } = {};
  private iceRestartTimer?: number;

  connectedCallback() {
    if (!this.root) {
      this.root = this.attachShadow({ mode: 'open' });
      this.root.innerHTML = TEMPLATE;
      this.makeTileMovable(this.find('.tile'));
    }
    this.renderNames();
    window.addEventListener('keydown', this.onKeyDown, true);
    document.addEventListener('click', this.onClick, true);
    document.addEventListener('pointerdown', this.askForNotifications, { once: true, capture: true });
    navigator.mediaDevices?.addEventListener('devicechange', this.reportDevices);
    window.addEventListener('online', this.onNetworkBack);
    this.qualityTimer = window.setInterval(() => this.sampleQuality(), QUALITY_SAMPLE_MS);
  }

  disconnectedCallback() {
    window.removeEventListener('keydown', this.onKeyDown, true);
    document.removeEventListener('click', this.onClick, true);
    document.removeEventListener('pointerdown', this.askForNotifications, true);
    navigator.mediaDevices?.removeEventListener('devicechange', this.reportDevices);
    window.removeEventListener('online', this.onNetworkBack);
    window.clearInterval(this.qualityTimer);
    this.hangUp();
  }

  /** For diagnostics and browser tests: the current peer connection, if any. */
  get peerConnection(): RTCPeerConnection | undefined {
    return this.peer?.pc;
  }

  startMedia(): Promise<void> {
    if (!this.media) {
      this.media = this.openMedia();
      this.media.then(() => this.prepareNext());
    }
    return this.media;
  }

  connect(seat: string) {
    if (this.hungUp || this.peer?.seat === seat) {
      return;
    }
    if (this.peer?.seat) {
      this.closePeer(); // a connection to an older window of the other participant
    }
    const peer = this.peer ?? this.preparePeer();
    peer.seat = seat;
    this.find('.remote').classList.add('with-peer');
    this.sendState();
    this.flush(peer);
  }

  /** A peer connection with the local tracks on it, ready before the other participant arrives. */
  private preparePeer(): Peer {
    const pc = new RTCPeerConnection({
      iceServers: (this.iceServers ?? []).map(({ urls, username, credential }) =>
        username ? { urls, username, credential: credential ?? undefined } : { urls }),
      iceTransportPolicy: this.relayOnly ? 'relay' : 'all',
    });
    const peer: Peer = { pc, makingOffer: false, ignoreOffer: false, outbox: [], reportedConnected: false };
    this.peer = peer;
    this.remoteStream = new MediaStream();
    this.video('remote').srcObject = this.remoteStream;

    pc.ontrack = ({ track }) => {
      this.remoteStream.addTrack(track);
      track.onunmute = () => this.playRemote();
      this.playRemote();
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) {
        this.send(peer, { candidate: candidate.toJSON() });
      }
    };
    pc.onnegotiationneeded = async () => {
      // The first offer comes from the impolite (doctor's) side only: when both offered at once, the
      // polite side rolled its offer back and Chromium then gathered no candidates for its answer.
      if (this.polite && !pc.remoteDescription) {
        return;
      }
      try {
        peer.makingOffer = true;
        await pc.setLocalDescription();
        this.send(peer, { description: pc.localDescription!.toJSON() });
      } catch (error) {
        console.warn('mediscan-call: offer failed', error);
      } finally {
        peer.makingOffer = false;
      }
    };
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed') {
        this.restartIce();
      } else if (pc.iceConnectionState === 'disconnected') {
        this.scheduleIceRestart(false);
      }
    };
    pc.onconnectionstatechange = () => {
      // The server only needs to learn when the call became connected or stopped being so; every other
      // report would hold up the signals behind it (Vaadin has one request to the server in flight at a time).
      const connected = pc.connectionState === 'connected';
      if (this.peer === peer && peer.seat && connected !== peer.reportedConnected) {
        peer.reportedConnected = connected;
        this.$server.connectionStateChanged(pc.connectionState);
      }
    };
    // Signals for this connection wait in the inbox until the local tracks are on it.
    this.enqueue(async () => {
      await this.startMedia();
      if (this.peer === peer) {
        await this.addLocalTracks(peer);
      }
    });
    return peer;
  }

  /** Prepares the next peer connection while nobody else is there, so it is ready when they come. */
  private prepareNext() {
    if (!this.hungUp && !this.peer) {
      this.preparePeer();
    }
  }

  disconnect() {
    this.closePeer();
    this.prepareNext();
  }

  /** New ICE credentials and candidates on the same connection; media resumes without a new call. */
  restartIce() {
    window.clearTimeout(this.iceRestartTimer);
    this.peer?.pc.restartIce();
  }

  /** Shows the own camera full size with a microphone level meter, for the check before joining. */
  async setPreview(on: boolean) {
    this.toggleAttribute('preview', on);
    await this.media;
    this.restartMeter();
  }

  /** Asks for camera and microphone again, after the person fixed what blocked them. */
  async retryMedia() {
    [this.microphone, this.camera].forEach(track => track?.stop());
    this.microphone = this.camera = undefined;
    this.microphoneOn = this.cameraOn = true;
    this.media = this.openMedia();
    await this.media;
    await this.peer?.audio?.replaceTrack(this.microphone ?? null);
    await this.sendOutgoingVideo();
    this.restartMeter();
  }

  /** Switches camera or microphone on the live call (replaceTrack: no renegotiation) or the speaker. */
  async useDevice(kind: string, deviceId: string) {
    await this.media;
    if (kind === 'audiooutput') {
      const remote = this.video('remote') as HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> };
      await remote.setSinkId?.(deviceId).catch(error => this.$server.mediaFailed('The speaker could not be changed: ' + describe(error)));
      return;
    }
    const which = KINDS[kind];
    if (!which) {
      return;
    }
    this.selected[which] = deviceId;
    if (which === 'camera' && !this.cameraOn) {
      return; // used when the camera is turned on
    }
    try {
      await this.swapTrack(which, await this.openDevice(which));
    } catch (error) {
      this.$server.mediaFailed(`The ${which} could not be changed: ` + describe(error));
    }
  }

  /** Audio only for a weak connection: no video is sent, and the other side is asked to send none. */
  async setAudioOnly(on: boolean) {
    await this.media;
    this.audioOnly = on;
    this.applyAudioOnly();
    await this.sendOutgoingVideo();
    this.renderRemoteState(this.remoteState);
    this.mediaChanged();
  }

  receiveSignal(payload: string) {
    const signals: Signal | Signal[] = JSON.parse(payload);
    (Array.isArray(signals) ? signals : [signals]).forEach(signal => this.enqueue(() => this.handle(signal)));
  }

  async setMicrophoneEnabled(on: boolean) {
    await this.media; // a press before camera and microphone are open applies once they are
    this.microphoneOn = on && !!this.microphone;
    if (this.microphone) {
      this.microphone.enabled = this.microphoneOn;
    }
    this.mediaChanged();
  }

  async setCameraEnabled(on: boolean) {
    await this.media;
    this.cameraOn = on;
    if (!on) {
      this.camera?.stop();
      this.camera = undefined;
    } else if (!this.camera) {
      try {
        this.camera = this.watched('camera', await this.openDevice('camera'));
      } catch (error) {
        this.cameraOn = false;
        this.$server.mediaFailed('The camera could not be turned on: ' + describe(error));
      }
    }
    await this.sendOutgoingVideo();
    this.mediaChanged();
  }

  async toggleScreenShare() {
    if (this.screen) {
      await this.stopScreenShare();
      return;
    }
    if (!navigator.mediaDevices?.getDisplayMedia) {
      this.$server.mediaFailed('This browser cannot share the screen.');
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
      const track = stream.getVideoTracks()[0];
      track.contentHint = 'detail';
      // The browser's own "Stop sharing" button ends the track: go back to the camera then too.
      track.addEventListener('ended', () => {
        if (this.screen === track) {
          this.stopScreenShare();
        }
      });
      this.screen = track;
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'NotAllowedError')) {
        this.$server.mediaFailed('The screen could not be shared: ' + describe(error));
      }
    }
    await this.sendOutgoingVideo();
    this.mediaChanged();
  }

  async stopScreenShare() {
    const track = this.screen;
    this.screen = undefined;
    track?.stop();
    await this.sendOutgoingVideo();
    this.mediaChanged();
  }

  hangUp() {
    this.hungUp = true;
    this.stopMeter();
    this.closePeer();
    [this.microphone, this.camera, this.screen].forEach(track => track?.stop());
    this.microphone = this.camera = this.screen = undefined;
    if (this.root) {
      this.video('local').srcObject = null;
    }
  }

  /** A short chime and, if the person allowed it, a system notification. */
  announce(title: string, body: string) {
    try {
      const audio = new AudioContext();
      [660, 880].forEach((frequency, index) => {
        const tone = audio.createOscillator();
        const volume = audio.createGain();
        const start = audio.currentTime + index * 0.18;
        tone.frequency.value = frequency;
        volume.gain.setValueAtTime(0.0001, start);
        volume.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
        volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
        tone.connect(volume).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.4);
      });
      setTimeout(() => audio.close(), 1000);
    } catch {
      // No audio output: the notification and the waiting panel still tell.
    }
    if ('Notification' in window && Notification.permission === 'granted') {
      new Notification(title, { body, tag: 'mediscan-arrival' });
    }
  }

  private async openMedia() {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: this.constraints('microphone'), video: this.constraints('camera') });
    } catch (error) {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        this.$server.mediaFailed('Your camera is not available: ' + describe(error) + ' The call continues with sound only.');
      } catch (again) {
        stream = new MediaStream();
        this.$server.mediaFailed('Your camera and microphone are not available: ' + describe(again));
      }
    }
    if (this.hungUp) {
      stream.getTracks().forEach(track => track.stop());
      return;
    }
    this.microphone = this.watched('microphone', stream.getAudioTracks()[0]);
    this.camera = this.cameraOn ? this.watched('camera', stream.getVideoTracks()[0]) : undefined;
    if (!this.cameraOn) {
      stream.getVideoTracks().forEach(track => track.stop());
    }
    this.microphoneOn = this.microphoneOn && !!this.microphone;
    this.cameraOn = this.cameraOn && !!this.camera;
    if (this.microphone) {
      this.microphone.enabled = this.microphoneOn;
    }
    this.mediaChanged();
    this.reportDevices();
  }

  private constraints(which: 'microphone' | 'camera'): MediaTrackConstraints {
    const device = this.selected[which] ? { deviceId: { exact: this.selected[which] } } : {};
    return which === 'camera' ? { ...CAMERA, ...device } : { echoCancellation: true, noiseSuppression: true, ...device };
  }

  private async openDevice(which: 'microphone' | 'camera'): Promise<MediaStreamTrack> {
    const stream = await navigator.mediaDevices.getUserMedia({ [which === 'camera' ? 'video' : 'audio']: this.constraints(which) });
    return which === 'camera' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
  }

  /** Our own stop() does not fire "ended": when it fires, the device went away (unplugged, or taken by the system). */
  private watched(which: 'microphone' | 'camera', track?: MediaStreamTrack): MediaStreamTrack | undefined {
    track?.addEventListener('ended', () => this.deviceLost(which, track));
    return track;
  }

  private async swapTrack(which: 'microphone' | 'camera', track: MediaStreamTrack) {
    const old = which === 'camera' ? this.camera : this.microphone;
    this.watched(which, track);
    if (which === 'camera') {
      this.camera = track;
      await this.sendOutgoingVideo();
    } else {
      track.enabled = this.microphoneOn;
      this.microphone = track;
      await this.peer?.audio?.replaceTrack(track);
      this.restartMeter();
    }
    old?.stop();
    this.renderLocal();
    this.reportDevices();
  }

  private async deviceLost(which: 'microphone' | 'camera', track: MediaStreamTrack) {
    if (this.hungUp || track !== (which === 'camera' ? this.camera : this.microphone)) {
      return;
    }
    const lost = track.label || `the ${which}`;
    this.selected[which] = '';
    try {
      const replacement = await this.openDevice(which);
      await this.swapTrack(which, replacement);
      this.$server.deviceSwitched(`${lost} was disconnected. Now using ${replacement.label || `another ${which}`}.`);
    } catch {
      track.stop();
      if (which === 'camera') {
        this.camera = undefined;
        this.cameraOn = false;
        await this.sendOutgoingVideo();
      } else {
        this.microphone = undefined;
        this.microphoneOn = false;
        await this.peer?.audio?.replaceTrack(null);
      }
      this.mediaChanged();
      this.$server.mediaFailed(`${lost} was disconnected and no other ${which} was found.`);
    }
  }

  private reportDevices = async () => {
    if (!navigator.mediaDevices?.enumerateDevices) {
      return;
    }
    const devices = (await navigator.mediaDevices.enumerateDevices())
      .filter(device => device.deviceId)
      .map(({ kind, deviceId, label }) => ({ kind, deviceId, label }));
    this.dispatchEvent(new CustomEvent('devices-changed', { detail: {
      devices,
      camera: this.camera?.getSettings().deviceId ?? '',
      microphone: this.microphone?.getSettings().deviceId ?? '',
    } }));
  };

  private restartMeter() {
    this.stopMeter();
    if (!this.hasAttribute('preview') || !this.microphone) {
      return;
    }
    const audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 512;
    audio.createMediaStreamSource(new MediaStream([this.microphone])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const meter = this.find('[data-role="microphone-level"]');
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const peak = samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
      const level = this.microphone?.enabled ? Math.min(100, Math.round(Math.sqrt(peak) * 100)) : 0;
      meter.setAttribute('aria-valuenow', String(level));
      (meter.firstElementChild as HTMLElement).style.width = `${level}%`;
    }, 100);
    this.levelMeter = { audio, timer };
    // Autoplay rules may start the context suspended until the person interacts with the page.
    document.addEventListener('pointerdown', () => audio.resume().catch(() => undefined), { once: true });
  }

  private stopMeter() {
    if (this.levelMeter) {
      window.clearInterval(this.levelMeter.timer);
      this.levelMeter.audio.close().catch(() => undefined);
      this.levelMeter = undefined;
    }
  }

  private scheduleIceRestart(always: boolean) {
    window.clearTimeout(this.iceRestartTimer);
    this.iceRestartTimer = window.setTimeout(() => {
      const state = this.peer?.pc.iceConnectionState;
      if (always || state === 'disconnected' || state === 'failed') {
        this.restartIce();
      }
    }, ICE_RESTART_DELAY_MS);
  }

  // The network came back (or changed): the old candidate pair may be dead even if ICE has not noticed yet.
  private onNetworkBack = () => {
    if (this.peer) {
      this.scheduleIceRestart(true);
    }
  };

  private applyAudioOnly() {
    const transceiver = this.peer?.pc.getTransceivers().find(candidate => candidate.sender === this.peer?.video);
    if (transceiver) {
      transceiver.direction = this.audioOnly ? 'inactive' : 'sendrecv';
    }
  }

  /** Good, fair or poor from round-trip time, packet loss and bitrate, both ways, every two seconds. */
  private async sampleQuality() {
    const pc = this.peer?.pc;
    if (!pc || pc.connectionState !== 'connected') {
      this.counters = {};
      this.renderQuality('remote');
      this.renderQuality('local');
      return;
    }
    const stats = await pc.getStats();
    const at = performance.now();
    const incoming: Counters = { at, lost: 0, received: 0, bytes: 0 };
    const outgoing: Counters = { at, lost: 0, received: 0, bytes: 0 };
    let roundTrip: number | undefined;
    stats.forEach(report => {
      if (report.type === 'transport' && report.selectedCandidatePairId) {
        roundTrip = stats.get(report.selectedCandidatePairId)?.currentRoundTripTime;
      } else if (report.type === 'inbound-rtp') {
        incoming.lost += report.packetsLost ?? 0;
        incoming.received += report.packetsReceived ?? 0;
        incoming.bytes += report.bytesReceived ?? 0;
      } else if (report.type === 'outbound-rtp') {
        outgoing.received += report.packetsSent ?? 0;
        outgoing.bytes += report.bytesSent ?? 0;
      } else if (report.type === 'remote-inbound-rtp') {
        outgoing.lost += report.packetsLost ?? 0;
      }
    });
    const previous = this.counters;
    this.counters = { incoming, outgoing };
    if (previous.incoming && previous.outgoing) {
      const remoteVideo = this.remoteState.video && !this.remoteState.audioOnly && !this.audioOnly;
      this.renderQuality('remote', this.quality(roundTrip, previous.incoming, incoming, remoteVideo, 'received'));
      this.renderQuality('local', this.quality(roundTrip, previous.outgoing, outgoing, !!this.outgoingVideo(), 'sent'));
    }
  }

  private quality(roundTrip: number | undefined, before: Counters, now: Counters, video: boolean, direction: string): Quality {
    const lost = Math.max(0, now.lost - before.lost);
    const packets = Math.max(0, now.received - before.received);
    const loss = lost + packets > 0 ? lost / (lost + packets) : 0;
    const kbps = (now.bytes - before.bytes) * 8 / Math.max(1, now.at - before.at);
    const rtt = roundTrip ?? 0;
    const level = rtt > 0.4 || loss > 0.08 || (video && kbps < 60) ? 'poor'
      : rtt > 0.2 || loss > 0.03 || (video && kbps < 250) ? 'fair' : 'good';
    const detail = `Round trip ${roundTrip === undefined ? 'unknown' : Math.round(rtt * 1000) + ' ms'} · `
      + `packet loss ${(loss * 100).toFixed(1)}% · ${Math.round(kbps)} kbit/s ${direction}`;
    return { level, detail };
  }

  private renderQuality(role: 'remote' | 'local', quality?: Quality) {
    const indicator = this.find(`[data-role="${role}-quality"]`);
    indicator.hidden = !quality;
    if (quality) {
      const label = `${role === 'remote' ? 'Connection' : 'Your connection'}: ${quality.level}. ${quality.detail}`;
      indicator.dataset.level = quality.level;
      indicator.setAttribute('aria-label', label);
      indicator.title = label;
    }
  }

  private async addLocalTracks(peer: Peer) {
    const stream = new MediaStream();
    // addTrack (not addTransceiver) lets these senders pair with the m-lines of the peer's offer.
    const audio = this.microphone ?? placeholderTrack('audio');
    peer.audio = peer.pc.addTrack(audio, stream);
    if (!this.microphone) {
      await peer.audio.replaceTrack(null);
      audio.stop();
    }
    const outgoing = this.outgoingVideo();
    const video = outgoing ?? placeholderTrack('video');
    peer.video = peer.pc.addTrack(video, stream);
    if (!outgoing) {
      await peer.video.replaceTrack(null);
      video.stop();
    }
    this.applyAudioOnly();
  }

  private async handle({ description, candidate, state }: Signal) {
    if (state) {
      this.renderRemoteState(state);
    }
    const peer = this.peer;
    if (!peer) {
      return;
    }
    const pc = peer.pc;
    if (description) {
      const offerCollision = description.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
      peer.ignoreOffer = !this.polite && offerCollision;
      if (peer.ignoreOffer) {
        return;
      }
      await pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        this.send(peer, { description: pc.localDescription!.toJSON() });
      }
    } else if (candidate) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        if (!peer.ignoreOffer) {
          throw error;
        }
      }
    }
  }

  private enqueue(task: () => Promise<void>) {
    this.inbox = this.inbox.then(task).catch(error => console.warn('mediscan-call:', error));
  }

  /** Signals of the current connection wait until it has a seat, and leave together at the end of the task. */
  private send(peer: Peer, signal: Signal) {
    if (this.peer !== peer) {
      return;
    }
    if (signal.state) {
      peer.outbox = peer.outbox.filter(waiting => !waiting.state); // only the latest state counts
    }
    peer.outbox.push(signal);
    if (peer.seat && peer.outbox.length === 1) {
      queueMicrotask(() => this.flush(peer));
    }
  }

  private flush(peer: Peer) {
    if (this.peer !== peer || !peer.seat || peer.outbox.length === 0) {
      return;
    }
    const signals = peer.outbox.splice(0);
    this.$server.signal(JSON.stringify(signals.length === 1 ? signals[0] : signals));
  }

  private sendState() {
    if (this.peer) {
      this.send(this.peer, { state: { audio: this.microphoneOn, video: !!this.outgoingVideo(), sharing: !!this.screen, audioOnly: this.audioOnly } });
    }
  }

  private outgoingVideo(): MediaStreamTrack | undefined {
    if (this.audioOnly) {
      return undefined;
    }
    return this.screen ?? (this.cameraOn ? this.camera : undefined);
  }

  private async sendOutgoingVideo() {
    await this.peer?.video?.replaceTrack(this.outgoingVideo() ?? null);
  }

  private mediaChanged() {
    this.renderLocal();
    this.sendState();
    this.$server.mediaStateChanged(this.microphoneOn, this.cameraOn, !!this.screen);
  }

  private closePeer() {
    if (!this.peer) {
      return;
    }
    this.peer.pc.close();
    this.peer = undefined;
    this.remoteStream.getTracks().forEach(track => this.remoteStream.removeTrack(track));
    if (this.root) {
      this.find('.remote').classList.remove('with-peer');
      this.video('remote').srcObject = null;
      this.renderRemoteState({ audio: true, video: true, sharing: false });
    }
  }

  private playRemote() {
    this.video('remote').play().catch(() => {
      // Autoplay refused until the person interacts; the next unmute or click retries.
    });
  }

  private renderNames() {
    const name = this.peerName ?? '';
    this.find('.remote .name').textContent = name;
    this.find('.avatar').textContent = name.replace(/^Dr\.\s*/, '').split(/\s+/).filter(Boolean)
      .slice(0, 2).map(word => word[0].toUpperCase()).join('');
  }

  private renderLocal() {
    const local = this.video('local');
    const showing = this.outgoingVideo();
    const current = (local.srcObject as MediaStream | null)?.getVideoTracks()[0];
    if (showing !== current) {
      local.srcObject = showing ? new MediaStream([showing]) : null;
    }
    local.classList.toggle('mirrored', !!showing && showing === this.camera);
    this.find('[data-role="local-camera-off"]').hidden = !!showing;
    this.find('[data-role="local-muted"]').hidden = this.microphoneOn;
  }

  private renderRemoteState(state: MediaState) {
    this.remoteState = state;
    this.renderNames();
    const audioOnly = this.audioOnly || !!state.audioOnly;
    this.find('[data-role="remote-muted"]').hidden = state.audio;
    this.find('[data-role="remote-camera-off"]').hidden = state.video && !audioOnly;
    this.find('[data-role="remote-camera-off"] .why').textContent = audioOnly ? 'Audio only' : 'Camera off';
    this.find('[data-role="remote-sharing"]').hidden = !state.sharing;
    this.video('remote').classList.toggle('screen', state.sharing);
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.repeat) {
      return;
    }
    const key = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : event.key;
    if (!SHORTCUT_KEYS.includes(key)) {
      return;
    }
    const path = event.composedPath().filter((node): node is HTMLElement => node instanceof HTMLElement);
    if (path.some(node => node.isContentEditable || node.matches(TYPING_TARGETS)) || document.querySelector(OPEN_DIALOGS)) {
      return;
    }
    if (key === 'Space' && path.some(node => node.matches(OWN_SPACE_TARGETS))) {
      return; // Space presses the focused button, as everywhere else.
    }
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('call-shortcut', { detail: { key } }));
  };

  private onClick = (event: MouseEvent) => {
    const shareButton = event.composedPath().some(node => node instanceof HTMLElement && node.dataset.callAction === 'share-screen');
    if (shareButton && !this.hungUp) {
      // Right here, inside the click: browsers allow getDisplayMedia only in a user gesture.
      this.toggleScreenShare();
    }
  };

  // Only the doctor is told of arrivals; asked on a first click, as browsers expect a gesture for it.
  private askForNotifications = () => {
    if (!this.polite && 'Notification' in window && Notification.permission === 'default') {
      Notification.requestPermission().catch(() => undefined);
    }
  };

  private makeTileMovable(tile: HTMLElement) {
    let drag: { dx: number; dy: number } | undefined;
    const place = (corner: string) => {
      tile.classList.remove(...CORNERS);
      tile.classList.add(corner);
      tile.style.left = tile.style.top = tile.style.right = tile.style.bottom = '';
    };
    tile.addEventListener('pointerdown', event => {
      const box = tile.getBoundingClientRect();
      drag = { dx: event.clientX - box.left, dy: event.clientY - box.top };
      tile.setPointerCapture(event.pointerId);
      tile.classList.add('dragging');
    });
    tile.addEventListener('pointermove', event => {
      if (!drag) {
        return;
      }
      const area = this.getBoundingClientRect();
      const left = Math.min(Math.max(event.clientX - area.left - drag.dx, 0), area.width - tile.offsetWidth);
      const top = Math.min(Math.max(event.clientY - area.top - drag.dy, 0), area.height - tile.offsetHeight);
      Object.assign(tile.style, { left: `${left}px`, top: `${top}px`, right: 'auto', bottom: 'auto' });
    });
    const drop = () => {
      if (!drag) {
        return;
      }
      drag = undefined;
      tile.classList.remove('dragging');
      const area = this.getBoundingClientRect();
      const box = tile.getBoundingClientRect();
      const vertical = box.top + box.height / 2 < area.top + area.height / 2 ? 'top' : 'bottom';
      const horizontal = box.left + box.width / 2 < area.left + area.width / 2 ? 'left' : 'right';
      place(`${vertical}-${horizontal}`);
    };
    tile.addEventListener('pointerup', drop);
    tile.addEventListener('pointercancel', drop);
    tile.addEventListener('keydown', event => {
      const corner = CORNERS.find(name => tile.classList.contains(name)) ?? 'bottom-right';
      const [vertical, horizontal] = corner.split('-');
      const moves: Record<string, string> = {
        ArrowUp: `top-${horizontal}`, ArrowDown: `bottom-${horizontal}`,
        ArrowLeft: `${vertical}-left`, ArrowRight: `${vertical}-right`,
      };
      if (moves[event.key]) {
        event.preventDefault();
        place(moves[event.key]);
      }
    });
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector(selector) as T;
  }

  private video(role: 'local' | 'remote'): HTMLVideoElement {
    return this.find<HTMLVideoElement>(`video[data-role="${role}"]`);
  }
}

customElements.define('mediscan-call', MediscanCall);
