/** The own video's tile: dragged with a pointer or moved with the arrow keys, it snaps to the nearest corner of its container. */

const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

export function makeTileMovable(tile: HTMLElement, container: HTMLElement) {
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
    const area = container.getBoundingClientRect();
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
    const area = container.getBoundingClientRect();
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
