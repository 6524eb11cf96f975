package com.mediscan.appointment.ui;

import com.vaadin.flow.component.UI;

/**
 * Two short tones in the doctor's browser when a patient arrives in the queue (Web Audio, so nothing
 * to download). {@code window.mediscanChimes} counts them, for people and tests checking it rang.
 */
final class Chime {

    private static final String PLAY = """
            window.mediscanChimes = (window.mediscanChimes || 0) + 1;
            try {
              const audio = new AudioContext();
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
              });
              setTimeout(() => audio.close(), 1000);
            } catch (e) {
              // No audio output: the list still shows who arrived.
            }
            """;

    private Chime() {
    }

    static void play(UI ui) {
        ui.getPage().executeJs(PLAY);
    }
}
