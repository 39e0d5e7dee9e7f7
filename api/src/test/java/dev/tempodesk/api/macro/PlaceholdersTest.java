package dev.tempodesk.api.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.api.error.FieldException;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  private static final Placeholders.Values DANA =
      new Placeholders.Values(
          "Scully, Dana",
          "dana@fbi.example",
          1042,
          "Printer jam",
          "Fox Mulder",
          null,
          "fox@desk.example",
          "support@desk.example");

  @Test
  void shouldFillEveryKnownPlaceholderAndLeaveMissingValuesEmpty() {
    String text =
        "{{customer.name}}|{{customer.firstName}}|{{ customer.email }}|{{ticket.number}}"
            + "|{{ticket.subject}}|{{agent.name}}|{{agent.firstName}}|{{organization.name}}|"
            + "{{agent.email}}|{{mailbox.email}}";

    assertThat(Placeholders.render(text, DANA))
        .isEqualTo(
            "Scully, Dana|Dana|dana@fbi.example|1042|Printer jam|Fox Mulder|Fox||"
                + "fox@desk.example|support@desk.example");
  }

  @Test
  void shouldKeepDollarSignsAndBackslashesOfValuesAsTheyAre() {
    Placeholders.Values odd =
        new Placeholders.Values(
            "A$1 \\B", "x@y.example", 7, "$0 off", "Agent", "Org", "a@y.example", null);

    assertThat(Placeholders.render("{{customer.name}} {{ticket.subject}}", odd))
        .isEqualTo("A$1 \\B $0 off");
  }

  @Test
  void shouldRefuseAnUnknownPlaceholderNamingTheField() {
    assertThatThrownBy(() -> Placeholders.check("replyText", "Hi {{customer.shoeSize}}"))
        .isInstanceOf(FieldException.class)
        .hasMessageContaining("{{customer.shoeSize}}")
        .extracting(e -> ((FieldException) e).field())
        .isEqualTo("replyText");
    Placeholders.check("replyText", "Hi {{ customer.name }}, {not a placeholder}");
  }
}
