/** The doctor's alert that the patient arrived. */

import { pageAudio } from './audio';

/** A short chime and, if the person allowed it, a system notification. */
export function chime(title: string, body: string) {
  try {
    const audio = pageAudio();
    audio.resume().catch(() => undefined);
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
      tone.onended = () => volume.disconnect();
    });
    setTimeout(() => audio.suspend().catch(() => undefined), 1000);
  } catch {
    // No audio output: the notification and the waiting panel still tell.
  }
  if ('Notification' in window && Notification.permission === 'granted') {
    new Notification(title, { body, tag: 'mediscan-arrival' });
  }
}
