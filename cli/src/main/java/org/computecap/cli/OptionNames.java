package org.computecap.cli;

import java.util.Map;

/**
 * Puts the user's option name in front of an error from the economics library. The library names
 * its own parameters ({@code p must be finite and >= 0, was -1.0}); someone who typed {@code
 * --price -1} should see {@code --price} in the message, so each verb maps the library's parameter
 * names to its options. A message that names no mapped parameter passes through unchanged.
 */
final class OptionNames {

  private OptionNames() {}

  static IllegalArgumentException named(
      IllegalArgumentException e, Map<String, String> optionOfParameter) {
    String message = String.valueOf(e.getMessage());
    int end = 0;
    while (end < message.length() && Character.isJavaIdentifierPart(message.charAt(end))) {
      end++;
    }
    String option = optionOfParameter.get(message.substring(0, end));
    return option == null ? e : new IllegalArgumentException(option + ": " + message, e);
  }
}
