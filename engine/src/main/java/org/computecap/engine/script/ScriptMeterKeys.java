package org.computecap.engine.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ed25519 key pairs named in scenario scripts and tests (issue 17): a fixed, published table
 * ({@code meter-keys.txt} beside this class: alice, bob, carol, dave, erin, mallory, sim-0 to
 * sim-9), so a script that registers a meter with {@code key=alice} and signs its readings with
 * {@code key=alice} replays identically, and {@code key=mallory} is a different key. For tests and
 * dry runs only: a real meter's key comes from {@code computecap meter keygen}.
 */
public final class ScriptMeterKeys {
  private static final Map<String, KeyPair> KEYS = load();

  private ScriptMeterKeys() {}

  /** The key pair of this name; an unknown name is refused naming the known ones. */
  public static KeyPair pair(String name) {
    KeyPair p = KEYS.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "key: no test key named '"
              + name
              + "' (known: "
              + String.join(", ", KEYS.keySet())
              + ")");
    }
    return p;
  }

  private static Map<String, KeyPair> load() {
    Map<String, KeyPair> keys = new TreeMap<>();
    try (InputStream in = ScriptMeterKeys.class.getResourceAsStream("meter-keys.txt");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      KeyFactory f = KeyFactory.getInstance("Ed25519");
      Base64.Decoder b64 = Base64.getDecoder();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] nameKeys = line.split("=", 2);
        String[] pair = nameKeys[1].split(" ");
        keys.put(
            nameKeys[0],
            new KeyPair(
                f.generatePublic(new X509EncodedKeySpec(b64.decode(pair[1]))),
                f.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(pair[0])))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the test meter keys", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
    return keys;
  }
}
