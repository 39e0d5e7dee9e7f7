package dev.tempodesk.api.embedded;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Small but valid files for the demo mailbox, made in code: a PNG "screenshot" of an error dialog
 * (shapes only, so no font is needed on a headless server) and a one-page PDF.
 */
public final class DemoFiles {
  private DemoFiles() {}

  /** A 320x180 PNG of an error dialog: title bar, red icon, an OK button. A few KB. */
  public static byte[] screenshotPng() {
    BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(0xEEF1F5));
      g.fillRect(0, 0, 320, 180);
      g.setColor(new Color(0x2F5DA8));
      g.fillRect(0, 0, 320, 28);
      g.setColor(Color.WHITE);
      g.fillRect(292, 8, 12, 12);
      g.setColor(new Color(0xD93025));
      g.fillOval(24, 52, 48, 48);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(6));
      g.drawLine(38, 66, 58, 86);
      g.drawLine(58, 66, 38, 86);
      g.setColor(new Color(0x9AA3AF));
      for (int line = 0; line < 3; line++) {
        g.fillRect(92, 56 + line * 16, 200 - line * 40, 8);
      }
      g.setColor(new Color(0x2F5DA8));
      g.fillRoundRect(224, 136, 72, 28, 8, 8);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A one-page PDF showing {@code line} (Latin-1 text), with a correct cross-reference table. */
  public static byte[] pdf(String line) {
    String text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    String stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append("%010d 00000 n \n".formatted(offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
