package org.computecap.engine.representatives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;

/**
 * What a person signs in with (issue 16): the Argon2id hash of their password, their TOTP secret
 * and their OpenID Connect subject, each as the server computed it and a command carried it. The
 * engine only keeps them (no clock, no randomness here); the server checks a password or a code
 * against them. Part of {@link RepresentativeState}, so of its canonical encoding and snapshots.
 */
final class SignIns {
  /** One person's sign-in: empty strings for what is not set. */
  static final class Entry {
    String passwordHash = "";
    long passwordSetBy;
    long passwordTick;
    String totpSecret = "";
    long totpSetBy;
    long totpTick;
    String oidcSubject = "";
  }

  final TreeMap<Long, Entry> byPerson = new TreeMap<>();

  /** OIDC subject -> person (derived from {@link #byPerson}). */
  final transient Map<String, Long> bySubject = new HashMap<>();

  Entry entry(long personId) {
    return byPerson.computeIfAbsent(personId, p -> new Entry());
  }

  /** The person that {@code subject} names, or 0. */
  long personOfSubject(String subject) {
    return bySubject.getOrDefault(subject, 0L);
  }

  void setSubject(long personId, String subject) {
    Entry e = entry(personId);
    if (!e.oidcSubject.isEmpty()) {
      bySubject.remove(e.oidcSubject);
    }
    e.oidcSubject = subject;
    bySubject.put(subject, personId);
  }

  /** For readers: every person's sign-in, by person. */
  List<RepresentativeState.SignIn> list() {
    List<RepresentativeState.SignIn> out = new ArrayList<>(byPerson.size());
    for (Map.Entry<Long, Entry> e : byPerson.entrySet()) {
      Entry s = e.getValue();
      out.add(
          new RepresentativeState.SignIn(
              e.getKey(), s.passwordHash, s.passwordTick, s.totpSecret, s.totpTick, s.oidcSubject));
    }
    return out;
  }

  void write(CanonicalWriter w) {
    w.writeInt(byPerson.size());
    for (Map.Entry<Long, Entry> e : byPerson.entrySet()) {
      Entry s = e.getValue();
      w.writeLong(e.getKey())
          .writeString(s.passwordHash)
          .writeLong(s.passwordSetBy)
          .writeLong(s.passwordTick)
          .writeString(s.totpSecret)
          .writeLong(s.totpSetBy)
          .writeLong(s.totpTick)
          .writeString(s.oidcSubject);
    }
  }

  void read(CanonicalReader r) {
    int n = r.readCount();
    for (int i = 0; i < n; i++) {
      long person = r.readLong();
      Entry s = entry(person);
      s.passwordHash = r.readString();
      s.passwordSetBy = r.readLong();
      s.passwordTick = r.readLong();
      s.totpSecret = r.readString();
      s.totpSetBy = r.readLong();
      s.totpTick = r.readLong();
      String subject = r.readString();
      if (!subject.isEmpty()) {
        setSubject(person, subject);
      }
    }
  }

  /** Every entry names a known person; the subject index is exactly derived. */
  void check(Map<Long, RepresentativeState.Person> persons) {
    Map<String, Long> subjects = new HashMap<>();
    for (Map.Entry<Long, Entry> e : byPerson.entrySet()) {
      if (!persons.containsKey(e.getKey())) {
        throw new AssertionError("an unknown person " + e.getKey() + " has a sign-in");
      }
      if (!e.getValue().oidcSubject.isEmpty()) {
        subjects.put(e.getValue().oidcSubject, e.getKey());
      }
    }
    if (!subjects.equals(bySubject)) {
      throw new AssertionError("the OpenID Connect subject index does not match the persons");
    }
  }
}
