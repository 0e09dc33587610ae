package io.voucherflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voucherflow.pipeline.Pipeline.StageGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipelineTest {

  private static final StageKey<String> TRAIL = StageKey.of("trail", String.class);

  @Test
  void shouldRunEveryStageOnceInOrderAcrossShards() throws Exception {
    Map<UUID, AtomicInteger> deskewed = new ConcurrentHashMap<>();
    Collector out = new Collector();
    try (Pipeline pipeline =
        new Pipeline(
            64,
            List.of(
                new StageGroup(append("decode"), 2),
                new StageGroup(
                    stage(
                        "deskew",
                        e -> {
                          deskewed
                              .computeIfAbsent(e.voucherId(), k -> new AtomicInteger())
                              .incrementAndGet();
                          e.put(TRAIL, e.get(TRAIL) + ">deskew");
                        }),
                    3),
                new StageGroup(append("slice"), 1)),
            out,
            8,
            new SimpleMeterRegistry())) {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        while (!pipeline.offer(VoucherWork.of(id))) {
          Thread.onSpinWait();
        }
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> out.done.size() == 200);
      assertThat(out.done.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(out.done.values()).allMatch(trail -> trail.equals(">decode>deskew>slice"));
      assertThat(deskewed.values()).allMatch(count -> count.get() == 1);
      assertThat(out.timed)
          .allMatch(stages -> stages.containsAll(List.of("decode", "deskew", "slice")));
    }
  }

  @Test
  void shouldStopAFailedVoucherAndReportTheStage() throws Exception {
    Collector out = new Collector();
    UUID bad = UUID.randomUUID();
    try (Pipeline pipeline =
        new Pipeline(
            16,
            List.of(
                new StageGroup(
                    stage(
                        "identify",
                        e -> {
                          if (e.voucherId().equals(bad)) {
                            throw new IllegalStateException("no template matches");
                          }
                          e.put(TRAIL, "identified");
                        }),
                    1),
                new StageGroup(append("slice"), 1)),
            out,
            8,
            new SimpleMeterRegistry())) {
      UUID good = UUID.randomUUID();
      pipeline.offer(VoucherWork.of(bad));
      pipeline.offer(VoucherWork.of(good));
      await().atMost(Duration.ofSeconds(5)).until(() -> out.done.size() + out.failed.size() == 2);
      assertThat(out.failed).containsEntry(bad, "identify");
      assertThat(out.done).containsEntry(good, "identified>slice");
    }
  }

  @Test
  void shouldRefuseWorkWhenTheRingIsFullAndLoseNothingItAccepted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Collector out = new Collector();
    try (Pipeline pipeline =
        new Pipeline(
            8,
            List.of(
                new StageGroup(
                    stage(
                        "ocr",
                        e -> {
                          release.await(10, TimeUnit.SECONDS);
                          e.put(TRAIL, "read");
                        }),
                    1)),
            out,
            4,
            new SimpleMeterRegistry())) {
      List<UUID> accepted = new ArrayList<>();
      int refused = 0;
      for (int i = 0; i < 20; i++) {
        UUID id = UUID.randomUUID();
        if (pipeline.offer(VoucherWork.of(id))) {
          accepted.add(id);
        } else {
          refused++;
        }
      }
      assertThat(accepted).hasSize(8);
      assertThat(refused).isEqualTo(12);
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> out.done.size() == 8);
      assertThat(out.done.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
    }
  }

  private static PipelineStage append(String name) {
    return stage(name, e -> e.put(TRAIL, (e.get(TRAIL) == null ? "" : e.get(TRAIL)) + ">" + name));
  }

  private static PipelineStage stage(String name, ThrowingConsumer body) {
    return new PipelineStage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void process(VoucherEvent event) throws Exception {
        body.accept(event);
      }
    };
  }

  @FunctionalInterface
  private interface ThrowingConsumer {
    void accept(VoucherEvent e) throws Exception;
  }

  /** The last stage: remembers what each voucher carried when it left the ring. */
  private static final class Collector implements BatchingStage {
    final Map<UUID, String> done = new ConcurrentHashMap<>();
    final Map<UUID, String> failed = new ConcurrentHashMap<>();
    final List<java.util.Set<String>> timed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void flush(List<VoucherEvent> batch) {
      for (VoucherEvent e : batch) {
        if (e.failed()) {
          failed.put(e.voucherId(), e.failedStage());
        } else {
          done.put(e.voucherId(), e.get(TRAIL));
          timed.add(e.stageMillis().keySet());
        }
      }
    }
  }
}
