package com.mediscan.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.support.DemoUsers;
import com.mediscan.support.SignedInHttp;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The print view's stylesheet names the embedded fonts, and each is served where it points. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PrintFontsHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theSheetsFontsAreServed() throws Exception {
        SignedInHttp patient = SignedInHttp.as(port, DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        String css = patient.get("/styles.css").body();
        var fonts = Pattern.compile("url\\([\"']?(assets/fonts/[^\"')]+\\.ttf)[\"']?\\)").matcher(css).results().map(m -> m.group(1)).toList();

        assertThat(fonts).contains("assets/fonts/NotoSans-Regular.ttf", "assets/fonts/NotoSansTamil-Regular.ttf");
        for (String font : fonts) {
            HttpResponse<String> response = patient.get("/" + font);
            assertThat(response.statusCode()).as(font).isEqualTo(200);
            assertThat(response.body().length()).as(font).isGreaterThan(50_000);
        }
    }
}
