/** The element's shadow DOM: remote video, own movable tile, labels, quality bars and the microphone meter. */

const icon = (path: string) =>
  `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${path}"/></svg>`;
const MIC_OFF = icon('M15 9.3V5a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 5.1 2.1M19 10v1a7 7 0 0 1-1.1 3.8M5 10v1a7 7 0 0 0 11.6 5.3M12 18v4M8 22h8M3 3l18 18');

export const TEMPLATE = `
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
  /* Laid out while hidden, so that leaving the preview for the call only changes what is painted. */
  :host([preview]) .remote { visibility: hidden; }
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
