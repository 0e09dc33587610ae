package io.voucherflow.staff.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.staff.Post;
import io.voucherflow.staff.repository.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Defines posts and the task kinds they own. */
@ApplicationScoped
public class PostService {

  private final PostRepository posts;
  private final AuditService audit;

  @Inject
  public PostService(PostRepository posts, AuditService audit) {
    this.posts = posts;
    this.audit = audit;
  }

  @WithSession
  public Uni<List<Post>> list() {
    return posts.listAll(Sort.by("code"));
  }

  @WithSession
  public Uni<Post> get(String code) {
    return posts
        .findById(code)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("post.not-found", "No post " + code));
  }

  @WithTransaction
  public Uni<Post> create(String code, String name, List<String> taskKinds, List<String> skills) {
    return posts
        .findById(code)
        .invoke(
            existing -> {
              if (existing != null) {
                throw new RuleViolationException(
                    "post.code-taken", "Post " + code + " already exists");
              }
            })
        .chain(
            () -> {
              Post post = new Post();
              post.code = code;
              post.name = name;
              post.taskKinds = taskKinds.toArray(String[]::new);
              post.skills = skills.toArray(String[]::new);
              return posts.persist(post);
            })
        .call(
            post ->
                audit.record(
                    "post.created",
                    "post",
                    code,
                    Map.of("name", name, "taskKinds", taskKinds, "skills", skills)));
  }
}
