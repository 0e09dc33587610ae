package io.voucherflow.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as a given demo user. */
public final class Api {

  static {
    // A failing assertion then shows the request and response it was about.
    io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  private Api() {}

  public static RequestSpecification as(String username) {
    return given()
        .auth()
        .oauth2(Tokens.of(username))
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  public static RequestSpecification anonymous() {
    return given().contentType(ContentType.JSON).accept(ContentType.JSON);
  }
}
