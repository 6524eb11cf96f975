/** The page's AudioContext for the microphone meter and the arrival chime. */

let context: AudioContext | undefined;

/**
 * Made on first use (the check's microphone meter) and kept, suspended while unused: opening an
 * AudioContext blocks the page's main thread (a page's first took 226–495 ms in headless Chromium
 * here), and the doctor's chime would otherwise pay for it at the moment the patient arrives.
 */
export function pageAudio(): AudioContext {
  context ??= new AudioContext();
  return context;
}
