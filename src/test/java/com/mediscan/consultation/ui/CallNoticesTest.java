package com.mediscan.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cards that replace the call, and the header's duration. */
class CallNoticesTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T09:00:00Z");

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void anEndedCallThatIsNotCompletedCanBeRejoinedOrCompletedByTheDoctor() {
        boolean[] completeAsked = {false};
        Div card = CallNotices.ended("Kriya Mehta ended the call.", STARTED, STARTED.plus(Duration.ofMinutes(12).plusSeconds(5)),
                false, true, () -> completeAsked[0] = true);
        UI.getCurrent().add(card);
        assertThat(BasicUtilsKt.get_textRecursively(card)).contains(CallNotices.CALL_ENDED).contains("Duration 12:05")
                .contains("Rejoin call");

        _click(_get(Button.class, spec -> spec.withText("Mark consultation completed")));
        assertThat(completeAsked[0]).isTrue();
        assertThat(BasicUtilsKt.get_textRecursively(card)).contains("The consultation is completed.").doesNotContain("Rejoin call");
    }

    @Test
    void aCompletedCallOnlyLeadsHomeAndACallThatNeverConnectedSaysSo() {
        Div card = CallNotices.ended("Dr. Rajesh Patel ended the call.", null, STARTED, true, false, () -> false);
        assertThat(BasicUtilsKt.get_textRecursively(card)).contains("The call did not connect.")
                .contains("Back to my dashboard").doesNotContain("Rejoin call").doesNotContain("Mark consultation completed");
        assertThat(BasicUtilsKt.get_textRecursively(CallNotices.takenOver()))
                .contains(CallNotices.TAKEN_OVER).contains("Use this window");
    }

    @Test
    void durationsReadAsAClock() {
        assertThat(CallHeader.formatDuration(Duration.ofSeconds(65))).isEqualTo("01:05");
        assertThat(CallHeader.formatDuration(Duration.ofMinutes(75).plusSeconds(3))).isEqualTo("1:15:03");
        assertThat(CallHeader.formatDuration(Duration.ofSeconds(-4))).isEqualTo("00:00");
    }
}
