package org.computecap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A meter's Ed25519 key file (issue 17): PKCS#8 in PEM ({@code -----BEGIN PRIVATE KEY-----}),
 * created readable and writable by its owner only, and never overwritten.
 */
final class MeterKeys {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private MeterKeys() {}

  /** A new key pair (the JDK's Ed25519, its own strong random source). */
  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** Writes the private key to a new file of mode 0600; refuses an existing file. */
  static void write(Path file, PrivateKey key) throws IOException {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    String pem = BEGIN + "\n" + b64 + "\n" + END + "\n";
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("--out: " + file + " exists; a key is never overwritten");
    }
    Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
  }

  /** Reads a key file that {@link #write} wrote. */
  static PrivateKey read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("--key: cannot read " + file + ": " + e.getMessage());
    }
    String body = text.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--key: " + file + " is not a PKCS#8 Ed25519 private key (computecap meter keygen)");
    }
  }
}
