package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentFilter;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.DoctorQueue;
import com.mediscan.appointment.service.WaitingPatient;
import com.mediscan.appointment.service.JoinWindow;
import com.mediscan.base.ui.Notices;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The doctor's day: the patients checked in and waiting now (live: the view listens to the rooms of
 * today's appointments and chimes when someone arrives), today's appointments with a quick
 * {@code Start Video Call}, and every appointment of theirs in a lazy, sortable grid filtered by
 * date, status and patient.
 */
@Route("doctor")
@PageTitle("Doctor dashboard · MediScan")
@RolesAllowed(Roles.DOCTOR)
public class DoctorDashboardView extends VerticalLayout {

    static final String RECORD_ROUTE = "records/";
    static final String OPEN_RECORD = "Open patient record";
    static final String CANCEL = "Cancel appointment";
    static final String NO_SHOW = "Mark as no-show";

    final WaitingPatientsList waiting = new WaitingPatientsList();
    final Paragraph todayDate = new Paragraph();
    final Div today = new Div();
    final DatePicker dateFilter = new DatePicker("Date");
    final StatusSelect statusFilter = new StatusSelect();
    final TextField patientFilter = new TextField("Patient");
    final Grid<Appointment> grid = new Grid<>();

    private final AppointmentService appointments;
    private final DoctorQueue queue;
    private final RoomBus roomBus;
    private final JoinWindow joinWindow;
    private final Clock clock;
    private AppointmentFilter filter = AppointmentFilter.any(ViewerTime.zone());
    private List<Long> todaysIds = List.of();
    private RoomWatch rooms;
    private CardsShown todayShown;
    /** How often arrivals rang the chime, for tests (the browser counts in {@code window.mediscanChimes}). */
    int chimes;

    public DoctorDashboardView(AppointmentService appointments, DoctorQueue queue, RoomBus roomBus, JoinWindow joinWindow,
                               Clock clock) {
        this.appointments = appointments;
        this.queue = queue;
        this.roomBus = roomBus;
        this.joinWindow = joinWindow;
        this.clock = clock;
        addClassNames("doctor-dashboard-view", "view-content");

        today.addClassName("appointment-list");
        todayDate.addClassName("secondary-text");
        add(new H2("Waiting room"), waiting, new H2("Today's Appointments"), todayDate, today);

        configureFilters();
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(dateFilter, statusFilter, patientFilter);
        filters.addClassName("filters");
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Appointments"), filters, grid);
        showToday();
        AutoRefresh.whileAttached(this, this::refresh);
    }

    private void configureFilters() {
        dateFilter.setClearButtonVisible(true);
        dateFilter.setPlaceholder("Any date");
        dateFilter.addValueChangeListener(change -> applyFilter(filter.withDay(change.getValue())));
        statusFilter.addValueChangeListener(change -> applyFilter(filter.withStatus(change.getValue())));
        patientFilter.setPlaceholder("Name contains");
        patientFilter.setClearButtonVisible(true);
        patientFilter.setValueChangeMode(ValueChangeMode.LAZY);
        patientFilter.addValueChangeListener(change -> applyFilter(filter.withName(change.getValue())));
    }

    private void configureGrid() {
        grid.addClassName("appointments-grid");
        AppointmentColumns.addWhen(grid);
        AppointmentColumns.addPatient(grid);
        AppointmentColumns.addReasonAndStatus(grid);
        grid.addComponentColumn(this::actionsFor).setHeader("Actions").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> appointments.find(filter, pageable), pageable -> (int) appointments.count(filter));
        grid.setEmptyStateText("No appointments match these filters.");
    }

    private void applyFilter(AppointmentFilter changed) {
        filter = changed;
        grid.getDataProvider().refreshAll();
    }

    private MenuBar actionsFor(Appointment appointment) {
        Instant now = clock.instant();
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        MenuItem root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        root.setAriaLabel("Actions");
        menu.setTooltipText(root, "Actions");
        SubMenu items = root.getSubMenu();

        MenuItem call = items.addItem(CallButton.START_VIDEO_CALL, click -> CallButton.openConsultation(appointment.getId()));
        joinWindow.whyClosed(appointment, now).ifPresent(reason -> {
            call.setEnabled(false);
            call.setTooltipText(CallButton.whyClosed(appointment, joinWindow, reason));
        });
        items.addItem(OPEN_RECORD, click -> UI.getCurrent().navigate(RECORD_ROUTE + appointment.getId()));

        boolean stillOpen = appointment.getStatus() == AppointmentStatus.SCHEDULED || appointment.getStatus() == AppointmentStatus.WAITING;
        MenuItem cancel = items.addItem(CANCEL, click -> confirmCancel(appointment));
        cancel.setEnabled(stillOpen);
        MenuItem noShow = items.addItem(NO_SHOW, click -> confirmNoShow(appointment));
        noShow.setEnabled(stillOpen && !now.isBefore(appointment.getStartsAt()));
        if (stillOpen && now.isBefore(appointment.getStartsAt())) {
            noShow.setTooltipText("Available from the appointment's start, " + ViewerTime.time(appointment.getStartsAt()) + ".");
        }
        return menu;
    }

    private void confirmCancel(Appointment appointment) {
        new Confirmation("Cancel appointment?",
                "Cancel the appointment with " + appointment.getPatient().getDisplayName() + " on "
                        + ViewerTime.dateTime(appointment.getStartsAt()) + "? The patient will see it as cancelled.",
                CANCEL, () -> {
                    if (Attempt.run(() -> appointments.cancel(appointment.getId()))) {
                        Notices.success("Appointment cancelled.");
                        refresh();
                    }
                }).open();
    }

    private void confirmNoShow(Appointment appointment) {
        new Confirmation("Mark as no-show?",
                appointment.getPatient().getDisplayName() + " did not attend the appointment on "
                        + ViewerTime.dateTime(appointment.getStartsAt()) + ". This cannot be undone.",
                NO_SHOW, () -> {
                    if (Attempt.run(() -> appointments.markNoShow(appointment.getId()))) {
                        Notices.success("Marked as a no-show.");
                        refresh();
                    }
                }).open();
    }

    /** Looks again at today's list and the grid: statuses change and join windows open. */
    void refresh() {
        showToday();
        grid.getDataProvider().refreshAll();
        if (rooms != null) {
            showWaiting();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        rooms = new RoomWatch(roomBus, attachEvent.getUI(), this::roomChanged);
        rooms.watch(todaysIds);
        // Whoever waits already when the dashboard opens is shown without a chime.
        waiting.show(queue.waiting(LocalDate.ofInstant(clock.instant(), ViewerTime.zone()), ViewerTime.zone()), clock.instant());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        RoomWatch.close(rooms);
        rooms = null;
        super.onDetach(detachEvent);
    }

    /** A patient arrived in, left or checked in to one of today's rooms. */
    private void roomChanged() {
        showToday();
        showWaiting();
    }

    /** Shows the queue, with a chime when someone joined it. */
    private void showWaiting() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ViewerTime.zone());
        List<WaitingPatient> arrived = waiting.show(queue.waiting(day, ViewerTime.zone()), clock.instant());
        if (!arrived.isEmpty()) {
            chimes++;
            getUI().ifPresent(ui -> Chime.play(ui, arrived));
        }
    }

    private void showToday() {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ViewerTime.zone());
        todayDate.setText(ViewerTime.date(now));
        List<Appointment> todays = appointments.doctorsDay(day, ViewerTime.zone());
        todaysIds = todays.stream().map(Appointment::getId).toList();
        if (rooms != null) {
            rooms.watch(todaysIds);
        }
        CardsShown nowShown = CardsShown.of(todays, joinWindow, now);
        if (nowShown.equals(todayShown)) {
            return;
        }
        todayShown = nowShown;
        today.removeAll();
        if (todays.isEmpty()) {
            Paragraph none = new Paragraph("No appointments today.");
            none.addClassName("empty-state");
            today.add(none);
        }
        todays.forEach(appointment -> today.add(new AppointmentCard(appointment, appointment.getPatient().getDisplayName(),
                appointment.getReason(), new CallButton(CallButton.START_VIDEO_CALL, appointment, joinWindow, now))));
    }
}
