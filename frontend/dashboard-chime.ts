import { chime } from './call/chime';

/**
 * The doctor's dashboard rings, with the call's own arrival chime, when a checked-in patient joins
 * the "Waiting patients" queue. window.mediscanChimes counts the rings, for anyone checking it rang.
 */
declare global {
  interface Window {
    mediscanChimes?: number;
    mediscanQueueChime?: (title: string, body: string) => void;
  }
}

window.mediscanQueueChime = (title: string, body: string) => {
  window.mediscanChimes = (window.mediscanChimes ?? 0) + 1;
  chime(title, body);
};

export {};
