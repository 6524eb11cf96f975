package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.CheckIn;
import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.appointment.service.CheckInDetails;
import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.CheckInStatus;
import com.mediscan.appointment.service.IdentityCheck;
import com.mediscan.appointment.service.Places.Country;
import com.mediscan.appointment.service.Places.Region;
import com.mediscan.appointment.service.Places;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.InvalidFieldException;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The patient's check-in before the check before joining: first the telehealth consent in force
 * ({@code I agree}) when they have not agreed to it, then one form with {@code Date of birth}
 * (until confirmed), {@code Where are you now?} (country and region from lists, free text for the
 * rest), the reason for the visit to update and a call-back number, sent with {@code Check in}. A
 * wrong date of birth keeps everything typed; the third locks the check-in. Calls {@code onReady}
 * once nothing is left to do.
 */
@StyleSheet("assets/appointment/check-in.css")
public class CheckInSteps extends Div {

    static final String I_AGREE = "I agree";
    static final String DATE_OF_BIRTH = "Date of birth";
    static final String WHERE_ARE_YOU = "Where are you now?";
    static final String CHECK_IN = "Check in";

    private final Appointment appointment;
    private final CheckInService checkIns;
    private final TelehealthConsentService consent;
    private final Places places;
    private final Runnable onReady;

    final H2 title = new H2();
    final Paragraph problem = new Paragraph();
    final Div consentStep = new Div();
    final Div consentText = new Div();
    final Button agree = new Button(I_AGREE);
    final Div detailsStep = new Div();
    final DatePicker dateOfBirth = new DatePicker(DATE_OF_BIRTH);
    final Div place = new Div();
    final ComboBox<Country> country = new ComboBox<>("Country");
    final ComboBox<Region> region = new ComboBox<>("State or region");
    final TextField placeDetail = new TextField("Town, address or other details");
    final TextArea reason = new TextArea("Reason for the visit");
    final TextField callbackPhone = new TextField("Phone number to call you back");
    final Button checkIn = new Button(CHECK_IN);
    private ConsentVersion shownVersion;

    CheckInSteps(Appointment appointment, CheckInService checkIns, TelehealthConsentService consent, Places places, Runnable onReady) {
        this.appointment = appointment;
        this.checkIns = checkIns;
        this.consent = consent;
        this.places = places;
        this.onReady = onReady;
        addClassName("check-in-steps");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Check-in");
        problem.addClassName("check-in-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        buildConsentStep();
        buildDetailsStep();
        add(title, problem, consentStep, detailsStep);
        show(checkIns.status(appointment.getId()));
    }

    private void buildConsentStep() {
        consentText.addClassName("consent-text");
        agree.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        agree.addClickListener(click -> agreeToShownVersion());
        consentStep.add(consentText, agree);
    }

    private void buildDetailsStep() {
        dateOfBirth.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        dateOfBirth.setPlaceholder("YYYY-MM-DD");
        dateOfBirth.setHelperText("As on your clinic record, for example 1991-04-12.");
        dateOfBirth.setRequiredIndicatorVisible(true);

        country.setItems(places.countries());
        country.setItemLabelGenerator(Country::name);
        country.setRequiredIndicatorVisible(true);
        country.addValueChangeListener(change -> showRegionsOf(change.getValue()));
        region.setItemLabelGenerator(Region::name);
        region.setRequiredIndicatorVisible(true);
        region.setVisible(false);
        placeDetail.setMaxLength(CheckIn.LOCATION_DETAIL_MAX);
        placeDetail.setHelperText("Optional");
        H3 placeTitle = new H3(WHERE_ARE_YOU);
        placeTitle.setId("check-in-place-title");
        place.addClassName("check-in-place");
        place.getElement().setAttribute("role", "group");
        place.getElement().setAttribute("aria-label", WHERE_ARE_YOU);
        place.add(placeTitle, new Paragraph("Your doctor may treat you only where they are allowed to practise."),
                country, region, placeDetail);

        reason.setMaxLength(Appointment.REASON_MAX);
        reason.setValue(Objects.requireNonNullElse(appointment.getReason(), ""));
        reason.setHelperText("Change it if something is new since you booked.");
        callbackPhone.setMaxLength(CheckIn.PHONE_MAX);
        callbackPhone.setValue(Objects.requireNonNullElse(appointment.getPatient().getPhone(), ""));
        callbackPhone.setHelperText("Optional: where your doctor calls you if the video call drops.");

        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkIn.addClickListener(click -> submit());
        detailsStep.addClassName("check-in-details");
        detailsStep.add(dateOfBirth, place, reason, callbackPhone, checkIn);
    }

    private void show(CheckInStatus status) {
        consentStep.setVisible(false);
        detailsStep.setVisible(false);
        if (status.locked()) {
            title.setText("Check-in locked");
            showProblem(CheckInService.LOCKED);
            return;
        }
        if (!status.consentAvailable()) {
            title.setText("Check-in");
            showProblem(TelehealthConsentService.NO_CONSENT_TEXT);
            return;
        }
        if (status.consentToAgree() != null) {
            showConsent(status.consentToAgree());
            return;
        }
        if (status.completed()) {
            onReady.run();
            return;
        }
        title.setText("Check in for your visit");
        dateOfBirth.setVisible(!status.identityConfirmed());
        detailsStep.setVisible(true);
    }

    private void showConsent(ConsentVersion version) {
        shownVersion = version;
        title.setText("Telehealth consent");
        consentText.removeAll();
        consentText.add(new Paragraph("Version " + version.getVersionNumber() + ". Please read it before your video consultation."));
        for (String paragraph : version.getBody().split("\\R\\s*\\R")) {
            consentText.add(new Paragraph(paragraph.strip()));
        }
        consentStep.setVisible(true);
    }

    private void agreeToShownVersion() {
        try {
            consent.agree(shownVersion.getId());
            problem.setVisible(false);
        } catch (BusinessRuleException refused) {
            Notices.problem(refused.getMessage());
        }
        show(checkIns.status(appointment.getId()));
    }

    private void showRegionsOf(Country chosen) {
        List<Region> regions = chosen == null ? List.of() : places.regionsOf(chosen.code());
        region.clear();
        region.setItems(regions);
        region.setVisible(!regions.isEmpty());
        region.setInvalid(false);
    }

    private void submit() {
        clearErrors();
        if (!requiredFilled()) {
            return;
        }
        try {
            if (dateOfBirth.isVisible() && !identityConfirmed()) {
                return;
            }
            CheckInStatus done = checkIns.complete(appointment.getId(), new CheckInDetails(country.getValue().code(),
                    region.isVisible() ? region.getValue().code() : null, placeDetail.getValue(), reason.getValue(),
                    callbackPhone.getValue()));
            show(done);
        } catch (InvalidFieldException refused) {
            showFieldError(refused.field(), refused.getMessage());
        } catch (BusinessRuleException refused) {
            show(checkIns.status(appointment.getId()));
            showProblem(refused.getMessage());
        } catch (OptimisticLockingFailureException otherWindow) {
            show(checkIns.status(appointment.getId()));
            showProblem("Your check-in changed in another window a moment ago. Look at it again and retry.");
        }
    }

    private boolean identityConfirmed() {
        IdentityCheck answer = checkIns.confirmIdentity(appointment.getId(), dateOfBirth.getValue());
        switch (answer.outcome()) {
            case CONFIRMED -> {
                dateOfBirth.clear();
                dateOfBirth.setVisible(false);
                return true;
            }
            case WRONG -> {
                dateOfBirth.setErrorMessage("This date of birth does not match our records. " + answer.attemptsLeft()
                        + (answer.attemptsLeft() == 1 ? " attempt left." : " attempts left."));
                dateOfBirth.setInvalid(true);
                return false;
            }
            default -> {
                show(checkIns.status(appointment.getId()));
                return false;
            }
        }
    }

    private boolean requiredFilled() {
        boolean filled = true;
        if (dateOfBirth.isVisible() && dateOfBirth.getValue() == null) {
            fieldError(dateOfBirth, "Enter your date of birth as YYYY-MM-DD.");
            filled = false;
        }
        if (country.getValue() == null) {
            fieldError(country, "Choose the country you are in now.");
            filled = false;
        }
        if (region.isVisible() && region.getValue() == null) {
            fieldError(region, "Choose the state or region you are in now.");
            filled = false;
        }
        return filled;
    }

    private void showFieldError(String field, String message) {
        Map<String, HasValidation> fields = Map.of(CheckInDetails.COUNTRY, country, CheckInDetails.REGION, region,
                CheckInDetails.LOCATION_DETAIL, placeDetail, CheckInDetails.REASON, reason,
                CheckInDetails.CALLBACK_PHONE, callbackPhone, "dateOfBirth", dateOfBirth);
        HasValidation target = fields.get(field);
        if (target == null) {
            showProblem(message);
        } else {
            fieldError(target, message);
        }
    }

    private static void fieldError(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        problem.setVisible(false);
        List.<HasValidation>of(dateOfBirth, country, region, placeDetail, reason, callbackPhone).forEach(field -> field.setInvalid(false));
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
