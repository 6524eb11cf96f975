/**
 * <mediscan-call>: the only client code of MediScan. It owns camera, microphone and screen
 * capture and one RTCPeerConnection, negotiated with the W3C "perfect negotiation" pattern
 * (the doctor's side is impolite, the patient's polite), and renders the remote video large and
 * the own video as a small movable tile. Everything else - who is in the room, where signals
 * go, what the buttons say - is decided by the server side (consultation/ui/MediaCall.java).
 *
 * Signals are opaque JSON for the server: {description}, {candidate} or {state}, or an array of them when several
 * are ready at once (one server call instead of several: Vaadin sends one request at a time).
 *
 * This file holds the call itself (media, the peer connection, signals, what the server side is told); the
 * parts around it are modules in call/: the shadow DOM (template), camera and microphone helpers (media), the
 * quality indicator (quality), the keyboard shortcuts (shortcuts), the movable own tile (movable-tile), the
 * microphone meter (level-meter), the arrival chime (chime), the AudioContext both share (audio) and the shared
 * types (types).
 */

import { chime } from './call/chime';
import { startLevelMeter } from './call/level-meter';
import { constraints, describe, type Device, KINDS, placeholderTrack } from './call/media';
import { makeTileMovable } from './call/movable-tile';
import { QUALITY_SAMPLE_MS, type Quality, quality, sample, type Sample } from './call/quality';
import { shortcutOf } from './call/shortcuts';
import { TEMPLATE } from './call/template';
import type { MediaState, Peer, ServerSide, Signal } from './call/types';

/** Jitsi waits this long after a network change before restarting ICE; a brief blip often heals by itself. */
const ICE_RESTART_DELAY_MS = 2000;

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
  private selected: Record<Device, string> = { microphone: '', camera: '' };
  private stopMeter?: () => void;
  private qualityTimer?: number;
  private previousSample?: Sample;
  private iceRestartTimer?: number;
  /** The server's count of connect and disconnect orders (MediaCall.generation). */
  private generation = 0;

  connectedCallback() {
    if (!this.root) {
      this.root = this.attachShadow({ mode: 'open' });
      this.root.innerHTML = TEMPLATE;
      makeTileMovable(this.find('.tile'), this);
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

  /**
   * @param generation the server's count of connect and disconnect orders, sent back with prepared signals
   * @param relayed    the number of the prepared set the server already sent to that window, or -1
   */
  connect(seat: string, generation: number, relayed: number) {
    this.generation = generation;
    if (this.hungUp || this.peer?.seat === seat) {
      return;
    }
    if (this.peer?.seat) {
      this.closePeer(); // a connection to an older window of the other participant
    }
    const peer = this.peer ?? this.preparePeer();
    const sent = peer.prepared.get(relayed) ?? [];
    peer.prepared.clear();
    peer.outbox = peer.outbox.filter(signal => !sent.includes(signal));
    peer.seat = seat;
    this.find('.remote').classList.add('with-peer');
    this.flush(peer);
  }

  /** A peer connection with the local tracks on it, ready before the other participant arrives. */
  private preparePeer(): Peer {
    const pc = new RTCPeerConnection({
      iceServers: (this.iceServers ?? []).map(({ urls, username, credential }) =>
        username ? { urls, username, credential: credential ?? undefined } : { urls }),
      iceTransportPolicy: this.relayOnly ? 'relay' : 'all',
    });
    const peer: Peer = { pc, makingOffer: false, ignoreOffer: false, outbox: [], reportedConnected: false, prepared: new Map(), preparing: false };
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
    this.sendState(); // the first signal to the other side, whenever it comes
    return peer;
  }

  /** Prepares the next peer connection while nobody else is there, so it is ready when they come. */
  private prepareNext() {
    if (!this.hungUp && !this.peer) {
      this.preparePeer();
    }
  }

  disconnect(generation: number) {
    this.generation = generation;
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
    this.stopMeter?.();
    this.stopMeter = undefined;
    this.closePeer();
    [this.microphone, this.camera, this.screen].forEach(track => track?.stop());
    this.microphone = this.camera = this.screen = undefined;
    if (this.root) {
      this.video('local').srcObject = null;
    }
  }

  /** A short chime and, if the person allowed it, a system notification; after the push that brought it is handled. */
  announce(title: string, body: string) {
    window.setTimeout(() => chime(title, body));
  }

  private async openMedia() {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: constraints('microphone', this.selected.microphone), video: constraints('camera', this.selected.camera) });
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

  private async openDevice(which: Device): Promise<MediaStreamTrack> {
    const stream = await navigator.mediaDevices.getUserMedia({ [which === 'camera' ? 'video' : 'audio']: constraints(which, this.selected[which]) });
    return which === 'camera' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
  }

  /** Our own stop() does not fire "ended": when it fires, the device went away (unplugged, or taken by the system). */
  private watched(which: Device, track?: MediaStreamTrack): MediaStreamTrack | undefined {
    track?.addEventListener('ended', () => this.deviceLost(which, track));
    return track;
  }

  private async swapTrack(which: Device, track: MediaStreamTrack) {
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

  private async deviceLost(which: Device, track: MediaStreamTrack) {
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
    this.stopMeter?.();
    this.stopMeter = undefined;
    if (this.hasAttribute('preview') && this.microphone) {
      this.stopMeter = startLevelMeter(this.microphone, this.find('[data-role="microphone-level"]'));
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
      this.previousSample = undefined;
      this.renderQuality('remote');
      this.renderQuality('local');
      return;
    }
    const now = await sample(pc);
    const previous = this.previousSample;
    this.previousSample = now;
    if (previous) {
      const remoteVideo = this.remoteState.video && !this.remoteState.audioOnly && !this.audioOnly;
      this.renderQuality('remote', quality(now.roundTrip, previous.incoming, now.incoming, remoteVideo, 'received'));
      this.renderQuality('local', quality(now.roundTrip, previous.outgoing, now.outgoing, !!this.outgoingVideo(), 'sent'));
    }
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
    } else if (!peer.seat && !peer.preparing) {
      peer.preparing = true;
      queueMicrotask(() => this.handOverPrepared(peer));
    }
  }

  /** While alone: the server keeps the latest outbox and sends it itself the moment the other window arrives. */
  private handOverPrepared(peer: Peer) {
    peer.preparing = false;
    if (this.peer !== peer || peer.seat || peer.outbox.length === 0) {
      return;
    }
    const number = peer.prepared.size + 1;
    peer.prepared.set(number, [...peer.outbox]);
    this.$server.prepared(this.generation, number, JSON.stringify(peer.outbox));
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
    const key = shortcutOf(event);
    if (key) {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('call-shortcut', { detail: { key } }));
    }
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

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector(selector) as T;
  }

  private video(role: 'local' | 'remote'): HTMLVideoElement {
    return this.find<HTMLVideoElement>(`video[data-role="${role}"]`);
  }
}

customElements.define('mediscan-call', MediscanCall);
