package io.voucherflow.process;

import java.util.Set;

/**
 * What a definition may refer to outside itself: the posts (岗位) defined in the staff feature and
 * the stored sub-process versions, as {@code CODE/version}.
 */
public record KnownReferences(Set<String> posts, Set<String> subProcesses) {}
