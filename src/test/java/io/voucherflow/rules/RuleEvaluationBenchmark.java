package io.voucherflow.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of each shipped rule, compiled once, on one thread (issue #4: at least
 * 1,000,000 per second on one core). Not a test: run it by hand (README, "Benchmarks").
 *
 * <p>Each rule is evaluated over a ring of realistic voucher facts built the way {@link
 * VoucherFacts} builds them; every value the timed loop produced is kept and checked against the
 * expected one after each iteration, so a fast wrong answer fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleEvaluationBenchmark {

  /** One voucher's facts and the value each rule must give for them. */
  private record Sample(
      Map<String, Object> facts, boolean phone, String seal, boolean wordsMatch, long priority) {}

  private static final long DEADLINE = 29_875_260L;

  private static final List<Sample> SAMPLES =
      List.of(
          sample("TRANSFER", 80_000, "捌佰元整", "800.00", false, "auto", true, -DEADLINE),
          sample(
              "TRANSFER", 200_000_000, "贰佰万元整", "2000000.00", true, "both", true, 120 - DEADLINE),
          sample(
              "REMITTANCE",
              15_000_000,
              "壹拾伍万元整",
              "150000.00",
              false,
              "manual",
              true,
              90 - DEADLINE),
          sample(
              "WIRE_TRANSFER",
              25_000_000,
              "贰拾伍万元整",
              "250000.00",
              true,
              "manual",
              true,
              90 - DEADLINE),
          sample("DEPOSIT", 140_950, "壹仟肆佰零玖元伍角", "1409.50", false, "auto", true, -DEADLINE),
          sample(
              "CHEQUE_PAYMENT",
              6_543_210,
              "陆万伍仟肆佰叁拾贰元壹角",
              "65432.10",
              false,
              "manual",
              true,
              -DEADLINE),
          sample(
              "CHEQUE_COLLECTION",
              120_000_000,
              "壹佰贰拾万元整",
              "1200000.00",
              true,
              "both",
              true,
              120 - DEADLINE),
          // Words and figures differ: the check fails (the case goes back to the branch).
          sample("TRANSFER", 1_000_000, "壹万元整", "10000.01", false, "auto", false, -DEADLINE));

  private static Sample sample(
      String type,
      long cents,
      String words,
      String figures,
      boolean phone,
      String seal,
      boolean wordsMatch,
      long priority) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("voucher.businessType", type);
    facts.put("voucher.templateCode", "TRANSFER_CHEQUE");
    facts.put("voucher.branch", "BR001");
    facts.put("voucher.teller", "teller1");
    facts.put("voucher.currency", "CNY");
    facts.put("voucher.amountCents", cents);
    facts.put(
        "fields",
        Map.of(
            "amount_words",
            words,
            "amount_figures",
            figures,
            "payee_account",
            "6222020200112233445",
            "payee_name",
            "上海某某贸易有限公司"));
    facts.put("ocr.values", Map.of("amount_figures", figures));
    facts.put("ocr.confidence", Map.of("amount_figures", 0.97d));
    facts.put("now.minuteOfDay", 615L);
    facts.put("now.date", "2026-10-20");
    facts.put("now.dayOfWeek", 2L);
    facts.put("cutoff.minuteOfDay", 1020L);
    facts.put("cutoff.deadline", DEADLINE);
    return new Sample(RuleFacts.of(facts), phone, seal, wordsMatch, priority);
  }

  /** Samples per ring; a power of two so the next index is a mask. */
  private static final int RING = SAMPLES.size();

  private CompiledRule phone;
  private CompiledRule seal;
  private CompiledRule words;
  private CompiledRule priority;
  private Map<String, Object>[] facts;
  private final Object[][] seen = new Object[4][RING];
  private int next;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void compile() {
    RuleCompiler compiler = new RuleCompiler();
    Map<String, ShippedRules.ShippedRule> shipped = new LinkedHashMap<>();
    ShippedRules.all().forEach(r -> shipped.put(r.code(), r));
    phone = compile(compiler, shipped.get("phone-verification.large-amount"));
    seal = compile(compiler, shipped.get("seal-check.mode-by-amount"));
    words = compile(compiler, shipped.get("data-check.amount-words-match-figures"));
    priority = compile(compiler, shipped.get("priority.default"));
    facts = SAMPLES.stream().map(Sample::facts).toArray(Map[]::new);
  }

  private static CompiledRule compile(RuleCompiler compiler, ShippedRules.ShippedRule rule) {
    return compiler.compile(rule.expression(), rule.kind());
  }

  private int advance() {
    int i = next;
    next = (i + 1) & (RING - 1);
    return i;
  }

  @Benchmark
  public Object phoneVerificationLargeAmount() {
    int i = advance();
    return seen[0][i] = phone.evaluate(facts[i]);
  }

  @Benchmark
  public Object sealCheckModeByAmount() {
    int i = advance();
    return seen[1][i] = seal.evaluate(facts[i]);
  }

  @Benchmark
  public Object dataCheckAmountWordsMatchFigures() {
    int i = advance();
    return seen[2][i] = words.evaluate(facts[i]);
  }

  @Benchmark
  public Object priorityDefault() {
    int i = advance();
    return seen[3][i] = priority.evaluate(facts[i]);
  }

  /**
   * After timing: the rule this run evaluated gave the right value for every sample (the values
   * kept are the ones the timed loop produced), then the record is cleared for the next iteration.
   */
  @TearDown(Level.Iteration)
  public void check() {
    int checked = 0;
    for (int rule = 0; rule < seen.length; rule++) {
      if (seen[rule][0] == null) {
        continue;
      }
      for (int i = 0; i < RING; i++) {
        Sample s = SAMPLES.get(i);
        Object expected =
            switch (rule) {
              case 0 -> s.phone();
              case 1 -> s.seal();
              case 2 -> s.wordsMatch();
              default -> s.priority();
            };
        if (!Objects.equals(seen[rule][i], expected)) {
          throw new IllegalStateException(
              "rule " + rule + " gave " + seen[rule][i] + " for sample " + i + ", not " + expected);
        }
        checked++;
      }
      java.util.Arrays.fill(seen[rule], null);
    }
    if (checked == 0) {
      throw new IllegalStateException("no evaluation was recorded");
    }
  }
}
