package dev.tempodesk.api.export;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows of CSV (RFC 4180) in UTF-8 on a stream: cells separated by commas, rows ended by CRLF, a
 * cell holding a comma, a double quote, CR or LF quoted with its quotes doubled.
 *
 * <p>A text cell that a spreadsheet would run as a formula (starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or CR: "CSV injection") is written with a leading apostrophe, so a
 * subject such as {@code =HYPERLINK(...)} from a customer's mail opens as text. Numbers, booleans
 * and times that Tempodesk itself writes are not text cells and are written as they are.
 */
public final class CsvWriter implements Flushable {
  /** The media type of what it writes, with its charset and header row declared (RFC 4180). */
  public static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";

  private final Writer out;

  public CsvWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  /**
   * One row. A null cell is empty; a {@link CharSequence} is text (guarded and quoted as needed);
   * anything else is written by its {@code toString()}, quoted when needed.
   *
   * @throws UncheckedIOException when the stream fails (the client went away)
   */
  public void row(List<?> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as one CSV cell: guarded when it is text, quoted when it needs to be. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof CharSequence && runsAsFormula(text)) {
      text = "'" + text;
    }
    return needsQuotes(text) ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static boolean runsAsFormula(String text) {
    if (text.isEmpty()) {
      return false;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }

  private static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
