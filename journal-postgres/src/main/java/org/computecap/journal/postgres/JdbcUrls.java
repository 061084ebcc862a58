package org.computecap.journal.postgres;

import java.util.regex.Pattern;

/** Hides the password in a JDBC URL before it reaches a message or a log. */
final class JdbcUrls {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]+:)[^/@]*@");

  private JdbcUrls() {}

  static String redact(String url) {
    if (url == null) {
      return "null";
    }
    String s = PASSWORD.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(s).replaceAll("$1***@");
  }
}
