package com.mediscan.chat.service;

import java.util.List;

/** A consultation's chat so far, and whether its participants may still add to it. */
public record ChatHistory(List<ChatEntry> messages, boolean openForSending) {
}
