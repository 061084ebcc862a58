package org.computecap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import org.computecap.engine.command.MeterSignatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code computecap meter keygen --out FILE}: a new meter key. The private key goes to FILE (PKCS#8
 * PEM, mode 0600, never overwritten); the public key, which the regulator registers, is printed and
 * written to {@code FILE.pub}.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = "Make a meter's Ed25519 key: FILE (owner-only) and FILE.pub (to register).")
final class MeterKeygenCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the key file")
  Path out;

  @Override
  public Integer call() throws IOException {
    KeyPair pair = MeterKeys.generate();
    MeterKeys.write(out, pair.getPrivate());
    String publicKey = MeterSignatures.encode(pair.getPublic());
    Path pub = out.resolveSibling(out.getFileName() + ".pub");
    Files.writeString(pub, publicKey + "\n", StandardCharsets.US_ASCII);
    System.out.println("private key: " + out + " (readable by its owner only)");
    System.out.println("public key (register it: POST /api/meters, publicKey): " + publicKey);
    return 0;
  }
}
