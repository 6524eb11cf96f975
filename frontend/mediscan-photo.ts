/**
 * <mediscan-photo>: takes one clinical photo at the camera's full resolution while the call runs
 * on. It opens its own capture of the camera (the call's track stays as it is, downscaled for the
 * peer connection), asks it for the largest size it has, and takes the still with
 * ImageCapture.takePhoto() where the browser has it, otherwise grabs one frame of the track at its
 * native size. A preview, Retake and Send photo follow; the photo goes to the server as the body
 * of one POST to the element's upload target (a Vaadin upload handler), with a key chosen when
 * it was taken, so sending again after a dropped connection stores it once.
 *
 * The server side (attachment/ui/PhotoCapture.java) checks and stores the photo, then calls
 * sent() or refused(message).
 */

const FULL_RESOLUTION: MediaTrackConstraints = { width: { ideal: 4096 }, height: { ideal: 3072 } };
const JPEG_QUALITY = 0.92;
const PREVIEW_EDGE = 960;

const TEMPLATE = `
<style>
  :host { display: block; color: var(--lumo-body-text-color, #1a2733); font-family: var(--lumo-font-family, sans-serif); }
  [hidden] { display: none !important; }
  .view { position: relative; background: #0b141c; border-radius: .5rem; overflow: hidden; aspect-ratio: 4 / 3; max-height: 60vh;
    display: grid; place-items: center; }
  video, canvas { max-width: 100%; max-height: 60vh; display: block; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .75rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: .4rem; border: 1px solid var(--lumo-contrast-30pct, #98a4ae);
    background: var(--lumo-base-color, #fff); color: inherit; cursor: pointer; }
  button.primary { background: var(--lumo-primary-color, #1676f3); border-color: transparent; color: var(--lumo-primary-contrast-color, #fff); }
  button:disabled { opacity: .5; cursor: default; }
  .status { margin: .5rem 0 0; font-size: .9rem; }
  .status.error { color: var(--lumo-error-text-color, #b3261e); }
  .size { font-size: .85rem; color: var(--lumo-secondary-text-color, #52606d); margin: .25rem 0 0; }
</style>
<div class="view">
  <video class="live" autoplay playsinline muted></video>
  <canvas class="preview" hidden></canvas>
</div>
<p class="size" aria-live="polite"></p>
<div class="actions">
  <button type="button" class="capture primary">Capture</button>
  <button type="button" class="switch" hidden>Use rear camera</button>
  <button type="button" class="retake" hidden>Retake</button>
  <button type="button" class="send primary" hidden>Send photo</button>
</div>
<p class="status" role="status"></p>
`;

interface ServerSide {
  cameraFailed(message: string): void;
}

class MediscanPhoto extends HTMLElement {
  declare $server: ServerSide;
  private root: ShadowRoot;
  private stream?: MediaStream;
  private facing: 'user' | 'environment' = 'user';
  private photo?: Blob;
  private key?: string;
  private sending = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.innerHTML = TEMPLATE;
    this.find('.capture').addEventListener('click', () => this.capture());
    this.find('.retake').addEventListener('click', () => this.retake());
    this.find('.send').addEventListener('click', () => this.send());
    this.find('.switch').addEventListener('click', () => this.switchCamera());
  }

  connectedCallback() {
    this.openCamera();
  }

  disconnectedCallback() {
    this.closeCamera();
  }

  /** For browser tests and diagnostics: the size of the photo taken, and how it was taken. */
  get taken(): { width: number; height: number; method: string } | undefined {
    const canvas = this.find<HTMLCanvasElement>('.preview');
    return this.photo ? { width: Number(canvas.dataset.width), height: Number(canvas.dataset.height), method: canvas.dataset.method ?? '' } : undefined;
  }

  /** Called by the server once it stored the photo. */
  sent() {
    this.sending = false;
    this.photo = undefined;
    this.key = undefined;
    this.status('Photo sent.');
    this.closeCamera();
  }

  /** Called by the server when it refused the photo; the photo stays, to retake or send again. */
  refused(message: string) {
    this.sending = false;
    this.showPreviewButtons();
    this.status(message, true);
  }

  private async openCamera() {
    this.closeCamera();
    this.status('Opening the camera…');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { ...FULL_RESOLUTION, facingMode: { ideal: this.facing } } });
    } catch (error) {
      const message = 'The camera could not be opened for a photo: ' + describe(error);
      this.status(message, true);
      this.$server?.cameraFailed(message);
      return;
    }
    if (!this.isConnected) {
      this.closeCamera();
      return;
    }
    const live = this.find<HTMLVideoElement>('.live');
    live.srcObject = this.stream;
    const settings = this.stream.getVideoTracks()[0]?.getSettings() ?? {};
    this.find('.size').textContent = settings.width ? `Camera: ${settings.width} × ${settings.height} pixels` : '';
    this.status('');
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter(device => device.kind === 'videoinput');
    const switchButton = this.find<HTMLButtonElement>('.switch');
    switchButton.hidden = cameras.length < 2 || !!this.photo;
    switchButton.textContent = this.facing === 'user' ? 'Use rear camera' : 'Use front camera';
  }

  private closeCamera() {
    this.stream?.getTracks().forEach(track => track.stop());
    this.stream = undefined;
    const live = this.find<HTMLVideoElement>('.live');
    if (live) {
      live.srcObject = null;
    }
  }

  private switchCamera() {
    this.facing = this.facing === 'user' ? 'environment' : 'user';
    this.openCamera();
  }

  private async capture() {
    const track = this.stream?.getVideoTracks()[0];
    if (!track || track.readyState !== 'live') {
      this.status('The camera is not open yet.', true);
      return;
    }
    this.find<HTMLButtonElement>('.capture').disabled = true;
    try {
      const { blob, method } = await still(track, this.find<HTMLVideoElement>('.live'));
      const bitmap = await createImageBitmap(blob);
      this.photo = blob;
      this.key = crypto.randomUUID();
      this.showPreview(bitmap, method);
      bitmap.close();
    } catch (error) {
      this.status('The photo could not be taken: ' + describe(error), true);
    } finally {
      this.find<HTMLButtonElement>('.capture').disabled = false;
    }
  }

  private showPreview(bitmap: ImageBitmap, method: string) {
    const canvas = this.find<HTMLCanvasElement>('.preview');
    const scale = Math.min(1, PREVIEW_EDGE / Math.max(bitmap.width, bitmap.height));
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    canvas.dataset.width = String(bitmap.width);
    canvas.dataset.height = String(bitmap.height);
    canvas.dataset.method = method;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Photo preview, ${bitmap.width} × ${bitmap.height} pixels`);
    this.find('.size').textContent = `Photo: ${bitmap.width} × ${bitmap.height} pixels`;
    this.find('.live').hidden = true;
    canvas.hidden = false;
    this.showPreviewButtons();
    this.status('');
    // The live view is not needed while the photo is looked at; Retake opens it again.
    this.closeCamera();
  }

  private showPreviewButtons() {
    this.find('.capture').hidden = true;
    this.find('.switch').hidden = true;
    this.find('.retake').hidden = false;
    this.find('.send').hidden = false;
    this.find<HTMLButtonElement>('.send').disabled = this.sending;
    this.find<HTMLButtonElement>('.retake').disabled = this.sending;
  }

  private retake() {
    this.photo = undefined;
    this.key = undefined;
    this.find('.preview').hidden = true;
    this.find('.live').hidden = false;
    this.find('.capture').hidden = false;
    this.find('.retake').hidden = true;
    this.find('.send').hidden = true;
    this.openCamera();
  }

  private async send() {
    const target = this.getAttribute('upload-target');
    if (!this.photo || !this.key || !target || this.sending) {
      return;
    }
    this.sending = true;
    this.showPreviewButtons();
    this.status('Sending the photo…');
    const name = `photo-${new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-')}.jpg`;
    try {
      const response = await fetch(new URL(target, document.baseURI), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': this.photo.type || 'image/jpeg', 'X-Filename': encodeURIComponent(name), 'X-Photo-Key': this.key },
        body: this.photo,
      });
      if (!response.ok) {
        throw new Error(`the server answered ${response.status}`);
      }
      // The server's sent() or refused() follows through the push channel.
    } catch (error) {
      this.sending = false;
      this.showPreviewButtons();
      this.status('The photo was not sent (' + describe(error) + '). It is kept here: press Send photo to try again.', true);
    }
  }

  private status(text: string, error = false) {
    const status = this.find('.status');
    status.textContent = text;
    status.classList.toggle('error', error);
    status.setAttribute('role', error ? 'alert' : 'status');
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector(selector) as T;
  }
}

/** The still: takePhoto() at the largest size the camera offers, else one frame at the track's own size. */
async function still(track: MediaStreamTrack, live: HTMLVideoElement): Promise<{ blob: Blob; method: string }> {
  const Capture = (window as any).ImageCapture;
  if (Capture) {
    const capture = new Capture(track);
    try {
      const capabilities = await capture.getPhotoCapabilities();
      const imageWidth = capabilities?.imageWidth?.max;
      const blob: Blob = await capture.takePhoto(imageWidth ? { imageWidth } : undefined);
      return { blob, method: 'takePhoto' };
    } catch (notSupported) {
      try {
        const frame: ImageBitmap = await capture.grabFrame();
        return { blob: await jpeg(frame, frame.width, frame.height), method: 'grabFrame' };
      } catch (noFrame) {
        // Fall through to the video element's frame.
      }
    }
  }
  const settings = track.getSettings();
  const width = live.videoWidth || settings.width || 0;
  const height = live.videoHeight || settings.height || 0;
  return { blob: await jpeg(live, width, height), method: 'videoFrame' };
}

function jpeg(source: CanvasImageSource, width: number, height: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(source, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error('the frame could not be encoded'))), 'image/jpeg', JPEG_QUALITY));
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotAllowedError') {
    return 'the browser does not allow this page to use the camera.';
  }
  if (error instanceof DOMException && error.name === 'NotFoundError') {
    return 'no camera was found.';
  }
  return error instanceof Error ? error.message : String(error);
}

customElements.define('mediscan-photo', MediscanPhoto);

// A module, so its names stay out of the global scope that mediscan-call.ts shares.
export {};
