package com.mediscan.attachment.service;

/** Bytes to send to a participant's browser, with the name and type they are served under. */
public record AttachmentFile(String fileName, String mediaType, byte[] content) {
}
