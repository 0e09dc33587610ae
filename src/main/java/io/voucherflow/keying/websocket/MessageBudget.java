package io.voucherflow.keying.websocket;

/**
 * A token bucket bounding the messages one connection may send: {@code perSecond} on average,
 * {@code burst} at once. A console sends a few messages a second; a flood is refused message by
 * message without closing the connection.
 */
final class MessageBudget {

  private final double perNano;
  private final int burst;
  private double tokens;
  private long last;

  MessageBudget(int perSecond, int burst, long now) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one message from the budget; false when it is spent. */
  synchronized boolean take(long now) {
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens--;
    return true;
  }
}
