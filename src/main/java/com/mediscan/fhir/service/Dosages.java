package com.mediscan.fhir.service;

import com.mediscan.prescription.domain.MedicationLine;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;

/**
 * A medication line as FHIR dosage: the doctor's words always as text, and beside them the
 * structured route, timing, dose and quantity wherever the words are ones MediScan's form offers
 * (or plainly "number unit"). Words it does not know stay text only, never guessed.
 */
final class Dosages {

    static final String UCUM = "http://unitsofmeasure.org";
    static final String SNOMED = "http://snomed.info/sct";

    private record Route(String code, String display) {
    }

    private record Schedule(int frequency, int period, Timing.UnitsOfTime unit, Timing.EventTiming when) {
    }

    /** The form's routes with their SNOMED CT route codes and preferred terms. */
    private static final Map<String, Route> ROUTES = Map.of(
            "oral", new Route("26643006", "Oral route"),
            "sublingual", new Route("37839007", "Sublingual route"),
            "topical", new Route("6064005", "Topical route"),
            "subcutaneous", new Route("34206005", "Subcutaneous route"),
            "intramuscular", new Route("78421000", "Intramuscular route"),
            "intravenous", new Route("47625008", "Intravenous route"),
            "nasal", new Route("46713006", "Nasal route"),
            "transdermal", new Route("45890007", "Transdermal route"));

    private static final Map<String, Schedule> SCHEDULES = Map.of(
            "once daily", new Schedule(1, 1, Timing.UnitsOfTime.D, null),
            "twice daily", new Schedule(2, 1, Timing.UnitsOfTime.D, null),
            "three times daily", new Schedule(3, 1, Timing.UnitsOfTime.D, null),
            "four times daily", new Schedule(4, 1, Timing.UnitsOfTime.D, null),
            "every 8 hours", new Schedule(1, 8, Timing.UnitsOfTime.H, null),
            "every 12 hours", new Schedule(1, 12, Timing.UnitsOfTime.H, null),
            "in the morning", new Schedule(1, 1, Timing.UnitsOfTime.D, Timing.EventTiming.MORN),
            "at bedtime", new Schedule(1, 1, Timing.UnitsOfTime.D, Timing.EventTiming.HS),
            "once weekly", new Schedule(1, 1, Timing.UnitsOfTime.WK, null));

    /** UCUM codes of the units doctors write after a dose. */
    private static final Map<String, String> DOSE_UNITS = Map.of(
            "mg", "mg", "g", "g", "mcg", "ug", "µg", "ug", "ml", "mL", "mL", "mL");

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(\\S.*)");
    private static final Pattern PERIOD = Pattern.compile("(\\d+)\\s*(hour|day|week|month)s?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> PERIOD_UNITS = Map.of("hour", "h", "day", "d", "week", "wk", "month", "mo");

    private Dosages() {
    }

    static Dosage of(MedicationLine line) {
        Dosage dosage = new Dosage().setSequence(1).setText(line.instructions());
        if (line.directions() != null) {
            dosage.setPatientInstruction(line.directions());
        }
        if (line.route() != null) {
            CodeableConcept route = new CodeableConcept().setText(line.route());
            Route known = ROUTES.get(line.route().toLowerCase(Locale.ROOT));
            if (known != null) {
                route.addCoding(new Coding(SNOMED, known.code(), known.display()));
            }
            dosage.setRoute(route);
        }
        if (line.frequency() != null || line.duration() != null) {
            dosage.setTiming(timing(line));
        }
        if ("as needed".equalsIgnoreCase(line.frequency())) {
            dosage.setAsNeeded(new BooleanType(true));
        }
        Quantity dose = amount(line.dose());
        if (dose != null) {
            String ucum = DOSE_UNITS.get(dose.getUnit());
            if (ucum != null) {
                dose.setSystem(UCUM).setCode(ucum);
            }
            dosage.addDoseAndRate().setDose(dose);
        }
        return dosage;
    }

    /** "30 tablets" as 30 "tablets"; null for words without a leading number. */
    static Quantity amount(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = AMOUNT.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        return new Quantity().setValue(new BigDecimal(matcher.group(1).replace(',', '.'))).setUnit(matcher.group(2).strip());
    }

    /** "30 days" as a UCUM duration; null for anything else. */
    static Duration period(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PERIOD.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        Duration duration = new Duration();
        duration.setValue(new BigDecimal(matcher.group(1))).setUnit(text.strip().substring(matcher.end(1)).strip())
                .setSystem(UCUM).setCode(PERIOD_UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT)));
        return duration;
    }

    private static Timing timing(MedicationLine line) {
        Timing timing = new Timing();
        if (line.frequency() != null) {
            timing.setCode(new CodeableConcept().setText(line.frequency()));
        }
        Schedule schedule = line.frequency() == null ? null : SCHEDULES.get(line.frequency().toLowerCase(Locale.ROOT));
        Duration bounds = period(line.duration());
        if (schedule != null || bounds != null) {
            Timing.TimingRepeatComponent repeat = timing.getRepeat();
            if (schedule != null) {
                repeat.setFrequency(schedule.frequency()).setPeriod(schedule.period()).setPeriodUnit(schedule.unit());
                if (schedule.when() != null) {
                    repeat.addWhen(schedule.when());
                }
            }
            if (bounds != null) {
                repeat.setBounds(bounds);
            }
        }
        return timing;
    }
}
