/**
 * The call's duration in the consultation header, counted in the browser. The server sets two
 * attributes on the timer once, when the call's start is known (consultation/ui/CallHeader.java):
 * data-counts-from, the recorded start, and data-server-now, the server's clock as it set them,
 * both epoch milliseconds. The difference to this browser's clock when they arrive corrects for a
 * computer whose clock is wrong; from then on the text is rendered here every second, so an open
 * consultation costs the server nothing per second.
 */

const COUNTS_FROM = 'data-counts-from';
const SERVER_NOW = 'data-server-now';

/** Per timer: the attributes last seen, and the start in this browser's clock they amount to. */
const starts = new WeakMap<Element, { seen: string; localStart: number }>();
const timers = new Set<HTMLElement>();

export function formatDuration(millis: number): string {
  const seconds = Math.max(0, Math.floor(millis / 1000));
  const hours = Math.floor(seconds / 3600);
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours > 0
    ? `${hours}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`
    : `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

function render(timer: HTMLElement) {
  const countsFrom = Number(timer.getAttribute(COUNTS_FROM));
  const serverNow = Number(timer.getAttribute(SERVER_NOW));
  if (!timer.hasAttribute(COUNTS_FROM) || !Number.isFinite(countsFrom)) {
    timer.textContent = '';
    return;
  }
  const seen = `${countsFrom}/${serverNow}`;
  let start = starts.get(timer);
  if (!start || start.seen !== seen) {
    const elapsedAtServer = Number.isFinite(serverNow) && serverNow > 0 ? serverNow - countsFrom : Date.now() - countsFrom;
    start = { seen, localStart: Date.now() - elapsedAtServer };
    starts.set(timer, start);
  }
  const text = formatDuration(Date.now() - start.localStart);
  if (timer.textContent !== text) {
    timer.textContent = text;
  }
}

function follow(timer: HTMLElement) {
  timers.add(timer);
  render(timer);
}

function followWithin(node: Node) {
  if (node instanceof HTMLElement) {
    if (node.hasAttribute(COUNTS_FROM)) {
      follow(node);
    }
    node.querySelectorAll<HTMLElement>(`[${COUNTS_FROM}]`).forEach(follow);
  }
}

// Rendered as soon as the server's attributes arrive (a reload shows the right time at once), then every second.
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'attributes') {
      if (mutation.target instanceof HTMLElement) {
        follow(mutation.target);
      }
    } else {
      mutation.addedNodes.forEach(followWithin);
    }
  }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: [COUNTS_FROM, SERVER_NOW] });
followWithin(document.documentElement);

window.setInterval(() => {
  timers.forEach((timer) => {
    if (timer.isConnected) {
      render(timer);
    } else {
      timers.delete(timer);
    }
  });
}, 1000);
