package dev.tempodesk.bench.memory;

import java.lang.management.ManagementFactory;

/**
 * Heap in use after full collections: what stays reachable, not what happens to be allocated. A few
 * rounds, because one collection can leave objects whose finalisation or reference processing frees
 * more in the next.
 */
final class HeapMeter {
  private static final int ROUNDS = 4;

  private HeapMeter() {}

  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < ROUNDS; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
