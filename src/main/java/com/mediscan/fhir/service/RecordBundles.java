package com.mediscan.fhir.service;

import static com.mediscan.fhir.service.ExportBundle.dateTime;
import static com.mediscan.fhir.service.ExportBundle.instant;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.chat.service.ChatEntry;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionStatus;
import com.mediscan.prescription.service.ConsultationRecord;
import com.mediscan.prescription.service.PatientRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * MediScan's record as FHIR R4: a consultation is an Appointment and a virtual Encounter with
 * its diagnosis (Condition), one MedicationRequest per medication line of every signed version,
 * a Provenance carrying the doctor's signature of each version, and a Communication per chat
 * message; around them the Patient and the Practitioner.
 */
@Component
class RecordBundles {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String PROVENANCE_AGENT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    static final String SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";
    static final String AUTHORS_SIGNATURE = "1.2.840.10065.1.12.1.1";

    private final ClinicIdentifiers ids;
    private final Clock clock;

    RecordBundles(ClinicIdentifiers ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    Bundle consultation(ConsultationRecord record, List<ChatEntry> chat) {
        ExportBundle bundle = new ExportBundle(clock.instant());
        addConsultation(bundle, record, chat);
        return bundle.finish();
    }

    /** {@code chats} holds each consultation's messages by appointment id. */
    Bundle patient(PatientRecord record, Map<Long, List<ChatEntry>> chats) {
        ExportBundle bundle = new ExportBundle(clock.instant());
        patient(bundle, record.patient());
        for (ConsultationRecord consultation : record.consultations()) {
            addConsultation(bundle, consultation, chats.getOrDefault(consultation.appointment().getId(), List.of()));
        }
        return bundle.finish();
    }

    private void addConsultation(ExportBundle bundle, ConsultationRecord record, List<ChatEntry> chat) {
        var appointment = record.appointment();
        Reference patient = patient(bundle, appointment.getPatient());
        Reference doctor = practitioner(bundle, appointment.getDoctor());
        Reference appointmentRef = bundle.add(ids.fullUrl("Appointment", appointment.getId()),
                () -> appointment(appointment, patient, doctor));
        String conditionUrl = ids.fullUrl("Condition", appointment.getId());
        Reference encounter = bundle.add(ids.fullUrl("Encounter", appointment.getId()),
                () -> encounter(appointment, patient, doctor, appointmentRef, appointment.getDiagnosis() == null ? null : new Reference(conditionUrl)));
        Reference condition = appointment.getDiagnosis() == null ? null
                : bundle.add(conditionUrl, () -> condition(record, patient, doctor, encounter));

        List<Prescription> oldestFirst = record.prescriptions().stream()
                .sorted(Comparator.comparingInt(Prescription::getVersionNumber)).toList();
        Map<Long, List<Reference>> linesByPrescription = new HashMap<>();
        for (Prescription prescription : oldestFirst) {
            List<Reference> prior = linesByPrescription.getOrDefault(prescription.getSupersedesId(), List.of());
            boolean forDiagnosis = condition != null && Objects.equals(prescription.getDiagnosis(), appointment.getDiagnosis());
            List<Reference> lines = new ArrayList<>();
            List<MedicationLine> medications = prescription.getMedications();
            for (int index = 0; index < medications.size(); index++) {
                MedicationLine line = medications.get(index);
                Reference priorLine = index < prior.size() ? prior.get(index) : null;
                int number = index + 1;
                lines.add(bundle.add(ids.fullUrl("MedicationRequest", prescription.getId() + "-" + number),
                        () -> medicationRequest(prescription, number, line, patient, doctor, encounter, forDiagnosis ? condition : null, priorLine)));
            }
            linesByPrescription.put(prescription.getId(), lines);
            bundle.add(ids.fullUrl("Provenance", prescription.getId()),
                    () -> signature(prescription, lines, doctor));
        }
        for (ChatEntry message : chat) {
            bundle.add(ids.fullUrl("Communication", message.id()),
                    () -> communication(message, patient, doctor, encounter));
        }
    }

    private Reference patient(ExportBundle bundle, PatientProfile profile) {
        return bundle.add(ids.fullUrl("Patient", profile.getId()), () -> {
            Patient patient = new Patient();
            patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(ids.system("patient"))
                    .setValue(String.valueOf(profile.getId()));
            patient.setActive(profile.getAccount().isActive());
            patient.addName().setText(profile.getDisplayName());
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(profile.getAccount().getEmail());
            if (profile.getPhone() != null) {
                patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(profile.getPhone());
            }
            patient.setBirthDateElement(new DateType(profile.getDateOfBirth().toString()));
            return patient;
        });
    }

    private Reference practitioner(ExportBundle bundle, DoctorProfile profile) {
        return bundle.add(ids.fullUrl("Practitioner", profile.getId()), () -> {
            Practitioner practitioner = new Practitioner();
            practitioner.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                    .setType(new CodeableConcept(new Coding(IDENTIFIER_TYPE, "MD", "Medical License number")))
                    .setSystem(ids.system("doctor-registration")).setValue(profile.getRegistrationNumber());
            practitioner.setActive(profile.getAccount().isActive());
            practitioner.addName().setText(profile.getDisplayName()).addPrefix("Dr.");
            practitioner.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(profile.getAccount().getEmail());
            return practitioner;
        });
    }

    private Appointment appointment(com.mediscan.appointment.domain.Appointment booked, Reference patient, Reference doctor) {
        Appointment appointment = new Appointment();
        appointment.addIdentifier().setSystem(ids.system("appointment")).setValue(String.valueOf(booked.getId()));
        appointment.setStatus(FhirStatuses.appointment(booked.getStatus()));
        appointment.addSpecialty().setText(booked.getDoctor().getSpecialty());
        if (booked.getReason() != null) {
            appointment.addReasonCode().setText(booked.getReason());
        }
        appointment.setStartElement(instant(booked.getStartsAt()));
        appointment.setEndElement(instant(booked.getEndsAt()));
        appointment.setMinutesDuration(Math.toIntExact(booked.getDuration().toMinutes()));
        appointment.addParticipant().setActor(patient).setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(doctor).setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    private Encounter encounter(com.mediscan.appointment.domain.Appointment booked, Reference patient, Reference doctor,
                                Reference appointment, Reference condition) {
        Encounter encounter = new Encounter();
        encounter.addIdentifier().setSystem(ids.system("consultation")).setValue(String.valueOf(booked.getId()));
        encounter.setStatus(FhirStatuses.encounter(booked.getStatus()));
        encounter.setClass_(new Coding(ACT_CODE, "VR", "virtual"));
        encounter.setSubject(patient);
        encounter.addParticipant().addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "PPRF", "primary performer")))
                .setIndividual(doctor);
        encounter.addAppointment(appointment);
        if (booked.getCallStartedAt() != null) {
            Period period = new Period().setStartElement(dateTime(booked.getCallStartedAt()));
            if (booked.getCallEndedAt() != null) {
                period.setEndElement(dateTime(booked.getCallEndedAt()));
            }
            encounter.setPeriod(period);
        }
        if (booked.getReason() != null) {
            encounter.addReasonCode().setText(booked.getReason());
        }
        if (condition != null) {
            encounter.addDiagnosis().setCondition(condition).setRank(1);
        }
        return encounter;
    }

    private Condition condition(ConsultationRecord record, Reference patient, Reference doctor, Reference encounter) {
        Condition condition = new Condition();
        condition.addIdentifier().setSystem(ids.system("diagnosis")).setValue(String.valueOf(record.appointment().getId()));
        condition.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "confirmed", "Confirmed")));
        condition.addCategory(new CodeableConcept(new Coding(CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")));
        condition.setCode(new CodeableConcept().setText(record.appointment().getDiagnosis()));
        condition.setSubject(patient);
        condition.setEncounter(encounter);
        condition.setRecorder(doctor);
        record.currentPrescription().ifPresent(current -> condition.setRecordedDateElement(dateTime(current.getSignedAt())));
        return condition;
    }

    private MedicationRequest medicationRequest(Prescription prescription, int number, MedicationLine line, Reference patient,
                                                Reference doctor, Reference encounter, Reference condition, Reference prior) {
        MedicationRequest request = new MedicationRequest();
        request.addIdentifier().setSystem(ids.system("prescription-line")).setValue(prescription.getId() + "-" + number);
        request.setGroupIdentifier(new Identifier().setSystem(ids.system("prescription")).setValue(String.valueOf(prescription.getId())));
        if (prescription.getStatus() == PrescriptionStatus.SUPERSEDED) {
            request.setStatus(MedicationRequest.MedicationRequestStatus.CANCELLED);
            request.setStatusReason(new CodeableConcept().setText(
                    "Corrected: replaced by version " + (prescription.getVersionNumber() + 1) + " of the prescription"));
        } else {
            request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        }
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept().setText(line.medicine()));
        request.setSubject(patient);
        request.setEncounter(encounter);
        request.setAuthoredOnElement(dateTime(prescription.getSignedAt()));
        request.setRequester(doctor);
        if (condition != null) {
            request.addReasonReference(condition);
        } else if (prescription.getDiagnosis() != null) {
            request.addReasonCode().setText(prescription.getDiagnosis());
        }
        request.addDosageInstruction(Dosages.of(line));
        Quantity quantity = Dosages.amount(line.quantity());
        var supply = Dosages.period(line.duration());
        if (quantity != null || supply != null) {
            request.getDispenseRequest().setQuantity(quantity).setExpectedSupplyDuration(supply);
        }
        if (prescription.getNotes() != null) {
            request.addNote().setText(prescription.getNotes());
        }
        if (prior != null) {
            request.setPriorPrescription(prior);
        }
        return request;
    }

    private Provenance signature(Prescription prescription, List<Reference> lines, Reference doctor) {
        Provenance provenance = new Provenance();
        lines.forEach(provenance::addTarget);
        provenance.setRecordedElement(instant(prescription.getSignedAt()));
        provenance.addAgent().setType(new CodeableConcept(new Coding(PROVENANCE_AGENT_TYPE, "author", "Author"))).setWho(doctor);
        provenance.addSignature().addType(new Coding(SIGNATURE_TYPE, AUTHORS_SIGNATURE, "Author's Signature"))
                .setWhenElement(instant(prescription.getSignedAt())).setWho(doctor);
        return provenance;
    }

    private Communication communication(ChatEntry message, Reference patient, Reference doctor, Reference encounter) {
        Communication communication = new Communication();
        communication.addIdentifier().setSystem(ids.system("chat-message")).setValue(String.valueOf(message.id()));
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.setSubject(patient);
        communication.setEncounter(encounter);
        communication.setSentElement(dateTime(message.sentAt()));
        communication.setSender(message.sentByDoctor() ? doctor : patient);
        communication.addRecipient(message.sentByDoctor() ? patient : doctor);
        communication.addPayload().setContent(new StringType(message.text()));
        return communication;
    }
}
