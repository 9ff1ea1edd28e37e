package dev.ser.training.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
  @Test
  void readsVmRssFromProcStatus() {
    String status =
        "Name:\tjava\nVmPeak:\t 9000000 kB\nVmSize:\t 8978088 kB\nVmHWM:\t  300000 kB\n"
            + "VmRSS:\t  280996 kB\nRssAnon:\t  200000 kB\n";

    assertThat(ProcessMemory.rssKbOf(status)).isEqualTo(OptionalLong.of(280_996));
  }

  @Test
  void statusWithoutRssGivesNothing() {
    assertThat(ProcessMemory.rssKbOf("Name:\tkthreadd\nState:\tS (sleeping)\n")).isEmpty();
  }

  @Test
  void ownProcessHasAResidentSetOfSomeMegabytes() {
    OptionalLong rss = ProcessMemory.rssKb(ProcessHandle.current().pid());

    assertThat(rss).isPresent();
    assertThat(rss.getAsLong()).isGreaterThan(10_000);
  }

  @Test
  void g1HeapInUseComesFromTheHeapLineNotFromMetaspace() {
    String heapInfo =
        "12345:\n garbage-first heap   total 262144K, used 81234K [0x0000000600000000,"
            + " 0x0000000800000000)\n  region size 2048K, 3 young (6144K), 0 survivors (0K)\n"
            + " Metaspace       used 150000K, committed 152000K, reserved 1179648K\n";

    assertThat(ProcessMemory.heapUsedKbOf(heapInfo)).isEqualTo(OptionalLong.of(81_234));
  }

  @Test
  void parallelCollectorHeapIsTheSumOfItsGenerations() {
    String heapInfo =
        "12345:\n PSYoungGen      total 76288K, used 1310K [0x00000007ab000000)\n"
            + "  eden space 65536K, 2% used\n"
            + " ParOldGen       total 175104K, used 20000K [0x0000000701000000)\n"
            + " Metaspace       used 9000K, committed 9300K, reserved 1056768K\n";

    assertThat(ProcessMemory.heapUsedKbOf(heapInfo)).isEqualTo(OptionalLong.of(21_310));
  }

  @Test
  void cpuTicksAreUserPlusSystemTimeCountedAfterACommandNameWithSpaces() {
    String stat =
        "30411 (java main) S 30400 30411 30400 0 -1 4194560 120000 0 12 0 4512 388 0 0 20 0 97 0"
            + " 5000 8978088 70250 18446744073709551615";

    assertThat(ProcessMemory.cpuTicksOf(stat)).contains(4512L + 388L);
  }

  @Test
  void ownProcessHasUsedSomeCpu() {
    assertThat(ProcessMemory.cpuSeconds(ProcessHandle.current().pid())).get().matches(s -> s > 0);
  }
}
