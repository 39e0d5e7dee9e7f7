package dev.tempodesk.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4180 cells, the formula guard, UTF-8 and CRLF rows. */
class CsvWriterTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "plain|plain",
        "a, b|`\"a, b\"`",
        "say \"hi\"|`\"say \"\"hi\"\"\"`",
        "=SUM(A1:A9)|'=SUM(A1:A9)",
        "+49 30 1234|'+49 30 1234",
        "-5 EUR|'-5 EUR",
        "@cmd|'@cmd",
        "=1,2|`\"'=1,2\"`",
        "Grüße — 東京|Grüße — 東京",
        "a-b=c|a-b=c"
      })
  void shouldQuoteAndGuardTextCells(String text, String cell) {
    assertThat(CsvWriter.cell(text)).isEqualTo(cell);
  }

  @Test
  void shouldQuoteLineBreaksAndGuardLeadingTabAndCarriageReturn() {
    assertThat(CsvWriter.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
    assertThat(CsvWriter.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
    assertThat(CsvWriter.cell("\tindented")).isEqualTo("'\tindented");
    assertThat(CsvWriter.cell("\rreturn")).isEqualTo("\"'\rreturn\"");
  }

  @Test
  void shouldWriteNumbersAndTimesAsTheyAreAndNullsAsEmptyCells() {
    assertThat(CsvWriter.cell(-5L)).isEqualTo("-5");
    assertThat(CsvWriter.cell(Instant.parse("2031-06-01T08:00:00Z")))
        .isEqualTo("2031-06-01T08:00:00Z");
    assertThat(CsvWriter.cell(null)).isEmpty();
  }

  @Test
  void shouldWriteUtf8RowsEndedByCrLf() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvWriter csv = new CsvWriter(bytes);
    csv.row(List.of("number", "subject"));
    csv.row(Arrays.asList(1042L, "Köln, \"dringend\""));
    csv.row(Arrays.asList(1043L, null));
    csv.flush();

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("number,subject\r\n1042,\"Köln, \"\"dringend\"\"\"\r\n1043,\r\n");
  }

  @Test
  void shouldReportAFailingStreamUnchecked() {
    OutputStream gone =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    CsvWriter csv = new CsvWriter(gone);
    csv.row(List.of("buffered"));

    assertThatThrownBy(csv::flush)
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("Broken pipe");
  }
}
