package io.voucherflow.staff.rest;

import io.smallrye.mutiny.Uni;
import io.voucherflow.security.Roles;
import io.voucherflow.staff.Post;
import io.voucherflow.staff.service.PostService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Posts (岗位) and the task kinds they own. */
@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

  @Inject PostService service;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.AUDITOR})
  @Operation(summary = "List posts")
  public Uni<List<Post>> list() {
    return service.list();
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({Roles.ADMIN, Roles.CENTRE_SUPERVISOR, Roles.AUDITOR})
  @Operation(summary = "One post")
  public Uni<Post> get(@PathParam("code") String code) {
    return service.get(code);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Define a post")
  public Uni<Response> create(@Valid @NotNull CreatePostRequest r) {
    return service
        .create(r.code(), r.name(), r.taskKinds(), r.skills())
        .map(p -> Response.created(URI.create("/api/posts/" + p.code)).entity(p).build());
  }
}
