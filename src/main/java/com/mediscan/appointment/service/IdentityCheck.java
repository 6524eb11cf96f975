package com.mediscan.appointment.service;

import com.mediscan.appointment.domain.CheckIn.IdentityOutcome;

/** The answer to one date-of-birth question: confirmed, wrong (with attempts left) or locked. */
public record IdentityCheck(IdentityOutcome outcome, int attemptsLeft) {
}
