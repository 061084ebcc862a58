package org.computecap.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.journal.PrivateFiles;

/**
 * The server's signing key: an Ed25519 key pair created on first start in {@code DIR/server-key}
 * (mode 0600, written to a temporary file, synced and renamed, so a crash never leaves half a key)
 * and loaded on every later start. It signs the journal checkpoints; its public half travels in
 * every checkpoint line, and its fingerprint is what operators compare.
 */
public final class ServerKey {
  /** The key file's name inside the data directory. */
  public static final String FILE_NAME = "server-key";

  private static final String ALGORITHM = "Ed25519";

  private ServerKey() {}

  /** The key pair in {@code dataDir}, created there when absent. */
  public static KeyPair loadOrCreate(Path dataDir) {
    Path path = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(path)) {
        return load(path);
      }
      KeyPair key = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      write(path, key);
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime cannot make " + ALGORITHM + " keys", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the server key " + path, e);
    }
  }

  private static KeyPair load(Path path) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    try {
      KeyFactory f = KeyFactory.getInstance(ALGORITHM);
      Base64.Decoder b64 = Base64.getDecoder();
      return new KeyPair(
          f.generatePublic(new X509EncodedKeySpec(b64.decode(require(fields, "public", path)))),
          f.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(require(fields, "private", path)))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the server key "
              + path
              + " is damaged ("
              + e.getMessage()
              + "); restore it from a backup, or move it away to make a new key"
              + " (checkpoints signed by the old key stay valid under that key)",
          e);
    }
  }

  private static String require(Map<String, String> fields, String name, Path path) {
    String v = fields.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no '" + name + "=' line in " + path);
    }
    return v;
  }

  private static void write(Path path, KeyPair key) throws IOException {
    Base64.Encoder b64 = Base64.getEncoder();
    String text =
        "# computecap server key (Ed25519): signs the journal checkpoints. Keep it private.\n"
            + "public="
            + b64.encodeToString(key.getPublic().getEncoded())
            + "\nprivate="
            + b64.encodeToString(key.getPrivate().getEncoded())
            + "\n";
    Path tmp = path.resolveSibling(FILE_NAME + ".tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel ch = PrivateFiles.createNew(tmp)) {
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(path.toAbsolutePath().getParent())) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort, as for the journal: some platforms cannot sync a directory.
    }
  }
}
