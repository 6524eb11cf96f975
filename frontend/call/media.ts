/** Camera and microphone helpers: what to ask for, why the browser refused, and silent placeholder tracks. */

export type Device = 'microphone' | 'camera';

export const KINDS: Record<string, Device> = { audioinput: 'microphone', videoinput: 'camera' };
const CAMERA: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };

/** What to ask the browser for: the chosen device (empty: the default) with the call's quality settings. */
export function constraints(which: Device, deviceId: string): MediaTrackConstraints {
  const device = deviceId ? { deviceId: { exact: deviceId } } : {};
  return which === 'camera' ? { ...CAMERA, ...device } : { echoCancellation: true, noiseSuppression: true, ...device };
}

/** Why camera or microphone are not available, in words a patient can act on. */
export function describe(error: unknown): string {
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
export function placeholderTrack(kind: 'audio' | 'video'): MediaStreamTrack {
  if (kind === 'video') {
    const canvas = Object.assign(document.createElement('canvas'), { width: 16, height: 12 });
    return canvas.captureStream(0).getVideoTracks()[0];
  }
  return new AudioContext().createMediaStreamDestination().stream.getAudioTracks()[0];
}
