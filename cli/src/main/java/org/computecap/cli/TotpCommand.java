package org.computecap.cli;

import java.util.concurrent.Callable;
import org.computecap.server.Totp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computecap totp SECRET}: the current six-digit code of a TOTP secret (RFC 6238, as an
 * authenticator app computes it), so a newcomer can sign in to {@code serve --demo} with the
 * printed secret and no app. Exit 2 for a secret that is not base32.
 */
@Command(
    name = "totp",
    mixinStandardHelpOptions = true,
    description = "Print the current code of a TOTP secret (for the demo's sign-in).")
final class TotpCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "SECRET",
      description = "the base32 TOTP secret, as serve --demo prints it")
  String secret;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String s = secret.trim().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    if (!s.matches("[A-Z2-7]{16,103}")) {
      spec.commandLine()
          .getErr()
          .println(
              "totp: SECRET must be 16 to 103 base32 characters (A-Z, 2-7), got '" + secret + "'");
      return 2;
    }
    long now = System.currentTimeMillis();
    long left = Totp.STEP_SECONDS - Math.floorMod(now / 1000, Totp.STEP_SECONDS);
    spec.commandLine()
        .getOut()
        .println(Totp.code(s, now) + "  (valid for " + left + " s more; each code signs in once)");
    return 0;
  }
}
