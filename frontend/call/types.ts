/** What the element and its server side (consultation/ui/MediaCall.java) exchange, and one peer connection. */

export type MediaState = { audio: boolean; video: boolean; sharing: boolean; audioOnly?: boolean };
export type Signal = { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit; state?: MediaState };
/**
 * One peer connection. It is made before the other participant is there (seat empty): tracks on it, and on the
 * doctor's side the first offer made and its candidates gathered, all waiting in the outbox; connect() gives it
 * the other window's seat and sends what waited, so "both joined" starts with the offer on its way.
 */
export type Peer = {
  pc: RTCPeerConnection; seat?: string; makingOffer: boolean; ignoreOffer: boolean; audio?: RTCRtpSender; video?: RTCRtpSender;
  outbox: Signal[]; reportedConnected: boolean;
};

export interface ServerSide {
  signal(payload: string): void;
  connectionStateChanged(state: string): void;
  mediaStateChanged(microphoneOn: boolean, cameraOn: boolean, sharingScreen: boolean): void;
  mediaFailed(message: string): void;
  deviceSwitched(message: string): void;
}
