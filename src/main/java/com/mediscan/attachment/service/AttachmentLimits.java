package com.mediscan.attachment.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits per person and consultation: the size of one file, how many files within a window, and
 * how much one person may send in one consultation altogether.
 */
@ConfigurationProperties("mediscan.attachment")
public record AttachmentLimits(DataSize maxFileSize, int rateFiles, Duration rateWindow, DataSize perPersonTotal) {
}
