package org.computecap.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.computecap.engine.command.InvalidFieldException;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.program.AccountStatus;
import org.junit.jupiter.api.Test;

class SetAccountStatusTest {
  @Test
  void a_status_change_without_a_reason_is_malformed_naming_the_field() {
    for (String reason : new String[] {null, "", "   ", "x".repeat(201), "line\nbreak"}) {
      assertThatThrownBy(() -> new SetAccountStatus(1, AccountStatus.SUSPENDED, reason))
          .isInstanceOf(InvalidFieldException.class)
          .hasMessageContaining("reason must be 1 to 200 characters");
    }
  }

  @Test
  void a_status_change_names_a_caller_account_and_a_status() {
    assertThatThrownBy(() -> new SetAccountStatus(0, AccountStatus.OPEN, "x"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("accountId must be >= 1");
    assertThatThrownBy(() -> new SetAccountStatus(1, null, "x"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("status is required");
  }
}
