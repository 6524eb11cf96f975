package com.mediscan.prescription.service;

/** A rendered PDF (a prescription, a visit summary) ready to download. */
public record PdfFile(String fileName, byte[] content) {
}
