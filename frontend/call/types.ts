/** What the element and its server side (consultation/ui/MediaCall.java) exchange, and one peer connection. */

export type MediaState = { audio: boolean; video: boolean; sharing: boolean; audioOnly?: boolean };
export type Signal = { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit; state?: MediaState };
/**
 * One peer connection. It is made before the other participant is there (seat empty): tracks on it, and on the
 * doctor's side the first offer made and its candidates gathered, all waiting in the outbox and handed to the
 * server as they come; connect() gives it the other window's seat, by which time the server has already sent what
 * it held, so "both joined" starts with the offer on its way; connect() sends only what the server did not have.
 */
export type Peer = {
  pc: RTCPeerConnection; seat?: string; makingOffer: boolean; ignoreOffer: boolean; audio?: RTCRtpSender; video?: RTCRtpSender;
  outbox: Signal[]; reportedConnected: boolean;
  /** Sets of outbox signals handed to the server before the seat was known, by number; the server sends one at connect. */
  prepared: Map<number, Signal[]>; preparing: boolean;
};

export interface ServerSide {
  signal(payload: string): void;
  prepared(generation: number, number: number, payload: string): void;
  connectionStateChanged(state: string): void;
  mediaStateChanged(microphoneOn: boolean, cameraOn: boolean, sharingScreen: boolean): void;
  mediaFailed(message: string): void;
  deviceSwitched(message: string): void;
}
