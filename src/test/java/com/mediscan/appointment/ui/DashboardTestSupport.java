package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.mediscan.appointment.domain.Appointment;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;
import java.util.List;

/** Finding things on the appointment views the way a person would: by text, row and name. */
final class DashboardTestSupport {

    private DashboardTestSupport() {
    }

    private static final String ACTIONS = "actions";

    /** The cards of a dashboard list, in order. */
    static List<AppointmentCard> cardsIn(Component list) {
        return _find(list, AppointmentCard.class);
    }

    static AppointmentCard cardWith(Component list, String person) {
        return cardsIn(list).stream().filter(card -> card.who.getText().equals(person)).findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + person + " in " + cardsIn(list).stream().map(c -> c.who.getText()).toList()));
    }

    static Button buttonIn(Component container, String text) {
        return _find(container, Button.class, spec -> spec.withText(text)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    static int rowOf(Grid<Appointment> grid, Appointment appointment) {
        List<Appointment> rows = GridKt._findAll(grid);
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).getId().equals(appointment.getId())) {
                return row;
            }
        }
        throw new AssertionError("appointment " + appointment.getId() + " is not in the grid");
    }

    static boolean gridShows(Grid<Appointment> grid, Appointment appointment) {
        return GridKt._findAll(grid).stream().anyMatch(row -> row.getId().equals(appointment.getId()));
    }

    static MenuItem menuItem(Grid<Appointment> grid, Appointment appointment, String text) {
        return itemOf(actionsOf(grid, appointment), text);
    }

    /** Looks in one rendering of the menu: a grid cell's components are made anew on every look. */
    private static MenuItem itemOf(MenuBar menu, String text) {
        return menu.getItems().getFirst().getSubMenu().getItems().stream()
                .filter(item -> item.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item '" + text + "'"));
    }

    static MenuBar actionsOf(Grid<Appointment> grid, Appointment appointment) {
        return (MenuBar) GridKt._getCellComponent(grid, rowOf(grid, appointment), ACTIONS);
    }

    /** Clicks an item of the row's Actions menu, as a person would (refused if the item is disabled). */
    static void clickMenuItem(Grid<Appointment> grid, Appointment appointment, String text) {
        MenuBar menu = actionsOf(grid, appointment);
        ContextMenuKt._click(menu, itemOf(menu, text));
    }

    static Component cell(Grid<Appointment> grid, Appointment appointment, String column) {
        return GridKt._getCellComponent(grid, rowOf(grid, appointment), column);
    }

    /** The choices a select offers right now. */
    static <T> List<T> choicesOf(Select<T> select) {
        return select.getListDataView().getItems().toList();
    }

    /** What the browser's poll would do: the open view looks again. */
    static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    /** Ends the request as the server would: a refreshed grid re-renders its rows only then. */
    static void respond() {
        MockVaadin.clientRoundtrip(false);
    }

    static String currentPath() {
        return NavigatorKt.getCurrentPath();
    }
}
