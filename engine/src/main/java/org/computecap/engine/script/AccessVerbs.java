package org.computecap.engine.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.access.AccessState;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.CompleteEnrolment;
import org.computecap.engine.command.IssueEnrolmentCode;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.RevokeToken;

/**
 * The access feature's words in scenario scripts ({@code docs/scripts.md}). Secrets are written as
 * plain words and hashed here, as the server hashes the secrets it hands out: {@code enrolment-code
 * acct= code= by= expires=}, {@code enrol code= token= expires=}, {@code issue-token acct= token=
 * by= expires=}, {@code revoke-token id= by=}, {@code appoint-insurer acct= insurer= by=}; and
 * {@code expect token id= [acct=] [active=true|false]} (at the last command's tick), {@code expect
 * insurer acct= insurer=} (0: none).
 */
public final class AccessVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "enrolment-code",
        a ->
            new IssueEnrolmentCode(
                a.longValue("acct"),
                sha256(a.string("code")),
                a.longValue("by"),
                a.longValue("expires")));
    m.put(
        "enrol",
        a ->
            new CompleteEnrolment(
                sha256(a.string("code")), sha256(a.string("token")), a.longValue("expires")));
    m.put(
        "issue-token",
        a ->
            new IssueToken(
                a.longValue("acct"),
                sha256(a.string("token")),
                a.longValue("by"),
                a.longValue("expires")));
    m.put("revoke-token", a -> new RevokeToken(a.longValue("id"), a.longValue("by")));
    m.put(
        "appoint-insurer",
        a -> new AppointInsurer(a.longValue("acct"), a.longValue("insurer"), a.longValue("by")));
    return m;
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("token", AccessVerbs::token);
    m.put(
        "insurer",
        (s, a) -> {
          long expected = a.longValue("insurer");
          long actual = s.access().insurerOf(a.longValue("acct"));
          return expected == actual ? null : "insurer is " + actual + ", expected " + expected;
        });
    return m;
  }

  private static String token(EngineState s, ScriptArgs a) {
    long id = a.longValue("id");
    AccessState access = s.access();
    if (!access.tokenExists(id)) {
      return "token " + id + " does not exist";
    }
    if (a.has("acct") && a.longValue("acct") != access.tokenAccount(id)) {
      return "token " + id + " is account " + access.tokenAccount(id) + "'s";
    }
    boolean active = access.tokenActive(id, s.lastTick());
    if (a.has("active") && a.booleanValue("active") != active) {
      return "token " + id + (active ? " is active" : " is not active");
    }
    return null;
  }

  /** The SHA-256 of a script's secret word, as 64 lowercase hex digits. */
  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is required by every JVM", e);
    }
  }
}
