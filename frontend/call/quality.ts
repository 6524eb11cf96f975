/** The connection quality indicator: good, fair or poor from round-trip time, packet loss and bitrate. */

export type Quality = { level: 'good' | 'fair' | 'poor'; detail: string };
export type Counters = { at: number; lost: number; received: number; bytes: number };
export type Sample = { incoming: Counters; outgoing: Counters; roundTrip?: number };

export const QUALITY_SAMPLE_MS = 2000;

/** Packets, losses and bytes both ways so far, and the current round trip, from the connection's stats. */
export async function sample(pc: RTCPeerConnection): Promise<Sample> {
  const stats = await pc.getStats();
  const at = performance.now();
  const incoming: Counters = { at, lost: 0, received: 0, bytes: 0 };
  const outgoing: Counters = { at, lost: 0, received: 0, bytes: 0 };
  let roundTrip: number | undefined;
  stats.forEach(report => {
    if (report.type === 'transport' && report.selectedCandidatePairId) {
      roundTrip = stats.get(report.selectedCandidatePairId)?.currentRoundTripTime;
    } else if (report.type === 'inbound-rtp') {
      incoming.lost += report.packetsLost ?? 0;
      incoming.received += report.packetsReceived ?? 0;
      incoming.bytes += report.bytesReceived ?? 0;
    } else if (report.type === 'outbound-rtp') {
      outgoing.received += report.packetsSent ?? 0;
      outgoing.bytes += report.bytesSent ?? 0;
    } else if (report.type === 'remote-inbound-rtp') {
      outgoing.lost += report.packetsLost ?? 0;
    }
  });
  return { incoming, outgoing, roundTrip };
}

/** The quality between two samples of one direction. */
export function quality(roundTrip: number | undefined, before: Counters, now: Counters, video: boolean, direction: string): Quality {
  const lost = Math.max(0, now.lost - before.lost);
  const packets = Math.max(0, now.received - before.received);
  const loss = lost + packets > 0 ? lost / (lost + packets) : 0;
  const kbps = (now.bytes - before.bytes) * 8 / Math.max(1, now.at - before.at);
  const rtt = roundTrip ?? 0;
  const level = rtt > 0.4 || loss > 0.08 || (video && kbps < 60) ? 'poor'
    : rtt > 0.2 || loss > 0.03 || (video && kbps < 250) ? 'fair' : 'good';
  const detail = `Round trip ${roundTrip === undefined ? 'unknown' : Math.round(rtt * 1000) + ' ms'} · `
    + `packet loss ${(loss * 100).toFixed(1)}% · ${Math.round(kbps)} kbit/s ${direction}`;
  return { level, detail };
}
