package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {

  @Test
  void the_completion_script_completes_every_verb_and_their_options() {
    CliRun run = CliRun.of("completion");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_computecap")
        .contains("simulate")
        .contains("scenarios")
        .contains("--replications")
        .contains("--population")
        .contains("--noise-sigma");
  }
}
