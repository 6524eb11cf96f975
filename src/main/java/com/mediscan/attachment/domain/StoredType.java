package com.mediscan.attachment.domain;

/**
 * What the server keeps. Every image is re-encoded to JPEG or PNG before it is stored (a WebP
 * without transparency becomes a JPEG, one with it a PNG), so these are the only types ever served.
 */
public enum StoredType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    StoredType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }

    public static StoredType ofMediaType(String mediaType) {
        for (StoredType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a stored attachment type: " + mediaType);
    }
}
