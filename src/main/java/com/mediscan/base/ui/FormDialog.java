package com.mediscan.base.ui;

import com.mediscan.base.InvalidFieldException;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.Notices;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * A dialog whose form the service has the last word on: a refused value is shown beside its
 * field (everything typed stays), anything else above the buttons.
 */
public abstract class FormDialog extends Dialog {

    public final Button save;
    public final Button back = new Button("Close");
    public final Paragraph formError = new Paragraph();
    private final Map<String, HasValidation> fieldsByName = new HashMap<>();

    protected FormDialog(String title, String saveLabel) {
        setHeaderTitle(title);
        setWidth("min(100%, 640px)");
        formError.addClassName("form-error");
        formError.setVisible(false);
        save = new Button(saveLabel, click -> attemptSave());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        back.addClickListener(click -> close());
        getFooter().add(back, save);
    }

    /** Where the service's refusal of the named field is shown. */
    protected void fieldFor(String name, HasValidation field) {
        fieldsByName.put(name, field);
    }

    /** Validates, asks the service and returns whether it accepted; throws its refusals. */
    protected abstract boolean submit();

    private void attemptSave() {
        formError.setVisible(false);
        try {
            if (submit()) {
                close();
            }
        } catch (InvalidFieldException refused) {
            HasValidation field = fieldsByName.get(refused.field());
            if (field == null) {
                showFormError(refused.getMessage());
            } else {
                field.setErrorMessage(refused.getMessage());
                field.setInvalid(true);
            }
        } catch (BusinessRuleException | NotFoundOrDeniedException refused) {
            showFormError(refused.getMessage());
        } catch (AccessDeniedException refused) {
            Notices.problem("This action is not available to your account.");
        }
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }
}
