/** The microphone level meter of the check before joining. */

import { pageAudio } from './audio';

/** Shows the microphone's level in {@code meter} ten times a second; returns what stops it. */
export function startLevelMeter(microphone: MediaStreamTrack, meter: HTMLElement): () => void {
  const audio = pageAudio();
  audio.resume().catch(() => undefined); // the previous meter (another device) suspended it
  const analyser = audio.createAnalyser();
  analyser.fftSize = 512;
  const source = audio.createMediaStreamSource(new MediaStream([microphone]));
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    const peak = samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    const level = microphone.enabled ? Math.min(100, Math.round(Math.sqrt(peak) * 100)) : 0;
    meter.setAttribute('aria-valuenow', String(level));
    (meter.firstElementChild as HTMLElement).style.width = `${level}%`;
  }, 100);
  // Autoplay rules may start the context suspended until the person interacts with the page.
  document.addEventListener('pointerdown', () => audio.resume().catch(() => undefined), { once: true });
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    audio.suspend().catch(() => undefined); // a running context costs the page an audio thread
  };
}
