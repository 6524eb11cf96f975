package com.mediscan.attachment.service;

import com.mediscan.attachment.domain.StoredType;

/** A received file made ready to store: checked, images re-encoded, with a preview for images. */
record PreparedFile(String fileName, StoredType type, byte[] content, byte[] thumbnail, Integer width, Integer height) {
}
