package org.smcbench.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;
import picocli.CommandLine.Option;

/** {@code --conf FILE} and repeatable {@code --set key=value}, shared by every command. */
public final class ConfigOptions {
  @Option(names = "--conf", paramLabel = "FILE", description = "HOCON file layered over reference.conf.")
  File conf;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one key (repeatable), e.g. --set training.steps=100; the smc. prefix is optional.")
  List<String> sets = new ArrayList<>();

  Settings load() {
    return ConfigLoader.load(conf, sets);
  }
}
