package io.voucherflow.staff.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.voucherflow.staff.Post;
import jakarta.enterprise.context.ApplicationScoped;

/** Posts in PostgreSQL, keyed by code. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, String> {}
