package org.smcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenBlasCoreTypeTest {
  @TempDir
  Path dir;

  @Test
  void choosesTheWidestKernelFamilyTheFlagsAllow() {
    Set<String> epyc = Set.of("sse3", "avx", "avx2", "fma", "bmi2");
    assertEquals(Optional.of("Haswell"), OpenBlasCoreType.forFlags(epyc));
    Set<String> xeon = Set.of("avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    assertEquals(Optional.of("SkylakeX"), OpenBlasCoreType.forFlags(xeon));
    // AVX-512 foundation alone (Knights Landing) cannot run SkylakeX's BW/VL kernels.
    assertEquals(Optional.of("Haswell"), OpenBlasCoreType.forFlags(Set.of("avx2", "fma", "avx512f", "avx512cd")));
    assertEquals(Optional.empty(), OpenBlasCoreType.forFlags(Set.of("sse3", "avx")));
  }

  @Test
  void readsTheFirstProcessorsFlags() throws Exception {
    Path cpuinfo = dir.resolve("cpuinfo");
    Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse3 avx2 fma\n\n"
        + "processor\t: 1\nflags\t\t: fpu\n");
    assertEquals(Set.of("fpu", "sse3", "avx2", "fma"), OpenBlasCoreType.flagsOf(cpuinfo));
    assertEquals(Set.of(), OpenBlasCoreType.flagsOf(dir.resolve("absent")));
  }
}
