package com.mediscan.appointment.service;

import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.ConsentAgreement;
import com.mediscan.appointment.domain.ConsentAgreementRepository;
import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.appointment.domain.ConsentVersionRepository;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.audit.service.ClientAddress;
import com.mediscan.audit.service.RoleGuard;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's telehealth consent: administrators publish its text, each edit as a new version;
 * a patient agrees to the version in force before their first video consultation and again after
 * it changes. Agreements record who, when, from which address and to which version, and are
 * never changed.
 */
@Service
@Transactional
public class TelehealthConsentService {

    public static final String NO_CONSENT_TEXT = "The clinic has not published its telehealth consent yet, so video "
            + "consultations cannot start. Please call the clinic.";
    static final String TEXT_CHANGED = "The consent text was changed a moment ago. Read the new version, then agree to it.";

    private final ConsentVersionRepository versions;
    private final ConsentAgreementRepository agreements;
    private final PatientProfileRepository patients;
    private final RoleGuard roles;
    private final AuditService audit;
    private final ClientAddress clientAddress;
    private final Clock clock;

    public TelehealthConsentService(ConsentVersionRepository versions, ConsentAgreementRepository agreements,
                                    PatientProfileRepository patients, RoleGuard roles,
                                    AuditService audit, ClientAddress clientAddress, Clock clock) {
        this.versions = versions;
        this.agreements = agreements;
        this.patients = patients;
        this.roles = roles;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    /** The version in force, for anyone signed in; empty until an administrator publishes one. */
    @Transactional(readOnly = true)
    public Optional<ConsentVersion> current() {
        roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "the telehealth consent", Role.values());
        return versions.findFirstByOrderByVersionNumberDesc();
    }

    /** An administrator's edit: the text becomes the next version, and every patient is asked again. */
    public ConsentVersion publish(String body) {
        SignedInUser admin = roles.require(AuditAction.CONSENT_CHANGED, AuditService.Subject.none(),
                "publish the telehealth consent", Role.ADMIN);
        String text = validated(body);
        int next = versions.findFirstByOrderByVersionNumberDesc().map(ConsentVersion::getVersionNumber).orElse(0) + 1;
        ConsentVersion published;
        try {
            published = versions.saveAndFlush(new ConsentVersion(next, text, now(), admin.accountId()));
        } catch (DataIntegrityViolationException raced) {
            throw new BusinessRuleException("Another administrator published a version a moment ago. Reload to see it, then edit again.");
        }
        audit.record(AuditAction.CONSENT_CHANGED, AuditOutcome.ALLOWED,
                new AuditService.Subject("consent_version", published.getId(), null), "published version " + next);
        return published;
    }

    /** Every version, newest first, for administrators. */
    @Transactional(readOnly = true)
    public List<ConsentVersion> versions() {
        roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "consent versions", Role.ADMIN);
        return versions.findAllByOrderByVersionNumberDesc();
    }

    /** The version the signed-in patient still has to agree to, if any. */
    @Transactional(readOnly = true)
    public Optional<ConsentVersion> awaitingAgreement() {
        SignedInUser patient = roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "a patient's consent", Role.PATIENT);
        return versions.findFirstByOrderByVersionNumberDesc()
                .filter(version -> agreements.findByPatientAccountIdAndConsentVersionId(patient.accountId(), version.getId()).isEmpty());
    }

    /**
     * The signed-in patient's "I agree" to the version they were shown. Agreeing again to the same
     * version returns the first agreement; a version no longer in force is refused.
     */
    public ConsentAgreement agree(long consentVersionId) {
        SignedInUser patient = roles.require(AuditAction.CONSENT_AGREED, AuditService.Subject.none(), "agree to telehealth consent", Role.PATIENT);
        AuditService.Subject subject = new AuditService.Subject("consent_version", consentVersionId, patient.accountId());
        ConsentVersion inForce = versions.findFirstByOrderByVersionNumberDesc().orElseThrow(() -> refused(subject, NO_CONSENT_TEXT));
        if (inForce.getId() != consentVersionId) {
            throw refused(subject, TEXT_CHANGED);
        }
        Optional<ConsentAgreement> earlier = agreements.findByPatientAccountIdAndConsentVersionId(patient.accountId(), consentVersionId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ConsentAgreement agreement = agreements.saveAndFlush(new ConsentAgreement(patient.accountId(), inForce, now(), clientAddress.current()));
        audit.record(AuditAction.CONSENT_AGREED, AuditOutcome.ALLOWED,
                new AuditService.Subject("consent_agreement", agreement.getId(), patient.accountId()),
                "agreed to version " + inForce.getVersionNumber());
        return agreement;
    }

    /** Each patient with their latest agreement, ordered by name, for administrators. */
    @Transactional(readOnly = true)
    public List<PatientConsent> patientsConsent(String search, Pageable pageable) {
        roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "patients' consent", Role.ADMIN);
        List<PatientProfile> page = patients.search(lowerCase(search), pageable);
        Map<Long, ConsentAgreement> latest = agreements.findLatestOf(page.stream().map(p -> p.getAccount().getId()).toList())
                .stream().collect(Collectors.toMap(ConsentAgreement::getPatientAccountId, Function.identity(), (a, b) -> a));
        Long inForce = versions.findFirstByOrderByVersionNumberDesc().map(ConsentVersion::getId).orElse(null);
        audit.record(AuditAction.VIEW_OPENED, AuditOutcome.ALLOWED, AuditService.Subject.none(),
                "patients' consent, " + page.size() + " patients");
        return page.stream().map(profile -> {
            ConsentAgreement agreement = latest.get(profile.getAccount().getId());
            return new PatientConsent(profile.getAccount().getId(), profile.getDisplayName(), profile.getAccount().getEmail(),
                    agreement == null ? null : agreement.getConsentVersion().getVersionNumber(),
                    agreement == null ? null : agreement.getAgreedAt(),
                    agreement == null ? null : agreement.getRemoteAddress(),
                    agreement != null && agreement.getConsentVersion().getId().equals(inForce));
        }).toList();
    }

    @Transactional(readOnly = true)
    public long countPatients(String search) {
        roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "count patients' consent", Role.ADMIN);
        return patients.countSearch(lowerCase(search));
    }

    /** The patient's agreement to the version in force, if they gave it; no role check (callers have made theirs). */
    public Optional<ConsentAgreement> agreementInForce(long patientAccountId) {
        return versions.findFirstByOrderByVersionNumberDesc()
                .flatMap(version -> agreements.findByPatientAccountIdAndConsentVersionId(patientAccountId, version.getId()));
    }

    private BusinessRuleException refused(AuditService.Subject subject, String message) {
        audit.record(AuditAction.CONSENT_AGREED, AuditOutcome.DENIED, subject, message);
        return new BusinessRuleException(message);
    }

    private static String validated(String body) {
        if (body == null || body.isBlank()) {
            throw new BusinessRuleException("Write the consent text before publishing it.");
        }
        String text = body.strip();
        if (text.length() > ConsentVersion.BODY_MAX) {
            throw new BusinessRuleException("The consent text can have at most " + ConsentVersion.BODY_MAX
                    + " characters; this one has " + text.length() + ".");
        }
        return text;
    }

    private static String lowerCase(String search) {
        return search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private Instant now() {
        // Both databases keep microseconds: what is shown is what a reload shows.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
