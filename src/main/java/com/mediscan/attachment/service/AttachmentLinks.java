package com.mediscan.attachment.service;

/**
 * Where a participant's browser fetches an attachment. The addresses carry only the id: every
 * request is checked against the signed-in person, so a copied or guessed address gives nobody else anything.
 */
public final class AttachmentLinks {

    public static final String BASE = "/attachments/";

    private AttachmentLinks() {
    }

    /** The file itself, shown inline (images, PDF in the browser's viewer). */
    public static String view(long attachmentId) {
        return "attachments/" + attachmentId;
    }

    /** The file as a download, under its stored name. */
    public static String download(long attachmentId) {
        return "attachments/" + attachmentId + "?download";
    }

    /** A small JPEG preview of an image. */
    public static String thumbnail(long attachmentId) {
        return "attachments/" + attachmentId + "/thumbnail";
    }
}
