package com.mediscan.attachment.service;

/** A photo or file in the consultation's record with its stored bytes, for documents made of the record. */
public record RecordFile(AttachmentEntry entry, byte[] content) {
}
