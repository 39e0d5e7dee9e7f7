package dev.tempodesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run happened on, for the report: figures without it cannot be compared. */
record Machine(String cpu, int cores, long memoryMiB, String os, String jvm, long maxHeapMiB) {

  static Machine current() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / (1024 * 1024),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch"); // not Linux: the architecture is all we know
    }
  }

  String describe() {
    return "%s, %d cores, %,d MiB RAM, %s, %s (max heap %,d MiB)"
        .formatted(cpu, cores, memoryMiB, os, jvm, maxHeapMiB);
  }
}
