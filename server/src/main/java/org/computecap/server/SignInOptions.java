package org.computecap.server;

import java.net.URI;

/**
 * How persons sign in through a browser (issue 16): whether the session cookie is always marked
 * {@code Secure} (it is anyway on a request that came over https; set this behind a TLS-terminating
 * proxy), the sessions' idle and absolute lifetimes, and, for operators with an identity provider,
 * the OpenID Connect issuer, client id and secret (null issuer: no OpenID Connect sign-in).
 */
public record SignInOptions(
    boolean secureCookies,
    long idleMs,
    long absoluteMs,
    URI oidcIssuer,
    String oidcClientId,
    String oidcClientSecret) {
  /** 30 minutes idle, 12 hours at most, no OpenID Connect. */
  public static final SignInOptions DEFAULT =
      new SignInOptions(false, 30 * 60_000L, 12 * 3_600_000L, null, null, null);

  public SignInOptions {
    if (idleMs < 1 || absoluteMs < idleMs) {
      throw new IllegalArgumentException(
          "session lifetimes: idle must be >= 1 ms and absolute >= idle, got "
              + idleMs
              + " and "
              + absoluteMs);
    }
    if (oidcIssuer != null && (oidcClientId == null || oidcClientId.isBlank())) {
      throw new IllegalArgumentException("--oidc-issuer needs --oidc-client-id");
    }
  }

  /** These options with session lifetimes (tests use short ones). */
  public SignInOptions withLifetimes(long idle, long absolute) {
    return new SignInOptions(
        secureCookies, idle, absolute, oidcIssuer, oidcClientId, oidcClientSecret);
  }

  /** These options with an OpenID Connect provider. */
  public SignInOptions withOidc(URI issuer, String clientId, String clientSecret) {
    return new SignInOptions(secureCookies, idleMs, absoluteMs, issuer, clientId, clientSecret);
  }

  /** These options with the session cookie always marked Secure. */
  public SignInOptions withSecureCookies(boolean secure) {
    return new SignInOptions(
        secure, idleMs, absoluteMs, oidcIssuer, oidcClientId, oidcClientSecret);
  }
}
