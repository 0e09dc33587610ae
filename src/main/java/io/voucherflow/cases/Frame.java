package io.voucherflow.cases;

/**
 * One call a token is inside: the calling process version and its {@code call} node, to return to
 * when the sub-process reaches {@code done}.
 */
public record Frame(String process, int version, String node) {}
