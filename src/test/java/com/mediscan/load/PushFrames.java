package com.mediscan.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Atmosphere's message framing with {@code X-Atmosphere-TrackMessageSize=true}: every message is
 * {@code <length>|<body>}, the length counting UTF-16 characters. Frames may split or join
 * messages, so the text is buffered and cut by the prefix, never by frame.
 */
final class PushFrames {

    private final StringBuilder buffer = new StringBuilder();

    /** Adds received text; returns the messages it completed, in order. */
    List<String> add(CharSequence text) {
        buffer.append(text);
        List<String> messages = new ArrayList<>();
        while (true) {
            int bar = buffer.indexOf("|");
            if (bar < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(buffer, 0, bar, 10);
            } catch (NumberFormatException notALength) {
                throw new IllegalStateException("Push stream out of step: " + abbreviated(buffer));
            }
            if (buffer.length() < bar + 1 + length) {
                break;
            }
            messages.add(buffer.substring(bar + 1, bar + 1 + length));
            buffer.delete(0, bar + 1 + length);
        }
        return messages;
    }

    static String abbreviated(CharSequence text) {
        return text.length() <= 300 ? text.toString() : text.subSequence(0, 300) + "…";
    }
}
