package com.mediscan.prescription.ui;

import com.mediscan.consultation.service.RoomBus;
import com.mediscan.prescription.service.PrescriptionIssued;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouterLink;

/**
 * For the patient's side of a consultation: tells them, as it happens, that the doctor issued a
 * prescription, and where to find it. Hidden until then. Listens to the appointment's room
 * while attached.
 */
public class PrescriptionIssuedNotice extends Div {

    private final transient RoomBus roomBus;
    private final long appointmentId;
    private transient AutoCloseable subscription;

    final Span message = new Span();

    public PrescriptionIssuedNotice(RoomBus roomBus, long appointmentId) {
        this.roomBus = roomBus;
        this.appointmentId = appointmentId;
        addClassName("prescription-issued-notice");
        getElement().setAttribute("role", "status");
        RouterLink records = new RouterLink(PatientRecordsView.TITLE, PatientRecordsView.class);
        records.getElement().setAttribute("target", "_blank");
        add(message, records);
        setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        subscription = roomBus.subscribe(appointmentId, event -> {
            if (event instanceof PrescriptionIssued issued) {
                ui.access(() -> show(issued));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // The in-process bus never fails to unsubscribe; another implementation that does has nothing left to clean.
            }
            subscription = null;
        }
    }

    void show(PrescriptionIssued issued) {
        message.setText(issued.announcement() + " ");
        setVisible(true);
        Notification.show(issued.announcement(), 8000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
