package org.smcbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code OPENBLAS_CORETYPE} a PyTorch peer runs with when the user set none. OpenBLAS picks its
 * kernels from the CPU's model, and falls back to the generic SSE3 one (Prescott) for a model it does
 * not know (Debian's 0.3.21 on a cloud "AMD EPYC" or a newer Xeon), which makes the peer several
 * times slower than the machine allows. Choosing from the instruction-set flags instead never
 * names a kernel the CPU cannot run (SkylakeX on a CPU without AVX-512 dies of SIGILL).
 */
final class OpenBlasCoreType {
  static final String VARIABLE = "OPENBLAS_CORETYPE";
  private static final Set<String> AVX512 = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

  private OpenBlasCoreType() {}

  /** The kernel family for these {@code /proc/cpuinfo} flags: SkylakeX, Haswell (AVX2 + FMA), or none. */
  static Optional<String> forFlags(Set<String> flags) {
    if (flags.containsAll(AVX512)) {
      return Optional.of("SkylakeX");
    }
    if (flags.contains("avx2") && flags.contains("fma")) {
      return Optional.of("Haswell");
    }
    return Optional.empty();
  }

  /** The flags of the first processor in {@code cpuinfo}; empty when it has none (not Linux/x86). */
  static Set<String> flagsOf(Path cpuinfo) throws IOException {
    if (!Files.isReadable(cpuinfo)) {
      return Set.of();
    }
    for (String line : Files.readAllLines(cpuinfo)) {
      if (line.startsWith("flags")) {
        int colon = line.indexOf(':');
        return Arrays.stream(line.substring(colon + 1).trim().split("\\s+")).collect(Collectors.toSet());
      }
    }
    return Set.of();
  }

  /** This machine's choice, or empty when the user set the variable or the flags name no family. */
  static Optional<String> forThisMachine() {
    return System.getenv(VARIABLE) != null ? Optional.empty() : ThisMachine.CHOICE;
  }

  /** Read once per JVM, on first use: the CPU does not change between peer launches. */
  private static final class ThisMachine {
    static final Optional<String> CHOICE = read();

    private static Optional<String> read() {
      try {
        return forFlags(flagsOf(Path.of("/proc/cpuinfo")));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }
}
