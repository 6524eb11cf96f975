package com.mediscan.attachment.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/** What a received file is, told from its first bytes (never from its name or the browser's claim). */
enum ReceivedFormat {
    JPEG, PNG, WEBP, HEIC, PDF, UNKNOWN;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** ISO base media "ftyp" brands of HEIF/HEIC stills and sequences, as phones write them. */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");

    static ReceivedFormat sniff(byte[] content) {
        if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return JPEG;
        }
        if (startsWith(content, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
            return WEBP;
        }
        if (startsWith(content, 4, ascii("ftyp")) && content.length >= 12
                && HEIF_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
            return HEIC;
        }
        if (startsWith(content, 0, ascii("%PDF-"))) {
            return PDF;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
