package dev.tempodesk.workflows.mail;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one email address parser: every address that enters Tempodesk (mail, API, configuration) or
 * leaves it (sends) goes through here, so what one place accepts every other place accepts too.
 *
 * <p>Reads RFC 5322 address lists: mailboxes with and without display names, quoted local parts
 * (spaces, commas, '@' inside the quotes), comments anywhere (a comment after a bare address names
 * the mailbox, {@code jane@x (Jane Doe)}), groups ({@code Team: a@x, b@y;}, {@code
 * undisclosed-recipients:;}), RFC 2047 encoded words in display names (also inside quotes, and
 * split across words), the obsolete forms of RFC 5322 section 4.4 (words and comments between the
 * dots of a local part or domain, {@code <@route:a@b>} routes, empty list elements) and RFC 6531
 * UTF-8 addresses. Two lenient readings of what real clients write: ';' between addresses outside a
 * group, and {@code <mailto:a@b>}.
 *
 * <p>The canonical address (what contacts store and compare):
 *
 * <ul>
 *   <li>lower case throughout. The local part is case-sensitive in theory (RFC 5321 section 2.4)
 *       but no mailbox provider treats it so, and one customer writing as {@code Jane@} and {@code
 *       jane@} must stay one contact;
 *   <li>the domain as its ASCII form (IDNA A-label, {@code xn--…}, via {@link IDN}, which follows
 *       IDNA 2003), without a trailing dot: any mail server delivers to it without SMTPUTF8, and a
 *       domain written in Unicode or in punycode compares equal;
 *   <li>the local part NFC-normalised and written as a dot-atom when it is one, quoted otherwise
 *       ({@code "q z"@x}; {@code "john"@x} is {@code john@x}; the real-world {@code abc.@x} becomes
 *       {@code "abc."@x}, the same mailbox in a form every server reads);
 *   <li>at most 64 octets of local part and 254 octets in all (RFC 5321 section 4.5.3.1).
 * </ul>
 *
 * Refused, with the reason: no '@' (a display name only), more than one, an unquoted space or
 * special character, unbalanced quotes, comments or angle brackets, control characters (NUL
 * included), unpaired surrogates, empty labels, a domain that is not a host name or literal, and
 * anything too long.
 */
public final class MailAddresses {
  public static final int MAX_LOCAL_PART_OCTETS = 64;
  public static final int MAX_ADDRESS_OCTETS = 254;

  /** Display names are cut to this many characters (the API's limit for names). */
  public static final int MAX_DISPLAY_NAME = 200;

  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
  private static final String DELIMITERS = "()<>@,;:\\\".[] \t\r\n";
  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_-]{1,63}");
  private static final Pattern LITERAL = Pattern.compile("[a-z0-9.:-]+");

  private MailAddresses() {}

  /**
   * Exactly one mailbox, as a form field, a configuration value or a single {@code From} holds it:
   * {@code jane@x}, {@code <jane@x>}, {@code Jane Doe <jane@x>}, {@code "q z"@x (Q)}. Several
   * addresses, or none, are refused.
   */
  public static ParsedAddress parse(String text) {
    if (text == null || text.isBlank()) {
      return ParsedAddress.refused(text, "empty: no address given");
    }
    List<ParsedAddress> elements = parseList(text);
    if (elements.isEmpty()) {
      return ParsedAddress.refused(text, "no address in it (only comments or an empty group)");
    }
    if (elements.size() > 1) {
      return ParsedAddress.refused(
          text,
          "several addresses where one is expected (a comma outside quotes separates addresses;"
              + " quote a display name that has one)");
    }
    ParsedAddress only = elements.getFirst();
    return new ParsedAddress(text, only.address(), only.problem());
  }

  /**
   * Every element of an RFC 5322 address list, in order; group members count as elements and an
   * empty group adds none. A broken element is refused on its own, the others still parse.
   */
  public static List<ParsedAddress> parseList(String text) {
    List<ParsedAddress> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    List<Token> tokens = tokenize(text);
    int pos = 0;
    while (pos < tokens.size()) {
      if (tokens.get(pos).is(',') || tokens.get(pos).is(';')) {
        pos++; // an empty element (obs-addr-list), or a ';' used as a separator (Outlook)
        continue;
      }
      int colon = groupColon(tokens, pos);
      if (colon < 0) {
        int end = elementEnd(tokens, pos);
        add(result, text, tokens, pos, end);
        pos = end;
        continue;
      }
      pos = colon + 1;
      while (pos < tokens.size()) {
        if (tokens.get(pos).is(',')) {
          pos++;
        } else if (tokens.get(pos).is(';')) {
          pos++;
          break;
        } else {
          int end = elementEnd(tokens, pos);
          add(result, text, tokens, pos, end);
          pos = end;
        }
      }
    }
    return result;
  }

  /**
   * The addresses of one provider participant ({@code {"name", "email"}} as Nylas gives it). The
   * email field is read as an address list, since real providers put {@code Name <a@b>} or several
   * addresses there; the name field (RFC 2047-decoded) wins over a name found in the email field.
   */
  public static List<ParsedAddress> participant(String name, String email) {
    String given = cleanName(name);
    if (email == null || email.isBlank()) {
      return List.of(
          ParsedAddress.refused(
              email == null ? "" : email,
              given == null ? "empty: no address given" : "a display name only, no address"));
    }
    List<ParsedAddress> parsed = parseList(email);
    if (parsed.isEmpty()) {
      return List.of(ParsedAddress.refused(email, "no address in it (an empty group)"));
    }
    if (given == null) {
      return parsed;
    }
    return parsed.stream()
        .map(
            p ->
                p.isValid()
                    ? ParsedAddress.valid(p.input(), new MailAddress(p.address().address(), given))
                    : p)
        .toList();
  }

  /** An address list that {@link #parseList} reads back to the same mailboxes. */
  public static String formatList(Collection<MailAddress> addresses) {
    return addresses.stream().map(MailAddress::formatted).collect(Collectors.joining(", "));
  }

  /**
   * Decodes RFC 2047 encoded words ({@code =?UTF-8?Q?J=C3=B6rg?=}); whitespace between two of them
   * goes, and a character split across adjacent words of one charset is joined. An unknown charset
   * or a broken word stays as written.
   */
  public static String decodeEncodedWords(String text) {
    if (text == null || !text.contains("=?")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = ENCODED_WORD.matcher(text);
    int last = 0;
    String pendingCharset = null;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    int pendingEnd = -1;
    while (m.find()) {
      String gap = text.substring(last, m.start());
      boolean adjacent = pendingEnd == last && gap.isBlank();
      String charset = m.group(1).replaceFirst("\\*.*$", "");
      byte[] bytes = decodeWord(charset, m.group(2), m.group(3));
      if (bytes == null) {
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        out.append(gap).append(m.group());
        last = m.end();
        continue;
      }
      if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
        flush(out, pending, pendingCharset);
        if (!adjacent) {
          out.append(gap);
        }
        pendingCharset = charset;
      }
      pending.writeBytes(bytes);
      pendingEnd = m.end();
      last = m.end();
    }
    flush(out, pending, pendingCharset);
    out.append(text.substring(last));
    return out.toString();
  }

  /** A display name as stored: decoded, without control characters, whitespace collapsed. */
  public static String cleanName(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    decodeEncodedWords(name)
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                  out.append(' ');
                }
              } else {
                out.appendCodePoint(c);
              }
            });
    String cleaned = out.toString().strip();
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_DISPLAY_NAME) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_DISPLAY_NAME - 1)) + "…";
    }
    return cleaned.isEmpty() ? null : cleaned;
  }

  /** A display name written as an RFC 5322 phrase: atoms as they are, anything else quoted. */
  static String phrase(String displayName) {
    boolean atoms =
        !displayName.isEmpty()
            && displayName.codePoints().allMatch(c -> c == ' ' || isAtext(c))
            && !displayName.startsWith(" ")
            && !displayName.endsWith(" ")
            && !displayName.contains("  ")
            && !displayName.contains("=?");
    return atoms ? displayName : quote(displayName);
  }

  // --- one mailbox -------------------------------------------------------------------------

  /** Adds the element of these tokens; one of comments only is white space (CFWS) and adds none. */
  private static void add(
      List<ParsedAddress> result, String text, List<Token> tokens, int from, int to) {
    if (tokens.subList(from, to).stream().allMatch(t -> t.kind == Kind.COMMENT)) {
      return;
    }
    result.add(mailbox(text, tokens, from, to));
  }

  private static ParsedAddress mailbox(String text, List<Token> tokens, int from, int to) {
    String input = text.substring(tokens.get(from).start, tokens.get(to - 1).end).strip();
    List<Token> words = new ArrayList<>();
    List<Token> comments = new ArrayList<>();
    for (Token token : tokens.subList(from, to)) {
      if (token.kind == Kind.ERROR) {
        return ParsedAddress.refused(input, token.text);
      }
      (token.kind == Kind.COMMENT ? comments : words).add(token);
    }
    int open = indexOf(words, '<', 0);
    List<Token> spec;
    String name;
    if (open >= 0) {
      int close = indexOf(words, '>', open);
      if (close < 0) {
        return ParsedAddress.refused(input, "unbalanced angle brackets: '<' is not closed");
      }
      if (indexOf(words.subList(open + 1, close), '<', 0) >= 0) {
        return ParsedAddress.refused(input, "unbalanced angle brackets: '<' inside '<…>'");
      }
      if (close < words.size() - 1) {
        return ParsedAddress.refused(input, "text after the closing '>'");
      }
      spec = words.subList(open + 1, close);
      if (!spec.isEmpty() && spec.getFirst().is('@')) {
        int colon = indexOf(spec, ':', 0);
        if (colon < 0) {
          return ParsedAddress.refused(input, "a source route ('<@host:') without its ':'");
        }
        spec = spec.subList(colon + 1, spec.size()); // obs-route: the route is ignored
      } else if (spec.size() > 2
          && spec.get(0).kind == Kind.ATOM
          && spec.get(0).text.equalsIgnoreCase("mailto")
          && spec.get(1).is(':')) {
        spec = spec.subList(2, spec.size()); // <mailto:a@b>, as some clients write it
      }
      name = cleanName(raw(words.subList(0, open)));
      if (spec.isEmpty()) {
        return ParsedAddress.refused(input, "an empty address '<>'");
      }
    } else {
      if (indexOf(words, '>', 0) >= 0) {
        return ParsedAddress.refused(input, "unbalanced angle brackets: '>' without '<'");
      }
      spec = words;
      name = null;
    }
    if (name == null) {
      // The RFC 822 convention "jane@x (Jane Doe)": a comment after the address names it; comments
      // inside the address ("pete(his account)@x") or around angle brackets do not.
      int end = words.getLast().end;
      name =
          cleanName(
              comments.stream()
                  .filter(c -> c.start >= end)
                  .map(t -> t.text)
                  .collect(Collectors.joining(" ")));
    }
    Object address = addrSpec(spec);
    if (address instanceof Problem problem) {
      return ParsedAddress.refused(input, problem.reason);
    }
    return ParsedAddress.valid(input, new MailAddress((String) address, name));
  }

  private record Problem(String reason) {}

  /** The canonical address of these tokens, or a {@link Problem}. */
  private static Object addrSpec(List<Token> spec) {
    int at = indexOf(spec, '@', 0);
    if (at < 0) {
      boolean onlyWords =
          spec.stream().allMatch(t -> t.kind == Kind.ATOM || t.kind == Kind.QUOTED || t.is('.'));
      return new Problem(
          onlyWords ? "no '@': a display name only, no address" : "no '@' in the address");
    }
    if (indexOf(spec, '@', at + 1) >= 0) {
      return new Problem("more than one '@' outside quotes");
    }
    if (at == 0) {
      return new Problem("nothing before the '@'");
    }
    if (at == spec.size() - 1) {
      return new Problem("nothing after the '@'");
    }
    Object local = localPart(spec.subList(0, at));
    if (local instanceof Problem) {
      return local;
    }
    Object domain = domain(spec.subList(at + 1, spec.size()));
    if (domain instanceof Problem) {
      return domain;
    }
    String address = local + "@" + domain;
    int localOctets = octets((String) local);
    if (localOctets > MAX_LOCAL_PART_OCTETS) {
      return new Problem(
          "the local part is %d octets long; at most %d are allowed (RFC 5321)"
              .formatted(localOctets, MAX_LOCAL_PART_OCTETS));
    }
    int octets = octets(address);
    if (octets > MAX_ADDRESS_OCTETS) {
      return new Problem(
          "the address is %d octets long; at most %d are allowed (RFC 5321)"
              .formatted(octets, MAX_ADDRESS_OCTETS));
    }
    return address;
  }

  private static Object localPart(List<Token> tokens) {
    StringBuilder value = new StringBuilder();
    boolean afterWord = false;
    for (Token token : tokens) {
      if (token.kind == Kind.ATOM || token.kind == Kind.QUOTED) {
        if (afterWord) {
          return new Problem(
              token.spaceBefore
                  ? "an unquoted space in the local part (quote it: \"q z\"@example.org)"
                  : "words of the local part must be separated by dots");
        }
        value.append(token.text);
        afterWord = true;
      } else if (token.is('.')) {
        value.append('.');
        afterWord = false;
      } else {
        return new Problem("'" + token.text + "' in the local part outside quotes");
      }
    }
    String local = value.toString();
    Problem control = controlCharacter(local, "local part");
    if (control != null) {
      return control;
    }
    if (local.isEmpty()) {
      return new Problem("an empty local part");
    }
    local = Normalizer.normalize(local, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return isDotAtom(local) ? local : quote(local);
  }

  private static Object domain(List<Token> tokens) {
    if (tokens.size() == 1 && tokens.getFirst().kind == Kind.LITERAL) {
      String literal = tokens.getFirst().text.strip().toLowerCase(Locale.ROOT);
      if (!LITERAL.matcher(literal).matches()) {
        return new Problem("not an address literal such as [192.0.2.1] or [ipv6:2001:db8::1]");
      }
      return "[" + literal + "]";
    }
    List<String> labels = new ArrayList<>();
    StringBuilder label = null;
    for (Token token : tokens) {
      if (token.kind == Kind.ATOM) {
        if (label != null) {
          return new Problem("a space in the domain");
        }
        label = new StringBuilder(token.text);
      } else if (token.is('.')) {
        labels.add(label == null ? "" : label.toString());
        label = null;
      } else {
        return new Problem(
            "'"
                + (token.kind == Kind.QUOTED ? "\"" : token.text)
                + "' in the domain, which must be a host name");
      }
    }
    labels.add(label == null ? "" : label.toString());
    if (!labels.isEmpty() && labels.getLast().isEmpty()) {
      labels.removeLast(); // a trailing dot names the root; the domain is the same
    }
    if (labels.isEmpty() || labels.contains("")) {
      return new Problem("an empty label in the domain (two dots in a row or a leading dot)");
    }
    if (labels.stream().anyMatch(l -> l.length() > 63)) {
      return new Problem("a domain label longer than 63 characters");
    }
    String domain = String.join(".", labels);
    Problem control = controlCharacter(domain, "domain");
    if (control != null) {
      return control;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return new Problem("not a valid (internationalized) domain name: " + e.getMessage());
    }
    for (String part : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(part).matches()) {
        return new Problem(
            part.length() > 63
                ? "a domain label longer than 63 characters"
                : "'" + part + "' is not a host name label (letters, digits and '-' only)");
      }
    }
    return ascii;
  }

  private static Problem controlCharacter(String text, String where) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Half a UTF-16 pair is no character: UTF-8 cannot encode it, so it would be stored as '?'.
      if (Character.isHighSurrogate(c)
          ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
          : Character.isLowSurrogate(c)) {
        return new Problem(
            "an unpaired UTF-16 surrogate (U+%04X) in the %s, which is no character"
                .formatted((int) c, where));
      }
      // Line and paragraph separators count as control characters in databases' locales too.
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return new Problem(
            "a control character (U+%04X) in the %s"
                .formatted((int) c, where)
                .replace("(U+0000)", "(NUL, U+0000)"));
      }
    }
    return null;
  }

  private static boolean isDotAtom(String text) {
    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      return false;
    }
    return text.codePoints().allMatch(c -> c == '.' || isAtext(c));
  }

  /** RFC 5322 atext, widened by RFC 6532 to every non-ASCII character that is not a space. */
  private static boolean isAtext(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || ATEXT_SPECIALS.indexOf(c) >= 0;
    }
    return !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static int octets(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The text of a phrase's tokens with single spaces where the input had space or comments. */
  private static String raw(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    for (Token token : tokens) {
      if (!out.isEmpty() && token.spaceBefore) {
        out.append(' ');
      }
      out.append(token.kind == Kind.LITERAL ? "[" + token.text + "]" : token.text);
    }
    return out.toString();
  }

  private static byte[] decodeWord(String charset, String encoding, String text) {
    try {
      Charset.forName(charset);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
    if (encoding.equalsIgnoreCase("B")) {
      try {
        return Base64.getMimeDecoder().decode(text);
      } catch (IllegalArgumentException broken) {
        return null;
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        bytes.write(' ');
      } else if (c == '=' && isHex(text, i + 1)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }

  private static boolean isHex(String text, int at) {
    return at + 1 < text.length()
        && Character.digit(text.charAt(at), 16) >= 0
        && Character.digit(text.charAt(at + 1), 16) >= 0;
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
    if (pending.size() > 0) {
      out.append(new String(pending.toByteArray(), Charset.forName(charset)));
      pending.reset();
    }
  }

  // --- tokens --------------------------------------------------------------------------------

  private enum Kind {
    ATOM,
    QUOTED,
    LITERAL,
    SPECIAL,
    COMMENT,
    ERROR
  }

  /**
   * One lexical unit. {@code text}: an atom's characters, a quoted string's or comment's content
   * (unescaped, unfolded), a literal's content without brackets, a special character, or an error's
   * reason. {@code spaceBefore}: whitespace or a comment precedes it.
   */
  private record Token(Kind kind, String text, boolean spaceBefore, int start, int end) {
    boolean is(char special) {
      return kind == Kind.SPECIAL && text.charAt(0) == special;
    }
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>();
    int n = s.length();
    int i = 0;
    boolean space = false;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        space = true;
        i++;
      } else if (c == '(') {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        int j = i + 1;
        for (; j < n && depth > 0; j++) {
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < n) {
            text.append(s.charAt(++j));
            continue;
          }
          depth += d == '(' ? 1 : d == ')' ? -1 : 0;
          if (depth > 0) {
            text.append(d);
          }
        }
        if (depth > 0) {
          tokens.add(
              new Token(
                  Kind.ERROR, "unbalanced parentheses: a comment is not closed", space, i, n));
          return tokens;
        }
        tokens.add(new Token(Kind.COMMENT, text.toString(), space, i, j));
        space = true;
        i = j;
      } else if (c == '"') {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        boolean closed = false;
        while (j < n) {
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < n) {
            text.append(s.charAt(j + 1));
            j += 2;
          } else if (d == '"') {
            closed = true;
            j++;
            break;
          } else {
            if (d != '\r' && d != '\n') { // folding whitespace unfolds to its WSP
              text.append(d);
            }
            j++;
          }
        }
        if (!closed) {
          tokens.add(
              new Token(
                  Kind.ERROR, "unbalanced quotes: a quoted string is not closed", space, i, n));
          return tokens;
        }
        tokens.add(new Token(Kind.QUOTED, text.toString(), space, i, j));
        space = false;
        i = j;
      } else if (c == '[') {
        int j = s.indexOf(']', i);
        int nested = s.indexOf('[', i + 1);
        if (j < 0 || (nested >= 0 && nested < j)) {
          tokens.add(new Token(Kind.ERROR, "unbalanced brackets: '[' is not closed", space, i, n));
          return tokens;
        }
        tokens.add(new Token(Kind.LITERAL, s.substring(i + 1, j), space, i, j + 1));
        space = false;
        i = j + 1;
      } else if ("<>@,;:.".indexOf(c) >= 0) {
        tokens.add(new Token(Kind.SPECIAL, String.valueOf(c), space, i, i + 1));
        space = false;
        i++;
      } else if (c == ')' || c == ']' || c == '\\') {
        String reason =
            c == '\\'
                ? "a backslash outside quotes"
                : "unbalanced "
                    + (c == ')' ? "parentheses" : "brackets")
                    + ": '"
                    + c
                    + "' without its opening";
        tokens.add(new Token(Kind.ERROR, reason, space, i, i + 1));
        space = false;
        i++;
      } else {
        int j = i;
        while (j < n && DELIMITERS.indexOf(s.charAt(j)) < 0) {
          j++;
        }
        tokens.add(new Token(Kind.ATOM, s.substring(i, j), space, i, j));
        space = false;
        i = j;
      }
    }
    return tokens;
  }

  /** The index of the ':' that makes the element at {@code pos} a group, or -1. */
  private static int groupColon(List<Token> tokens, int pos) {
    for (int i = pos; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is(':')) {
        return i;
      }
      if (token.kind == Kind.SPECIAL && !token.is('.')) {
        return -1;
      }
      if (token.kind == Kind.ERROR || token.kind == Kind.LITERAL) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Where the element starting at {@code pos} ends: the next ',' or ';' outside {@code <>} (';'
   * ends a group, and outside one it is read as the separator some mail clients write).
   */
  private static int elementEnd(List<Token> tokens, int pos) {
    boolean inAngle = false;
    for (int i = pos; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is('<')) {
        inAngle = true;
      } else if (token.is('>')) {
        inAngle = false;
      } else if (!inAngle && (token.is(',') || token.is(';'))) {
        return i;
      }
    }
    return tokens.size();
  }

  private static int indexOf(List<Token> tokens, char special, int from) {
    for (int i = from; i < tokens.size(); i++) {
      if (tokens.get(i).is(special)) {
        return i;
      }
    }
    return -1;
  }
}
