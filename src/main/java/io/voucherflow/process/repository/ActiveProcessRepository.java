package io.voucherflow.process.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.voucherflow.process.ActiveProcess;
import jakarta.enterprise.context.ApplicationScoped;

/** The active version of each process code. */
@ApplicationScoped
public class ActiveProcessRepository implements PanacheRepositoryBase<ActiveProcess, String> {}
