package org.smcbench.cli;

import org.smcbench.config.CodeVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the code version recorded with every run. */
public final class CodeVersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"smc-bench " + CodeVersion.get()};
  }
}
