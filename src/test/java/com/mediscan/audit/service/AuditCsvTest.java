package com.mediscan.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsAFormulaWouldStartWithGetAnApostrophe() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(AuditCsv.cell("+41 number")).isEqualTo("'+41 number");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(AuditCsv.cell("kriya@mediscan.com")).isEqualTo("kriya@mediscan.com");
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(AuditCsv.cell("SCHEDULED -> WAITING, on time")).isEqualTo("\"SCHEDULED -> WAITING, on time\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell(42L)).isEqualTo("42");
    }

    @Test
    void rowsEndWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.writeRow(out, Arrays.asList("a", null, 3));
        assertThat(out).hasToString("a,,3\r\n");
    }
}
