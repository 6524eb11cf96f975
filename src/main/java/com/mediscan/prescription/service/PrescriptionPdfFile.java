package com.mediscan.prescription.service;

/** A rendered prescription ready to download. */
public record PrescriptionPdfFile(String fileName, byte[] content) {
}
