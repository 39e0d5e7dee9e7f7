package dev.tempodesk.workflows.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The header rule: which characters are unsafe, how received text is cleaned, what is refused. */
class HeaderTextTest {

  static Stream<Arguments> cleaned() {
    return Stream.of(
        Arguments.of("Printer jams", "Printer jams"),
        Arguments.of("Printer\r\nBcc: evil@attacker.example", "Printer Bcc: evil@attacker.example"),
        Arguments.of("a long\r\n subject folded", "a long subject folded"),
        Arguments.of("a long \r\n\t subject", "a long subject"),
        Arguments.of("\r\nBcc: x@y.example", "Bcc: x@y.example"),
        Arguments.of("trailing\r\n", "trailing"),
        Arguments.of("lone\rcr and lone\nlf", "lone cr and lone lf"),
        Arguments.of("nul\u0000in it", "nul in it"),
        Arguments.of("bell\u0007 and escape\u001b[31m", "bell and escape [31m"),
        Arguments.of("del\u007fhere", "del here"),
        Arguments.of("next line\u0085and c1\u009b", "next line and c1"),
        Arguments.of("line\u2028separator\u2029paragraph", "line separator paragraph"),
        Arguments.of("tab\tstays", "tab\tstays"),
        Arguments.of("  spaces stay  ", "  spaces stay  "),
        Arguments.of(
            "emoji \ud83d\udd25 and \u05e9\u05dc\u05d5\u05dd",
            "emoji \ud83d\udd25 and \u05e9\u05dc\u05d5\u05dd"),
        Arguments.of("\r\n", ""));
  }

  @ParameterizedTest
  @MethodSource("cleaned")
  void shouldCleanReceivedTextToOneHeaderLine(String received, String expected) {
    String clean = HeaderText.clean(received);

    assertThat(clean).isEqualTo(expected);
    assertThat(HeaderText.problem(clean)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\r\nBcc: x@y.example",
        "a\rb",
        "a\nb",
        "a\u0000b",
        "a\u0001b",
        "a\u001fb",
        "a\u007fb",
        "a\u0080b",
        "a\u0085b",
        "a\u009fb",
        "a\u2028b",
        "a\u2029b"
      })
  void shouldRefuseTypedTextWithAnUnsafeCharacterAndNameIt(String typed) {
    int unsafe = typed.codePointAt(1);

    assertThat(HeaderText.problem(typed))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("U+%04X".formatted(unsafe)).contains("line"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Printer jams", "tab\tok", "", "Ünïcödé \ud83d\udd25", "a\u200bb"})
  void shouldAcceptOneLineOfText(String typed) {
    assertThat(HeaderText.problem(typed)).isEmpty();
    assertThat(HeaderText.clean(typed)).isSameAs(typed);
  }

  @org.junit.jupiter.api.Test
  void shouldTreatExactlyC0ButTabDelC1AndTheUnicodeSeparatorsAsUnsafe() {
    int[] unsafe = IntStream.rangeClosed(0, 0x3000).filter(HeaderText::isUnsafe).toArray();
    int[] expected =
        IntStream.concat(
                IntStream.concat(
                    IntStream.rangeClosed(0, 0x1f).filter(c -> c != '\t'),
                    IntStream.rangeClosed(0x7f, 0x9f)),
                IntStream.of(0x2028, 0x2029))
            .toArray();

    assertThat(unsafe).containsExactly(expected);
    assertThat(HeaderText.clean(null)).isNull();
    assertThat(HeaderText.problem(null)).isEmpty();
  }
}
