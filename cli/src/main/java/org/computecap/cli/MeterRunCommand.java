package org.computecap.cli;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.computecap.server.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computecap meter run}: the metering agent's loop (issue 17). Every {@code --interval}
 * seconds it reads the energy counters (NVML, a command or a file), makes, signs and stores the
 * meter's next reading, and sends what the outbox holds. A source that cannot be read (no NVML
 * here) is one line and exit 1; a reading the server refuses for good stops it with exit 1.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Read the energy counters, sign readings and send them, every interval.")
final class MeterRunCommand implements Callable<Integer> {
  enum Source {
    nvml,
    command,
    file
  }

  @Option(
      names = "--source",
      required = true,
      paramLabel = "nvml|command|file",
      description = "nvml, command or file")
  Source source;

  @Option(names = "--file", paramLabel = "PATH", description = "--source file: the counters")
  Path file;

  @Option(names = "--command", paramLabel = "CMD", description = "--source command: sh -c CMD")
  String command;

  @Option(names = "--server", required = true, paramLabel = "URL", description = "the server")
  URI server;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "N",
      description = "the participant account")
  long account;

  @Option(
      names = "--meter",
      required = true,
      paramLabel = "ID",
      description = "the registered meter's id")
  long meter;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "the meter's key")
  Path key;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "TOKEN",
      description = "the participant's API token")
  String token;

  @Option(
      names = "--interval",
      defaultValue = "60",
      paramLabel = "S",
      description = "seconds between readings")
  long interval;

  @Option(
      names = "--utilization",
      required = true,
      paramLabel = "U",
      description = "the assumed share of peak throughput achieved, in (0, 1]")
  BigDecimal utilization;

  @Option(
      names = "--peak-flops",
      paramLabel = "FLOPS",
      description = "dense peak FLOP/s of one device")
  Long peakFlops;

  @Option(
      names = "--gpu-model",
      paramLabel = "MODEL",
      description = "a model of the peak table (H100-SXM, A100...)")
  String gpuModel;

  @Option(names = "--outbox", paramLabel = "DIR", description = "default meter-outbox-METER")
  Path outbox;

  @Option(
      names = "--readings",
      defaultValue = "0",
      paramLabel = "N",
      description = "stop after N (0: never)")
  long readings;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (interval < 1) {
      throw new IllegalArgumentException("--interval must be >= 1 second, got " + interval);
    }
    long utilizationPpm = utilization.movePointRight(6).longValue();
    EnergySource energy;
    try {
      energy = open();
    } catch (MeterSourceException e) {
      spec.commandLine().getErr().println("computecap meter: " + e.getMessage());
      return 1;
    }
    try (energy) {
      FlopEstimate flop =
          new FlopEstimate(
              FlopEstimate.peak(peakFlops, gpuModel, energy.deviceNames()), utilizationPpm);
      MeterAgent agent =
          new MeterAgent(
              new ApiClient(server, token),
              account,
              meter,
              MeterKeys.read(key),
              energy,
              flop,
              new MeterOutbox(outbox != null ? outbox : Path.of("meter-outbox-" + meter)),
              spec.commandLine().getOut());
      return loop(agent);
    } catch (MeterSourceException | MeterAgent.RefusedException e) {
      spec.commandLine().getErr().println("computecap meter: " + e.getMessage());
      return 1;
    }
  }

  private int loop(MeterAgent agent) throws InterruptedException {
    agent.deliver();
    long made = 0;
    while (readings == 0 || made < readings) {
      if (agent.sample(Instant.now().getEpochSecond()) != null) {
        made++;
      }
      agent.deliver();
      if (readings == 0 || made < readings) {
        Thread.sleep(interval * 1000);
      }
    }
    return 0;
  }

  private EnergySource open() {
    switch (source) {
      case nvml:
        return NvmlEnergySource.open();
      case command:
        if (command == null) {
          throw new IllegalArgumentException("--source command needs --command CMD");
        }
        return new CommandEnergySource(command);
      case file:
        if (file == null) {
          throw new IllegalArgumentException("--source file needs --file PATH");
        }
        return new FileEnergySource(file);
      default:
        throw new AssertionError(source);
    }
  }
}
