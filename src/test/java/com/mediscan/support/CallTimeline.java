package com.mediscan.support;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records in every page of a browser context when its call reaches each step: "Join now" pressed,
 * camera open, peer connection created, offer and answer (sent to the server, arrived from it,
 * set), ICE candidates, ICE and DTLS connected, and the first remote video frame received and
 * painted; also when Vaadin's push socket opens, each push
 * message arrives, and the page's main thread is busy for 50 ms or more at once ("long task").
 * Times are milliseconds since the epoch
 * ({@code performance.timeOrigin + performance.now()}), so the marks of two browser contexts and
 * the server's clock can be compared. It hooks the page's RTCPeerConnection, WebSocket and
 * getUserMedia and the element's public {@code connect} and {@code receiveSignal}, so it measures
 * the call as it runs, not a copy of it.
 */
public final class CallTimeline {

    public static final String PEER_CONNECTION_CREATED = "peer connection created";
    public static final String FIRST_FRAME_PAINTED = "first remote frame painted";
    public static final String JOIN_NOW_PRESSED = "Join now pressed";

    private static final String SCRIPT = """
            (() => {
              const timeline = window.callTimeline = { marks: [], painted: 0 };
              const now = () => performance.timeOrigin + performance.now();
              const mark = (name, at = now()) => timeline.marks.push({ name, at });

              const what = signal => signal.description ? signal.description.type : signal.candidate ? 'candidate' : 'state';
              const each = payload => { const parsed = JSON.parse(payload); return Array.isArray(parsed) ? parsed : [parsed]; };
              document.addEventListener('click', event => {
                if (event.composedPath().some(node => node.localName === 'vaadin-button' && node.textContent.trim() === 'Join now')) {
                  mark('Join now pressed');
                }
              }, true);

              const media = navigator.mediaDevices;
              if (media?.getUserMedia) {
                const open = media.getUserMedia.bind(media);
                media.getUserMedia = async constraints => {
                  mark('camera and microphone requested');
                  const stream = await open(constraints);
                  mark('camera and microphone open');
                  return stream;
                };
              }

              new PerformanceObserver(list => list.getEntries().forEach(task => {
                mark('long task started', performance.timeOrigin + task.startTime);
                mark('long task ended', performance.timeOrigin + task.startTime + task.duration);
              })).observe({ type: 'longtask', buffered: true });
              // What a long frame spent its time on: the longest script (by what invoked it, and its file) and style and layout.
              new PerformanceObserver(list => list.getEntries().forEach(frame => {
                const longest = [...frame.scripts].sort((a, b) => b.duration - a.duration)[0];
                const layout = frame.styleAndLayoutStart ? frame.startTime + frame.duration - frame.styleAndLayoutStart : 0;
                const source = longest?.sourceURL ? ` in ${longest.sourceURL.split('/').pop().split('?')[0]}` : '';
                const script = longest ? `${longest.invoker || longest.invokerType}${source} ${Math.round(longest.duration)} ms` : 'no script';
                mark(`long frame: ${script}, style and layout ${Math.round(layout)} ms, of ${Math.round(frame.duration)} ms`,
                  performance.timeOrigin + frame.startTime);
              })).observe({ type: 'long-animation-frame', buffered: true });

              const NativeWebSocket = window.WebSocket;
              window.WebSocket = class extends NativeWebSocket {
                constructor(...args) {
                  super(...args);
                  mark('push socket opening');
                  this.addEventListener('open', () => mark('push socket open'));
                  this.addEventListener('message', () => mark('push message'));
                }
              };

              const NativePeerConnection = window.RTCPeerConnection;
              window.RTCPeerConnection = class extends NativePeerConnection {
                constructor(...args) {
                  super(...args);
                  mark('peer connection created');
                  this.addEventListener('negotiationneeded', () => mark('negotiation needed'));
                  this.addEventListener('icecandidate', ({ candidate }) =>
                    mark(candidate ? `local ${candidate.type} candidate` : 'local candidates complete'));
                  this.addEventListener('iceconnectionstatechange', () => mark(`ICE ${this.iceConnectionState}`));
                  this.addEventListener('connectionstatechange', () => mark(`connection ${this.connectionState}`));
                  this.addEventListener('track', ({ track }) => mark(`remote ${track.kind} track`));
                }
                async setLocalDescription(...args) {
                  await super.setLocalDescription(...args);
                  mark(`local ${this.localDescription.type} set`);
                }
                async setRemoteDescription(description) {
                  await super.setRemoteDescription(description);
                  mark(`remote ${description.type} set`);
                }
              };

              customElements.whenDefined('mediscan-call').then(() => {
                const call = customElements.get('mediscan-call').prototype;
                const receiveSignal = call.receiveSignal;
                call.receiveSignal = function (payload) {
                  each(payload).forEach(signal => mark(`${what(signal) === 'candidate' ? 'remote candidate' : what(signal)} arrived`));
                  return receiveSignal.call(this, payload);
                };
                const connect = call.connect;
                call.connect = function (...args) {
                  const server = this.$server;
                  if (server && !server.timed) {
                    server.timed = true;
                    const signal = server.signal;
                    server.signal = function (payload) {
                      each(payload).forEach(one => mark(`${what(one)} sent`));
                      return signal.call(this, payload);
                    };
                  }
                  const result = connect.apply(this, args);
                  const video = this.shadowRoot?.querySelector('video[data-role="remote"]');
                  if (video && !video.timed) {
                    video.timed = true;
                    const painted = (at, frame) => {
                      if (timeline.painted++ === 0) {
                        if (frame.receiveTime) mark('first remote frame received', performance.timeOrigin + frame.receiveTime);
                        mark('first remote frame painted', performance.timeOrigin + at);
                      }
                      video.requestVideoFrameCallback(painted);
                    };
                    video.requestVideoFrameCallback(painted);
                  }
                  return result;
                };
              });
            })();
            """;

    /** One step of the call in one page, at epoch milliseconds. */
    public record Mark(String name, double at) {
    }

    private CallTimeline() {
    }

    /** Records the timeline in every page the context of {@code page} loads from now on. */
    public static Page recorded(Page page) {
        page.context().addInitScript(SCRIPT);
        return page;
    }

    @SuppressWarnings("unchecked")
    public static List<Mark> marks(Page page) {
        List<Map<String, Object>> marks = (List<Map<String, Object>>) page.evaluate("() => window.callTimeline.marks");
        return marks.stream().map(mark -> new Mark((String) mark.get("name"), ((Number) mark.get("at")).doubleValue())).toList();
    }

    /** When the step first happened in the page. */
    public static Optional<Double> first(List<Mark> marks, String name) {
        return marks.stream().filter(mark -> mark.name().equals(name)).map(Mark::at).findFirst();
    }

    /** Remote video frames painted so far. */
    public static int framesPainted(Page page) {
        return ((Number) page.evaluate("() => window.callTimeline.painted")).intValue();
    }

    public static void awaitFramesPainted(Page page, int moreThan) {
        page.waitForFunction("count => window.callTimeline.painted > count", moreThan);
    }
}
