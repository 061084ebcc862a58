package org.computecap.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read: the journal, its torn-tail side files, the server's checkpoints
 * and signing key. The history of a market (who traded what, at which price) is not for every
 * account on the machine, so these files are created with mode 0600 from the start, never created
 * world-readable and narrowed afterwards. Where the file system has no POSIX permissions the
 * platform's defaults apply.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private PrivateFiles() {}

  /** Opens {@code path} with {@code options}, creating it with mode 0600 if it is created. */
  public static FileChannel open(Path path, OpenOption... options) throws IOException {
    Set<OpenOption> set = Set.of(options);
    if (posix()) {
      FileAttribute<Set<PosixFilePermission>> mode =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      return FileChannel.open(path, set, mode);
    }
    return FileChannel.open(path, set);
  }

  /** Creates {@code path}, which must not exist, with mode 0600, open for writing. */
  public static FileChannel createNew(Path path) throws IOException {
    return open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
