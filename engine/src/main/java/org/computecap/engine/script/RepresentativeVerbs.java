package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.AddTrustedAccount;
import org.computecap.engine.command.AdvanceTime;
import org.computecap.engine.command.ApproveTransaction;
import org.computecap.engine.command.CancelTransaction;
import org.computecap.engine.command.CompletePersonEnrolment;
import org.computecap.engine.command.EnrolPersonTotp;
import org.computecap.engine.command.Initiate;
import org.computecap.engine.command.IssuePersonEnrolmentCode;
import org.computecap.engine.command.RegisterPerson;
import org.computecap.engine.command.RemoveTrustedAccount;
import org.computecap.engine.command.RevokePersonToken;
import org.computecap.engine.command.SetPersonOidcSubject;
import org.computecap.engine.command.SetPersonPassword;
import org.computecap.engine.command.SetRepresentative;
import org.computecap.engine.representatives.RepresentativeState;

/**
 * The representatives' words in scenario scripts (issue 15): {@code register-person id= name=
 * senior= by=}, {@code set-representative acct= person= initiator= approver= by=}, {@code
 * person-enrolment-code person= acct= code= by= expires=}, {@code person-enrol code= token=
 * expires=}, {@code revoke-person-token id= by=}, {@code approve tx= person=}, {@code cancel-tx tx=
 * person=}, {@code advance-time}, {@code trust acct= trusted=} (only inside {@code as}), the
 * sign-in words of issue 16 ({@code set-password person= hash= by=}, {@code enrol-totp person=
 * secret= by=}, {@code set-oidc-subject person= subject= by=}, {@code expect sign-in person=
 * [password=] [totp=] [subject=]}), and {@code as person= cmd=VERB ...}, which wraps any other
 * verb's command as initiated by the person ({@code as person=3 cmd=transfer from=1 to=2
 * vintage=2026 qty=5}). Expectations: {@code expect tx id= status= [refusal=]}, {@code expect
 * person-token id= [person=] [active=]}, {@code expect representatives acct= count=}, {@code expect
 * trusted acct= to= trusted=} (at the last tick).
 */
public final class RepresentativeVerbs implements ScriptVerbs {
  private final ScriptVocabulary vocabulary;

  /** The verbs; {@code as} looks the wrapped verb up in {@code vocabulary}. */
  public RepresentativeVerbs(ScriptVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "register-person",
        a ->
            new RegisterPerson(
                a.longValue("id"), a.string("name"), a.booleanValue("senior"), a.longValue("by")));
    m.put(
        "set-representative",
        a ->
            new SetRepresentative(
                a.longValue("acct"),
                a.longValue("person"),
                a.booleanValue("initiator"),
                a.booleanValue("approver"),
                a.longValue("by")));
    m.put(
        "person-enrolment-code",
        a ->
            new IssuePersonEnrolmentCode(
                a.longValue("person"),
                a.longValue("acct"),
                AccessVerbs.sha256(a.string("code")),
                a.longValue("by"),
                a.longValue("expires")));
    m.put(
        "person-enrol",
        a ->
            new CompletePersonEnrolment(
                AccessVerbs.sha256(a.string("code")),
                AccessVerbs.sha256(a.string("token")),
                a.longValue("expires")));
    m.put("revoke-person-token", a -> new RevokePersonToken(a.longValue("id"), a.longValue("by")));
    m.put("as", this::initiate);
    m.put("approve", a -> new ApproveTransaction(a.longValue("tx"), a.longValue("person")));
    m.put("cancel-tx", a -> new CancelTransaction(a.longValue("tx"), a.longValue("person")));
    m.put("advance-time", a -> new AdvanceTime());
    m.put("trust", a -> new AddTrustedAccount(a.longValue("acct"), a.longValue("trusted")));
    m.put("distrust", a -> new RemoveTrustedAccount(a.longValue("acct"), a.longValue("trusted")));
    m.put(
        "set-password",
        a -> new SetPersonPassword(a.longValue("person"), a.string("hash"), a.longValue("by")));
    m.put(
        "enrol-totp",
        a -> new EnrolPersonTotp(a.longValue("person"), a.string("secret"), a.longValue("by")));
    m.put(
        "set-oidc-subject",
        a ->
            new SetPersonOidcSubject(
                a.longValue("person"), a.string("subject"), a.longValue("by")));
    return m;
  }

  private Initiate initiate(ScriptArgs a) {
    long person = a.longValue("person");
    String verb = a.string("cmd");
    CommandVerb inner = vocabulary.command(verb);
    if (inner == null || verb.equals("as")) {
      throw new ScriptException(a.line(), "cmd must name another command verb, got " + verb);
    }
    return new Initiate(person, inner.parse(a));
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("tx", RepresentativeVerbs::transaction);
    m.put("person-token", RepresentativeVerbs::token);
    m.put(
        "representatives",
        (s, a) -> {
          int actual = reps(s).representativeCount(a.longValue("acct"));
          long expected = a.longValue("count");
          return actual == expected ? null : "representatives " + actual + ", expected " + expected;
        });
    m.put("sign-in", RepresentativeVerbs::signIn);
    m.put(
        "trusted",
        (s, a) -> {
          boolean actual = reps(s).trusts(a.longValue("acct"), a.longValue("to"), s.lastTick());
          boolean expected = a.booleanValue("trusted");
          return actual == expected ? null : "trusted is " + actual + ", expected " + expected;
        });
    return m;
  }

  private static RepresentativeState reps(EngineState s) {
    return s.feature(RepresentativeState.class);
  }

  private static String transaction(EngineState s, ScriptArgs a) {
    long id = a.longValue("id");
    RepresentativeState.Status status = reps(s).status(id);
    if (status == null) {
      return "transaction " + id + " does not exist";
    }
    RepresentativeState.Status expected = a.enumValue("status", RepresentativeState.Status.class);
    if (status != expected) {
      return "transaction " + id + " is " + status + ", expected " + expected;
    }
    if (a.has("refusal") && !a.string("refusal").equals(reps(s).refusal(id))) {
      return "transaction " + id + " was refused with '" + reps(s).refusal(id) + "'";
    }
    return null;
  }

  /** {@code expect sign-in person= [password=] [totp=] [subject=]}: what the person has set. */
  private static String signIn(EngineState s, ScriptArgs a) {
    long person = a.longValue("person");
    RepresentativeState.SignIn in = null;
    for (RepresentativeState.SignIn x : reps(s).signIns()) {
      if (x.personId() == person) {
        in = x;
      }
    }
    boolean password = in != null && !in.passwordHash().isEmpty();
    boolean totp = in != null && !in.totpSecret().isEmpty();
    String subject = in == null ? "" : in.oidcSubject();
    if (a.has("password") && a.booleanValue("password") != password) {
      return "person " + person + (password ? " has a password" : " has no password");
    }
    if (a.has("totp") && a.booleanValue("totp") != totp) {
      return "person " + person + (totp ? " has a TOTP secret" : " has no TOTP secret");
    }
    if (a.has("subject") && !a.string("subject").equals(subject)) {
      return "person " + person + "'s OpenID Connect subject is '" + subject + "'";
    }
    return null;
  }

  private static String token(EngineState s, ScriptArgs a) {
    long id = a.longValue("id");
    RepresentativeState r = reps(s);
    if (!r.tokenExists(id)) {
      return "person token " + id + " does not exist";
    }
    if (a.has("person") && a.longValue("person") != r.tokenPerson(id)) {
      return "person token " + id + " is person " + r.tokenPerson(id) + "'s";
    }
    boolean active = r.tokenActive(id, s.lastTick());
    if (a.has("active") && a.booleanValue("active") != active) {
      return "person token " + id + (active ? " is active" : " is not active");
    }
    return null;
  }
}
